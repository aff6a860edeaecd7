import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction } from '../helpers/action-runner.js';
import { createConfigRepo, git, type ConfigRepo } from '../helpers/git-fixtures.js';

const APPS = 20;
let source: string;
let repo: ConfigRepo;

/** A config repo with one small app per overlay, so twenty runs can each own one. */
function writeManyApps(root: string, count: number): void {
  for (let i = 1; i <= count; i++) {
    const app = `app-${String(i).padStart(2, '0')}`;
    mkdirSync(join(root, 'apps', app, 'base'), { recursive: true });
    mkdirSync(join(root, 'apps', app, 'overlays', 'dev'), { recursive: true });
    writeFileSync(
      join(root, 'apps', app, 'base', 'deployment.yaml'),
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${app}\nspec:\n  selector:\n    matchLabels: {app: ${app}}\n  template:\n` +
        `    metadata:\n      labels: {app: ${app}}\n    spec:\n      containers:\n      - name: ${app}\n        image: ${app}:0.0.0\n`,
    );
    writeFileSync(join(root, 'apps', app, 'base', 'kustomization.yaml'), 'resources:\n- deployment.yaml\n');
    writeFileSync(
      join(root, 'apps', app, 'overlays', 'dev', 'kustomization.yaml'),
      `# ${app} in dev\nresources:\n- ../../base\nimages:\n- name: ${app}\n  newName: registry.example.com/acme/${app}\n  newTag: 1.0.0\n`,
    );
  }
}

beforeAll(() => {
  source = mkdtempSync(join(tmpdir(), 'gitops-promote-many-'));
  writeManyApps(source, APPS);
  repo = createConfigRepo(source);
});
afterAll(() => {
  repo.cleanup();
  rmSync(source, { recursive: true, force: true });
});

function shuffled<T>(items: T[]): T[] {
  return items
    .map((item) => ({ item, key: Math.random() }))
    .sort((a, b) => a.key - b.key)
    .map(({ item }) => item);
}

describe('set-image under concurrency (real parallel processes, one bare remote)', () => {
  test('twenty runs editing different overlays of one repo all land', async () => {
    const start = repo.commitCount();
    const jobs = Array.from({ length: APPS }, (_, index) => {
      const app = `app-${String(index + 1).padStart(2, '0')}`;
      return { app, clone: repo.clone(`parallel-${app}`) };
    });
    const runs = await Promise.all(
      jobs.map(({ app, clone }) =>
        runAction({ inputs: { command: 'set-image', path: clone, overlays: `apps/${app}/overlays/dev`, images: `${app}=*:1.1.0` } }),
      ),
    );
    for (const run of runs) expect({ exitCode: run.exitCode, stdout: run.exitCode === 0 ? '' : run.stdout }).toEqual({ exitCode: 0, stdout: '' });
    expect(repo.commitCount()).toBe(start + APPS);
    for (const { app } of jobs) expect(repo.remoteFile(`apps/${app}/overlays/dev/kustomization.yaml`)).toMatch(/^ {2}newTag: 1.1.0$/m);
  });

  test('runs racing on one overlay end with the highest semver, none failing', async () => {
    const tags = ['1.5.0', '1.5.1', '1.5.2', '1.5.3', '1.5.10', '1.6.0-rc.1', '1.6.0-rc.2', '1.5.9'];
    const clones = tags.map((tag) => ({ tag, clone: repo.clone(`race-${tag}`) }));
    const runs = await Promise.all(
      shuffled(clones).map(({ tag, clone }) =>
        runAction({ inputs: { command: 'set-image', path: clone, overlays: 'apps/app-01/overlays/dev', images: `app-01=*:${tag}` } }),
      ),
    );
    expect(runs.map((run) => run.exitCode)).toEqual(tags.map(() => 0));
    expect(repo.remoteFile('apps/app-01/overlays/dev/kustomization.yaml')).toMatch(/^ {2}newTag: 1.6.0-rc.2$/m);
  });

  test('runs racing with non-semver tags all succeed and the last writer wins', async () => {
    const tags = ['build-a1', 'build-b2', 'build-c3', 'build-d4', 'build-e5'];
    const clones = tags.map((tag) => ({ tag, clone: repo.clone(`race-${tag}`) }));
    const runs = await Promise.all(
      clones.map(({ tag, clone }) =>
        runAction({ inputs: { command: 'set-image', path: clone, overlays: 'apps/app-02/overlays/dev', images: `app-02=*:${tag}` } }),
      ),
    );
    expect(runs.map((run) => run.exitCode)).toEqual(tags.map(() => 0));
    const lastSubject = git(repo.remote, 'log', '-1', '--format=%s', 'main');
    const winner = tags.find((tag) => lastSubject.includes(tag));
    expect(winner).toBeDefined();
    expect(repo.remoteFile('apps/app-02/overlays/dev/kustomization.yaml')).toMatch(new RegExp(`^  newTag: ${winner}$`, 'm'));
  });
});
