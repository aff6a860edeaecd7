import { isMap, isScalar, isSeq, visit, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { columnOf, formatScalar, lineEndAfter, trimLineBreak, type ScalarStyle, type Splice } from '../kustomize/yaml-text.js';
import type { YamlText } from './yaml-source.js';

/**
 * Adding keys that a file does not have yet, in the file's own style: after
 * the mapping's last key, at its indentation (nested mappings one indent
 * further, as the file indents), inside the braces of a flow mapping, under a
 * key that has no value yet (`image:`), or at the end of an empty file.
 */

/** What a new key holds: a scalar's YAML text, a mapping of new keys, or a list of small mappings (Argo CD parameters). */
export type NewValue = { scalar: string } | { keys: NewKeys } | { items: Array<Array<[string, string]>> };
export type NewKeys = Map<string, NewValue>;

/** Where new keys go: into a mapping, under a key with no value, or into an empty document. */
export type KeyContainer = { kind: 'map'; map: YAMLMap } | { kind: 'empty-value'; pair: Pair; parent: YAMLMap } | { kind: 'empty-document' };

export interface FileLayout {
  /** Spaces a nested block mapping is indented by. */
  indent: number;
  /** Spaces a block list's `-` sits right of its key. */
  sequenceIndent: number;
}

type Range = [number, number, number];
const rangeOf = (node: unknown): Range | null => (node as { range?: Range | null } | null)?.range ?? null;

function keyStart(pair: Pair): number {
  return rangeOf(pair.key)?.[0] ?? 0;
}

/** Where a pair's text ends, not counting the line break a block value's range takes in. */
export function pairEnd(source: string, pair: Pair): number {
  const range = rangeOf(pair.value) ?? rangeOf(pair.key);
  return range ? trimLineBreak(source, range[1]) : 0;
}

/** The indentation the file uses, learnt from its first nested mapping and its first block list. */
export function fileLayout(document: Document, source: string): FileLayout {
  let indent = 0;
  let sequenceIndent = -1;
  visit(document, {
    Pair(_, pair) {
      const keyRange = rangeOf(pair.key);
      if (!keyRange) return;
      const keyColumn = columnOf(source, keyRange[0]);
      const value = pair.value;
      if (indent === 0 && isMap(value) && !value.flow && value.items.length > 0) {
        const column = columnOf(source, keyStart(value.items[0]));
        if (column > keyColumn) indent = column - keyColumn;
      }
      if (sequenceIndent < 0 && isSeq(value) && !value.flow && value.items.length > 0) {
        const first = rangeOf(value.items[0]);
        if (first) sequenceIndent = Math.max(0, columnOf(source, source.lastIndexOf('-', first[0])) - keyColumn);
      }
      return indent > 0 && sequenceIndent >= 0 ? visit.BREAK : undefined;
    },
  });
  return { indent: indent || 2, sequenceIndent: Math.max(0, sequenceIndent) };
}

/** The quoting the mapping's string values share (all double-quoted, all single-quoted), for the keys added beside them. */
export function siblingStyle(map: YAMLMap | null): ScalarStyle {
  const styles = new Set((map?.items ?? []).flatMap((pair) => (isScalar(pair.value) && typeof pair.value.value === 'string' ? [String(pair.value.type)] : [])));
  if (styles.size !== 1) return 'PLAIN';
  const [style] = styles;
  return style === 'QUOTE_DOUBLE' || style === 'QUOTE_SINGLE' ? style : 'PLAIN';
}

function keyText(key: string): string {
  return formatScalar(key, 'PLAIN');
}

function blockLines(keys: NewKeys, column: number, layout: FileLayout): string[] {
  const pad = ' '.repeat(column);
  const lines: string[] = [];
  for (const [key, value] of keys) {
    if ('scalar' in value) {
      lines.push(`${pad}${keyText(key)}: ${value.scalar}`);
    } else if ('keys' in value) {
      lines.push(`${pad}${keyText(key)}:`, ...blockLines(value.keys, column + layout.indent, layout));
    } else {
      lines.push(`${pad}${keyText(key)}:`);
      const dash = ' '.repeat(column + layout.sequenceIndent);
      for (const item of value.items) {
        item.forEach(([field, text], index) => lines.push(`${index === 0 ? `${dash}- ` : `${dash}  `}${keyText(field)}: ${text}`));
      }
    }
  }
  return lines;
}

function flowText(keys: NewKeys): string {
  return [...keys]
    .map(([key, value]) => {
      if ('scalar' in value) return `${keyText(key)}: ${value.scalar}`;
      if ('keys' in value) return `${keyText(key)}: {${flowText(value.keys)}}`;
      return `${keyText(key)}: [${value.items.map((item) => `{${item.map(([field, text]) => `${keyText(field)}: ${text}`).join(', ')}}`).join(', ')}]`;
    })
    .join(', ');
}

/** Lines inserted at `at`: after a line break, or after a last line that has none. */
function linesAt(source: string, at: number, lines: string[], eol: string): Splice {
  const atEndWithoutBreak = at === source.length && source.length > 0 && !source.endsWith('\n');
  return { start: at, end: at, text: atEndWithoutBreak ? eol + lines.join(eol) : lines.join(eol) + eol };
}

/** The splices that add `keys` to `container`. */
export function insertKeys(text: YamlText, document: Document, container: KeyContainer, keys: NewKeys, layout: FileLayout): Splice[] {
  const { source, eol } = text;
  if (container.kind === 'empty-document') {
    return [linesAt(source, document.range?.[1] ?? source.length, blockLines(keys, 0, layout), eol)];
  }
  if (container.kind === 'empty-value') {
    const { pair, parent } = container;
    const value = pair.value as Node | null;
    const valueRange = rangeOf(value);
    // `image: ~` or `image: null` would read as a null with keys after it: the null goes.
    const nullStart = valueRange ? valueRange[0] - (source[valueRange[0] - 1] === ' ' ? 1 : 0) : 0;
    const removeNull: Splice[] = valueRange && valueRange[1] > valueRange[0] ? [{ start: nullStart, end: valueRange[1], text: '' }] : [];
    if (parent.flow) {
      const start = valueRange ? valueRange[0] : pairEnd(source, pair);
      const end = valueRange ? valueRange[1] : start;
      return [{ start, end, text: `${source[start - 1] === ':' ? ' ' : ''}{${flowText(keys)}}` }];
    }
    const lineEnd = lineEndAfter(source, valueRange ? valueRange[1] : pairEnd(source, pair));
    const column = columnOf(source, keyStart(pair)) + layout.indent;
    return [...removeNull, linesAt(source, lineEnd, blockLines(keys, column, layout), eol)];
  }
  const { map } = container;
  const last = map.items.at(-1);
  if (map.flow) {
    if (last) return [{ start: pairEnd(source, last), end: pairEnd(source, last), text: `, ${flowText(keys)}` }];
    const open = source.indexOf('{', rangeOf(map)?.[0] ?? 0);
    return [{ start: open + 1, end: open + 1, text: flowText(keys) }];
  }
  if (!last) return [];
  const column = columnOf(source, keyStart(map.items[0]));
  return [linesAt(source, lineEndAfter(source, pairEnd(source, last)), blockLines(keys, column, layout), eol)];
}

/** The splices that append small mappings to a list, in the style of its entries (block or flow, the same indentation). */
export function appendItems(text: YamlText, seq: YAMLSeq, items: ReadonlyArray<Array<[string, string]>>): Splice[] {
  const { source, eol } = text;
  const flowItem = (item: Array<[string, string]>): string => `{${item.map(([field, value]) => `${keyText(field)}: ${value}`).join(', ')}}`;
  const last = seq.items.at(-1);
  if (seq.flow || !last) {
    if (last) return [{ start: pairEndOf(source, last), end: pairEndOf(source, last), text: `, ${items.map(flowItem).join(', ')}` }];
    const open = source.indexOf('[', rangeOf(seq)?.[0] ?? 0);
    return [{ start: open + 1, end: open + 1, text: items.map(flowItem).join(', ') }];
  }
  const first = seq.items[0];
  const dashColumn = columnOf(source, source.lastIndexOf('-', rangeOf(first)?.[0] ?? 0));
  const flowEntries = isMap(first) && first.flow;
  const keyColumn = isMap(first) && !first.flow && first.items.length > 0 ? columnOf(source, keyStart(first.items[0])) : dashColumn + 2;
  const lines = items.flatMap((item) => {
    if (flowEntries) return [`${' '.repeat(dashColumn)}- ${flowItem(item)}`];
    return item.map(([field, value], index) => {
      const lead = index === 0 ? `${' '.repeat(dashColumn)}-${' '.repeat(Math.max(1, keyColumn - dashColumn - 1))}` : ' '.repeat(keyColumn);
      return `${lead}${keyText(field)}: ${value}`;
    });
  });
  return [linesAt(source, lineEndAfter(source, pairEndOf(source, last)), lines, eol)];
}

function pairEndOf(source: string, node: unknown): number {
  const range = rangeOf(node);
  return range ? trimLineBreak(source, range[1]) : 0;
}
