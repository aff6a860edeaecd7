import { UserError } from '../errors.js';

/**
 * Paths into Helm values, as a pin's config names them: keys separated by
 * dots, list indexes in brackets (`image.tag`, `images.web.tag`,
 * `sidecars[0].image.tag`). A key with a dot or a bracket in it is quoted
 * (`images["ghcr.io/acme/web"].tag`) or escaped with a backslash as Helm's
 * `--set` reads it (`podAnnotations.prometheus\.io/scrape`), so an Argo CD
 * parameter's name and a pin's path are the same language.
 */

export type PathSegment = { key: string } | { index: number };

export function isIndex(segment: PathSegment): segment is { index: number } {
  return 'index' in segment;
}

const PATH_HINT = 'write keys separated by dots, list indexes as [0], and a key with a dot in it as ["a.b"]';

/** The segments of `text`; a path that does not parse is the user's to fix, named with `where` (the pin). */
export function parseValuesPath(text: string, where: string): PathSegment[] {
  const parsed = readPath(text);
  if (typeof parsed === 'string') throw new UserError(`${where}: the path '${text}' ${parsed}; ${PATH_HINT}.`);
  return parsed;
}

/** The segments of `text`, or null when it is not a path (an Argo CD parameter named in some other way). */
export function tryParseValuesPath(text: string): PathSegment[] | null {
  const parsed = readPath(text);
  return typeof parsed === 'string' ? null : parsed;
}

/** The path written back in the pins' syntax: plain keys as they are, any other key quoted. */
export function formatValuesPath(segments: readonly PathSegment[]): string {
  let text = '';
  for (const segment of segments) {
    if (isIndex(segment)) text += `[${segment.index}]`;
    else if (/^[^.[\]\\"'\s]+$/.test(segment.key)) text += `${text === '' ? '' : '.'}${segment.key}`;
    else text += `[${JSON.stringify(segment.key)}]`;
  }
  return text;
}

/** The path as Helm's `--set` (and so an Argo CD parameter's `name`) writes it: special characters escaped. */
export function formatHelmSetName(segments: readonly PathSegment[]): string {
  let text = '';
  for (const segment of segments) {
    if (isIndex(segment)) text += `[${segment.index}]`;
    else text += `${text === '' ? '' : '.'}${segment.key.replace(/[\\.[\],=]/g, (char) => `\\${char}`)}`;
  }
  return text;
}

export function sameValuesPath(a: readonly PathSegment[], b: readonly PathSegment[]): boolean {
  return a.length === b.length && a.every((segment, i) => formatValuesPath([segment]) === formatValuesPath([b[i]]));
}

/** The segments, or what is wrong with the text (a clause that follows "the path 'x'"). */
function readPath(text: string): PathSegment[] | string {
  if (text.trim() === '') return 'is empty';
  const segments: PathSegment[] = [];
  let at = 0;
  // A key may start the path, follow a dot, or (quoted) sit in brackets; an index only in brackets.
  let expectKey = true;
  while (at < text.length) {
    const char = text[at];
    if (char === '[') {
      const bracket = readBracket(text, at);
      if (typeof bracket === 'string') return bracket;
      segments.push(bracket.segment);
      at = bracket.end;
      expectKey = false;
      continue;
    }
    if (char === '.') {
      if (expectKey) return `has an empty key at character ${at + 1}`;
      at += 1;
      expectKey = true;
      if (at === text.length) return 'ends with a dot';
      continue;
    }
    if (!expectKey) return `needs a dot before character ${at + 1}`;
    const key = readKey(text, at);
    if (typeof key === 'string') return key;
    segments.push({ key: key.key });
    at = key.end;
    expectKey = false;
  }
  return segments;
}

function readKey(text: string, start: number): { key: string; end: number } | string {
  let key = '';
  let at = start;
  while (at < text.length && text[at] !== '.' && text[at] !== '[') {
    if (text[at] === ']') return `has a ']' with no '[' at character ${at + 1}`;
    if (text[at] === '\\') {
      if (at + 1 === text.length) return 'ends with a backslash';
      at += 1;
    }
    key += text[at];
    at += 1;
  }
  return { key, end: at };
}

function readBracket(text: string, start: number): { segment: PathSegment; end: number } | string {
  const quote = text[start + 1];
  if (quote === '"' || quote === "'") {
    let key = '';
    let at = start + 2;
    while (at < text.length && text[at] !== quote) {
      if (text[at] === '\\' && at + 1 < text.length) at += 1;
      key += text[at];
      at += 1;
    }
    if (text[at] !== quote || text[at + 1] !== ']') return `has an unclosed [${quote} at character ${start + 1}`;
    if (key === '') return `has an empty key at character ${start + 1}`;
    return { segment: { key }, end: at + 2 };
  }
  const close = text.indexOf(']', start);
  if (close < 0) return `has an unclosed '[' at character ${start + 1}`;
  const inner = text.slice(start + 1, close);
  if (!/^(0|[1-9][0-9]*)$/.test(inner)) return `has '[${inner}]', which is not a list index`;
  return { segment: { index: Number(inner) }, end: close + 1 };
}
