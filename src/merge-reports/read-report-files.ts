import { glob, readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputError } from '../errors.js';
import { parseReportFile } from './report-file.js';
import type { NamedReportFile } from './shard-coverage.js';

/**
 * The report files the `reports` patterns name: paths, globs, or folders
 * (actions/download-artifact's `path`: the JSON files in it), relative to
 * `cwd`; each read and checked. A pattern that matches nothing is refused.
 */
export async function readReportFiles(patterns: readonly string[], cwd: string): Promise<NamedReportFile[]> {
  const names: string[] = [];
  for (const pattern of patterns) {
    const matched = await filesMatching(pattern, cwd);
    if (matched.length === 0) throw new InputError('reports', `no file matches '${pattern}'.`);
    names.push(...matched.filter((name) => !names.includes(name)));
  }
  return Promise.all(names.map(async (name) => ({ name, file: parseReportFile(await readFile(resolve(cwd, name), 'utf8'), name) })));
}

async function filesMatching(pattern: string, cwd: string): Promise<string[]> {
  const isFolder = await stat(resolve(cwd, pattern)).then(
    (found) => found.isDirectory(),
    () => false,
  );
  const files: string[] = [];
  for await (const name of glob(isFolder ? `${pattern.replace(/\/+$/, '')}/*.json` : pattern, { cwd })) {
    if ((await stat(resolve(cwd, name))).isFile()) files.push(name);
  }
  return files.sort();
}
