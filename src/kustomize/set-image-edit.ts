import { isScalar, type Pair, type YAMLMap } from 'yaml';
import { KEEP, type ImageArgument } from './image-argument.js';
import { IMAGE_FIELDS, fieldOfKey, findFieldPair, pairKey, parseKustomization, type KustomizationDocument } from './kustomization-document.js';
import type { ImageEntry, ImageEntryChange, ImageField, ImageFieldValues } from '../types.js';
import {
  applySplices,
  columnOf,
  detectLineEnding,
  formatScalar,
  lineEndAfter,
  lineStartOf,
  trimLineBreak,
  type ScalarStyle,
  type Splice,
} from './yaml-text.js';

export interface KustomizationEdit {
  text: string;
  changes: ImageEntryChange[];
}

/**
 * `kustomize edit set image` on a file's text: each argument replaces newName,
 * newTag and digest of the entries with its name (`*` keeps a value; a value
 * the argument leaves out is removed), or adds an entry. Comments, order,
 * quoting, indentation and line endings of everything else stay as they were.
 */
export function setImagesInKustomization(
  source: string,
  args: readonly ImageArgument[],
  file: string,
  // A caller that has parsed the file already passes it: parsing is most of an edit's cost.
  doc: KustomizationDocument = parseKustomization(source, file),
): KustomizationEdit {
  const eol = detectLineEnding(source);
  const splices: Splice[] = [];
  const changes: ImageEntryChange[] = [];
  const added: Array<{ name: string; values: ImageFieldValues }> = [];

  for (const argument of args) {
    const matches = doc.entries.filter((entry) => entry.name === argument.name);
    if (matches.length === 0) {
      const after = resolveValues(argument, null);
      if (IMAGE_FIELDS.every((field) => after[field] === '')) continue;
      added.push({ name: argument.name, values: after });
      changes.push({ name: argument.name, argument: argument.source, before: null, after, dropped: [] });
      continue;
    }
    for (const entry of matches) {
      const after = resolveValues(argument, entry);
      if (IMAGE_FIELDS.every((field) => after[field] === entry[field])) continue;
      splices.push(...editEntry(doc, entry, after, eol));
      const dropped = IMAGE_FIELDS.filter((field) => entry[field] !== '' && after[field] === '');
      changes.push({ name: argument.name, argument: argument.source, before: pickValues(entry), after, dropped });
    }
  }
  // New entries in name order, as kustomize writes them (byte order, like Go's string comparison).
  added.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (added.length > 0) splices.push(...addEntries(doc, added, eol));
  return { text: splices.length > 0 ? keepFinalNewline(source, applySplices(source, splices), eol) : source, changes };
}

/** A file without a final line break keeps it that way, even when its last line was removed. */
function keepFinalNewline(source: string, text: string, eol: string): string {
  if (source === '' || source.endsWith('\n') || !text.endsWith('\n')) return text;
  return text.slice(0, text.endsWith(eol) ? -eol.length : -1);
}

function pickValues(values: ImageFieldValues): ImageFieldValues {
  return { newName: values.newName, newTag: values.newTag, digest: values.digest };
}

function resolveValues(argument: ImageArgument, entry: ImageEntry | null): ImageFieldValues {
  const resolve = (field: ImageField): string => (argument[field] === KEEP ? (entry?.[field] ?? '') : argument[field]);
  return { newName: resolve('newName'), newTag: resolve('newTag'), digest: resolve('digest') };
}

// --- key order ---------------------------------------------------------------

const ALPHABETICAL = ['digest', 'name', 'newName', 'newTag'] as const;
const NAME_FIRST = ['name', 'newName', 'newTag', 'digest'] as const;
type FieldOrder = readonly (ImageField | 'name')[];

/** kustomize writes keys alphabetically; a file whose entries start with `name` keeps `name` first. */
function fieldOrderOf(doc: KustomizationDocument): FieldOrder {
  const firstKeys = doc.entries.map((entry) => fieldOfKey(pairKey(entry.node.items[0])));
  return firstKeys.length > 0 && firstKeys.every((key) => key === 'name') ? NAME_FIRST : ALPHABETICAL;
}

