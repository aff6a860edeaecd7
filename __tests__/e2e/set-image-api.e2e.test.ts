import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { errorAnnotations } from '../helpers/action-runner.js';
import { exampleReference } from '../helpers/git-fixtures.js';
import { startPromoteWorld, type PromoteWorld } from './promote-fixture.js';

const WEB_DEV = 'apps/web/overlays/dev/kustomization.yaml';

let world: PromoteWorld;
beforeEach(async () => {
  world = await startPromoteWorld();
});
afterEach(async () => {
  await world.close();
});

describe('set-image without path: the GitHub API, no clone', () => {
  test('one commit through the Git Data API (tree, commit, ref), comments kept', async () => {
    const run = await world.run('set-image', { environment: 'dev', images: 'web=*:1.4.2' });
    expect(errorAnnotations(run)).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.outputs['commit-sha']).toBe(world.repo.remoteHead());
    expect(world.repo.remoteFile(WEB_DEV)).toContain('  - name: web # the name used in base/deployment.yaml\n    newName: ghcr.io/acme/web\n    newTag: 1.4.2');
    expect(world.writes()).toEqual(['POST git/create-tree', 'POST git/create-commit', 'PATCH git/update-ref']);
    expect(world.sim.requests.filter((entry) => entry.kind === 'git')).toEqual([]); // no clone, no push
  });

  test('a moved head: the edit is re-applied on the new head and the ref update retried', async () => {
    world.sim.injectFault({ kind: 'moved-head', operationId: 'git/update-ref', count: 2 });
    const run = await world.run('set-image', { overlays: 'apps/web/overlays/dev', images: 'web=*:1.4.2' });
    expect(run.exitCode).toBe(0);
    expect(world.repo.commitCount()).toBe(4);
    expect(run.outputs['commit-sha']).toBe(world.repo.remoteHead());
    expect(world.writes().filter((write) => write === 'PATCH git/update-ref')).toHaveLength(3);
  });

  test('nothing to change: reads only', async () => {
    const run = await world.run('set-image', { overlays: 'apps/web/overlays/dev', images: `web=${exampleReference('web:1.4.1')}` });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.changed).toBe('false');
    expect(world.writes()).toEqual([]);
  });
});
