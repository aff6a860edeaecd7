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

/** Moves the date of the checkout's head commit (and the remote main, force-pushed) to `iso`: a history with a past. */
export function redateHead(work: string, iso: string): void {
  execFileSync('git', [...IDENTITY, 'commit', '--quiet', '--amend', '--no-edit'], {
    cwd: work,
    env: { ...process.env, GIT_COMMITTER_DATE: iso, GIT_AUTHOR_DATE: iso },
  });
  git(work, 'push', '--quiet', '--force', 'origin', 'HEAD:main');
}

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

export function writeText(path: string, text: string): void {
  writeFileSync(path, text);
}

/** The digests examples/config-repo pins (sha256 of the reference's text, so they look real and stay stable). */
export const EXAMPLE_DIGESTS = {
  'web:1.4.1': 'sha256:290248c21e28079d3d92527671c0cfe0e587e3eced34120de52ed5bc123ba7ae',
  'web:1.4.0': 'sha256:6073581938d2c34cae31f7e79ea190a4b424c17c7e62cd60245a46ceccb3799a',
  'web:1.3.2': 'sha256:5b0bcabd1ed22e9fb1310cf6c2dec7cdef19f0ad69efa1f392e94a4333501270',
  'api:2.8.0': 'sha256:c740e03cbb8f4fc08e9be09f72e2f5214081668abb748b8c134cacb66e8a9ac3',
  'api-migrations:2.8.0': 'sha256:4707a85282fa7aa33b7f96d005e443b626230662091e304703d92c4afa54b1ba',
  'api:2.7.1': 'sha256:afc5a741c09f26fcdeb85521f458db38d0861d2b375880c7e21dc76a873adb21',
  'api-migrations:2.7.1': 'sha256:7c5b9bb52968a56fb57768962685a1db30083ae364df491b5b63b1f5c8f8c245',
} as const;

/** `ghcr.io/acme/<image>:<tag>@<digest>` as the example pins it. */
export function exampleReference(imageAndTag: keyof typeof EXAMPLE_DIGESTS): string {
  return `ghcr.io/acme/${imageAndTag}@${EXAMPLE_DIGESTS[imageAndTag]}`;
}
