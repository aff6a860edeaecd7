import { afterEach, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanMessage, Git, type FileContent } from '../../src/repo/git.js';

// Git.commit writes with git fast-import where it can and with git add + git commit where it must; both must leave the
// same commit, the same staged state and the same reflog shape, so the tests run each case through both.

const author = { name: 'gitops-promote', email: 'bot@example.com' };
const folders: string[] = [];

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Seed', '-c', 'user.email=seed@example.com', ...args], { cwd, encoding: 'utf8' }).trim();
}

/** A repo with two overlays, one of them executable, and an unrelated change staged by the user. */
function seedRepo(): string {
  const root = mkdtempSync(join(tmpdir(), 'git-commit-test-'));
  folders.push(root);
  git(root, 'init', '--quiet', '--initial-branch=main');
  for (const name of ['dev', 'prod', 'other']) {
    mkdirSync(join(root, name));
    writeFileSync(join(root, name, 'kustomization.yaml'), `# ${name}\nimages: []\n`);
  }
  chmodSync(join(root, 'prod', 'kustomization.yaml'), 0o755);
  git(root, 'add', '-A');
  git(root, 'commit', '--quiet', '-m', 'seed');
  writeFileSync(join(root, 'other', 'kustomization.yaml'), '# staged by the user\n');
  git(root, 'add', 'other/kustomization.yaml');
  return root;
}

function commitFiles(root: string, files: FileContent[], message: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  for (const file of files) writeFileSync(join(root, file.path), file.content);
  return new Git(root, env).commit(files, message, author);
}

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const files: FileContent[] = [
  { path: 'dev/kustomization.yaml', content: '# dev\nimages:\n- name: web\n  newTag: 1.2.0\n' },
  { path: 'prod/kustomization.yaml', content: '# prod ✓ ünïcode\nimages:\n- name: web\n  newTag: 1.2.0\n' },
];

describe('Git.commit', () => {
  // A commit date taken from the environment is one of the cases git commit keeps.
  const ways: Array<[string, NodeJS.ProcessEnv]> = [
    ['fast-import', process.env],
    ['git commit', { ...process.env, GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z', GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z' }],
  ];

  test.each(ways)('%s: a deleted file (a released hold) is removed in the commit, and only it', async (_way, env) => {
    const root = seedRepo();
    rmSync(join(root, 'dev', 'kustomization.yaml'));
    const sha = await new Git(root, env).commit([{ path: 'dev/kustomization.yaml', content: '', deleted: true }], 'Release', author);
    expect(git(root, 'show', '--name-status', '--format=', sha)).toBe('D\tdev/kustomization.yaml');
    expect(git(root, 'ls-tree', '-r', '--name-only', sha)).not.toContain('dev/kustomization.yaml');
    // The user's staged change stays staged, and out of the commit.
    expect(git(root, 'diff', '--cached', '--name-only')).toBe('other/kustomization.yaml');
  });

  test.each(ways)('%s: commits only the given files, with their modes, and leaves them staged as committed', async (_way, env) => {
    const root = seedRepo();
    const parent = git(root, 'rev-parse', 'HEAD');
    const sha = await commitFiles(root, files, 'Set web to 1.2.0\n\nIn two overlays.  \n\n\n', env);

    expect(git(root, 'rev-parse', 'HEAD')).toBe(sha);
    expect(git(root, 'rev-parse', 'HEAD^')).toBe(parent);
    expect(git(root, 'show', '-s', '--format=%an <%ae>|%cn <%ce>', sha)).toBe('gitops-promote <bot@example.com>|gitops-promote <bot@example.com>');
    expect(git(root, 'cat-file', 'commit', sha).split('\n\n').slice(1).join('\n\n')).toBe('Set web to 1.2.0\n\nIn two overlays.'); // git() trims the final newline
    expect(git(root, 'diff-tree', '--no-commit-id', '--name-only', '-r', sha).split('\n')).toEqual(['dev/kustomization.yaml', 'prod/kustomization.yaml']);
    expect(git(root, 'show', `${sha}:prod/kustomization.yaml`)).toBe(files[1].content.trimEnd());
    expect(git(root, 'ls-tree', sha, 'prod/kustomization.yaml').split(' ')[0]).toBe('100755');
    // The committed files are clean; the user's own staged change is still staged, and not in the commit.
    expect(git(root, 'status', '--porcelain=v1')).toBe('M  other/kustomization.yaml');
    expect(git(root, 'reflog', '-1', '--format=%gs')).toBe('commit: Set web to 1.2.0');
  });

  test.each(ways)('%s: commitBeforeStaging answers once HEAD is the commit; once staged settles, the index holds it too', async (_way, env) => {
    const root = seedRepo();
    for (const file of files) writeFileSync(join(root, file.path), file.content);
    const { sha, staged } = await new Git(root, env).commitBeforeStaging(files, 'Set web to 1.2.0', author);
    // What a push reads is there already: the branch at the commit, the commit's files in it.
    expect(git(root, 'rev-parse', 'main')).toBe(sha);
    expect(git(root, 'show', `${sha}:dev/kustomization.yaml`)).toBe(files[0].content.trimEnd());
    await staged;
    expect(git(root, 'status', '--porcelain=v1')).toBe('M  other/kustomization.yaml');
  });

  test('fast-import leaves no helper ref behind, and a second commit builds on the first', async () => {
    const root = seedRepo();
    const first = await commitFiles(root, files.slice(0, 1), 'first');
    const second = await commitFiles(root, [{ path: 'dev/kustomization.yaml', content: '# dev\nimages: []\n' }], 'second');
    expect(git(root, 'rev-parse', `${second}^`)).toBe(first);
    expect(git(root, 'for-each-ref', 'refs/gitops-promote')).toBe('');
  });

  test('a detached HEAD moves, no branch does', async () => {
    const root = seedRepo();
    git(root, 'checkout', '--quiet', '--detach');
    const sha = await commitFiles(root, files.slice(0, 1), 'detached');
    expect(git(root, 'rev-parse', 'HEAD')).toBe(sha);
    expect(git(root, 'rev-parse', 'main')).not.toBe(sha);
  });
});

describe('cleanMessage (git commit --file keeps the message this way)', () => {
  test.each([
    ['Set web', 'Set web\n'],
    ['Set web\n', 'Set web\n'],
    ['\n\nSet web  \n\n\n\nbody\t\n\n', 'Set web\n\nbody\n'],
    ['  indented\n', '  indented\n'],
    ['', ''],
  ])('%j → %j', (message, expected) => {
    expect(cleanMessage(message)).toBe(expected);
  });

  test('the same as git stripspace', () => {
    const message = '\n title  \n\n\n body line\t\n  second\n\n';
    expect(cleanMessage(message)).toBe(execFileSync('git', ['stripspace'], { input: message, encoding: 'utf8' }));
  });
});
