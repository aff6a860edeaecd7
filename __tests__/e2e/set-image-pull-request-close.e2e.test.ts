import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { errorAnnotations } from '../helpers/action-runner.js';
import { branches, NAME, OWNER, startPromoteWorld, type PromoteWorld } from './promote-fixture.js';

let world: PromoteWorld;
beforeAll(async () => {
  world = await startPromoteWorld();
});
afterAll(async () => {
  await world.close();
});

describe('an environment’s set-image pull request that has nothing left to merge', () => {
  test('is closed with a comment, and its branch deleted, once the base already has its images', async () => {
    const opened = await world.run('set-image', { environment: 'staging', images: 'web=*:1.4.2' });
    expect(errorAnnotations(opened)).toEqual([]);
    const number = Number(opened.outputs['pull-request-number']);
    expect(number).toBeGreaterThan(0);

    // The same image reaches staging another way (a direct commit).
    const direct = await world.run('set-image', { environment: 'staging', images: 'web=*:1.4.2', landing: 'commit' });
    expect(direct.exitCode).toBe(0);
    expect(direct.outputs['pull-request-number']).toBe('');

    const settled = await world.run('set-image', { environment: 'staging', images: 'web=*:1.4.2' });
    expect(errorAnnotations(settled)).toEqual([]);
    expect(settled.outputs.changed).toBe('false');
    expect(settled.summary).toContain(`Closed pull request #${number}`);
    const pr = (await world.octokit.rest.pulls.get({ owner: OWNER, repo: NAME, pull_number: number })).data;
    expect(pr.state).toBe('closed');
    const comments = await world.octokit.rest.issues.listComments({ owner: OWNER, repo: NAME, issue_number: number });
    expect(comments.data.at(-1)?.body).toContain('nothing is left to merge');
    expect(branches(world.repo)).not.toContain('gitops-promote/set-image/staging');
  });

  test('stays open while it still carries an image the base lacks', async () => {
    const opened = await world.run('set-image', { environment: 'staging', images: 'ghcr.io/acme/api=*:2.9.0' });
    const number = Number(opened.outputs['pull-request-number']);
    const unrelated = await world.run('set-image', { environment: 'staging', images: 'web=*:1.4.2' });
    expect(unrelated.exitCode).toBe(0);
    expect(unrelated.summary).not.toContain('Closed pull request');
    const pr = (await world.octokit.rest.pulls.get({ owner: OWNER, repo: NAME, pull_number: number })).data;
    expect(pr.state).toBe('open');
  });
});
