import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { UserError } from '../errors.js';
import { scalarText } from '../kustomize/kustomization-document.js';
import { formatScalar, trimLineBreak, type ScalarStyle, type Splice } from '../kustomize/yaml-text.js';
import { effectiveEntries, hasAliases, routesOfNodes, type Route } from './yaml-anchors.js';
import { fileLayout, insertKeys, siblingStyle, type KeyContainer, type NewKeys, type NewValue } from './yaml-insert.js';
import { formatValuesPath, isIndex, type PathSegment } from './values-path.js';
import type { YamlText } from './yaml-source.js';

export { formatValuesPath, parseValuesPath, type PathSegment } from './values-path.js';

/**
 * Reading and writing values at paths of a YAML document as text splices: a
 * scalar keeps its quoting and its comment, a numeric-looking value is
 * quoted, a missing key (and missing mappings above it) is added in the
 * file's style, and a value that other paths share through an anchor is
 * edited only when all of them get the same value.
 */

/** One document of a file, and how its paths are shown in messages. */
export interface ValuesRoot {
  text: YamlText;
  document: Document.Parsed;
  /** Put before a path in messages: `spec.source.helm.values` for the YAML inside that string. */
  shownPrefix?: PathSegment[];
}

/** A key that a merge key (`<<: *defaults`) supplies: where, and the mapping the key would be written into. */
interface Inherited {
  index: number;
  map: YAMLMap;
  line: number;
}

export type PathLookup =
  | { kind: 'scalar'; node: Scalar; inherited: Inherited | null; at: number }
  | { kind: 'missing'; container: KeyContainer; rest: PathSegment[]; inherited: Inherited | null };

export function shownPath(root: ValuesRoot, path: readonly PathSegment[]): string {
  return formatValuesPath([...(root.shownPrefix ?? []), ...path]);
}

function resolve(node: unknown, document: Document): unknown {
  return isAlias(node) ? node.resolve(document) : node;
}

function isNullNode(node: unknown): boolean {
  return node === null || node === undefined || (isScalar(node) && node.value === null);
}

function describe(node: unknown): string {
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node) && node.value === null) return 'empty (null)';
  const text = scalarText(node);
  return `'${text.length > 40 ? `${text.slice(0, 40)}…` : text}'`;
}

/**
 * What the document holds at `path` (from its top): a scalar, or the place
 * where the missing rest would go. A path that crosses a scalar or a list
 * where it names a key, or that ends at a mapping or a list, is refused in
 * one line naming the file and the key; `role` says what the path should hold.
 */
export function lookupPath(root: ValuesRoot, path: readonly PathSegment[], role: string): PathLookup {
  const { document, text } = root;
  const fail = (problem: string): never => {
    throw new UserError(`${text.file}: ${problem}`);
  };
  let node: unknown = document.contents;
  let holder: { pair: Pair; parent: YAMLMap } | null = null;
  let inherited: Inherited | null = null;
  for (let i = 0; i < path.length; i += 1) {
    node = resolve(node, document);
    const segment = path[i];
    const here = shownPath(root, path.slice(0, i));
    if (isNullNode(node)) {
      const container: KeyContainer = holder ? { kind: 'empty-value', ...holder } : { kind: 'empty-document' };
      return { kind: 'missing', container, rest: path.slice(i), inherited };
    }
    if (isIndex(segment)) {
      if (!isSeq(node)) fail(`${here} is ${describe(node)}, not a list, so ${shownPath(root, path.slice(0, i + 1))} does not exist.`);
      const items = (node as { items: unknown[] }).items;
      if (segment.index >= items.length) return { kind: 'missing', container: { kind: 'empty-document' }, rest: path.slice(i), inherited };
      node = items[segment.index];
      holder = null;
      continue;
    }
    if (!isMap(node)) {
      const hint = isSeq(node) ? `write ${here}[0] and the keys after it` : `name the path that holds ${role} (a whole image reference is a reference path)`;
      fail(`${here || 'the top level'} is ${describe(node)}, not a mapping, so it has no key '${segment.key}'; ${hint}.`);
    }
    const map = node as YAMLMap;
    const entry = effectiveEntries(map, document, text).find((candidate) => candidate.key === segment.key);
    if (!entry) return { kind: 'missing', container: { kind: 'map', map }, rest: path.slice(i), inherited };
    if (entry.mergedAt !== null && !inherited) inherited = { index: i, map, line: entry.mergedAt };
    holder = { pair: entry.pair, parent: map };
    node = entry.pair.value;
  }
  node = resolve(node, document);
  const where = shownPath(root, path);
  if (isMap(node) || isSeq(node)) fail(`${where} is ${describe(node)}, not a scalar; name the scalar that holds ${role}.`);
  if (!isScalar(node)) fail(`${where} has a key but no value to replace; write it as 'key: value'.`);
  // Messages point at the key (`tag: *version` is on the key's line, not the anchor's).
  const at = (holder?.pair.key as Node | null)?.range?.[0] ?? (node as Scalar).range?.[0] ?? 0;
  return { kind: 'scalar', node: node as Scalar, inherited, at };
}

