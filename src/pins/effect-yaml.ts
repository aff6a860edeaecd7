import { parseAllDocuments } from 'yaml';
import { UserError, yamlErrorText } from '../errors.js';
import { isIndex, tryParseValuesPath } from './values-path.js';

/**
 * The few YAML readings the effect check needs, on plain values: a file's
 * documents, and a value at a Helm-style path (`image.tag`,
 * `sidecars[0].image.tag`). The editors locate nodes in the text to splice
 * them; the check only reads what a file (or a render) holds.
 */

export type PathStep = string | number;

/**
 * `images.web.tag` → ['images', 'web', 'tag']; `sidecars[0].image` → ['sidecars', 0, 'image']: the one path
 * grammar the editors use (values-path.ts, with Helm's escapes and quoted keys); a path it refuses is one key.
 */
export function valuesPathSteps(path: string): PathStep[] {
  const segments = tryParseValuesPath(path);
  return segments ? segments.map((segment) => (isIndex(segment) ? segment.index : segment.key)) : [path];
}

/** The value at `path` under `root`; undefined where a step is missing. */
export function valueAtPath(root: unknown, path: string | readonly PathStep[]): unknown {
  let node = root;
  for (const step of typeof path === 'string' ? valuesPathSteps(path) : path) {
    if (typeof step === 'number') node = Array.isArray(node) ? (node as unknown[])[step] : undefined;
    else node = isRecord(node) ? node[step] : undefined;
    if (node === undefined) return undefined;
  }
  return node;
}

/** A scalar as the text a template prints ('' for null or a missing value; undefined for a mapping or a list). */
export function scalarText(value: unknown): string | undefined {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every document of a file as a plain value (empty documents left out); a file that does not parse is the user's to fix. */
export function readDocuments(text: string, file: string): unknown[] {
  const values: unknown[] = [];
  for (const document of parseAllDocuments(text)) {
    if (!('contents' in document)) continue;
    if (document.errors.length > 0) throw new UserError(`${file} is not valid YAML: ${yamlErrorText(document.errors[0])}.`);
    const value: unknown = document.toJS({ maxAliasCount: 100 });
    if (value !== null && value !== undefined) values.push(value);
  }
  return values;
}

/** A resource's kind, namespace and name, as `Kind/namespace/name` (or `Kind/name`). */
export interface ResourceId {
  kind: string;
  name: string;
  namespace: string;
}

export function resourceIdOf(value: unknown): ResourceId | undefined {
  if (!isRecord(value) || typeof value.kind !== 'string') return undefined;
  const metadata = isRecord(value.metadata) ? value.metadata : {};
  return {
    kind: value.kind,
    name: typeof metadata.name === 'string' ? metadata.name : '',
    namespace: typeof metadata.namespace === 'string' ? metadata.namespace : '',
  };
}

export function describeResource(id: ResourceId): string {
  return [id.kind, id.namespace, id.name].filter((part) => part !== '').join('/');
}

/**
 * The rendered resource that a file's resource became: the same kind and
 * name (a kustomization's namespace: may move it, so the namespace decides
 * only between several), else the one of that kind whose name holds the name
 * (namePrefix, nameSuffix).
 */
export function findRenderedResource(rendered: readonly unknown[], wanted: ResourceId): Record<string, unknown> | undefined {
  const ofKind = rendered.filter((value): value is Record<string, unknown> => resourceIdOf(value)?.kind === wanted.kind);
  const named = ofKind.filter((value) => resourceIdOf(value)?.name === wanted.name);
  const candidates = named.length > 0 ? named : ofKind.filter((value) => wanted.name !== '' && (resourceIdOf(value)?.name ?? '').includes(wanted.name));
  return candidates.find((value) => resourceIdOf(value)?.namespace === wanted.namespace) ?? (candidates.length === 1 ? candidates[0] : undefined);
}
