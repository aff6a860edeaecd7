import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readApplications, type ArgoApplication } from './argocd-sources.js';
import { repoPath } from './repo-files.js';

/** An Argo CD Application found in the config repo, and its file. */
export interface RepoApplication {
  file: string;
  application: ArgoApplication;
}

/** Past this many YAML files, the search stops: a values file's users are then looked for no further. */
const MAX_FILES = 5000;

/**
 * Every Argo CD Application in the repo's YAML files (hidden folders and
 * node_modules left out), to find the ones that pass a values file to a chart.
 * A file that does not parse is skipped here: it is not this check's to judge.
 */
export async function findRepoApplications(root: string): Promise<RepoApplication[]> {
  const files = await yamlFilesUnder(root);
  const found: RepoApplication[] = [];
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    if (!text.includes('argoproj.io/') || !/kind:\s*Application\b/.test(text)) continue;
    try {
      for (const application of readApplications(text, repoPath(root, file))) found.push({ file: repoPath(root, file), application });
    } catch {
      continue;
    }
  }
  return found;
}

async function yamlFilesUnder(root: string): Promise<string[]> {
  const files: string[] = [];
  const folders = [root];
  while (folders.length > 0 && files.length < MAX_FILES) {
    const folder = folders.shift() as string;
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      if (entry.isDirectory()) folders.push(join(folder, entry.name));
      else if (entry.isFile() && /\.ya?ml$/.test(entry.name)) files.push(join(folder, entry.name));
    }
  }
  return files.slice(0, MAX_FILES);
}
