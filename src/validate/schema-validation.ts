import type { ErrorObject, ValidateFunction } from 'ajv';
import { QUANTITY_PATTERN } from './kubernetes-quantity.js';

/**
 * One resource against one compiled schema, with ajv's errors turned into
 * messages in kubectl's words and a JSON pointer to where each one is.
 */

export interface SchemaIssue {
  /** JSON pointer of the field at fault (for a missing field, of the object that lacks it). */
  pointer: string;
  message: string;
}

export function checkAgainstSchema(validate: ValidateFunction, object: Record<string, unknown>): SchemaIssue[] {
  // The API server decodes `field: null` as an unset field; so does this check.
  if (validate(withoutNulls(object))) return [];
  const errors = validate.errors ?? [];
  // anyOf/oneOf add a summary error on top of each branch's own; the branches say more.
  const specific = errors.filter((error) => !['anyOf', 'oneOf'].includes(error.keyword));
  const issues = new Map<string, SchemaIssue>();
  for (const error of specific.length > 0 ? specific : errors) {
    const issue = describeError(error);
    issues.set(`${issue.pointer}\u0000${issue.message}`, issue);
  }
  return [...issues.values()];
}

function describeError(error: ErrorObject): SchemaIssue {
  const at = error.instancePath;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const pointer = `${at}/${escapePointer(String(params.additionalProperty))}`;
      return { pointer, message: `unknown field "${fieldPath(pointer)}"` };
    }
    case 'required':
      return { pointer: at, message: `missing required field "${fieldPath(`${at}/${escapePointer(String(params.missingProperty))}`)}"` };
    case 'type':
      return { pointer: at, message: `${fieldPath(at)}: expected ${String(params.type).replace(',', ' or ')}, got ${typeName(error.data)}` };
    case 'enum':
      return {
        pointer: at,
        message: `${fieldPath(at)}: ${JSON.stringify(error.data)} is not one of ${allowed(params.allowedValues)}`,
      };
    case 'pattern':
      return {
        pointer: at,
        message:
          params.pattern === QUANTITY_PATTERN
            ? `${fieldPath(at)}: ${JSON.stringify(error.data)} is not a quantity (such as 500m, 1Gi or 2)`
            : `${fieldPath(at)}: ${JSON.stringify(error.data)} does not match ${String(params.pattern)}`,
      };
    default:
      return { pointer: at, message: `${fieldPath(at) || '(the object)'}: ${error.message ?? error.keyword}` };
  }
}

/** `/spec/containers/0/image` → `spec.containers[0].image`, as kubectl prints a field. */
export function fieldPath(pointer: string): string {
  return splitPointer(pointer).reduce((path, segment) => (/^\d+$/.test(segment) ? `${path}[${segment}]` : path ? `${path}.${segment}` : segment), '');
}

export function splitPointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function allowed(values: unknown): string {
  return (values as unknown[]).map((value) => JSON.stringify(value)).join(', ');
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'number' && Number.isInteger(value) ? 'integer' : typeof value;
}

/** The value with every `key: null` left out; the value itself (no copy) when it has none, as most resources. */
function withoutNulls(value: unknown): unknown {
  return hasNullField(value) ? copyWithoutNulls(value) : value;
}

function hasNullField(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasNullField);
  if (typeof value !== 'object' || value === null) return false;
  for (const key in value) {
    const child = (value as Record<string, unknown>)[key];
    if (child === null || hasNullField(child)) return true;
  }
  return false;
}

function copyWithoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyWithoutNulls);
  if (typeof value !== 'object' || value === null) return value;
  const result: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) if (child !== null) result[key] = copyWithoutNulls(child);
  return result;
}
