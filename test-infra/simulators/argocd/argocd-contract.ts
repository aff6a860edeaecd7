/**
 * Argo CD's contract: swagger.json (Swagger 2.0 definitions, tightened so undeclared properties are
 * violations) for every body, and the Application CRD's openAPIV3Schema for every Application.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Ajv } from 'ajv';
import { ContractChecker, newAjv, readCrdSchema, tightenSwaggerDefinitions, toStrictJsonSchema } from '../scenario/schema-contract.js';

const SWAGGER_ID = 'argocd-swagger.json';
const CRD_ID = 'argocd-application-crd.json';
export const STREAM_RESULT_DEF = 'streamResultOfV1alpha1ApplicationWatchEvent';

/** `../shared/contracts/argocd` seen from the project root; overridable for clones laid out differently. */
export function defaultArgoContractsDir(): string {
  return process.env.ARGOCD_CONTRACTS_DIR ?? fileURLToPath(new URL('../../../../shared/contracts/argocd/', import.meta.url));
}

interface SwaggerDoc {
  paths: Record<string, Record<string, { responses: Record<string, { schema?: Record<string, unknown> }> }>>;
  definitions: Record<string, unknown>;
}

/** Compiling 360 kB of swagger and a 400 kB CRD takes a while: do it once per process and folder. */
const compiledByDir = new Map<string, { ajv: Ajv; swagger: SwaggerDoc }>();

function compile(dir: string): { ajv: Ajv; swagger: SwaggerDoc } {
  const cached = compiledByDir.get(dir);
  if (cached) return cached;
  const swaggerPath = join(dir, 'swagger.json');
  if (!existsSync(swaggerPath)) throw new Error(`Argo CD contract not found at ${swaggerPath}; set ARGOCD_CONTRACTS_DIR or pass contractsDir`);
  const swagger = JSON.parse(readFileSync(swaggerPath, 'utf8')) as SwaggerDoc;
  // The Watch response schema is inline in the path, not a definition: lift it so it can be referenced.
  const streamSchema = swagger.paths['/api/v1/stream/applications'].get.responses['200'].schema!;
  const definitions = tightenSwaggerDefinitions({ ...swagger.definitions, [STREAM_RESULT_DEF]: { ...streamSchema, type: 'object' } });
  const ajv = newAjv();
  ajv.addSchema({ definitions }, SWAGGER_ID);
  ajv.addSchema(toStrictJsonSchema(readCrdSchema(join(dir, 'application-crd.yaml'))) as object, CRD_ID);
  const entry = { ajv, swagger };
  compiledByDir.set(dir, entry);
  return entry;
}

export class ArgoContract {
  /** Validators shared per process; the violations list is this simulator's own. */
  readonly checker: ContractChecker;
  private readonly swagger: SwaggerDoc;

  constructor(dir = defaultArgoContractsDir()) {
    const { ajv, swagger } = compile(dir);
    this.checker = new ContractChecker(ajv);
    this.swagger = swagger;
  }

  check(schemaRef: string, value: unknown, where: string): boolean {
    return this.checker.check(schemaRef, value, where);
  }

  get violations() {
    return this.checker.violations;
  }

  /** The schema swagger.json declares for a path/method/status (`default` for errors). */
  responseSchemaRef(pathTemplate: string, method: string, status: number): string {
    const op = this.swagger.paths[pathTemplate]?.[method.toLowerCase()];
    if (!op) throw new Error(`swagger.json has no ${method} ${pathTemplate}`);
    const response = op.responses[String(status)] ?? op.responses.default;
    const ref = response.schema?.$ref as string | undefined;
    if (!ref) throw new Error(`swagger.json declares no $ref schema for ${method} ${pathTemplate} ${status}`);
    return definitionRef(ref.replace('#/definitions/', ''));
  }

  /** Record violations of a response body (and of every Application inside it). */
  checkResponse(pathTemplate: string, method: string, status: number, body: unknown, where: string): void {
    this.check(this.responseSchemaRef(pathTemplate, method, status), body, where);
    for (const app of applicationsIn(body)) this.checkApplication(app, where);
  }

  /** `fullObjects: false` for messages cut down by a `fields` filter, which are no longer whole Applications. */
  checkStreamMessage(message: unknown, where: string, fullObjects = true): void {
    this.check(definitionRef(STREAM_RESULT_DEF), message, where);
    if (fullObjects) for (const app of applicationsIn(message)) this.checkApplication(app, where);
  }

  checkApplication(app: unknown, where: string): boolean {
    return this.checker.check(CRD_ID, app, `${where} (Application CRD)`);
  }

  /** Errors of a request body against a swagger definition, without recording them. */
  requestErrors(definition: string, body: unknown): string[] {
    return this.checker.errorsFor(definitionRef(definition), body);
  }

  recordRequestViolation(where: string, definition: string, errors: string[]): void {
    this.checker.violations.push({ where, schema: definitionRef(definition), errors });
  }
}

export function definitionRef(name: string): string {
  return `${SWAGGER_ID}#/definitions/${name}`;
}

/** Applications carried by a Get/Sync answer, a List answer or a Watch message. */
function applicationsIn(body: unknown): unknown[] {
  if (typeof body !== 'object' || body === null) return [];
  const b = body as Record<string, unknown>;
  if (b.metadata && b.spec) return [b];
  if (Array.isArray(b.items)) return b.items;
  const result = b.result as Record<string, unknown> | undefined;
  if (result?.application) return [result.application];
  return [];
}
