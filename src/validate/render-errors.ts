import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { LineCounter, parseAllDocuments } from 'yaml';
import { kustomizationFileIn } from './kustomization-references.js';
import type { SourceLocation } from './source-lines.js';

/**
 * Where a kustomize render error comes from. kustomize names the chain of
 * folders it recursed into and the entry it was reading; the error is put on
 * that entry's line in the innermost kustomization, or, for a file that is not
 * valid YAML, on the broken line of that file.
 */
export function locateRenderError(overlayDir: string, message: string): SourceLocation | undefined {
  let directory = overlayDir;
  for (const match of message.matchAll(/recursed accumulation of path '([^']+)'/g)) directory = resolve(directory, match[1]!);
  const tail = message.slice(message.lastIndexOf('recursed accumulation of path') + 1);

  const malformed = /in File: ([^\s"']+)/.exec(tail) ?? /MalformedYAMLError[^']*'([^']+)'/.exec(tail);
  const entries = [...tail.matchAll(/(?:accumulating resources from|resource|path|file) '([^']+)'/g)].map((match) => match[1]!);
  const brokenFile = malformed ? resolve(directory, malformed[1]!) : undefined;
  if (brokenFile && existsSync(brokenFile) && statSync(brokenFile).isFile()) {
    return { file: brokenFile, line: firstYamlErrorLine(brokenFile) ?? kustomizeLine(message) ?? 1 };
  }
  const kustomization = kustomizationFileIn(directory);
  if (!kustomization) return undefined;
  const text = readFileSync(kustomization, 'utf8').split('\n');
  for (const entry of entries.reverse()) {
    const index = text.findIndex((line) => line.includes(entry));
    if (index >= 0) return { file: kustomization, line: index + 1 };
  }
  return { file: kustomization, line: 1 };
}

function firstYamlErrorLine(file: string): number | undefined {
  const lines = new LineCounter();
  for (const document of parseAllDocuments(readFileSync(file, 'utf8'), { lineCounter: lines })) {
    const error = 'errors' in document ? document.errors[0] : undefined;
    if (error) return lines.linePos(error.pos[0]).line;
  }
  return undefined;
}

function kustomizeLine(message: string): number | undefined {
  const match = /yaml: line (\d+)/.exec(message);
  return match ? Number(match[1]) : undefined;
}
