// Builds throw-away bare repositories for tests, demos and the CLI: files committed on a default branch.
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface BareRepoFixture {
  /** Path of the bare repository (pass as `repos[].path`). */
  bare: string;
  /** Temporary directory holding everything; removed by `cleanup()`. */
  root: string;
  cleanup(): void;
}

/** Environment for git commands run by tests: no prompts, no user or system config. */
export const ISOLATED_GIT_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_TERMINAL_PROMPT: '0',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'Fixture',
  GIT_AUTHOR_EMAIL: 'fixture@example.com',
  GIT_COMMITTER_NAME: 'Fixture',
  GIT_COMMITTER_EMAIL: 'fixture@example.com',
};

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: ISOLATED_GIT_ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export function createBareRepo(files: Record<string, string>, options: { defaultBranch?: string; root?: string } = {}): BareRepoFixture {
  const root = options.root ?? mkdtempSync(join(tmpdir(), 'gh-sim-repo-'));
  const branch = options.defaultBranch ?? 'main';
  const bare = join(root, `${Math.random().toString(36).slice(2, 8)}.git`);
  const work = join(root, `work-${Math.random().toString(36).slice(2, 8)}`);
  git(root, 'init', '-q', '--bare', '-b', branch, bare);
  git(root, 'init', '-q', '-b', branch, work);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(work, path)), { recursive: true });
    writeFileSync(join(work, path), content);
  }
  git(work, 'add', '-A');
  git(work, 'commit', '-q', '-m', 'Initial commit');
  git(work, 'push', '-q', bare, branch);
  rmSync(work, { recursive: true, force: true });
  return { bare, root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/**
 * Runs git without blocking the event loop. Needed for clones and pushes against a simulator running in the same
 * process: a synchronous git call would stop the server from answering it.
 */
export function gitAsync(cwd: string, ...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, env: ISOLATED_GIT_ENV, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) reject(new Error(`git ${args.join(' ')} failed: ${stderr || error.message}`));
      else resolve(stdout);
    });
  });
}
