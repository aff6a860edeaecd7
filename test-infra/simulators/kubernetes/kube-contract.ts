/**
 * The Kubernetes side of the contract: every Flux object validates against its CRD's openAPIV3Schema
 * (unknown fields forbidden, as the API server prunes them); envelopes (Status, lists, watch events)
 * against small schemas we wrote from the metav1 Go types, since the contract folder has no core API.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Ajv, ErrorObject } from 'ajv';
import { ContractChecker, newAjv, readCrdSchema, toStrictJsonSchema } from '../scenario/schema-contract.js';
import { FLUX_RESOURCES, type FluxResource } from './flux-resources.js';
import type { StatusCause } from './kube-status.js';

export function defaultFluxContractsDir(): string {
  return process.env.FLUX_CONTRACTS_DIR ?? fileURLToPath(new URL('../../../../shared/contracts/flux/', import.meta.url));
}

const ENVELOPES: Record<string, object> = {
  'k8s-status': {
    type: 'object',
    additionalProperties: false,
    required: ['kind', 'apiVersion', 'metadata', 'status', 'code'],
    properties: {
      kind: { const: 'Status' },
      apiVersion: { const: 'v1' },
      metadata: { type: 'object' },
      status: { enum: ['Success', 'Failure'] },
      message: { type: 'string' },
      reason: { type: 'string' },
      code: { type: 'integer' },
      details: {
        type: 'object',
        additionalProperties: false,
        properties: {
          name: { type: 'string' },
          group: { type: 'string' },
          kind: { type: 'string' },
          uid: { type: 'string' },
          retryAfterSeconds: { type: 'integer' },
          causes: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              properties: { reason: { type: 'string' }, message: { type: 'string' }, field: { type: 'string' } },
            },
          },
        },
      },
    },
  },
  'k8s-list': {
    type: 'object',
    additionalProperties: false,
    required: ['apiVersion', 'kind', 'metadata', 'items'],
    properties: {
      apiVersion: { type: 'string' },
      kind: { type: 'string', pattern: 'List$' },
      items: { type: 'array' },
      metadata: {
        type: 'object',
        additionalProperties: false,
        required: ['resourceVersion'],
        properties: { resourceVersion: { type: 'string' }, continue: { type: 'string' }, remainingItemCount: { type: 'integer' } },
      },
    },
  },
  'k8s-watch-event': {
    type: 'object',
    additionalProperties: false,
    required: ['type', 'object'],
    properties: { type: { enum: ['ADDED', 'MODIFIED', 'DELETED', 'BOOKMARK', 'ERROR'] }, object: { type: 'object' } },
  },
  'k8s-bookmark': {
    type: 'object',
    additionalProperties: false,
    required: ['kind', 'apiVersion', 'metadata'],
    properties: {
      kind: { type: 'string' },
      apiVersion: { type: 'string' },
      metadata: {
        type: 'object',
        additionalProperties: false,
        required: ['resourceVersion'],
        properties: { resourceVersion: { type: 'string' }, annotations: { type: 'object' } },
      },
    },
  },
};

interface Compiled {
  ajv: Ajv;
  /** Raw CRD schemas (with x-kubernetes-* keys) for pruning. */
  raw: Map<string, unknown>;
}
const compiledByDir = new Map<string, Compiled>();

function compile(dir: string): Compiled {
  const cached = compiledByDir.get(dir);
  if (cached) return cached;
  const ajv = newAjv();
  const raw = new Map<string, unknown>();
  for (const r of FLUX_RESOURCES) {
    const path = join(dir, 'crds', r.crdFile);
    if (!existsSync(path)) throw new Error(`Flux CRD not found at ${path}; set FLUX_CONTRACTS_DIR or pass contractsDir`);
    const schema = readCrdSchema(path, r.version);
    raw.set(r.kind, schema);
    ajv.addSchema(toStrictJsonSchema(schema) as object, crdId(r));
  }
  for (const [id, schema] of Object.entries(ENVELOPES)) ajv.addSchema(schema, id);
  const entry = { ajv, raw };
  compiledByDir.set(dir, entry);
  return entry;
}

const crdId = (r: FluxResource): string => `flux-crd-${r.kind}`;

/** The fields the API server handles itself; pruning applies to the rest of an object. */
const SERVER_FIELDS = ['metadata', 'apiVersion', 'kind'];

export class KubeContract {
  readonly checker: ContractChecker;
  private readonly raw: Map<string, unknown>;

