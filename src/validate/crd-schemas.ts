/**
 * JSON Schemas from CustomResourceDefinitions: each served version's
 * `openAPIV3Schema`, made usable by ajv and, when strict, closed against
 * unknown fields the way the API server's strict field validation is.
 */

/** `apiVersion/kind` → JSON Schema. */
export type KindSchemas = Map<string, object>;

interface CrdVersion {
  name?: string;
  served?: boolean;
  schema?: { openAPIV3Schema?: Record<string, unknown> };
}

export function isCustomResourceDefinition(object: Record<string, unknown>): boolean {
  return object.kind === 'CustomResourceDefinition' && typeof object.apiVersion === 'string' && object.apiVersion.startsWith('apiextensions.k8s.io/');
}

export function crdSchemas(objects: readonly Record<string, unknown>[], strict: boolean): KindSchemas {
  const schemas: KindSchemas = new Map();
  for (const object of objects) {
    if (!isCustomResourceDefinition(object)) continue;
    const spec = object.spec as { group?: string; names?: { kind?: string }; versions?: CrdVersion[]; validation?: CrdVersion['schema'] } | undefined;
    const group = spec?.group;
    const kind = spec?.names?.kind;
    if (!group || !kind) continue;
    for (const version of spec.versions ?? []) {
      // apiextensions.k8s.io/v1beta1 allowed one schema for every version.
      const schema = version.schema?.openAPIV3Schema ?? spec.validation?.openAPIV3Schema;
      if (!version.name || version.served === false || !schema) continue;
      schemas.set(`${group}/${version.name}/${kind}`, toResourceSchema(schema, strict));
    }
  }
  return schemas;
}

/** The root schema with the fields every object has, so strict does not reject apiVersion, kind or metadata. */
export function toResourceSchema(openApi: Record<string, unknown>, strict: boolean): object {
  const root = convert(openApi, strict) as Record<string, unknown>;
  const properties = { ...((root.properties as Record<string, unknown> | undefined) ?? {}) };
  properties.apiVersion ??= { type: 'string' };
  properties.kind ??= { type: 'string' };
  properties.metadata = { type: 'object' };
  return { ...root, properties };
}

function convert(node: unknown, strict: boolean): unknown {
  if (Array.isArray(node)) return node.map((item) => convert(item, strict));
  if (typeof node !== 'object' || node === null) return node;
  const source = node as Record<string, unknown>;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) {
    // Descend only into schema positions; `properties` maps names to schemas, `enum`/`default`/`example` are data.
    if (key === 'properties' || key === 'patternProperties' || key === 'definitions') {
      result[key] = Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([name, child]) => [name, convert(child, strict)]));
    } else if (['items', 'additionalProperties', 'not', 'allOf', 'anyOf', 'oneOf'].includes(key)) {
      result[key] = typeof value === 'boolean' ? value : convert(value, strict);
    } else {
      result[key] = value;
    }
  }
  // An int-or-string field carries no type of its own in a structural schema.
  if (source['x-kubernetes-int-or-string'] === true && !source.anyOf) {
    result.anyOf = [{ type: 'integer' }, { type: 'string' }];
    delete result.type;
  }
  const open = source['x-kubernetes-preserve-unknown-fields'] === true || source.additionalProperties !== undefined;
  if (strict && !open && source.properties && source.type === 'object') result.additionalProperties = false;
  return result;
}
