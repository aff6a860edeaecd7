import { afterAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Git, mayFindRepository } from '../../src/repo/git.js';

// Git.topLevel answers "not a work tree" without a git process where git could find no repository; wherever it could,
// git itself answers. Each case is held against `git rev-parse --show-toplevel` run in the same folder.

const root = mkdtempSync(join(tmpdir(), 'git-top-level-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function folder(...parts: string[]): string {
  const path = join(root, ...parts);
  mkdirSync(path, { recursive: true });
  return path;
}

/** What git itself says: the top level, or undefined when it finds no work tree. */
function gitTopLevel(cwd: string, env: NodeJS.ProcessEnv): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

const checkout = folder('checkout');
execFileSync('git', ['init', '--quiet'], { cwd: checkout });
const bare = folder('bare.git');
execFileSync('git', ['init', '--quiet', '--bare'], { cwd: bare });
const linked = folder('linked');
writeFileSync(join(linked, '.git'), `gitdir: ${join(checkout, '.git')}\n`);
const plain = folder('plain', 'deeper');
const withoutGit = { ...process.env, GIT_DIR: undefined };

describe('Git.topLevel and whether git could find a repository', () => {
  test.each([
    ['a plain folder, none above it a repository', plain, withoutGit, false],
    ['a checkout', checkout, withoutGit, true],
    ['a folder inside a checkout', folder('checkout', 'apps', 'web'), withoutGit, true],
    ['a folder whose .git is a file naming the repository', linked, withoutGit, true],
    ['a bare repository (it holds HEAD)', bare, withoutGit, true],
    ['a folder inside a bare repository', folder('bare.git', 'refs', 'heads'), withoutGit, true],
    ['a plain folder with GIT_DIR naming a repository', plain, { ...withoutGit, GIT_DIR: join(checkout, '.git') }, true],
  ])('%s', async (_case, directory, env, mayFind) => {
    expect(mayFindRepository(directory, env)).toBe(mayFind);
    // Where no repository can be found, git agrees: no work tree.
    if (!mayFind) expect(gitTopLevel(directory, env)).toBeUndefined();
    await expect(new Git(directory, env).topLevel()).resolves.toBe(gitTopLevel(directory, env));
  });

  test('a folder that does not exist is left to git', () => {
    expect(mayFindRepository(join(root, 'no-such-folder'), withoutGit)).toBe(true);
  });
});
