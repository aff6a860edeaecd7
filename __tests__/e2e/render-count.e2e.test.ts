import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import which from 'which';
import { errorAnnotations, runAction, type ActionRun } from '../helpers/action-runner.js';
import { createConfigRepo, git, type ConfigRepo } from '../helpers/git-fixtures.js';
import { remoteFile, startPromoteWorld, type PromoteWorld } from './promote-fixture.js';

/**
 * How many times kustomize renders an edited overlay. A `kubectl` first on
 * PATH writes each call to a log and hands it to the real one, and so does a
 * `kustomize` there (which the action picks when PATH has it, as on GitHub's
 * runners): its `build DIR` is logged as kubectl's `kustomize DIR` and
 * rendered by the real kubectl. The render check and validation share the
 * render after the edit; set-image's downgrade guard also renders the overlay
 * as it was before the edit, to compare what runs, only where the edit alone
 * cannot say what ran (an added entry, say); origin annotations cost one more
 * render only for an overlay with findings.
 */

const realKubectl = (): string => which.sync('kubectl');

let bin: string;
let log: string;
beforeAll(() => {
  bin = mkdtempSync(join(tmpdir(), 'gitops-promote-kubectl-log-'));
  log = join(bin, 'calls.log');
  writeFileSync(join(bin, 'kubectl'), `#!/bin/sh\nprintf '%s\\n' "$*" >> "${log}"\nexec "${realKubectl()}" "$@"\n`);
  writeFileSync(
    join(bin, 'kustomize'),
    `#!/bin/sh\n[ "$1" = build ] || exit 1\nshift\nprintf 'kustomize %s\\n' "$*" >> "${log}"\nexec "${realKubectl()}" kustomize "$@"\n`,
  );
  chmodSync(join(bin, 'kubectl'), 0o755);
  chmodSync(join(bin, 'kustomize'), 0o755);
});
afterAll(() => rmSync(bin, { recursive: true, force: true }));
beforeEach(() => rmSync(log, { force: true }));

