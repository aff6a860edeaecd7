// Holds the simulator to GitHub's OpenAPI description: requests are matched to documented operations and
// validated against their parameter and body schemas; every response body is validated against the schema
// documented for its status. Uses ajv 8 as described in ../shared/contracts/github-openapi.md.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { loadGitHubSpec, matchRoute, type JsonSchema, type OpenApiResponse, type Route, type RouteMatch } from './openapi.js';

export interface ContractViolation {
  kind: 'undocumented-route' | 'unimplemented-operation' | 'invalid-request' | 'invalid-response';
  method: string;
  path: string;
  operationId?: string;
  status?: number;
  errors: string[];
}

/**
 * Statuses GitHub can answer on any operation although most operations do not list them
 * (unparsable JSON, bad credentials, missing permission or rate limit, unknown repository, invalid input, outages).
 * Their bodies must still be GitHub's basic error shape.
 */
const UNIVERSAL_STATUSES = new Set([400, 401, 403, 404, 422, 429, 500, 502, 503]);

/**
 * Narrow places where GitHub's description disagrees with itself or with what GitHub sends. The simulator sends
 * what GitHub sends, and only these exact (operation, location, keyword, value) errors are forgiven.
 */
const KNOWN_SPEC_GAPS: Array<{ why: string; operations: string[]; path: RegExp; keyword: string; value: unknown }> = [
  {
    why:
      '`pull-request-simple` types labels[].description as a string while `pull-request` (the same labels) allows null; ' +
      'GitHub sends null for a label without description',
    operations: ['pulls/list', 'pulls/request-reviewers', 'pulls/remove-requested-reviewers', 'repos/list-pull-requests-associated-with-commit'],
    path: /^\/(\d+\/)?labels\/\d+\/description$/,
    keyword: 'type',
    value: null,
  },
  {
    why: "`deployment-status.target_url` is required with format uri, but GitHub sends '' when the status was created without a URL",
    operations: ['repos/create-deployment-status', 'repos/list-deployment-statuses'],
    path: /^(\/\d+)?\/target_url$/,
    keyword: 'format',
    value: '',
  },
];

function valueAt(body: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .filter(Boolean)
    .reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), body);
}

function isKnownGap(operationId: string, e: ErrorObject, body: unknown): boolean {
  return KNOWN_SPEC_GAPS.some(
    (g) => g.operations.includes(operationId) && g.keyword === e.keyword && g.path.test(e.instancePath) && valueAt(body, e.instancePath) === g.value,
  );
}

let shared: { ajv: Ajv; cache: Map<string, ValidateFunction> } | undefined;

function getAjv(): { ajv: Ajv; cache: Map<string, ValidateFunction> } {
  if (shared) return shared;
  const { spec } = loadGitHubSpec();
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  const addFormats = (addFormatsModule as unknown as { default: (a: Ajv) => Ajv }).default;
  addFormats(ajv);
  ajv.addFormat('repo.nwo', true);
  // Components are converted and registered once; operations compile lazily against them.
  const schemas: Record<string, unknown> = {};
  for (const [name, s] of Object.entries(spec.components.schemas)) schemas[name] = toJsonSchema(s);
  ajv.addSchema({ $id: 'gh', components: { schemas } });
  shared = { ajv, cache: new Map() };
  return shared;
}

const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions', '$defs']);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf']);
const SCHEMA_SINGLES = new Set(['items', 'additionalProperties', 'not']);
const DROPPED = new Set(['example', 'examples', 'nullable', 'description', 'discriminator']);

/** Rewrites an OpenAPI 3.0 schema into JSON Schema ajv accepts: `nullable`, and refs into the `gh` document. */
export function toJsonSchema(node: unknown): unknown {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return node;
  const source = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) {
    if (DROPPED.has(key) || key.startsWith('x-')) continue;
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/components/')) out.$ref = `gh${value}`;
    else if (SCHEMA_MAPS.has(key) && value && typeof value === 'object')
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJsonSchema(v)]));
    else if (SCHEMA_LISTS.has(key) && Array.isArray(value)) out[key] = value.map(toJsonSchema);
    else if (SCHEMA_SINGLES.has(key)) out[key] = toJsonSchema(value);
    else out[key] = value;
  }
  if (source.nullable !== true) return out;
  if (typeof out.type === 'string' && out.$ref === undefined) {
    out.type = [out.type, 'null'];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = out.enum.concat([null]);
    return out;
  }
  return { anyOf: [out, { type: 'null' }] };
}

function formatAjvErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
}

