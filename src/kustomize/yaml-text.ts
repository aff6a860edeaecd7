import { parse } from 'yaml';

/**
 * Small helpers for editing YAML as text. The `yaml` library re-serialises a
 * document in its own style, so edits are made as splices into the original
 * source at node ranges, and only the touched lines change.
 */

export interface Splice {
  start: number;
  end: number;
  text: string;
}

/**
 * Applies non-overlapping splices (in any order) to `source`. Insertions at the
 * same offset land in the order they were given, so callers can emit new keys
 * in the order the file should read.
 */
export function applySplices(source: string, splices: readonly Splice[]): string {
  const sorted = splices
    .map((splice, index) => ({ splice, index }))
    .sort((a, b) => b.splice.start - a.splice.start || b.splice.end - a.splice.end || b.index - a.index)
    .map(({ splice }) => splice);
  let result = source;
  let limit = Number.POSITIVE_INFINITY;
  for (const splice of sorted) {
    if (splice.end > limit) throw new Error('internal error: overlapping YAML edits');
    result = result.slice(0, splice.start) + splice.text + result.slice(splice.end);
    limit = splice.start;
  }
  return result;
}

export function detectLineEnding(source: string): string {
  return /\r\n/.test(source) ? '\r\n' : '\n';
}

export function lineStartOf(source: string, offset: number): number {
  return source.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset just past the newline that ends the line holding `offset` (or the end of the text). */
export function lineEndAfter(source: string, offset: number): number {
  const newline = source.indexOf('\n', offset);
  return newline < 0 ? source.length : newline + 1;
}

/** `end` moved back over the line break a block scalar's range includes. */
export function trimLineBreak(source: string, end: number): number {
  let at = end;
  while (at > 0 && (source[at - 1] === '\n' || source[at - 1] === '\r')) at -= 1;
  return at;
}

export function columnOf(source: string, offset: number): number {
  return offset - lineStartOf(source, offset);
}

// Answers by value: one run writes the same tag or name into hundreds of files, and each answer costs two parses.
const readsAsSameStringByText = new Map<string, boolean>();
const READS_AS_SAME_STRING_KEPT = 1024;

function readsAsSameString(text: string): boolean {
  let answer = readsAsSameStringByText.get(text);
  if (answer === undefined) {
    answer = parsesBackTo(text);
    if (readsAsSameStringByText.size >= READS_AS_SAME_STRING_KEPT) readsAsSameStringByText.clear();
    readsAsSameStringByText.set(text, answer);
  }
  return answer;
}

function parsesBackTo(text: string): boolean {
  for (const schema of ['core', 'yaml-1.1'] as const) {
    try {
      if (parse(text, { schema }) !== text) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/**
 * Whether `value` may stand unquoted. Besides anything YAML 1.1 or 1.2 would read
 * as another type (`1234`, `1.10`, `3.2e2`, `yes`, `null`), hex-looking values
 * that start with a digit (short git SHAs such as `0e12ab4`) are quoted too:
 * one more digit turns them into floats for some parsers.
 */
export function canBePlain(value: string): boolean {
  if (value === '' || /^[0-9][0-9a-fA-F]*$/.test(value)) return false;
  if (/^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(value) || /\s$|:\s|\s#|[\n\r\t]/.test(value)) {
    return /^-[^\s]/.test(value) && readsAsSameString(value);
  }
  return readsAsSameString(value);
}

export type ScalarStyle = 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE';

/** Writes a string scalar in the style it had, quoting where a plain one would change meaning. */
export function formatScalar(value: string, style: ScalarStyle): string {
  if (style === 'QUOTE_SINGLE') return `'${value.replace(/'/g, "''")}'`;
  if (style === 'PLAIN' && canBePlain(value)) return value;
  return JSON.stringify(value);
}
