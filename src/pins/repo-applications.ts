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
  // Read together: one at a time, the thousands of files of a large repo cost a second of waiting.
  const texts = await Promise.all(files.map((file) => readFile(file, 'utf8')));
  const found: RepoApplication[] = [];
  files.forEach((file, index) => {
    const text = texts[index];
    if (!text.includes('argoproj.io/') || !/kind:\s*Application\b/.test(text)) return;
    try {
      for (const application of readApplications(text, repoPath(root, file))) found.push({ file: repoPath(root, file), application });
    } catch {
      return;
    }
  });
  return found;
}

/** The YAML files under `root`, folder by folder from the top (the first MAX_FILES of them); each level's folders are read together. */
async function yamlFilesUnder(root: string): Promise<string[]> {
  const files: string[] = [];
  let level = [root];
  while (level.length > 0 && files.length < MAX_FILES) {
    const listings = await Promise.all(level.map((folder) => readdir(folder, { withFileTypes: true }).catch(() => [])));
    const next: string[] = [];
    listings.forEach((entries, index) => {
      for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
        if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
        if (entry.isDirectory()) next.push(join(level[index], entry.name));
        else if (entry.isFile() && /\.ya?ml$/.test(entry.name)) files.push(join(level[index], entry.name));
      }
    });
    level = next;
  }
  return files.slice(0, MAX_FILES);
}
