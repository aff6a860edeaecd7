import { isAlias, isMap, isScalar, isSeq, visit, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { scalarText } from '../kustomize/kustomization-document.js';
import { formatValuesPath, type PathSegment } from './values-path.js';
import type { YamlText } from './yaml-source.js';

/**
 * Anchors, aliases and merge keys (`<<: *defaults`, which Helm's YAML reader
 * applies): what a mapping holds once its merges are applied, and every path
 * from which one node can be reached. An edit of a node that more than one
 * path reaches changes all of them, so the editor asks here first.
 */

/** A key of a mapping as it reads after its merges, and where its value came from. */
export interface EffectiveEntry {
  key: string;
  pair: Pair;
  /** Set when a merge key supplied the entry: the line of that `<<`. */
  mergedAt: number | null;
}

export function keyText(pair: Pair): string {
  return isScalar(pair.key) ? scalarText(pair.key) : '';
}

function isMergeKey(pair: Pair): boolean {
  return isScalar(pair.key) && pair.key.value === '<<' && pair.key.type === 'PLAIN';
}

function resolved(node: unknown, document: Document): unknown {
  return isAlias(node) ? node.resolve(document) : node;
}

/** The maps a merge key's value brings in, first one first (earlier ones win, as YAML merges read). */
function mergedMaps(pair: Pair, document: Document): YAMLMap[] {
  const value = resolved(pair.value, document);
  const sources = isSeq(value) ? value.items.map((item) => resolved(item, document)) : [value];
  return sources.filter((source): source is YAMLMap => isMap(source));
}

/** The mapping's entries after its merges: its own keys, then keys only a merged mapping has. */
export function effectiveEntries(map: YAMLMap, document: Document, text: YamlText, seen = new Set<YAMLMap>()): EffectiveEntry[] {
  const entries: EffectiveEntry[] = [];
  const keys = new Set<string>();
  for (const pair of map.items) {
    if (isMergeKey(pair)) continue;
    const key = keyText(pair);
    keys.add(key);
    entries.push({ key, pair, mergedAt: null });
  }
  seen.add(map);
  for (const pair of map.items) {
    if (!isMergeKey(pair)) continue;
    const line = text.lineOf((pair.key as Node).range?.[0] ?? 0);
    for (const source of mergedMaps(pair, document)) {
      if (seen.has(source)) continue;
      for (const entry of effectiveEntries(source, document, text, new Set(seen))) {
        if (keys.has(entry.key)) continue;
        keys.add(entry.key);
        entries.push({ ...entry, mergedAt: line });
      }
    }
  }
  return entries;
}

/**
 * One path that reaches a node: its line (where the path's alias is, when it
 * goes through one), and the first alias (or merge key, named `<<`) on the
 * way: its anchor's name, the anchor's line, the alias's own line, and
 * whether the anchor is on the scalar itself (a shared value) or on a
 * mapping above it (a shared block of settings).
 */
export interface Route {
  path: string;
  segments: PathSegment[];
  line: number;
  alias: { name: string; line: number; at: number; scalar: boolean } | null;
}

export function hasAliases(document: Document): boolean {
  let found = false;
  visit(document, {
    Alias() {
      found = true;
      return visit.BREAK;
    },
  });
  return found;
}

/** Every path that reaches each node of the document, through aliases and merge keys too. */
export function routesOfNodes(document: Document, text: YamlText): Map<Node, Route[]> {
  const routes = new Map<Node, Route[]>();
  const lineOf = (node: Node): number => text.lineOf(node.range?.[0] ?? 0);

  const walk = (value: unknown, segments: PathSegment[], alias: Route['alias'], ancestors: Set<Node>): void => {
    if (isAlias(value)) {
      const target = value.resolve(document);
      if (!target || ancestors.has(target)) return;
      walk(target, segments, alias ?? { name: value.source, line: lineOf(target), at: lineOf(value), scalar: isScalar(target) }, ancestors);
      return;
    }
    if (!isScalar(value) && !isMap(value) && !isSeq(value)) return;
    const node = value as Node;
    const list = routes.get(node) ?? [];
    list.push({ path: formatValuesPath(segments), segments, line: alias ? alias.at : lineOf(node), alias });
    routes.set(node, list);
    if (isScalar(value)) return;
    ancestors.add(node);
    if (isSeq(value)) {
      value.items.forEach((item, index) => {
        walk(item, [...segments, { index }], alias, ancestors);
      });
    }
    if (isMap(value)) {
      for (const entry of effectiveEntries(value, document, text)) {
        const viaMerge = entry.mergedAt === null ? alias : (alias ?? { name: '<<', line: entry.mergedAt, at: entry.mergedAt, scalar: false });
        walk(entry.pair.value, [...segments, { key: entry.key }], viaMerge, ancestors);
      }
    }
    ancestors.delete(node);
  };
  walk(document.contents, [], null, new Set());
  return routes;
}
