import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { UserError, yamlErrorText } from '../errors.js';
import { scalarText } from '../kustomize/kustomization-document.js';
import { columnOf, trimLineBreak, type ScalarStyle } from '../kustomize/yaml-text.js';

/**
 * Reading YAML files the pin editors edit as text: every document of a
 * stream with its nodes' places in the source, and the small questions the
 * editors ask of nodes (a mapping's value, where a node's text ends, which
 * quoting a scalar has, how the file indents).
 */

export interface YamlStream {
  source: string;
  documents: Document.Parsed[];
  lineCounter: LineCounter;
}

export function parseYamlStream(source: string, file: string): YamlStream {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(source, { lineCounter, prettyErrors: true });
  // An empty text parses to an empty stream, which is not an array.
  const documents = Array.isArray(parsed) ? parsed : [];
  for (const document of documents) {
    if (document.errors.length > 0) throw new UserError(`${file} is not valid YAML: ${yamlErrorText(document.errors[0])}.`);
  }
  return { source, documents, lineCounter };
}

/** The 1-based line of an offset. */
export function lineOf(stream: YamlStream, offset: number): number {
  return stream.lineCounter.linePos(offset).line;
}

/** A node's place in the source: every node a parse returns has one. */
export function rangeOf(node: unknown): [number, number, number] {
  const range = (node as { range?: [number, number, number] | null } | null)?.range;
  if (!range) throw new Error('internal: a parsed YAML node has no source range');
  return range;
}

/** The pair of a mapping with a string key, if any. */
export function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((pair) => isScalar(pair.key) && pair.key.value === key);
}

/** The value of a mapping's key when it is a mapping. */
export function mapAt(map: YAMLMap, key: string): YAMLMap | null {
  const value = pairOf(map, key)?.value;
  return isMap(value) ? value : null;
}

/** The text of a mapping's scalar value ('' when missing or not a scalar). */
export function textAt(map: YAMLMap | null, key: string): string {
  if (!map) return '';
  const value = pairOf(map, key)?.value;
  return isScalar(value) ? scalarText(value) : '';
}

export function keyStart(pair: Pair): number {
  return rangeOf(pair.key)[0];
}

/**
 * Where a node's own text ends: the end of its last scalar, not counting the
 * line break a block scalar takes in, nor comments the parser hangs on a
 * collection after its last item.
 */
export function contentEnd(source: string, node: unknown): number {
  if (isPair(node)) {
    // `key:` with nothing after it: its empty value may be placed past the line's end.
    const empty = node.value === null || (isScalar(node.value) && node.value.value === null && rangeOf(node.value)[1] <= rangeOf(node.value)[0]);
    return empty ? rangeOf(node.key)[1] : contentEnd(source, node.value);
  }
  if ((isMap(node) || isSeq(node)) && !node.flow && node.items.length > 0) return contentEnd(source, node.items.at(-1));
  return trimLineBreak(source, rangeOf(node)[1]);
}

/** The quoting a scalar has; block scalars (`|`, `>`) are reported as such. */
export function scalarStyleOf(node: Scalar): ScalarStyle | 'BLOCK' {
  if (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') return node.type;
  if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') return 'BLOCK';
  return 'PLAIN';
}

export function describeNode(node: unknown): string {
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isAlias(node)) return 'an alias';
  if (isScalar(node)) return node.value === null ? 'empty' : `'${scalarText(node)}'`;
  return 'something else';
}

/** How a document indents: a nested mapping's keys under their parent's key, a block list's dashes under its key. */
export interface IndentStyle {
  map: number;
  sequence: number;
}

/** The first nested block mapping and block list of the documents say how the file indents; two and none by default. */
export function indentStyleOf(stream: YamlStream): IndentStyle {
  let map: number | undefined;
  let sequence: number | undefined;
  const visit = (node: Node | null, keyColumn: number | null): void => {
    if (isMap(node) && !node.flow) {
      if (keyColumn !== null && node.items.length > 0) map ??= columnOf(stream.source, keyStart(node.items[0])) - keyColumn;
      for (const pair of node.items) visit(pair.value as Node | null, columnOf(stream.source, keyStart(pair)));
    } else if (isSeq(node) && !node.flow) {
      const first = node.items[0] as Node | undefined;
      if (keyColumn !== null && first) {
        const dash = stream.source.lastIndexOf('-', rangeOf(first)[0]);
        sequence ??= Math.max(0, columnOf(stream.source, dash) - keyColumn);
      }
      for (const item of node.items) visit(item as Node | null, null);
    }
  };
  for (const document of stream.documents) visit(document.contents, null);
  return { map: map !== undefined && map > 0 ? map : 2, sequence: sequence ?? 0 };
}