// --- editing an existing entry -----------------------------------------------

function editEntry(doc: KustomizationDocument, entry: ImageEntry, after: ImageFieldValues, eol: string): Splice[] {
  if (entry.node.flow) return [rewriteFlowEntry(doc, entry, after)];
  const { source } = doc;
  const splices: Splice[] = [];
  const order = fieldOrderOf(doc);
  const pairs = entry.node.items;
  const keyColumn = columnOf(source, keyStart(pairs[0]));

  for (const field of IMAGE_FIELDS) {
    if (after[field] === entry[field]) continue;
    const pair = findFieldPair(entry.node, field);
    if (pair && after[field] !== '') {
      splices.push(replaceValue(source, pair, after[field]));
    } else if (pair) {
      splices.push(removePair(source, pairs, pair));
    } else {
      const line = `${field}: ${formatScalar(after[field], 'PLAIN')}`;
      splices.push(insertPair(source, entry.node, field, line, order, keyColumn, after, eol));
    }
  }
  return splices;
}

/** A node's place in the source: every node parseKustomization returns has one. */
function parsedRange(node: { range?: [number, number, number] | null }): [number, number, number] {
  if (!node.range) throw new Error('internal: a parsed YAML node has no source range');
  return node.range;
}

function keyStart(pair: Pair): number {
  return (pair.key as { range: [number, number, number] }).range[0];
}

/** Where a pair's text ends, not counting the line break a block scalar's range takes in. */
function valueEnd(source: string, pair: Pair): number {
  const value = pair.value as { range?: [number, number, number] } | null;
  return trimLineBreak(source, value?.range ? value.range[1] : (pair.key as { range: [number, number, number] }).range[1]);
}

function replaceValue(source: string, pair: Pair, value: string): Splice {
  const node = pair.value;
  if (isScalar(node) && node.range && node.range[1] > node.range[0]) {
    const style = (['QUOTE_DOUBLE', 'QUOTE_SINGLE'].includes(node.type ?? '') ? node.type : 'PLAIN') as ScalarStyle;
    // A block scalar (`|`) spans lines; it becomes a one-line scalar, and the line break stays.
    return { start: node.range[0], end: trimLineBreak(source, node.range[1]), text: formatScalar(value, style) };
  }
  // `newTag:` with no value: write the value after the colon.
  const colon = source.indexOf(':', (pair.key as { range: [number, number, number] }).range[1]);
  return { start: colon + 1, end: colon + 1, text: ` ${formatScalar(value, 'PLAIN')}` };
}

function removePair(source: string, pairs: Pair[], pair: Pair): Splice {
  const index = pairs.indexOf(pair);
  const next = pairs.at(index + 1);
  if (index === 0 && next) {
    // The first key shares its line with `- `: pull the next key up onto that line.
    return { start: keyStart(pair), end: keyStart(next), text: '' };
  }
  return { start: lineStartOf(source, keyStart(pair)), end: lineEndAfter(source, valueEnd(source, pair)), text: '' };
}

function insertPair(
  source: string,
  entry: YAMLMap,
  field: ImageField,
  line: string,
  order: FieldOrder,
  keyColumn: number,
  after: ImageFieldValues,
  eol: string,
): Splice {
  const pairs = entry.items;
  const rank = order.indexOf(field);
  // Anchor on the last pair that stays and comes before the new key in the file's order.
  const staying = pairs.filter((pair) => {
    const key = fieldOfKey(pairKey(pair));
    return key === 'name' || key === undefined || after[key] !== '';
  });
  const anchor = [...staying].reverse().find((pair) => {
    const key = fieldOfKey(pairKey(pair));
    return key !== undefined && order.indexOf(key) < rank;
  });
  if (anchor) {
    const at = lineEndAfter(source, valueEnd(source, anchor));
    const lead = at === source.length && !source.endsWith('\n') ? eol : '';
    return { start: at, end: at, text: `${lead}${' '.repeat(keyColumn)}${line}${lead ? '' : eol}` };
  }
  // The new key sorts first: it takes the `- ` line and the old first key moves down.
  const first = keyStart(pairs[0]);
  return { start: first, end: first, text: `${line}${eol}${' '.repeat(keyColumn)}` };
}