  constructor(dir = defaultFluxContractsDir()) {
    const { ajv, raw } = compile(dir);
    this.checker = new ContractChecker(ajv);
    this.raw = raw;
  }

  get violations() {
    return this.checker.violations;
  }

  checkObject(r: FluxResource, obj: unknown, where: string): boolean {
    return this.checker.check(crdId(r), obj, `${where} (${r.kind} CRD)`);
  }

  checkStatus(body: unknown, where: string): boolean {
    return this.checker.check('k8s-status', body, where);
  }

  checkList(r: FluxResource, body: { items: unknown[] }, where: string): void {
    this.checker.check('k8s-list', body, where);
    body.items.forEach((item, i) => this.checkObject(r, item, `${where} items[${i}]`));
  }

  checkWatchEvent(r: FluxResource, event: { type: string; object: unknown }, where: string): void {
    this.checker.check('k8s-watch-event', event, where);
    if (event.type === 'ERROR') this.checkStatus(event.object, `${where} ERROR object`);
    else if (event.type === 'BOOKMARK') this.checker.check('k8s-bookmark', event.object, `${where} BOOKMARK object`);
    else this.checkObject(r, event.object, where);
  }

  /**
   * What the API server does with a written object: drop fields the structural schema does not
   * declare (returning their paths for the `Warning` header), then validate; errors become causes.
   */
  admit(r: FluxResource, obj: Record<string, unknown>): { pruned: string[]; causes: StatusCause[] } {
    const pruned: string[] = [];
    const rest = { ...obj };
    for (const key of SERVER_FIELDS) delete rest[key];
    pruneUnknown(rest, this.raw.get(r.kind), '', pruned);
    for (const key of Object.keys(obj)) if (!SERVER_FIELDS.includes(key) && !(key in rest)) delete obj[key];
    Object.assign(obj, rest);
    const validate = this.checker.ajv.getSchema(crdId(r))!;
    if (validate(obj)) return { pruned, causes: [] };
    return { pruned, causes: (validate.errors ?? []).map(toCause) };
  }
}

function pruneUnknown(value: unknown, schema: unknown, path: string, pruned: string[]): void {
  if (typeof value !== 'object' || value === null || typeof schema !== 'object' || schema === null) return;
  const s = schema as Record<string, unknown>;
  if (s['x-kubernetes-preserve-unknown-fields'] === true) return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => pruneUnknown(item, s.items, `${path}[${i}]`, pruned));
    return;
  }
  const obj = value as Record<string, unknown>;
  const properties = s.properties as Record<string, unknown> | undefined;
  const additional = s.additionalProperties;
  for (const key of Object.keys(obj)) {
    const child = path ? `${path}.${key}` : key;
    if (properties && key in properties) pruneUnknown(obj[key], properties[key], child, pruned);
    else if (typeof additional === 'object') pruneUnknown(obj[key], additional, child, pruned);
    else if (properties && additional === undefined) {
      delete obj[key];
      pruned.push(child);
    }
  }
}

/** ajv error → the field path and wording of apiextensions-apiserver's validation errors. */
function toCause(e: ErrorObject): StatusCause {
  const field = e.instancePath
    .split('/')
    .filter(Boolean)
    .map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p}`))
    .join('')
    .replace(/^\./, '');
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required': {
      const f = field ? `${field}.${String(params.missingProperty)}` : String(params.missingProperty);
      return { reason: 'FieldValueRequired', message: 'Required value', field: f };
    }
    case 'type':
      return {
        reason: 'FieldValueTypeInvalid',
        message: `Invalid value: "${typeNameOf(e.data)}": ${field} in body must be of type ${String(params.type)}: "${typeNameOf(e.data)}"`,
        field,
      };
    case 'enum':
      return {
        reason: 'FieldValueNotSupported',
        message:
          `Unsupported value: ${JSON.stringify(e.data)}: supported values: ` +
          `${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
        field,
      };
    case 'pattern':
      return {
        reason: 'FieldValueInvalid',
        message: `Invalid value: ${JSON.stringify(e.data)}: ${field} in body should match '${String(params.pattern)}'`,
        field,
      };
    case 'additionalProperties':
      return { reason: 'FieldValueInvalid', message: `Invalid value: unknown field "${String(params.additionalProperty)}"`, field };
    default:
      return { reason: 'FieldValueInvalid', message: `Invalid value: ${JSON.stringify(e.data)}: ${field} in body ${e.message ?? 'is invalid'}`, field };
  }
}

function typeNameOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}
