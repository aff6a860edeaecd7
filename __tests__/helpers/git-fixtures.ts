import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from './action-runner.js';

export const EXAMPLE_CONFIG_REPO = join(PROJECT_ROOT, 'examples', 'config-repo');

const IDENTITY = ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'init.defaultBranch=main'];

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', [...IDENTITY, ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** A config repo on a real bare remote, with a working clone on `main` (as actions/checkout leaves it). */
export interface ConfigRepo {
  dir: string;
  remote: string;
  work: string;
  /** Another fresh clone of the remote, on main. */
  clone(name?: string): string;
  /** The file at `path` on the remote's main branch. */
  remoteFile(path: string): string;
  remoteHead(): string;
  commitCount(): number;
  cleanup(): void;
}

export function createConfigRepo(source = EXAMPLE_CONFIG_REPO): ConfigRepo {
  const dir = mkdtempSync(join(tmpdir(), 'gitops-promote-repo-'));
  const remote = join(dir, 'remote.git');
  git(dir, 'init', '--quiet', '--bare', remote);
  git(remote, 'symbolic-ref', 'HEAD', 'refs/heads/main');
  const seed = join(dir, 'seed');
  cpSync(source, seed, { recursive: true });
  git(seed, 'init', '--quiet', '-b', 'main');
  git(seed, 'add', '-A');
  git(seed, 'commit', '--quiet', '-m', 'Initial config');
  git(seed, 'push', '--quiet', remote, 'main');
  rmSync(seed, { recursive: true, force: true });

  let clones = 0;
  const clone = (name = `clone-${++clones}`): string => {
    const target = join(dir, name);
    git(dir, 'clone', '--quiet', remote, target);
    return target;
  };
  const work = clone('work');
  return {
    dir,
    remote,
    work,
    clone,
    remoteFile: (path) => git(remote, 'show', `main:${path}`),
    remoteHead: () => git(remote, 'rev-parse', 'main'),
    commitCount: () => Number(git(remote, 'rev-list', '--count', 'main')),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

export function writeText(path: string, text: string): void {
  writeFileSync(path, text);
}
