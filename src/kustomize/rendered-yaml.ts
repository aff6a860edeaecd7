import { CORE_SCHEMA, defineMappingTag, loadAll, mapTag } from 'js-yaml';
import { parseAllDocuments } from 'yaml';

/**
 * Reads kustomize's output, a stream of YAML documents, into plain values.
 *
 * `yaml`'s parseAllDocuments builds a full document tree (every node with its
 * source range) before converting it; for a rendered stream that is about ten
 * times slower than js-yaml's loadAll, which constructs values straight from
 * parser events. Both read YAML 1.2 with the core schema, so they agree on
 * what kustomize emits (`yes`/`on` stay strings, `0755` is 755, no timestamps,
 * `<<` is a plain key: __tests__/unit/rendered-yaml.test.ts pins it). Where
 * they could differ, `yaml` reads the stream, as it always did: a stream with
 * an explicit tag or a directive, and any stream js-yaml refuses (it throws
 * for the whole stream, while `yaml` reports each broken document on its own).
 */

export interface ParsedStream {
  /** Each document's value, in order; empty documents (`---` alone, a comment) are left out. */
  values: unknown[];
  /** One message per document that is not valid YAML (such documents give no value). */
  problems: string[];
}

/**
 * A tag (`!!str`, `!foo`) starts a node, so it follows a line start, a space
 * or a flow indicator; this also matches a `!` inside some strings, which only
 * sends those streams the slow way. A directive (`%YAML 1.1`) starts a line.
 */
const NEEDS_FULL_PARSER = /(?:^|[\s[{,])!|^%/m;

/** `yaml` reads a null key (`~:`, `null:`, `:`) as the key ''; js-yaml's mapping would say 'null'. */
const mappingWithNullKeyAsEmpty = defineMappingTag('tag:yaml.org,2002:map', {
  create: mapTag.create,
  identify: mapTag.identify,
  represent: mapTag.represent,
  addPair: (map, key, value) => mapTag.addPair(map, key === null ? '' : key, value),
  has: (map, key) => mapTag.has(map, key === null ? '' : key),
  keys: mapTag.keys,
  get: mapTag.get,
});

const SCHEMA = CORE_SCHEMA.withTags(mappingWithNullKeyAsEmpty);

/** `yaml`'s own limit on aliases, against a stream that expands without end; past it, `yaml` says so. */
const MAX_ALIASES = 100;

export function parseYamlStream(text: string): ParsedStream {
  if (!NEEDS_FULL_PARSER.test(text)) {
    try {
      const values: unknown[] = [];
      for (const document of splitDocuments(text)) {
        for (const value of loadAll(document, { schema: SCHEMA, maxAliases: MAX_ALIASES })) if (value !== null && value !== undefined) values.push(value);
      }
      return { values, problems: [] };
    } catch {
      // Read again below, so that each broken document is reported as `yaml` reports it.
    }
  }
  return parseWithDocuments(text);
}

/**
 * The stream cut at its `---` lines, so that js-yaml reads one document at a
 * time: it reads a text into a list of parser events first, and for a whole
 * large render that list is tens of MiB of garbage at once. A line that is
 * `---` alone always starts a document (no scalar can hold one), so the cut
 * changes nothing. A stream with a marker followed by content on its line, or
 * with a `...` end marker, is read whole.
 */
function splitDocuments(text: string): string[] {
  return /^(?:---[ \t]+\S|\.\.\.(?:\s|$))/m.test(text) ? [text] : text.split(/^---[ \t]*(?:\r?\n|$)/m);
}

/** The stream read with `yaml`'s document model: slower, but the reference for what a document means. */
export function parseWithDocuments(text: string): ParsedStream {
  const values: unknown[] = [];
  const problems: string[] = [];
  for (const document of parseAllDocuments(text)) {
    if (!('contents' in document)) continue;
    if (document.errors.length > 0) {
      problems.push(document.errors[0].message);
      continue;
    }
    let value: unknown;
    try {
      value = document.toJS();
    } catch (error) {
      // An alias with no anchor, or too many aliases: the document is broken, the others may be fine.
      problems.push((error as Error).message);
      continue;
    }
    if (value !== null && value !== undefined) values.push(value);
  }
  return { values, problems };
}
