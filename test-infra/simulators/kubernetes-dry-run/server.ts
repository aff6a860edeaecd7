/**
 * A local stand-in for the Kubernetes API server, just enough for the real
 * `kubectl apply --dry-run=server --validate=strict`: discovery, OpenAPI v3
 * (so kubectl leaves field validation to the server), the object GET, and the
 * dry-run POST or PATCH, answering errors in the API server's own `Status`
 * shape. It refuses any write that is not a dry-run: validate must never change
 * a cluster. It serves HTTPS with a throw-away CA (kubectl sends a bearer token
 * over TLS only), and the kubeconfig it hands out trusts that CA.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { apiGroupList, apiResourceList, apiVersions, BUILT_IN_RESOURCES, openApiDocument, openApiIndex, prefixOf, type ApiResource } from './api-resources.js';
import { generateCertificates } from '../scenario/tls.js';
import { checkObject, type Webhook } from './server-validation.js';

export interface DryRunScenario {
  /** Namespaces that exist (default: default, kube-system). */
  namespaces?: string[];
  /** Objects already in the cluster: kubectl's GET finds them and it PATCHes instead of POSTing. */
  existing?: Array<Record<string, unknown>>;
  /** Custom resources the cluster serves (their CRDs installed). */
  customResources?: ApiResource[];
  /** Admission webhooks; one without sideEffects None refuses dry-run requests, as the API server does. */
  webhooks?: Webhook[];
  /** The bearer token kubectl must send (default: any). */
  token?: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: string;
}

export interface DryRunApiServer {
  url: string;
  requests: RecordedRequest[];
  /** A kubeconfig that points kubectl at this server. */
  kubeconfig(token?: string): string;
  close(): Promise<void>;
}

type Json = Record<string, unknown>;

export function status(code: number, reason: string, message: string, details?: Json): Json {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, ...(details ? { details } : {}), code };
}

