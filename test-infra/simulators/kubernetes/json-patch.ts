/** RFC 7386 JSON merge patch and RFC 6902 JSON patch, as the API server applies them to custom resources. */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return structuredClone(patch);
  const base: Record<string, unknown> =
    typeof target === 'object' && target !== null && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [key, value] of Object.entries(patch as Record<string, unknown>)) {
    if (value === null) delete base[key];
    else base[key] = applyMergePatch(base[key], value);
  }
  return base;
}

export interface JsonPatchOperation {
  op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';
  path: string;
  from?: string;
  value?: unknown;
}

/** Thrown for a malformed patch document (400) and for one that cannot be applied (422). */
export class JsonPatchError extends Error {
  constructor(
    message: string,
    readonly malformed: boolean,
  ) {
    super(message);
  }
}

export function applyJsonPatch(target: unknown, operations: unknown): unknown {
  if (!Array.isArray(operations)) throw new JsonPatchError('json: cannot unmarshal object into Go value of type jsonpatch.Patch', true);
  let doc = structuredClone(target) as Json;
  for (const raw of operations) {
    const op = raw as JsonPatchOperation;
    if (typeof op?.op !== 'string' || typeof op.path !== 'string') throw new JsonPatchError('invalid JSON patch operation: needs "op" and "path"', true);
    switch (op.op) {
      case 'add':
        doc = setAt(doc, op.path, structuredClone(op.value) as Json, 'add');
        break;
      case 'replace':
        doc = setAt(doc, op.path, structuredClone(op.value) as Json, 'replace');
        break;
      case 'remove':
        doc = removeAt(doc, op.path);
        break;
      case 'copy':
        doc = setAt(doc, op.path, structuredClone(getAt(doc, op.from ?? '')), 'add');
        break;
      case 'move': {
        const v = getAt(doc, op.from ?? '');
        doc = setAt(removeAt(doc, op.from ?? ''), op.path, v, 'add');
        break;
      }
      case 'test':
        if (JSON.stringify(getAt(doc, op.path)) !== JSON.stringify(op.value)) throw new JsonPatchError(`testing value ${op.path} failed: test failed`, false);
        break;
      default:
        throw new JsonPatchError(`Unexpected kind: ${String(op.op)}`, true);
    }
  }
  return doc;
}

function tokens(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) throw new JsonPatchError(`invalid JSON pointer "${path}"`, true);
  return path
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function getAt(doc: Json, path: string): Json {
  let node: Json = doc;
  for (const t of tokens(path)) {
    if (Array.isArray(node)) node = node[Number(t)];
    else if (node && typeof node === 'object') node = node[t];
    else node = undefined as unknown as Json;
    if (node === undefined) throw new JsonPatchError(`doc is missing path: "${path}": missing value`, false);
  }
  return node;
}

function parentOf(doc: Json, path: string): { parent: Json; key: string } {
  const ts = tokens(path);
  if (ts.length === 0) throw new JsonPatchError('cannot operate on the document root', false);
  const parentPath = ts
    .slice(0, -1)
    .map((t) => `/${t.replace(/~/g, '~0').replace(/\//g, '~1')}`)
    .join('');
  const parent = getAt(doc, parentPath);
  if (typeof parent !== 'object' || parent === null) throw new JsonPatchError(`doc is missing path: "${path}": missing value`, false);
  return { parent, key: ts[ts.length - 1] };
}

function setAt(doc: Json, path: string, value: Json, mode: 'add' | 'replace'): Json {
  if (path === '') return value;
  const { parent, key } = parentOf(doc, path);
  if (Array.isArray(parent)) {
    const index = key === '-' ? parent.length : Number(key);
    if (!Number.isInteger(index) || index < 0 || index > parent.length || (mode === 'replace' && index >= parent.length)) {
      throw new JsonPatchError(`unable to ${mode} index ${key} in array of length ${parent.length}`, false);
    }
    if (mode === 'add') parent.splice(index, 0, value);
    else parent[index] = value;
  } else {
    const obj = parent as Record<string, Json>;
    if (mode === 'replace' && !(key in obj)) throw new JsonPatchError(`replace operation does not apply: doc is missing key: ${path}: missing value`, false);
    obj[key] = value;
  }
  return doc;
}

function removeAt(doc: Json, path: string): Json {
  const { parent, key } = parentOf(doc, path);
  if (Array.isArray(parent)) {
    const index = Number(key);
    if (!Number.isInteger(index) || index < 0 || index >= parent.length) throw new JsonPatchError(`unable to remove nonexistent index ${key}`, false);
    parent.splice(index, 1);
  } else {
    const obj = parent as Record<string, Json>;
    if (!(key in obj)) throw new JsonPatchError(`unable to remove nonexistent key: ${key}: missing value`, false);
    delete obj[key];
  }
  return doc;
}
