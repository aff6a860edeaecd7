// Loads GitHub's official OpenAPI description once per process and matches request paths to its operations.
// The plain spec (13 MB, `$ref`s kept) is read directly: the package's index.js would load ~400 MB of variants.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export type JsonSchema = Record<string, unknown>;

export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
  'x-multi-segment'?: boolean;
}

export interface OpenApiResponse {
  description?: string;
  content?: Record<string, { schema?: JsonSchema }>;
  headers?: Record<string, unknown>;
}

export interface OpenApiOperation {
  operationId: string;
  parameters?: Array<OpenApiParameter | { $ref: string }>;
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
  responses: Record<string, OpenApiResponse | { $ref: string }>;
}

export interface OpenApiSpec {
  paths: Record<string, Record<string, unknown>>;
  components: {
    schemas: Record<string, JsonSchema>;
    parameters: Record<string, OpenApiParameter>;
    responses: Record<string, OpenApiResponse>;
  };
}

/** One documented operation, with its parameters resolved and its path template compiled. */
export interface Route {
  method: string;
  template: string;
  operationId: string;
  operation: OpenApiOperation;
  parameters: OpenApiParameter[];
  regex: RegExp;
  paramNames: string[];
  /** Fully literal segments (x10) minus parameters: when two templates match, the more literal, simpler one wins. */
  specificity: number;
}

export interface RouteMatch {
  route: Route;
  pathParams: Record<string, string>;
}

let cached: { spec: OpenApiSpec; routes: Route[]; loadMs: number } | undefined;

/** Loads and indexes the spec on first use; later calls are free. */
export function loadGitHubSpec(): { spec: OpenApiSpec; routes: Route[]; loadMs: number } {
  if (cached) return cached;
  const started = performance.now();
  const require = createRequire(import.meta.url);
  const file = require.resolve('@octokit/openapi/generated/api.github.com.json');
  const spec = JSON.parse(readFileSync(file, 'utf8')) as OpenApiSpec;
  const routes = buildRoutes(spec);
  cached = { spec, routes, loadMs: Math.round(performance.now() - started) };
  return cached;
}

function resolveParameter(spec: OpenApiSpec, p: OpenApiParameter | { $ref: string }): OpenApiParameter {
  if ('$ref' in p) return spec.components.parameters[p.$ref.split('/').pop() as string];
  return p;
}

function buildRoutes(spec: OpenApiSpec): Route[] {
  const routes: Route[] = [];
  for (const [template, item] of Object.entries(spec.paths)) {
    for (const [method, value] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const operation = value as OpenApiOperation;
      const parameters = (operation.parameters ?? []).map((p) => resolveParameter(spec, p));
      routes.push(compileRoute(method.toUpperCase(), template, operation, parameters));
    }
  }
  return routes;
}

function compileRoute(method: string, template: string, operation: OpenApiOperation, parameters: OpenApiParameter[]): Route {
  const paramNames: string[] = [];
  const segments = template.split('/');
  let specificity = segments.filter((s) => s && !s.includes('{')).length * 10;
  const pattern = segments
    .map((segment) =>
      segment.replace(/\{([^}]+)\}|[^{}]+/g, (part, name?: string) => {
        if (!name) return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
        specificity -= 1;
        paramNames.push(name);
        const multi = parameters.some((p) => p.name === name && p.in === 'path' && p['x-multi-segment']);
        return multi ? '(.+)' : '([^/]+)';
      }),
    )
    .join('/');
  return {
    method,
    template,
    operationId: operation.operationId,
    operation,
    parameters,
    regex: new RegExp(`^${pattern}$`),
    paramNames,
    specificity,
  };
}

/**
 * Finds the documented operation for a method and a raw (still percent-encoded) path.
 * Matching happens before decoding so an encoded `%2F` inside `{ref}` stays inside one parameter.
 */
export function matchRoute(routes: Route[], method: string, rawPath: string): RouteMatch | undefined {
  let best: RouteMatch | undefined;
  for (const route of routes) {
    if (route.method !== method) continue;
    const m = route.regex.exec(rawPath);
    if (!m) continue;
    if (best && best.route.specificity >= route.specificity) continue;
    const pathParams: Record<string, string> = {};
    route.paramNames.forEach((name, i) => {
      pathParams[name] = safeDecode(m[i + 1]);
    });
    best = { route, pathParams };
  }
  return best;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