/** GitHub's wording for schema failures: `"sha" wasn't supplied.` / `For 'properties/sha', 5 is not a string.` */
function githubRequestMessages(errors: ErrorObject[] | null | undefined, body: unknown): string[] {
  return (errors ?? []).map((e) => {
    if (e.keyword === 'required') return `"${String(e.params.missingProperty)}" wasn't supplied.`;
    const pointer = e.instancePath.split('/').filter(Boolean);
    const value = valueAt(body, e.instancePath);
    const where = pointer.length ? `properties/${pointer.join('/')}` : 'items';
    if (e.keyword === 'type') return `For '${where}', ${JSON.stringify(value)} is not ${article(String(e.params.type))}.`;
    if (e.keyword === 'enum') return `For '${where}', ${JSON.stringify(value)} is not a member of ${JSON.stringify(e.params.allowedValues)}.`;
    return `For '${where}', ${JSON.stringify(value)} ${e.message ?? 'is invalid'}.`;
  });
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

export class ContractChecker {
  readonly routes: Route[];
  readonly loadMs: number;

  constructor() {
    const loaded = loadGitHubSpec();
    this.routes = loaded.routes;
    this.loadMs = loaded.loadMs;
    getAjv();
  }

  match(method: string, rawPath: string): RouteMatch | undefined {
    return matchRoute(this.routes, method, rawPath);
  }

  /** Documentation link GitHub puts in error bodies for this operation. */
  docsUrl(route: Route | undefined): string {
    const ext = (route?.operation as { externalDocs?: { url?: string } } | undefined)?.externalDocs?.url;
    return ext ?? 'https://docs.github.com/rest';
  }

  /**
   * Validates path and query parameters (coerced from strings by their declared type) and the JSON body.
   * Returns GitHub-style messages; empty when the request is valid.
   */
  validateRequest(match: RouteMatch, query: URLSearchParams, body: unknown): string[] {
    const problems: string[] = [];
    for (const p of match.route.parameters) {
      if (p.in !== 'path' && p.in !== 'query') continue;
      const raw = p.in === 'path' ? match.pathParams[p.name] : (query.get(p.name) ?? undefined);
      if (raw === undefined) {
        if (p.required) problems.push(`"${p.name}" wasn't supplied.`);
        continue;
      }
      const value = coerce(raw, p.schema);
      const validate = this.compile(`param:${match.route.operationId}:${p.in}:${p.name}`, p.schema ?? {});
      if (!validate(value)) problems.push(`For '${p.name}', ${JSON.stringify(raw)} is not valid: ${formatAjvErrors(validate.errors).join('; ')}.`);
    }
    const content = match.route.operation.requestBody?.content?.['application/json'];
    if (content?.schema && body !== undefined) {
      const validate = this.compile(`body:${match.route.operationId}`, content.schema);
      if (!validate(body)) problems.push(...githubRequestMessages(validate.errors, body));
    } else if (content?.schema && match.route.operation.requestBody?.required) {
      const validate = this.compile(`body:${match.route.operationId}`, content.schema);
      if (!validate({})) problems.push(...githubRequestMessages(validate.errors, {}));
    }
    return problems;
  }

  /** Validates a response body against the schema documented for its status. Returns violations; empty when clean. */
  validateResponse(route: Route, status: number, body: unknown, hasBody: boolean): string[] {
    const documented = this.resolveResponse(route, String(status));
    if (!documented) {
      if (!UNIVERSAL_STATUSES.has(status)) return [`status ${status} is not documented for ${route.operationId}`];
      const validate = this.compile('universal:basic-error', { $ref: 'gh#/components/schemas/basic-error' });
      if (!hasBody || (validate(body) && typeof (body as { message?: unknown }).message === 'string')) return [];
      return [`status ${status} body is not a basic error: ${formatAjvErrors(validate.errors).join('; ') || 'message missing'}`];
    }
    const schema = documented.content?.['application/json']?.schema;
    if (!schema) {
      if ((status === 204 || status === 304) && hasBody) return [`status ${status} must not carry a body`];
      return [];
    }
    if (!hasBody) return [`status ${status} of ${route.operationId} must carry a JSON body`];
    const validate = this.compile(`response:${route.operationId}:${status}`, schema);
    if (validate(body)) return [];
    const real = (validate.errors ?? []).filter((e) => !isKnownGap(route.operationId, e, body));
    return formatAjvErrors(real).slice(0, 20);
  }

  private resolveResponse(route: Route, status: string): OpenApiResponse | undefined {
    const entry = route.operation.responses[status];
    if (!entry) return undefined;
    if ('$ref' in entry) return loadGitHubSpec().spec.components.responses[entry.$ref.split('/').pop() as string];
    return entry;
  }

  private compile(key: string, schema: JsonSchema): ValidateFunction {
    const { ajv, cache } = getAjv();
    let validate = cache.get(key);
    if (!validate) {
      validate = ajv.compile(toJsonSchema(schema) as JsonSchema);
      cache.set(key, validate);
    }
    return validate;
  }
}

/** Query and path values arrive as strings; convert them by the declared type as GitHub's router does. */
function coerce(raw: string, schema: JsonSchema | undefined): unknown {
  const type = schema?.type;
  if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
  if (type === 'boolean' && (raw === 'true' || raw === 'false')) return raw === 'true';
  return raw;
}
