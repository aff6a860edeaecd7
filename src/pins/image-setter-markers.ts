import { isScalar, visit, type Scalar } from 'yaml';
import { scalarText } from '../kustomize/kustomization-document.js';
import type { ScalarStyle } from '../kustomize/yaml-text.js';
import { lineOf, parseYamlStream, rangeOf, scalarStyleOf } from './yaml-nodes.js';

/**
 * Flux image automation's setter markers, found the way its controller finds
 * them: a line comment after a scalar value whose text, without its leading
 * `#`s, is a JSON object naming a setter, either the shorthand
 * `{"$imagepolicy": "<namespace>:<policy>[:tag|:name|:digest]"}` or the long
 * `{"$ref": "#/definitions/io.k8s.cli.setters.<namespace>:<policy>[:field]"}`.
 * The controller defines four setters per policy: the whole reference, and
 * its `:tag`, `:name` (repository) and `:digest`; a marker naming anything
 * else sets nothing. Text inside a block scalar (`patch: |`) is a string,
 * not YAML, so markers there are not markers.
 */

export type ImageSetterField = 'reference' | 'name' | 'tag' | 'digest';

export interface ImageSetterMarker {
  /** `<namespace>:<policy>`. */
  policy: string;
  namespace: string;
  /** The ImagePolicy's name. */
  name: string;
  field: ImageSetterField;
  /** The scalar's text as the file has it (`1.10` stays `1.10`). */
  value: string;
  /** The scalar's place in the text (its quotes included) and its 1-based line. */
  start: number;
  end: number;
  line: number;
  style: ScalarStyle | 'BLOCK';
}

const SHORTHAND = '$imagepolicy';
const LONG_FORM_PREFIX = '#/definitions/io.k8s.cli.setters.';
const FIELDS = new Map<string, ImageSetterField>([
  ['tag', 'tag'],
  ['name', 'name'],
  ['digest', 'digest'],
]);

/** A cheap look before parsing: a text without either form of marker holds none. */
export function mayHoldImageSetters(text: string): boolean {
  return text.includes(SHORTHAND) || text.includes(LONG_FORM_PREFIX);
}

/** Every setter marker in a YAML text (each document of it), in text order. Throws a UserError when a text with markers is not valid YAML. */
export function findImageSetters(text: string, file = 'the file'): ImageSetterMarker[] {
  if (!mayHoldImageSetters(text)) return [];
  const stream = parseYamlStream(text, file);
  const markers: ImageSetterMarker[] = [];
  const visitor = {
    Scalar(key: number | 'key' | 'value' | null, node: Scalar) {
      // The controller reads values and list items; a key is never set.
      if (key === 'key') return;
      const marker = markerOf(text, node);
      if (marker) markers.push({ ...marker, line: lineOf(stream, marker.start) });
    },
  };
  for (const document of stream.documents) visit(document, visitor);
  return markers.sort((a, b) => a.start - b.start);
}

function markerOf(text: string, node: Scalar): Omit<ImageSetterMarker, 'line'> | null {
  if (!isScalar(node) || !node.range) return null;
  const [start, end] = rangeOf(node);
  // `image: # {...}` has no value for the marker to set.
  if (end <= start) return null;
  const style = scalarStyleOf(node);
  const comment = style === 'BLOCK' ? blockHeaderComment(text, start) : lineCommentAfter(text, end);
  const setter = comment === null ? null : setterOf(comment);
  if (!setter) return null;
  return { ...setter, value: scalarText(node), start, end, style };
}

/** The comment that ends the line a scalar ends on, when only blanks stand between them. */
function lineCommentAfter(text: string, end: number): string | null {
  const lineEnd = text.indexOf('\n', end);
  const rest = text.slice(end, lineEnd < 0 ? text.length : lineEnd).replace(/\r$/, '');
  const match = /^[ \t]+#(.*)$/.exec(rest);
  return match ? match[1] : null;
}

/** A block scalar's comment sits on its `|` line. */
function blockHeaderComment(text: string, start: number): string | null {
  const lineEnd = text.indexOf('\n', start);
  const header = text.slice(start, lineEnd < 0 ? text.length : lineEnd).replace(/\r$/, '');
  const match = /^[|>][0-9+-]*[ \t]+#(.*)$/.exec(header);
  return match ? match[1] : null;
}

/** The setter a comment names: the controller strips every leading `#` and reads the rest as JSON. */
function setterOf(comment: string): Pick<ImageSetterMarker, 'policy' | 'namespace' | 'name' | 'field'> | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(comment.replace(/^#+/, ''));
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const object = parsed as Record<string, unknown>;
  // The shorthand is read as an object of strings only; anything else falls to the long form.
  const allStrings = Object.values(object).every((value) => typeof value === 'string');
  const shorthand = allStrings ? object[SHORTHAND] : undefined;
  if (typeof shorthand === 'string' && shorthand !== '') return setterName(shorthand);
  const ref = object.$ref;
  return typeof ref === 'string' && ref.startsWith(LONG_FORM_PREFIX) ? setterName(ref.slice(LONG_FORM_PREFIX.length)) : null;
}

function setterName(name: string): Pick<ImageSetterMarker, 'policy' | 'namespace' | 'name' | 'field'> | null {
  const parts = name.split(':');
  if (parts.length < 2 || parts.length > 3 || parts[0] === '' || parts[1] === '') return null;
  const field = parts.length === 3 ? FIELDS.get(parts[2]) : 'reference';
  if (field === undefined) return null;
  return { policy: `${parts[0]}:${parts[1]}`, namespace: parts[0], name: parts[1], field };
}
