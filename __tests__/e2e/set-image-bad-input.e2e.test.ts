import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { errorAnnotations, runAction } from '../helpers/action-runner.js';
import { createConfigRepo, git, type ConfigRepo } from '../helpers/git-fixtures.js';

let repo: ConfigRepo;
let outside: string;

beforeAll(() => {
  repo = createConfigRepo();
  outside = mkdtempSync(join(tmpdir(), 'gitops-promote-outside-'));
  writeFileSync(join(outside, 'kustomization.yaml'), 'images:\n- name: web\n  newTag: "1"\n');
  const broken = join(repo.work, 'broken');
  mkdirSync(join(broken, 'yaml'), { recursive: true });
  writeFileSync(join(broken, 'yaml', 'kustomization.yaml'), 'images:\n- name: web\n  newTag: [unclosed\n');
  mkdirSync(join(broken, 'empty'), { recursive: true });
  writeFileSync(join(broken, 'empty', 'README.md'), 'no kustomization here\n');
  mkdirSync(join(broken, 'two'), { recursive: true });
  writeFileSync(join(broken, 'two', 'kustomization.yaml'), 'resources: []\n');
  writeFileSync(join(broken, 'two', 'kustomization.yml'), 'resources: []\n');
  symlinkSync(outside, join(broken, 'escape'));
  git(repo.work, 'add', '-A');
  git(repo.work, 'commit', '--quiet', '-m', 'Broken fixtures');
  git(repo.work, 'push', '--quiet', 'origin', 'main');
});
afterAll(() => repo.cleanup());

const cases: Array<[string, Record<string, string>, string]> = [
  ['malformed YAML', { overlays: 'broken/yaml', images: 'web:2' }, 'broken/yaml/kustomization.yaml is not valid YAML'],
  ['a folder with no kustomization', { overlays: 'broken/empty', images: 'web:2' }, "Input 'overlays': 'broken/empty' has no kustomization file"],
  ['two kustomization files', { overlays: 'broken/two', images: 'web:2' }, 'broken/two has both kustomization.yaml and kustomization.yml'],
  ['a glob that matches nothing', { overlays: 'apps/*/overlays/qa', images: 'web:2' }, "Input 'overlays': 'apps/*/overlays/qa' matches no folder"],
  [
    'an invalid image name',
    { overlays: 'apps/web/overlays/dev', images: 'web=GHCR.io/Acme/Web:1' },
    "Input 'images': 'web=GHCR.io/Acme/Web:1' has an invalid new image name",
  ],
  ['an invalid tag', { overlays: 'apps/web/overlays/dev', images: 'web=*:bad/tag' }, "Input 'images'"],
  ['an invalid digest', { overlays: 'apps/web/overlays/dev', images: 'web@sha256:xyz' }, "Input 'images': 'web@sha256:xyz' has an invalid digest"],
  ['an argument that sets nothing', { overlays: 'apps/web/overlays/dev', images: 'web' }, "Input 'images': 'web' sets nothing"],
  ['no images at all', { overlays: 'apps/web/overlays/dev', images: '' }, "Input 'images': no image given"],
  [
    'a tag outside allow-tags',
    { overlays: 'apps/web/overlays/dev', images: 'web=*:latest', 'allow-tags': '^\\d+\\.\\d+\\.\\d+$' },
    "tag 'latest' of 'web=*:latest' does not match allow-tags",
  ],
  [
    'an invalid allow-tags expression',
    { overlays: 'apps/web/overlays/dev', images: 'web=*:1.5.0', 'allow-tags': '([' },
    "Input 'allow-tags': is not a valid regular expression",
  ],
  ['a path with ..', { overlays: 'apps/../../etc', images: 'web:2' }, "Input 'overlays': 'apps/../../etc' leaves the config repo"],
  ['an absolute path', { overlays: '/etc', images: 'web:2' }, "Input 'overlays': '/etc' is absolute"],
  ['a symlink out of the repo', { overlays: 'broken/escape', images: 'web:2' }, "Input 'overlays': 'broken/escape' is a symlink that leaves the config repo"],
  ['a bad boolean', { overlays: 'apps/web/overlays/dev', images: 'web=*:1.5.0', push: 'maybe' }, "Input 'push': expected true or false, got 'maybe'"],
];

describe('set-image refuses bad input with one line, exit code 1, and nothing written', () => {
  test.each(cases)('%s', async (_name, inputs, message) => {
    const run = await runAction({ inputs: { command: 'set-image', path: repo.work, ...inputs } });
    expect(run.exitCode).toBe(1);
    const errors = errorAnnotations(run);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(message);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(git(repo.work, 'status', '--porcelain')).toBe('');
    expect(repo.commitCount()).toBe(2);
  });

  test('a path that is not a git repository', async () => {
    const run = await runAction({ inputs: { command: 'set-image', path: outside, overlays: '.', images: 'web:2' } });
    expect(run.exitCode).toBe(1);
    expect(errorAnnotations(run)[0]).toContain('is not inside a git repository');
  });

  test.each([
    ['set-image', { overlays: '.', images: 'web:2' }],
    ['promote', { to: 'staging' }],
    ['validate', {}],
    ['wait', { 'argocd-app': 'web-dev', 'argocd-server': 'https://argocd.example.com' }],
    ['drift-check', {}],
  ])('%s: a path that does not exist is named, not a bare spawn ENOENT', async (command, inputs) => {
    const run = await runAction({ inputs: { command, path: join(outside, 'nonexistent'), ...inputs } });
    expect(run.exitCode).toBe(1);
    expect(errorAnnotations(run)).toEqual([`Input 'path': '${join(outside, 'nonexistent')}' does not exist.`]);
  });

  test.each(['set-image', 'promote'])('%s with path empty, outside a checkout and with no repository, names repository', async (command) => {
    const run = await runAction({ inputs: { command, path: '', to: 'staging', images: 'web:2' }, cwd: outside });
    expect(run.exitCode).toBe(1);
    expect(errorAnnotations(run)).toEqual([
      "Input 'repository': is needed: path is empty and the working folder is not a git checkout; " +
        'name the config repo as owner/name (with token) to work through the GitHub API, or set path to a checkout of it.',
    ]);
  });

  test('an unknown command', async () => {
    const run = await runAction({ inputs: { command: 'deploy' } });
    expect(run.exitCode).toBe(1);
    expect(errorAnnotations(run)).toEqual([
      "Input 'command': unknown command 'deploy'; expected one of " +
        'set-image, promote, rollback, release, check-setup, validate, wait, drift-check, merge-reports.',
    ]);
  });

  test('a push the remote rejects (not a moved head) fails clearly and undoes the local commit', async () => {
    const hook = join(repo.remote, 'hooks', 'pre-receive');
    writeFileSync(hook, '#!/bin/sh\necho "protected branch: changes to main need a pull request" >&2\nexit 1\n', { mode: 0o755 });
    try {
      const head = git(repo.work, 'rev-parse', 'HEAD');
      const run = await runAction({ inputs: { command: 'set-image', path: repo.work, overlays: 'apps/web/overlays/dev', images: 'web=*:1.4.2' } });
      expect(run.exitCode).toBe(1);
      expect(errorAnnotations(run)[0]).toContain('Push to origin/main was rejected by the remote: protected branch: changes to main need a pull request');
      expect(git(repo.work, 'rev-parse', 'HEAD')).toBe(head);
      expect(git(repo.work, 'status', '--porcelain')).toBe('');
      expect(repo.commitCount()).toBe(2);
    } finally {
      writeFileSync(hook, '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    }
  });
});
