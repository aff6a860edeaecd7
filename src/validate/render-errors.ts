import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
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
  for (const match of message.matchAll(/recursed accumulation of path '([^']+)'/g)) directory = resolve(directory, match[1]);
  const tail = message.slice(message.lastIndexOf('recursed accumulation of path') + 1);

  const malformed = /in File: ([^\s"']+)/.exec(tail) ?? /MalformedYAMLError[^']*'([^']+)'/.exec(tail);
  const entries = [...tail.matchAll(/(?:accumulating resources from|resource|path|file) '([^']+)'/g)].map((match) => match[1]);
  const brokenFile = malformed ? resolve(directory, malformed[1]) : undefined;
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

/**
 * kustomize's render error as a person reads it: without kubectl's log
 * prefix, with paths relative to the config repo (kustomize prints the
 * absolute paths of the checkout or a temporary clone), and without the
 * second attempt kustomize reports for every resource entry. For an entry it
 * first tries a file, then a folder, and wraps both failures as
 * `accumulation err='<as a file>': <as a folder>`: when the folder attempt
 * recursed into a kustomization, its error is the real one; when there was no
 * folder ("must build at directory: …"), the file attempt's is.
 */
export function describeRenderError(error: string, repoRoots: readonly string[]): string {
  let text = unwrapKubectlLog(error.trim()).replace(/^Error: /, '');
  for (const root of [...new Set(repoRoots.map((root) => root.replace(/\/+$/, '')))].sort((a, b) => b.length - a.length)) {
    if (!isAbsolute(root) || root === '/') continue;
    text = text
      .split(`${root}/`)
      .join('')
      .replace(new RegExp(`${escapeRegExp(root)}(?=['"\\s:]|$)`, 'g'), '.');
  }
  text = text
    .replace(/evalsymlink failure on '([^']+)' : lstat \1: no such file or directory/g, '$1 does not exist')
    .replace(/evalsymlink failure on '([^']+)' : lstat \1: /g, '$1: ');
  for (;;) {
    const attempt = /accumulation err='(.*?)': (must build at directory: |recursed accumulation of path )/.exec(text);
    if (!attempt) break;
    const [whole, asFile, folderAttempt] = attempt;
    text = folderAttempt.startsWith('must build')
      ? text.slice(0, attempt.index) + asFile // The innermost error: nothing but the folder attempt follows.
      : text.slice(0, attempt.index) + text.slice(attempt.index + whole.length - folderAttempt.length);
  }
  return text
    .replace(/recursed accumulation of path '([^']+)': /g, 'in $1: ')
    .replace(/accumulating resources: (?=accumulating resources from |in )/g, '')
    .trim();
}

/** kubectl (klog) prints `E1202 17:01:38.331376 18968 run.go:72] "command failed" err="…"`. */
function unwrapKubectlLog(text: string): string {
  const line = text.replace(/^E\d{4} [\d:.]+\s+\d+ \S+\] /, '');
  const quoted = /^"command failed" err="(.*)"$/s.exec(line);
  return quoted ? quoted[1].replace(/\\(["\\])/g, '$1') : line;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
