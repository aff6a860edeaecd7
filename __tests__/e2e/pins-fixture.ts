// Shared set-up of the pins end-to-end tests: examples/config-repo-helm (every pin kind, no overlay pins an image) on a bare remote.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PROJECT_ROOT, runAction, type ActionRun } from '../helpers/action-runner.js';
import { createConfigRepo, git, readText, writeText, type ConfigRepo } from '../helpers/git-fixtures.js';
import type { LineDiff } from '../helpers/line-diff.js';

export const EXAMPLE_HELM_CONFIG_REPO = join(PROJECT_ROOT, 'examples', 'config-repo-helm');

export function createHelmConfigRepo(): ConfigRepo {
  return createConfigRepo(EXAMPLE_HELM_CONFIG_REPO);
}

/** A digest that no file of the example holds. */
export const NEW_DIGEST = `sha256:${'ab'.repeat(32)}`;

/** What the example pins, per environment: the references the tests expect as `old`. */
export const PINNED = {
  webDev: 'ghcr.io/acme/web:1.4.1@sha256:290248c21e28079d3d92527671c0cfe0e587e3eced34120de52ed5bc123ba7ae',
  webStaging: 'ghcr.io/acme/web:1.4.0@sha256:6073581938d2c34cae31f7e79ea190a4b424c17c7e62cd60245a46ceccb3799a',
  webProduction: 'ghcr.io/acme/web:1.3.2@sha256:3f2bebc74c1c5d79363457a314d12cb0faff9f751e15547c2862468198261081',
  apiDev: 'ghcr.io/acme/api:2.8.0@sha256:c740e03cbb8f4fc08e9be09f72e2f5214081668abb748b8c134cacb66e8a9ac3',
  apiStaging: 'ghcr.io/acme/api:2.7.1@sha256:afc5a741c09f26fcdeb85521f458db38d0861d2b375880c7e21dc76a873adb21',
  apiProduction: 'ghcr.io/acme/api:2.7.0@sha256:af399befc9a55865f3a78514dd8cab4cbcb32239cbf96533f4d35b1d3a3cf0db',
  workerDev: 'ghcr.io/acme/worker:0.9.0@sha256:5cc1666490a7b01df5e03b9b0180faf1fed3081e884c167d7d7631cd968b91ee',
  workerStaging: 'ghcr.io/acme/worker:0.8.2@sha256:faee80e8413d0bf692db15d2ca1a5db33a055376713e376ff5e7fe3bb1aa66b8',
  workerProduction: 'ghcr.io/acme/worker:0.8.1@sha256:85db3f4c6083f7e3867b2460cdade54861377e53472bfae7241c13dc81fd526b',
} as const;

/** The digest part of a pinned reference. */
export function digestOf(reference: string): string {
  return reference.slice(reference.indexOf('@') + 1);
}

/** set-image with a checkout of the repo (path), every other input at its action.yml default. */
export function setImage(repo: ConfigRepo, inputs: Record<string, string>): Promise<ActionRun> {
  return runAction({ inputs: { command: 'set-image', path: repo.work, ...inputs } });
}

/** One row of the `images` output. */
export interface ImageRow {
  overlay: string;
  file: string;
  image: string;
  old: string;
  new: string;
}

export function imageRows(run: ActionRun): ImageRow[] {
  return JSON.parse(run.outputs.images) as ImageRow[];
}

/**
 * The lines a range of commits removed and added, per file, from git's own
 * diff (no context lines): what a reviewer of the commit or the PR sees.
 */
export function changedLinesByFile(gitDir: string, from: string, to: string): Record<string, LineDiff> {
  const files: Record<string, LineDiff> = {};
  let current: LineDiff | undefined;
  for (const line of git(gitDir, 'diff', '--unified=0', '--no-color', from, to).split('\n')) {
    const file = /^diff --git a\/.+ b\/(.+)$/.exec(line);
    if (file) {
      current = { removed: [], added: [] };
      files[file[1]] = current;
    } else if (current && line.startsWith('-') && !line.startsWith('--- ')) {
      current.removed.push(line.slice(1));
    } else if (current && line.startsWith('+') && !line.startsWith('+++ ')) {
      current.added.push(line.slice(1));
    }
  }
  return files;
}

/** What the remote's last commit on `branch` changed, per file. */
export function lastCommitLines(repo: ConfigRepo, branch = 'main'): Record<string, LineDiff> {
  return changedLinesByFile(repo.remote, `${branch}~1`, branch);
}

/**
 * Edits files of the work clone (a function of the text), or writes them
 * (a string), then commits and pushes: a set-up step, as a person would make it.
 */
export function pushEdits(repo: ConfigRepo, edits: Record<string, string | ((text: string) => string)>, message = 'Set up the test'): void {
  for (const [path, edit] of Object.entries(edits)) {
    const file = join(repo.work, path);
    if (typeof edit === 'string') {
      mkdirSync(dirname(file), { recursive: true });
      writeText(file, edit);
      continue;
    }
    const before = readText(file);
    const after = edit(before);
    if (after === before) throw new Error(`The set-up edit of ${path} changed nothing.`);
    writeText(file, after);
  }
  git(repo.work, 'add', '-A');
  git(repo.work, 'commit', '--quiet', '-m', message);
  git(repo.work, 'push', '--quiet', 'origin', 'main');
}
