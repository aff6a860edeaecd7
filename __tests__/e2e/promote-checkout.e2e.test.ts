import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { errorAnnotations } from '../helpers/action-runner.js';
import { git } from '../helpers/git-fixtures.js';
import { gitAsync } from '../../test-infra/simulators/github/fixtures.js';
import { NAME, OWNER, remoteFile, startPromoteWorld, type PromoteWorld } from './promote-fixture.js';

const WEB_DEV = 'apps/web/overlays/dev/kustomization.yaml';
const WEB_STAGING = 'apps/web/overlays/staging/kustomization.yaml';

// One simulator for the file; the set-up edits of the remote go through its bare repo directly, before any clone.
let world: PromoteWorld;
let scratch: string;
beforeAll(async () => {
  world = await startPromoteWorld();
  scratch = mkdtempSync(join(tmpdir(), 'gitops-promote-checkout-'));
  // dev carries a sidecar image that staging does not render: it must stay behind, and the PR must say so.
  const seed = world.repo.clone();
  const dev = join(seed, WEB_DEV);
  writeFileSync(dev, readFileSync(dev, 'utf8').replace('images:\n', 'images:\n  - name: ghcr.io/acme/debug-sidecar\n    newTag: 0.3.0\n'));
  // production lands on its own branch.
  const config = join(seed, 'gitops-promote.yaml');
  writeFileSync(config, readFileSync(config, 'utf8').replace('  - name: production\n', '  - name: production\n    branch: release\n'));
  git(seed, 'commit', '--quiet', '-am', 'dev debug sidecar; production on release');
  git(seed, 'push', '--quiet', 'origin', 'HEAD:main', 'HEAD:release');
});
afterAll(async () => {
  try {
    world.sim.assertContractClean();
  } finally {
    await world.close();
    rmSync(scratch, { recursive: true, force: true });
  }
});

async function pull(number: number) {
  return (await world.octokit.rest.pulls.get({ owner: OWNER, repo: NAME, pull_number: number })).data;
}

describe('promote with a local checkout (path), end to end through dist/index.js', () => {
  test(
    'dev → staging from a clone: the PR is opened, the dev-only sidecar is listed as not promoted, the checkout is untouched; ' + 'a re-run writes nothing',
    async () => {
      await gitAsync(scratch, 'clone', '--quiet', world.sim.cloneUrl(OWNER, NAME), 'work');
      const work = join(scratch, 'work');
      const head = (await gitAsync(work, 'rev-parse', 'HEAD')).trim();

      const run = await world.promote({ path: work, to: 'staging' });
      expect(errorAnnotations(run)).toEqual([]);
      expect(run.exitCode).toBe(0);
      expect(run.outputs['pull-request-number']).toBe('1');
      expect(run.stdout).toContain('renders no image named ghcr.io/acme/debug-sidecar');
      expect((await gitAsync(work, 'rev-parse', 'HEAD')).trim()).toBe(head);
      expect((await gitAsync(work, 'status', '--porcelain')).trim()).toBe('');
      expect(remoteFile(world.repo, 'promote/dev-to-staging', WEB_STAGING)).toContain('newTag: 1.4.1');
      expect(remoteFile(world.repo, 'promote/dev-to-staging', WEB_STAGING)).not.toContain('debug-sidecar');
      const pr = await pull(1);
      expect(pr.head.ref).toBe('promote/dev-to-staging');
      expect(pr.body).toContain('Not promoted:\n- `ghcr.io/acme/debug-sidecar`: `apps/web/overlays/staging` renders no image of that name');

      world.sim.resetLog();
      const again = await world.promote({ path: work, to: 'staging' }, { GITHUB_RUN_ID: '43' });
      expect(again.exitCode).toBe(0);
      expect(again.outputs['pull-request-number']).toBe('1');
      expect(world.writes()).toEqual([]);
    },
  );

  test('staging → production lands on production’s own branch (release): the PR’s base is release', async () => {
    const run = await world.promote({ from: 'staging', to: 'production' });
    expect(errorAnnotations(run)).toEqual([]);
    expect(run.exitCode).toBe(0);
    const pr = await pull(Number(run.outputs['pull-request-number']));
    expect(pr.base.ref).toBe('release');
    expect(pr.head.ref).toBe('promote/staging-to-production');
  });

  test('a checkout on another branch than the environment’s is refused in one line, with nothing written', async () => {
    world.sim.resetLog();
    const run = await world.promote({ path: join(scratch, 'work'), from: 'staging', to: 'production' });
    expect(run.exitCode).toBe(1);
    expect(errorAnnotations(run)).toEqual([expect.stringMatching(/^Input 'path': the environment lands on branch 'release' .*but the checkout is on 'main'/)]);
    expect(world.writes()).toEqual([]);
  });
});
