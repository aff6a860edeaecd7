/**
 * Contract checking shared by the simulators: compiles the real schemas (Swagger 2.0 definitions,
 * CRD openAPIV3Schema) with ajv and records every violation, so a test can fail when a simulator
 * answers in a shape the real service never sends.
 */
import { readFileSync } from 'node:fs';
import { Ajv, type AnySchema, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parseAllDocuments } from 'yaml';

// ajv-formats is CommonJS with `exports.default`; under NodeNext the default import is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

export interface ContractViolation {
  /** Where the bad value was seen, e.g. `GET /api/v1/applications/guestbook response`. */
  where: string;
  /** Which schema it broke, e.g. `swagger#/definitions/v1alpha1Application`. */
  schema: string;
  /** ajv's errors as `<instancePath> <message>` lines. */
  errors: string[];
}

type JsonObject = Record<string, unknown>;

/**
 * Turn a Kubernetes structural schema into a plain JSON schema: drop `x-kubernetes-*` keys and,
 * because the API server prunes unknown fields (it never serves them), forbid properties a schema
 * does not declare unless it says `x-kubernetes-preserve-unknown-fields: true`.
 */
export function toStrictJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toStrictJsonSchema);
  if (typeof schema !== 'object' || schema === null) return schema;
  const input = schema as JsonObject;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(input)) {
    if (key.startsWith('x-kubernetes-')) continue;
    // `properties` is a map of names to schemas, not a schema itself: convert its values only.
    out[key] = key === 'properties' ? mapValues(value as JsonObject, toStrictJsonSchema) : toStrictJsonSchema(value);
  }
  const preserves = input['x-kubernetes-preserve-unknown-fields'] === true;
  if (input.properties && input.additionalProperties === undefined && !preserves) out.additionalProperties = false;
  return out;
}

/** Add `additionalProperties: false` to every Swagger definition that lists its properties: grpc-gateway emits no others. */
export function tightenSwaggerDefinitions(definitions: JsonObject): JsonObject {
  return mapValues(definitions, (def) => {
    const d = def as JsonObject;
    return d.type === 'object' && d.properties && d.additionalProperties === undefined ? { ...d, additionalProperties: false } : d;
  });
}

function mapValues(obj: JsonObject, fn: (v: unknown) => unknown): JsonObject {
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, fn(v)]));
}

/** Read a CRD file and return the openAPIV3Schema of `version` (or its only version). */
export function readCrdSchema(path: string, version?: string): unknown {
  const docs = parseAllDocuments(readFileSync(path, 'utf8')).map((d) => d.toJS() as JsonObject);
  const crd = docs.find((d) => d?.kind === 'CustomResourceDefinition');
  if (!crd) throw new Error(`${path} holds no CustomResourceDefinition`);
  const versions = (crd.spec as { versions: Array<{ name: string; schema: { openAPIV3Schema: unknown } }> }).versions;
  const chosen = version ? versions.find((v) => v.name === version) : versions[0];
  if (!chosen) throw new Error(`${path} has no version ${version}; it has ${versions.map((v) => v.name).join(', ')}`);
  return chosen.schema.openAPIV3Schema;
}

export function newAjv(): Ajv {
  // strict: false because Swagger and CRD schemas carry keywords ajv does not know (e.g. `title` siblings of `$ref`).
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true, verbose: true });
  addFormats(ajv);
  return ajv;
}

/** Holds compiled validators and the list of violations seen so far. */
export class ContractChecker {
  readonly violations: ContractViolation[] = [];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(readonly ajv: Ajv = newAjv()) {}

  /** Register a schema under `id` (compiled lazily on first use). */
  addSchema(id: string, schema: AnySchema): void {
    this.ajv.addSchema(schema, id);
  }

  /** Validate without recording; returns the error lines (empty when valid). */
  errorsFor(schemaRef: string, value: unknown): string[] {
    let validate = this.validators.get(schemaRef);
    if (!validate) {
      const found = this.ajv.getSchema(schemaRef);
      if (!found) throw new Error(`no schema registered as ${schemaRef}`);
      validate = found;
      this.validators.set(schemaRef, validate);
    }
    if (validate(value)) return [];
    return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}${formatParams(e.params)}`);
  }

  /** Validate and record a violation; returns true when the value is valid. */
  check(schemaRef: string, value: unknown, where: string): boolean {
    const errors = this.errorsFor(schemaRef, value);
    if (errors.length === 0) return true;
    this.violations.push({ where, schema: schemaRef, errors });
    return false;
  }
}

function formatParams(params: Record<string, unknown>): string {
  if ('additionalProperty' in params) return ` (${String(params.additionalProperty)})`;
  if ('allowedValues' in params) return ` (${JSON.stringify(params.allowedValues)})`;
  return '';
}
