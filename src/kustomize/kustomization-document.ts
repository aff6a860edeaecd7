import { isMap, isScalar, isSeq, parseDocument, Schema, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { UserError, yamlErrorText } from '../errors.js';
import type { ImageEntry, ImageField } from '../types.js';

/**
 * Reading a kustomization file: its `images:` list, located in the source text
 * so that edits can touch exactly the characters they change.
 */

export const IMAGE_FIELDS = ['newName', 'newTag', 'digest'] as const satisfies readonly ImageField[];

export interface KustomizationDocument {
  source: string;
  file: string;
  document: Document.Parsed;
  /** The root mapping, or null for an empty file. */
  root: YAMLMap | null;
  /** The `images:` pair, when present. */
  imagesPair: Pair<Node, Node | null> | null;
  /** The `images:` sequence, when the field holds one. */
  images: YAMLSeq | null;
  entries: ImageEntry[];
}

// kustomize decodes fields case-insensitively (`Digest:` works); Flux's image
// automation writes the digest as `newDigest`, which we treat as the digest field.
const FIELD_KEYS: Record<string, ImageField | 'name'> = {
  name: 'name',
  newname: 'newName',
  newtag: 'newTag',
  digest: 'digest',
  newdigest: 'digest',
};

export function fieldOfKey(key: unknown): ImageField | 'name' | undefined {
  return typeof key === 'string' ? FIELD_KEYS[key.toLowerCase()] : undefined;
}

/** The text a scalar stood for in the file (so `1.10` stays `1.10`, not the number 1.1). */
export function scalarText(node: unknown): string {
  if (!isScalar(node) || node.value === null || node.value === undefined) return '';
  if (typeof node.value === 'string') return node.value;
  if (typeof node.source === 'string' && node.source !== '') return node.source;
  // Only a node built in code has no source: a number or boolean as String() writes it, anything else (a Date) as JSON.
  const { value } = node;
  return typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' ? String(value) : JSON.stringify(value);
}

export function pairKey(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : '';
}

export function findFieldPair(entry: YAMLMap, field: ImageField | 'name'): Pair | undefined {
  return entry.items.find((pair) => fieldOfKey(pairKey(pair)) === field);
}

// One schema for every file: yaml would build its tag tables anew for each document, a good part of parsing a short kustomization.
// A file with a directive (`%YAML 1.1`) gets its own, as its version says.
const CORE_SCHEMA = new Schema({ schema: 'core', resolveKnownTags: true });

export function parseKustomization(source: string, file: string): KustomizationDocument {
  const document = parseDocument(source, { prettyErrors: true, ...(/^%/m.test(source) ? {} : { schema: CORE_SCHEMA }) });
  if (document.errors.length > 0) {
    throw new UserError(`${file} is not valid YAML: ${yamlErrorText(document.errors[0])}.`);
  }
  const contents = document.contents;
  if (contents !== null && !isMap(contents) && !(isScalar(contents) && contents.value === null)) {
    throw new UserError(`${file} is not a kustomization: its top level is not a mapping.`);
  }
  const root = isMap(contents) ? (contents as YAMLMap) : null;
  const imagesPair = root ? findImagesPair(root) : null;
  const value = imagesPair?.value ?? null;
  if (value !== null && !isSeq(value) && !(isScalar(value) && value.value === null)) {
    throw new UserError(`${file}: 'images' must be a list of entries, found ${describeNode(value)}.`);
  }
  const images = isSeq(value) ? value : null;
  const entries = images ? images.items.map((item, index) => readEntry(item, index, file)) : [];
  return { source, file, document, root, imagesPair: imagesPair as Pair<Node, Node | null> | null, images, entries };
}

function findImagesPair(root: YAMLMap): Pair | null {
  const pairs = root.items.filter((pair) => pairKey(pair).toLowerCase() === 'images');
  return pairs.at(-1) ?? null;
}

function readEntry(item: unknown, index: number, file: string): ImageEntry {
  if (!isMap(item)) throw new UserError(`${file}: images[${index}] must be a mapping with a 'name'.`);
  const node = item;
  const entry: ImageEntry = { name: '', newName: '', newTag: '', digest: '', node };
  for (const pair of node.items) {
    const field = fieldOfKey(pairKey(pair));
    if (field === undefined) continue;
    if (pair.value !== null && !isScalar(pair.value)) {
      throw new UserError(`${file}: images[${index}].${pairKey(pair)} must be a string, found ${describeNode(pair.value)}.`);
    }
    entry[field] = scalarText(pair.value);
  }
  if (entry.name === '') throw new UserError(`${file}: images[${index}] has no 'name'.`);
  return entry;
}

function describeNode(node: unknown): string {
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) return `'${String(node.value)}'`;
  return 'something else';
}
