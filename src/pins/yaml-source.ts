import { isScalar, parseAllDocuments, parseDocument, type Document } from 'yaml';
import { UserError, yamlErrorText } from '../errors.js';
import { detectLineEnding } from '../kustomize/yaml-text.js';

/**
 * A YAML text being edited: its source, the file it came from (for
 * messages), its line ending, and how an offset maps to a line of the file.
 * A YAML text embedded in another (Argo CD's `helm.values` string) maps its
 * offsets to the lines of the outer file.
 */
export interface YamlText {
  source: string;
  file: string;
  eol: string;
  /** The 1-based line of the file that holds `offset` of `source`. */
  lineOf(offset: number): number;
}

export function yamlText(source: string, file: string, firstLine = 1): YamlText {
  const starts = [0];
  for (let at = source.indexOf('\n'); at >= 0; at = source.indexOf('\n', at + 1)) starts.push(at + 1);
  return {
    source,
    file,
    eol: detectLineEnding(source),
    lineOf(offset: number): number {
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (starts[middle] <= offset) low = middle;
        else high = middle - 1;
      }
      return firstLine + low;
    },
  };
}

const PARSE_OPTIONS = { keepSourceTokens: true, prettyErrors: true } as const;

/** One document; a file that does not parse is refused in one line naming it. */
export function parseYamlDocument(text: YamlText, what = text.file): Document.Parsed {
  const document = parseDocument(text.source, PARSE_OPTIONS);
  if (document.errors.length > 0) throw new UserError(`${what} is not valid YAML: ${yamlErrorText(document.errors[0])}.`);
  return document;
}

/** Every document of a multi-document file; a file that does not parse is refused in one line naming it. */
export function parseYamlDocuments(text: YamlText): Document.Parsed[] {
  const documents = parseAllDocuments(text.source, PARSE_OPTIONS);
  if (!Array.isArray(documents)) return [];
  for (const document of documents) {
    if (document.errors.length > 0) throw new UserError(`${text.file} is not valid YAML: ${yamlErrorText(document.errors[0])}.`);
  }
  return documents;
}

/** Whether a document holds nothing (an empty file, only comments, or `~`). */
export function isEmptyDocument(document: Document.Parsed): boolean {
  const contents = document.contents;
  return contents === null || (isScalar(contents) && contents.value === null);
}

/** A string field of a document (`kind`, `metadata.name`); '' when it is missing or not a string. */
export function stringField(document: Document, ...path: string[]): string {
  const value = document.getIn(path, true);
  return isScalar(value) && typeof value.value === 'string' ? value.value : '';
}
