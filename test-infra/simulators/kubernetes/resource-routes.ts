/** Discovery, GET (object and list) and PATCH of the Flux custom resources. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, sendJson } from '../scenario/http-server.js';
import { apiGroupList, apiResourceList, apiVersionOf, type FluxResource } from './flux-resources.js';
import { applyJsonPatch, applyMergePatch, JsonPatchError } from './json-patch.js';
import { type KubeContext, replyStatus } from './kube-context.js';
import { badRequest, conflict, forbidden, invalid, methodNotAllowed, notFound, pathNotFound, unprocessable, unsupportedMediaType } from './kube-status.js';
import type { KubeObject } from './object-store.js';

export interface ResourcePath {
  resource: FluxResource;
  namespace?: string;
  name?: string;
  subresource?: 'status';
}

type User = ReturnType<KubeContext['auth']['authenticate']>;

export function authorize(user: User, verb: string, r: FluxResource, namespace: string, name?: string): void {
  if (!user.verbs.includes(verb)) throw forbidden(user.name, verb, r, namespace, name);
}

export function handleDiscovery(ctx: KubeContext, res: ServerResponse, path: string): boolean {
  if (path === '/api') {
    sendJson(res, 200, { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: ctx.address() }] });
    return true;
  }
  if (path === '/apis') {
    sendJson(res, 200, apiGroupList());
    return true;
  }
  const m = /^\/apis\/([^/]+)\/([^/]+)$/.exec(path);
  const list = m && apiResourceList(m[1], m[2]);
  if (list) {
    sendJson(res, 200, list);
    return true;
  }
  return false;
}

export function handleGet(ctx: KubeContext, user: User, res: ServerResponse, url: URL, p: ResourcePath): void {
  const r = p.resource;
  if (p.name) {
    authorize(user, 'get', r, p.namespace!, p.name);
    const obj = ctx.store.get(r.kind, p.namespace!, p.name);
    if (!obj) throw notFound(r, p.name);
    ctx.contract.checkObject(r, obj, `GET ${url.pathname}`);
    return sendJson(res, 200, obj);
  }
  authorize(user, 'list', r, p.namespace ?? '');
  const items = ctx.store.list(r.kind, p.namespace).filter((o) => matchesSelectors(o, url));
  const body = { apiVersion: apiVersionOf(r), kind: r.listKind, metadata: { resourceVersion: String(ctx.store.resourceVersion) }, items };
  ctx.contract.checkList(r, body, `GET ${url.pathname}`);
  sendJson(res, 200, body);
}

/** fieldSelector (metadata.name / metadata.namespace, the fields every resource supports) and equality labelSelector. */
export function matchesSelectors(o: KubeObject, url: URL): boolean {
  for (const term of (url.searchParams.get('fieldSelector') ?? '').split(',').filter(Boolean)) {
    const neg = term.includes('!=');
    const [field, value] = term.split(/!=|==|=/);
    const actual = field === 'metadata.name' ? o.metadata.name : field === 'metadata.namespace' ? o.metadata.namespace : undefined;
    if (actual === undefined) throw badRequest(`field label not supported: ${field}`);
    if (neg ? actual === value : actual !== value) return false;
  }
  for (const term of (url.searchParams.get('labelSelector') ?? '').split(',').filter(Boolean)) {
    const neg = term.includes('!=');
    const [k, v] = term.split(/!=|==|=/);
    const actual = o.metadata.labels?.[k];
    if (v === undefined ? actual === undefined : neg ? actual === v : actual !== v) return false;
  }
  return true;
}

export async function handlePatch(ctx: KubeContext, user: User, req: IncomingMessage, res: ServerResponse, url: URL, p: ResourcePath): Promise<void> {
  const r = p.resource;
  if (!p.name) throw methodNotAllowed();
  authorize(user, 'patch', r, p.namespace!, p.name);
  const contentType = (req.headers['content-type'] ?? '').split(';')[0].trim();
  if (contentType !== 'application/merge-patch+json' && contentType !== 'application/json-patch+json') {
    // Custom resources have no strategic merge patch; server-side apply is not simulated (see README).
    throw unsupportedMediaType(contentType || '(none)');
  }
  const current = ctx.store.get(r.kind, p.namespace!, p.name);
  if (!current) throw notFound(r, p.name);
  let patch: unknown;
  try {
    patch = JSON.parse(await readBody(req));
  } catch (err) {
    throw badRequest(`error decoding patch: ${(err as Error).message}`);
  }
  let patched: KubeObject;
  try {
    patched = (contentType === 'application/merge-patch+json' ? applyMergePatch(current, patch) : applyJsonPatch(current, patch)) as KubeObject;
  } catch (err) {
    if (err instanceof JsonPatchError) throw err.malformed ? badRequest(err.message) : unprocessable(err.message);
    throw err;
  }
  if (patched.metadata?.resourceVersion !== undefined && patched.metadata.resourceVersion !== current.metadata.resourceVersion) throw conflict(r, p.name);
  // The status subresource splits writes: the main resource ignores status, /status ignores everything else.
  const next: KubeObject =
    p.subresource === 'status'
      ? { ...current, status: patched.status }
      : {
          ...patched,
          apiVersion: current.apiVersion,
          kind: current.kind,
          status: current.status,
          metadata: {
            ...patched.metadata,
            name: current.metadata.name,
            namespace: current.metadata.namespace,
            uid: current.metadata.uid,
            creationTimestamp: current.metadata.creationTimestamp,
            generation: current.metadata.generation,
            resourceVersion: current.metadata.resourceVersion,
          },
        };
  const { pruned, causes } = ctx.contract.admit(r, next as unknown as Record<string, unknown>);
  if (pruned.length > 0 && url.searchParams.get('fieldValidation') === 'Strict') {
    throw badRequest(`strict decoding error: ${pruned.map((f) => `unknown field "${f}"`).join(', ')}`);
  }
  if (causes.length > 0) throw invalid(r, p.name, causes);
  const specChanged = JSON.stringify(next.spec) !== JSON.stringify(current.spec);
  const stored = ctx.store.update(r.kind, p.namespace!, p.name, (o) => {
    Object.assign(o, next);
    // Only spec changes move metadata.generation; annotations (a reconcile request) do not.
    if (specChanged) o.metadata.generation = current.metadata.generation + 1;
  })!;
  ctx.contract.checkObject(r, stored, `PATCH ${url.pathname}`);
  const warnings = url.searchParams.get('fieldValidation') === 'Ignore' ? [] : pruned.map((f) => `299 - "unknown field \\"${f}\\""`);
  sendJson(res, 200, stored, warnings.length > 0 ? { Warning: warnings } : {});
}

export function parseResourcePath(path: string, lookup: (g: string, v: string, plural: string) => FluxResource | undefined): ResourcePath | undefined {
  const namespaced = /^\/apis\/([^/]+)\/([^/]+)\/namespaces\/([^/]+)\/([^/]+)(?:\/([^/]+))?(?:\/(status))?$/.exec(path);
  if (namespaced) {
    const resource = lookup(namespaced[1], namespaced[2], namespaced[4]);
    if (!resource) throw pathNotFound();
    return { resource, namespace: namespaced[3], name: namespaced[5], subresource: namespaced[6] as 'status' | undefined };
  }
  const clusterWide = /^\/apis\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(path);
  if (clusterWide) {
    const resource = lookup(clusterWide[1], clusterWide[2], clusterWide[3]);
    if (!resource) throw pathNotFound();
    return { resource };
  }
  return undefined;
}

export { replyStatus };