/** The text a scalar at `path` holds ('' when it is missing or null). */
export function readValue(root: ValuesRoot, path: readonly PathSegment[], role: string): { value: string; exists: boolean; offset: number } {
  const found = lookupPath(root, path, role);
  if (found.kind === 'scalar') return { value: scalarText(found.node), exists: true, offset: found.at };
  return { value: '', exists: false, offset: containerOffset(found.container) };
}

function containerOffset(container: KeyContainer): number {
  if (container.kind === 'map') return container.map.range?.[0] ?? 0;
  if (container.kind === 'empty-value') return (container.pair.key as Node | null)?.range?.[0] ?? 0;
  return 0;
}

/** One value to write: a string (quoted where a plain one would read as another type), or YAML text as is (`true`). */
export interface ValueWrite {
  path: PathSegment[];
  value: string;
  rawText?: string;
  /** A list of small mappings to write where the key is missing (Argo CD's `parameters`), each pair's value as YAML text. */
  items?: Array<Array<[string, string]>>;
  /** What the value is, for messages: `the tag`. */
  role: string;
}

function styleOf(node: Scalar): ScalarStyle {
  return node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' ? node.type : 'PLAIN';
}

/** Whether the scalar already holds the value (a number `1.10` does not hold the string "1.10": Helm reads 1.1). */
function holds(node: Scalar, write: ValueWrite): boolean {
  if (write.rawText !== undefined) return scalarText(node).toLowerCase() === write.rawText;
  return node.value === write.value || (write.value === '' && node.value === null);
}

/**
 * The splice that puts `text` where the scalar is. A key with nothing after
 * its colon (`tag:`, `tag:  # comment`) gets the value one space after the
 * colon, and a comment after it keeps its place.
 */
export function replaceScalar(source: string, node: Scalar, text: string): Splice {
  const range = node.range ?? [0, 0, 0];
  if (range[1] > range[0]) return { start: range[0], end: trimLineBreak(source, range[1]), text };
  let colon = range[0];
  while (colon > 0 && (source[colon - 1] === ' ' || source[colon - 1] === '\t')) colon -= 1;
  if (source[colon - 1] !== ':') return { start: range[0], end: range[0], text };
  const comment = source[range[0]] === '#';
  return { start: colon, end: colon, text: ` ${text}${comment && colon === range[0] ? ' ' : ''}` };
}

/** The splices that write every value into the document, or a one-line refusal. */
export function writeValues(root: ValuesRoot, writes: readonly ValueWrite[], protectedPaths: ReadonlySet<string> = new Set()): Splice[] {
  const { text, document } = root;
  const byPath = new Map<string, ValueWrite>();
  for (const write of writes) {
    const path = formatValuesPath(write.path);
    const earlier = byPath.get(path);
    if (earlier && earlier.value !== write.value) {
      throw new UserError(`${text.file}: ${shownPath(root, write.path)} would be set to both '${earlier.value}' and '${write.value}'; give it one value.`);
    }
    byPath.set(path, write);
  }
  const routes = hasAliases(document) ? routesOfNodes(document, text) : null;
  const scalars = new Map<Scalar, ValueWrite>();
  const additions = new Map<unknown, { container: KeyContainer; keys: NewKeys; style: ScalarStyle }>();

  for (const write of byPath.values()) {
    const found = lookupPath(root, write.path, write.role);
    if (write.items && found.kind === 'scalar') {
      throw new UserError(
        `${text.file}: ${shownPath(root, write.path)} is ${describe(found.node)}, not a list; write it as a list (or remove it) to have entries added.`,
      );
    }
    if (found.kind === 'scalar' && found.inherited === null) {
      if (routes) checkShared(root, routes.get(found.node) ?? [], write, byPath, protectedPaths);
      const earlier = scalars.get(found.node);
      if (earlier && earlier.value !== write.value) {
        throw new UserError(
          `${text.file}: ${shownPath(root, write.path)} and ${shownPath(root, earlier.path)} are one value (an alias); ` +
            `they cannot be set to '${write.value}' and '${earlier.value}'.`,
        );
      }
      if (!holds(found.node, write)) scalars.set(found.node, write);
      continue;
    }
    const { container, rest } = placeOfNewKey(root, write, found);
    if (routes) checkContainerShared(root, routes, container, write);
    const key = container.kind === 'map' ? container.map : container.kind === 'empty-value' ? container.pair : document;
    const addition = additions.get(key) ?? {
      container,
      keys: new Map<string, NewValue>(),
      style: siblingStyle(container.kind === 'map' ? container.map : null),
    };
    addition.keys = mergeKeys(addition.keys, rest, write, addition.style);
    additions.set(key, addition);
  }

  const splices: Splice[] = [];
  for (const [node, write] of scalars) splices.push(replaceScalar(text.source, node, write.rawText ?? formatScalar(write.value, styleOf(node))));
  if (additions.size > 0) {
    const layout = fileLayout(document, text.source);
    for (const { container, keys } of additions.values()) splices.push(...insertKeys(text, document, container, keys, layout));
  }
  return splices;
}