const env = (): NodeJS.ProcessEnv => ({ PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` });

/** The logged renders: of the overlay folder itself, and of a wrapper that adds origin annotations to it. */
function renders(overlay: string): { plain: number; withOrigins: number } {
  const calls = existsSync(log) ? readFileSync(log, 'utf8').split('\n') : [];
  const kustomize = calls.filter((call) => call.startsWith('kustomize '));
  return {
    plain: kustomize.filter((call) => call.endsWith(`/${overlay}`)).length,
    withOrigins: kustomize.filter((call) => call.includes('gitops-promote-render-')).length,
  };
}

describe('set-image with validate: true', () => {
  let repo: ConfigRepo;
  beforeEach(() => {
    repo = createConfigRepo();
  });
  afterEach(() => repo.cleanup());

  const setImage = (inputs: Record<string, string>): Promise<ActionRun> =>
    runAction({ inputs: { command: 'set-image', path: repo.work, validate: 'true', ...inputs }, env: env() });

  test('renders the edited overlay once, for the render check, the downgrade guard and validation: the edit says what ran before', async () => {
    const run = await setImage({ overlays: 'apps/web/overlays/staging', images: 'web=*:1.4.1' });
    expect(errorAnnotations(run)).toEqual([]);
    expect(run.outputs.changed).toBe('true');
    expect(renders('apps/web/overlays/staging')).toEqual({ plain: 1, withOrigins: 0 });
  });

  test('an argument that clears the tag, so the resource’s own tag runs: the guard renders the overlay as it was, too', async () => {
    const run = await setImage({ overlays: 'apps/web/overlays/staging', images: 'web=ghcr.io/acme/web' });
    expect(errorAnnotations(run)).toEqual([]);
    expect(run.outputs.changed).toBe('true');
    expect(renders('apps/web/overlays/staging')).toEqual({ plain: 2, withOrigins: 0 });
  });

  test('with allow-downgrade: true the guard has nothing to compare: one render', async () => {
    const run = await setImage({ overlays: 'apps/web/overlays/staging', images: 'web=*:1.4.1', 'allow-downgrade': 'true' });
    expect(errorAnnotations(run)).toEqual([]);
    expect(run.outputs.changed).toBe('true');
    expect(renders('apps/web/overlays/staging')).toEqual({ plain: 1, withOrigins: 0 });
  });

  test('a finding on an images: entry is placed without origins: no second render', async () => {
    const run = await setImage({ environment: 'production', images: 'web=ghcr.io/acme/web:latest', 'allow-downgrade': 'true' });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/::error [^\n]*file=apps\/web\/overlays\/production\/kustomization.yaml,line=\d+::[^\n]*latest/);
    expect(renders('apps/web/overlays/production')).toEqual({ plain: 1, withOrigins: 0 });
  });

  test('a finding in a resource: one more render, with origin annotations, to find its file and line', async () => {
    const deployment = join(repo.work, 'apps/web/base/deployment.yaml');
    writeFileSync(deployment, readFileSync(deployment, 'utf8').replace('          ports:', '          imagePullPolicyy: Always\n          ports:'));
    git(repo.work, 'commit', '--quiet', '-am', 'A typo in the base');
    const run = await setImage({ overlays: 'apps/web/overlays/staging', images: 'web=*:1.4.1', 'allow-downgrade': 'true' });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/::error [^\n]*file=apps\/web\/base\/deployment.yaml,line=21::[^\n]*imagePullPolicyy/);
    expect(renders('apps/web/overlays/staging')).toEqual({ plain: 1, withOrigins: 1 });
  });
});

describe('promote with validate: true', () => {
  let world: PromoteWorld;
  beforeAll(async () => {
    world = await startPromoteWorld();
  });
  afterAll(async () => {
    await world.close();
  });

  test('renders each promoted overlay once after the edit, for the render check, validation and the PR body (and once before, for its diff)', async () => {
    const run = await world.promote({ to: 'staging', validate: 'true' }, env());
    expect(errorAnnotations(run)).toEqual([]);
    expect(run.outputs['pull-request-number']).toBe('1');
    // The PR body's rendered diff (src/promote/rendered-diff.ts) reuses the checks' render for 'after'; 'before' is its own.
    expect(renders('apps/web/overlays/staging')).toEqual({ plain: 2, withOrigins: 0 });
  });
});

describe('promote that adds an entry to the target', () => {
  let world: PromoteWorld;
  beforeAll(async () => {
    world = await startPromoteWorld();
    // A second image in the base, which dev pins and staging does not list yet.
    const { work } = world.repo;
    const deployment = join(work, 'apps/web/base/deployment.yaml');
    writeFileSync(
      deployment,
      readFileSync(deployment, 'utf8').replace('      containers:\n', '      containers:\n        - name: migrate\n          image: migrate:latest\n'),
    );
    const dev = join(work, 'apps/web/overlays/dev/kustomization.yaml');
    writeFileSync(dev, readFileSync(dev, 'utf8').replace('replicas:', '  - name: migrate\n    newName: ghcr.io/acme/migrate\n    newTag: 2.0.0\nreplicas:'));
    git(work, 'commit', '--quiet', '-am', 'A migrate container, pinned in dev');
    git(work, 'push', '--quiet', 'origin', 'main');
  });
  afterAll(async () => {
    await world.close();
  });

  test("planning renders the target as it is, to see that it runs the image; the PR's rendered diff reuses that render for its 'before'", async () => {
    const run = await world.promote({ to: 'staging', validate: 'true' }, env());
    expect(errorAnnotations(run)).toEqual([]);
    expect(remoteFile(world.repo, 'promote/dev-to-staging', 'apps/web/overlays/staging/kustomization.yaml')).toContain('ghcr.io/acme/migrate');
    expect(renders('apps/web/overlays/staging')).toEqual({ plain: 2, withOrigins: 0 });
  });
});