function rewriteFlowEntry(doc: KustomizationDocument, entry: ImageEntry, after: ImageFieldValues): Splice {
  const { source } = doc;
  const order = fieldOrderOf(doc);
  const parts: Array<{ field: ImageField | 'name' | undefined; text: string }> = [];
  for (const pair of entry.node.items) {
    const field = fieldOfKey(pairKey(pair));
    const text = source.slice(keyStart(pair), valueEnd(source, pair));
    if (field === undefined || field === 'name' || after[field] === entry[field]) {
      parts.push({ field, text });
    } else if (after[field] !== '') {
      const value = replaceValue(source, pair, after[field]);
      parts.push({ field, text: source.slice(keyStart(pair), value.start) + value.text });
    }
  }
  for (const field of IMAGE_FIELDS) {
    if (after[field] === '' || findFieldPair(entry.node, field)) continue;
    const rank = order.indexOf(field);
    const before = parts.findLastIndex((part) => part.field !== undefined && order.indexOf(part.field) < rank);
    parts.splice(before + 1, 0, { field, text: `${field}: ${formatScalar(after[field], 'PLAIN')}` });
  }
  const range = parsedRange(entry.node);
  const padded = source[range[0] + 1] === ' ';
  const inner = parts.map((part) => part.text).join(', ');
  return { start: range[0], end: range[1], text: padded ? `{ ${inner} }` : `{${inner}}` };
}

// --- adding entries ------------------------------------------------------------

function entryLines(name: string, values: ImageFieldValues, order: FieldOrder): string[] {
  const all: Record<string, string> = { name, ...values };
  return order.filter((field) => all[field] !== '').map((field) => `${field}: ${formatScalar(all[field], 'PLAIN')}`);
}

function addEntries(doc: KustomizationDocument, added: Array<{ name: string; values: ImageFieldValues }>, eol: string): Splice[] {
  const { source } = doc;
  const order = fieldOrderOf(doc);
  const images = doc.images;
  const flowEntries = added.map(({ name, values }) => `{${entryLines(name, values, order).join(', ')}}`);

  if (images && images.flow) {
    const last = images.items.at(-1) as { range?: [number, number, number] } | undefined;
    // After the last entry, not before `]`: a multi-line list may end with a comma.
    if (last?.range) return [{ start: last.range[1], end: last.range[1], text: `, ${flowEntries.join(', ')}` }];
    const close = source.lastIndexOf(']', parsedRange(images)[1]);
    return [{ start: close, end: close, text: flowEntries.join(', ') }];
  }
  if (!doc.imagesPair && doc.root?.flow) {
    // A flow mapping at the top (`{resources: [...]}`): the new field goes inside its braces.
    const last = doc.root.items.at(-1);
    const at = last ? valueEnd(source, last) : source.lastIndexOf('}', parsedRange(doc.root)[1]);
    return [{ start: at, end: at, text: `${last ? ', ' : ''}images: [${flowEntries.join(', ')}]` }];
  }
  const splices: Splice[] = [];

  let dashColumn: number;
  let keyColumn: number;
  let at: number;
  let header = '';
  if (images && images.items.length > 0) {
    const firstKey = keyStart((images.items[0] as YAMLMap).items[0]);
    dashColumn = columnOf(source, source.lastIndexOf('-', firstKey));
    keyColumn = columnOf(source, firstKey);
    const lastEntry = images.items.at(-1) as YAMLMap;
    at = lineEndAfter(source, valueEnd(source, lastEntry.items.at(-1) as Pair));
  } else {
    const base = doc.imagesPair ? columnOf(source, keyStart(doc.imagesPair)) : 0;
    dashColumn = base + sequenceIndent(doc);
    keyColumn = dashColumn + 2;
    if (doc.imagesPair) {
      // `images:` with nothing after it (or an empty value): the list goes on the next lines.
      const keyEnd = (doc.imagesPair.key as { range: [number, number, number] }).range[1];
      at = lineEndAfter(source, keyEnd);
      const nullValue = doc.imagesPair.value as { range?: [number, number, number] } | null;
      if (nullValue?.range && nullValue.range[1] > nullValue.range[0]) {
        // `images: ~` or `images: null` would read as a broken mapping with a list after it: drop the null.
        const colon = source.indexOf(':', keyEnd);
        splices.push({ start: colon + 1, end: nullValue.range[1], text: '' });
      }
    } else {
      header = `images:${eol}`;
      const last = doc.root?.items.at(-1);
      at = last ? lineEndAfter(source, valueEnd(source, last)) : source.length;
    }
  }

  const linesOf = (entries: typeof added): string[] =>
    entries.flatMap(({ name, values }) =>
      entryLines(name, values, order).map((line, index) =>
        index === 0 ? `${' '.repeat(dashColumn)}-${' '.repeat(keyColumn - dashColumn - 1)}${line}` : `${' '.repeat(keyColumn)}${line}`,
      ),
    );
  const { before, last } = sortedInsertionPoints(doc, added);
  for (const [position, entries] of before) splices.push({ start: position, end: position, text: linesOf(entries).join(eol) + eol });
  if (last.length === 0) return splices;
  const atEndWithoutNewline = at === source.length && source.length > 0 && !source.endsWith('\n');
  const body = header + linesOf(last).join(eol);
  splices.push(atEndWithoutNewline ? { start: at, end: at, text: eol + body } : { start: at, end: at, text: body + eol });
  return splices;
}