/** Where a write that finds no scalar of its own adds a key; a missing list entry, or a key below a merged mapping, is refused. */
function placeOfNewKey(root: ValuesRoot, write: ValueWrite, found: PathLookup): { container: KeyContainer; rest: PathSegment[] } {
  const file = root.text.file;
  const where = shownPath(root, write.path);
  if (found.inherited) {
    // A merge key is shallow: a key of its own beside `<<` overrides a scalar, but would replace a whole merged mapping.
    if (found.inherited.index !== write.path.length - 1) {
      throw new UserError(
        `${file}: ${where} comes from the merge key (<<) on line ${found.inherited.line}; ` +
          `give ${shownPath(root, write.path.slice(0, found.inherited.index + 1))} its own keys to set it here.`,
      );
    }
    return { container: { kind: 'map', map: found.inherited.map }, rest: write.path.slice(-1) };
  }
  if (found.kind !== 'missing') throw new Error('internal: a found scalar has no place for a new key');
  const index = found.rest.findIndex(isIndex);
  if (index >= 0) {
    const entry = write.path.slice(0, write.path.length - found.rest.length + index + 1);
    throw new UserError(`${file}: ${shownPath(root, entry)} does not exist, so ${where} cannot be set; add that list entry first.`);
  }
  return { container: found.container, rest: found.rest };
}

function mergeKeys(keys: NewKeys, rest: readonly PathSegment[], write: ValueWrite, style: ScalarStyle): NewKeys {
  const [first, ...more] = rest as Array<{ key: string }>;
  if (more.length === 0) {
    keys.set(first.key, write.items ? { items: write.items } : { scalar: write.rawText ?? formatScalar(write.value, style) });
    return keys;
  }
  const existing = keys.get(first.key);
  const nested: NewKeys = existing && 'keys' in existing ? existing.keys : new Map<string, NewValue>();
  keys.set(first.key, { keys: mergeKeys(nested, more, write, style) });
  return keys;
}

/**
 * An anchored value is written only when every path that reads it gets the
 * same value in this edit: every alias of it, and the anchor's own place too
 * when another image of the pin reads that or the anchor is on a mapping
 * (`image: &image {…}`, whose first place is an image of its own). An anchor
 * on the scalar itself (`version: &version 1.2.3`) is a shared value, and
 * its place is not an image. Otherwise the write would change an image
 * nobody asked to change.
 */
function checkShared(
  root: ValuesRoot,
  routes: readonly Route[],
  write: ValueWrite,
  byPath: ReadonlyMap<string, ValueWrite>,
  protectedPaths: ReadonlySet<string>,
): void {
  if (routes.length < 2) return;
  const own = formatValuesPath(write.path);
  const ownAlias = routes.find((route) => route.path === own)?.alias ?? null;
  for (const route of routes) {
    if (route.path === own || byPath.get(route.path)?.value === write.value) continue;
    if (route.alias === null && !protectedPaths.has(route.path) && ownAlias?.scalar !== false) continue;
    const where = shownPath(root, write.path);
    const anchor = ownAlias ?? route.alias;
    let subject = `${where} is one value with another path`;
    if (anchor?.name === '<<') subject = `${where} comes through the merge key on line ${anchor.at}`;
    else if (ownAlias) subject = `${where} is the alias *${ownAlias.name} (line ${ownAlias.at}) of the anchor &${ownAlias.name} on line ${ownAlias.line}`;
    else if (anchor) subject = `${where} holds the anchor &${anchor.name} (line ${anchor.line})`;
    throw new UserError(
      `${root.text.file}: ${subject}, which ${shownPath(root, route.segments)} (line ${route.line}) also uses; ` +
        `set both to the same value in this edit, or give ${where} its own value instead of the alias.`,
    );
  }
}

function checkContainerShared(root: ValuesRoot, routes: ReadonlyMap<Node, Route[]>, container: KeyContainer, write: ValueWrite): void {
  const map = container.kind === 'map' ? container.map : container.kind === 'empty-value' ? container.parent : null;
  const shared = map ? (routes.get(map) ?? []) : [];
  if (shared.length < 2) return;
  const [first, second] = shared.map((route) => `${shownPath(root, route.segments) || 'the top level'} (line ${route.line})`);
  throw new UserError(
    `${root.text.file}: ${shownPath(root, write.path)} would be added to a mapping that ${first} and ${second} share through an anchor; ` +
      'add the key there by hand, or give each its own mapping.',
  );
}