export async function startDryRunApiServer(scenario: DryRunScenario = {}): Promise<DryRunApiServer> {
  const resources = [...BUILT_IN_RESOURCES, ...(scenario.customResources ?? [])];
  const namespaces = new Set(scenario.namespaces ?? ['default', 'kube-system']);
  const objects = new Map<string, Json>();
  const requests: RecordedRequest[] = [];
  for (const name of namespaces)
    objects.set(`/api/v1/namespaces/${name}`, { apiVersion: 'v1', kind: 'Namespace', metadata: { name }, status: { phase: 'Active' } });
  for (const object of scenario.existing ?? []) {
    const resource = resources.find((candidate) => candidate.kind === object.kind);
    if (resource) objects.set(objectPath(resource, object), object);
  }

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push({ method: req.method ?? 'GET', path: url.pathname, query: url.search.slice(1) });
    const body = await readBody(req);
    const send = (code: number, value: object): void => {
      res.writeHead(code, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    if (scenario.token && req.headers.authorization !== `Bearer ${scenario.token}`) return send(401, status(401, 'Unauthorized', 'Unauthorized'));

    const path = url.pathname;
    if (path === '/version') return send(200, { major: '1', minor: '32', gitVersion: 'v1.32.0-standin' });
    if (path === '/api') return send(200, apiVersions());
    if (path === '/apis') return send(200, apiGroupList(resources));
    if (path === '/openapi/v3') return send(200, openApiIndex(resources));
    if (path === '/openapi/v2') {
      // kubectl asks for the v2 schema only to validate a kind the server does not serve; an empty
      // protobuf document (zero bytes) means "no schema", and kubectl then reports the kind as unmapped.
      res.writeHead(200, { 'content-type': 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf' });
      res.end();
      return;
    }
    if (path.startsWith('/openapi/v3/')) {
      const document = openApiDocument(resources, path.slice('/openapi/v3/'.length));
      return document ? send(200, document) : send(404, status(404, 'NotFound', 'the server could not find the requested resource'));
    }
    const discovery = /^\/(?:api\/(v1)|apis\/([^/]+\/[^/]+))$/.exec(path);
    if (discovery) {
      const list = apiResourceList(resources, discovery[1] ?? discovery[2]);
      return list ? send(200, list) : send(404, status(404, 'NotFound', 'the server could not find the requested resource'));
    }

    const target = routeObject(resources, path);
    if (!target) return send(404, status(404, 'NotFound', 'the server could not find the requested resource'));
    const { resource, namespace, name } = target;
    const groupResource = resource.group ? `${resource.plural}.${resource.group}` : resource.plural;

    if (req.method === 'GET' && !name) {
      // kubectl lists CRDs to tell "no such kind" from "kind not served yet".
      const items = [...objects.entries()].filter(([key]) => key.startsWith(`${path}/`)).map(([, value]) => value);
      return send(200, {
        kind: `${resource.kind}List`,
        apiVersion: resource.group ? `${resource.group}/${resource.version}` : resource.version,
        metadata: {},
        items,
      });
    }
    if (req.method === 'GET' && name) {
      const found = objects.get(path);
      return found
        ? send(200, found)
        : send(404, status(404, 'NotFound', `${groupResource} "${name}" not found`, { name, group: resource.group, kind: resource.plural }));
    }
    if (req.method !== 'POST' && req.method !== 'PATCH') return send(405, status(405, 'MethodNotAllowed', `${req.method} is not supported by this stand-in`));
    if (url.searchParams.get('dryRun') !== 'All') return send(403, status(403, 'Forbidden', 'this stand-in accepts dry-run writes only (dryRun=All)'));
    if (resource.namespaced && namespace && !namespaces.has(namespace)) {
      return send(404, status(404, 'NotFound', `namespaces "${namespace}" not found`, { name: namespace, kind: 'namespaces' }));
    }

    let object: Json;
    try {
      const patch = JSON.parse(body) as Json;
      object = req.method === 'PATCH' ? (mergePatch(objects.get(path) ?? {}, patch) as Json) : patch;
    } catch {
      return send(400, status(400, 'BadRequest', 'the request body is not valid JSON'));
    }
    if (req.method === 'POST' && resource.namespaced && !(object.metadata as Json | undefined)?.namespace) {
      object = { ...object, metadata: { ...(object.metadata as Json), namespace } };
    }
    const refusal = checkObject(resource, object, {
      strict: url.searchParams.get('fieldValidation') === 'Strict',
      webhooks: scenario.webhooks ?? [],
    });
    if (refusal) return send(refusal.code as number, refusal);
    return send(req.method === 'POST' ? 201 : 200, object);
  };

  const certificates = generateCertificates('kubernetes-dry-run');
  const server = createServer({ cert: certificates.serverCertPem, key: certificates.serverKeyPem }, (req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify(status(500, 'InternalError', `stand-in error: ${(error as Error).message}`)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    kubeconfig: (token = scenario.token ?? 'stand-in-token') =>
      [
        'apiVersion: v1',
        'kind: Config',
        'clusters:',
        '- name: stand-in',
        '  cluster:',
        `    server: ${url}`,
        `    certificate-authority-data: ${Buffer.from(certificates.caPem).toString('base64')}`,
        'users:',
        '- name: ci',
        '  user:',
        `    token: ${token}`,
        'contexts:',
        '- name: stand-in',
        '  context:',
        '    cluster: stand-in',
        '    user: ci',
        'current-context: stand-in',
        '',
      ].join('\n'),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function routeObject(resources: readonly ApiResource[], path: string): { resource: ApiResource; namespace?: string; name?: string } | undefined {
  for (const resource of resources) {
    const prefix = prefixOf(resource);
    if (!path.startsWith(`${prefix}/`)) continue;
    const rest = path.slice(prefix.length + 1).split('/');
    if (resource.namespaced && rest[0] === 'namespaces' && rest[2] === resource.plural) return { resource, namespace: rest[1], name: rest[3] };
    if (!resource.namespaced && rest[0] === resource.plural && rest.length <= 2) return { resource, name: rest[1] };
  }
  return undefined;
}

function objectPath(resource: ApiResource, object: Json): string {
  const metadata = (object.metadata ?? {}) as { name?: string; namespace?: string };
  return `${prefixOf(resource)}${resource.namespaced ? `/namespaces/${metadata.namespace ?? 'default'}` : ''}/${resource.plural}/${metadata.name}`;
}

/** A JSON merge patch (RFC 7386) is close enough to the strategic merge kubectl sends for these checks. */
function mergePatch(target: unknown, patch: unknown): unknown {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return patch;
  const result: Json = typeof target === 'object' && target !== null && !Array.isArray(target) ? { ...(target as Json) } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith('$')) continue;
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