/**
 * kustomize's editor keeps `images:` sorted by name. In a block list that is
 * sorted already, each new entry goes where kustomize would put it (above the
 * own-line comments of the entry it precedes); in any other list, at the end.
 * An entry that an existing entry renames into (`newName` equal to its name)
 * stays after it whatever the order: entries apply one after another.
 */
function sortedInsertionPoints(
  doc: KustomizationDocument,
  added: Array<{ name: string; values: ImageFieldValues }>,
): { before: Map<number, typeof added>; last: typeof added } {
  const names = doc.entries.map((entry) => entry.name);
  const before = new Map<number, typeof added>();
  const sorted = names.length > 0 && names.every((name, index) => index === 0 || names[index - 1] <= name);
  if (!sorted || !doc.images || doc.images.flow) return { before, last: added };
  const last: typeof added = [];
  for (const entry of added) {
    const next = names.findIndex((name) => name > entry.name);
    const renamedInto = doc.entries.some((existing) => existing.newName === entry.name);
    if (next < 0 || renamedInto) {
      last.push(entry);
      continue;
    }
    const position = entryBlockStart(doc.source, doc.images.items[next] as YAMLMap);
    before.set(position, [...(before.get(position) ?? []), entry]);
  }
  return { before, last };
}

/** Where an entry's lines begin: its `- ` line, or the own-line comments right above it. */
function entryBlockStart(source: string, entry: YAMLMap): number {
  let start = lineStartOf(source, source.lastIndexOf('-', keyStart(entry.items[0])));
  while (start > 0) {
    const previous = lineStartOf(source, start - 1);
    if (!/^[ \t]*#/.test(source.slice(previous, start))) break;
    start = previous;
  }
  return start;
}

/** How far the file indents block lists under their key (0 in kustomize's own output). */
function sequenceIndent(doc: KustomizationDocument): number {
  const { source } = doc;
  for (const pair of doc.root?.items ?? []) {
    const value = pair.value as { items?: unknown[]; flow?: boolean; range?: [number, number, number] } | null;
    if (!value?.items || value.flow || value.items.length === 0 || !value.range) continue;
    const dash = source.lastIndexOf('-', (value.items[0] as { range?: [number, number, number] }).range?.[0] ?? value.range[0]);
    return Math.max(0, columnOf(source, dash) - columnOf(source, keyStart(pair)));
  }
  return 0;
}
