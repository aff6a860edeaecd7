/**
 * Errors in the API server's `Status` shape (k8s.io/apimachinery/pkg/api/errors), with the same
 * reasons, codes and message wording, so clients' error handling meets what a cluster sends.
 */
import type { FluxResource } from './flux-resources.js';

export interface StatusCause {
  reason: string;
  message: string;
  field?: string;
}

export interface KubeStatus {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure';
  message: string;
  reason: string;
  details?: { name?: string; group?: string; kind?: string; causes?: StatusCause[]; retryAfterSeconds?: number };
  code: number;
}

export class KubeError extends Error {
  constructor(readonly status: KubeStatus) {
    super(status.message);
  }
}

function status(code: number, reason: string, message: string, details?: KubeStatus['details']): KubeError {
  return new KubeError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, ...(details ? { details } : {}), code });
}

const groupResource = (r: FluxResource): string => `${r.plural}.${r.group}`;

export const notFound = (r: FluxResource, name: string): KubeError =>
  status(404, 'NotFound', `${groupResource(r)} "${name}" not found`, { name, group: r.group, kind: r.plural });

export const unauthorized = (): KubeError => status(401, 'Unauthorized', 'Unauthorized');

export function forbidden(user: string, verb: string, r: FluxResource, namespace: string, name?: string): KubeError {
  const subject = name ? `${groupResource(r)} "${name}"` : groupResource(r);
  return status(
    403,
    'Forbidden',
    `${subject} is forbidden: User "${user}" cannot ${verb} resource "${r.plural}" in API group "${r.group}" in the namespace "${namespace}"`,
    { ...(name ? { name } : {}), group: r.group, kind: r.plural },
  );
}

export const invalid = (r: FluxResource, name: string, causes: StatusCause[]): KubeError =>
  status(422, 'Invalid', `${r.kind}.${r.group} "${name}" is invalid: ${causes.map((c) => `${c.field ? `${c.field}: ` : ''}${c.message}`).join(', ')}`, {
    name,
    group: r.group,
    kind: r.kind,
    causes,
  });

/** A JSON patch that cannot be applied (apiserver: NewGenericServerResponse(422, ...)). */
export const unprocessable = (message: string): KubeError => status(422, 'Invalid', message);

export const conflict = (r: FluxResource, name: string): KubeError =>
  status(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${groupResource(r)} "${name}": the object has been modified; ` +
      `please apply your changes to the latest version and try again`,
    { name, group: r.group, kind: r.plural },
  );

export const badRequest = (message: string): KubeError => status(400, 'BadRequest', message);

export const unsupportedMediaType = (contentType: string): KubeError =>
  status(
    415,
    'UnsupportedMediaType',
    `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, ` +
      `application/apply-patch+yaml (got ${contentType})`,
  );

export const methodNotAllowed = (): KubeError => status(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');

export const pathNotFound = (): KubeError => status(404, 'NotFound', 'the server could not find the requested resource', {});

/** Watch from a compacted resourceVersion: sent as an ERROR event on a 200 stream, not as an HTTP status. */
export const expired = (requested: number, oldest: number): KubeError => status(410, 'Expired', `too old resource version: ${requested} (${oldest})`);

/** What kube-apiserver answers for injected 5xx faults. */
export function serverError(code: number, message?: string): KubeError {
  if (code === 503) return status(503, 'ServiceUnavailable', message ?? 'the server is currently unable to handle the request', { retryAfterSeconds: 1 });
  if (code === 504)
    return status(504, 'Timeout', message ?? 'the server was unable to return a response in the time allotted, but may still be processing the request');
  if (code === 429)
    return status(429, 'TooManyRequests', message ?? 'the server has received too many requests and has asked us to try again later', { retryAfterSeconds: 1 });
  return status(code, 'InternalError', message ?? `Internal error occurred: injected fault (HTTP ${code})`, {
    causes: [{ reason: '', message: 'injected fault' }],
  });
}
