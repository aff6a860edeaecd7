import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { errorAnnotations } from '../helpers/action-runner.js';
import { EXAMPLE_DIGESTS, exampleReference } from '../helpers/git-fixtures.js';
import { branches, NAME, OWNER, remoteFile, startPromoteWorld, type PromoteWorld } from './promote-fixture.js';

const WEB_STAGING = 'apps/web/overlays/staging/kustomization.yaml';
const API_STAGING = 'apps/api/overlays/staging/kustomization.yaml';
const WEB_PRODUCTION = 'apps/web/overlays/production/kustomization.yaml';

let world: PromoteWorld;
beforeEach(async () => {
  world = await startPromoteWorld();
});
afterEach(async () => {
  await world.close();
});

async function pull(number: number) {
  return (await world.octokit.rest.pulls.get({ owner: OWNER, repo: NAME, pull_number: number })).data;
}

describe('promote through the GitHub API, end to end through dist/index.js', () => {
  test('dev → staging opens one PR with the edit, labels and auto-merge; a re-run with nothing new writes nothing', async () => {
    const run = await world.promote({ to: 'staging', 'source-repository': 'acme/web' });
    expect(errorAnnotations(run)).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.outputs.changed).toBe('true');
    expect(run.outputs['pull-request-number']).toBe('1');
    expect(run.outputs['pull-request-url']).toBe(`${world.sim.serverUrl}/${OWNER}/${NAME}/pull/1`);
    expect(
      (JSON.parse(run.outputs.images) as Array<{ image: string; old: string; new: string }>).map((change) => `${change.image} ${change.old} -> ${change.new}`),
    ).toEqual([
      `web ${exampleReference('web:1.4.0')} -> ${exampleReference('web:1.4.1')}`,
      `ghcr.io/acme/api ${exampleReference('api:2.7.1')} -> ${exampleReference('api:2.8.0')}`,
      `ghcr.io/acme/api-migrations ${exampleReference('api-migrations:2.7.1')} -> ${exampleReference('api-migrations:2.8.0')}`,
    ]);

    expect(branches(world.repo)).toEqual(['main', 'promote/dev-to-staging']);
    expect(remoteFile(world.repo, 'promote/dev-to-staging', WEB_STAGING)).toContain('    newTag: 1.4.1');
    expect(remoteFile(world.repo, 'promote/dev-to-staging', WEB_STAGING)).toContain('# web, staging: promoted from dev by a pull request.\n');
    expect(remoteFile(world.repo, 'promote/dev-to-staging', API_STAGING)).toContain('  newTag: "2.8.0"');
    expect(world.repo.remoteFile(WEB_STAGING)).toContain('newTag: 1.4.0'); // main untouched until the merge

    const pr = await pull(1);
    expect(pr.title).toBe('Promote web, api from dev to staging');
    expect(pr.head.ref).toBe('promote/dev-to-staging');
    expect(pr.base.ref).toBe('main');
    expect(pr.labels.map((label) => label.name).sort()).toEqual(['promotion', 'staging']);
    expect(run.stdout.split('\n').filter((line) => line.startsWith('::warning'))).toEqual([]);
    expect(pr.auto_merge?.merge_method).toBe('squash');
    expect(pr.body).toContain('<!-- gitops-promote:promotion from=dev to=staging apps=* -->');
    expect(pr.body).toContain(`| \`apps/web/overlays/staging\` | \`web\` | \`${exampleReference('web:1.4.0')}\` | \`${exampleReference('web:1.4.1')}\` |`);
    expect(pr.body).toContain(`${world.sim.serverUrl}/acme/web/compare/1.4.0...1.4.1`);
    expect(pr.body).toContain('- [ ] Smoke tests pass in dev');
    expect(pr.body).toContain('- [x] Every promoted image renders in the target overlays');
    expect(pr.body).toContain('- [ ] The staging overlays validate');
    expect(pr.body).toContain(`\`web\` back to \`${exampleReference('web:1.4.0')}\``);
    expect(pr.body).toContain('<details><summary>Rendered diff');
    expect(pr.body).toMatch(
      /-\s+- image: ghcr\.io\/acme\/web:1\.4\.0@sha256:6073581938d2[0-9a-f]+\n\+\s+- image: ghcr\.io\/acme\/web:1\.4\.1@sha256:290248c21e28[0-9a-f]+/,
    );
    expect(pr.body).toContain(`/actions/runs/42`);

    world.sim.resetLog();
    const again = await world.promote({ to: 'staging', 'source-repository': 'acme/web' }, { GITHUB_RUN_ID: '43' });
    expect(again.exitCode).toBe(0);
    expect(again.outputs['pull-request-number']).toBe('1');
    // The PR already carries the promotion: this run moved nothing.
    expect(again.outputs.changed).toBe('false');
    expect(again.summary).toContain('already carries this promotion');
    expect(world.writes()).toEqual([]);
    expect(world.sim.requests.length).toBeLessThanOrEqual(7);
  });

  test('dev → staging → production: after the merge, staging moves on to production with reviewers; dev → staging then has nothing to move', async () => {
    expect((await world.promote({ to: 'staging' })).exitCode).toBe(0);
    await world.octokit.rest.pulls.merge({ owner: OWNER, repo: NAME, pull_number: 1, merge_method: 'squash' });
    expect(world.repo.remoteFile(WEB_STAGING)).toContain('newTag: 1.4.1');

    const run = await world.promote({ from: 'staging', to: 'production' });
    expect(run.exitCode).toBe(0);
    expect(run.outputs['pull-request-number']).toBe('2');
    const pr = await pull(2);
    expect(pr.head.ref).toBe('promote/staging-to-production');
    expect(pr.requested_reviewers?.map((user) => user.login)).toEqual(['octocat']);
    expect(pr.requested_teams?.map((team) => team.slug)).toEqual(['platform']);
    expect(pr.labels.map((label) => label.name).sort()).toEqual(['production', 'promotion']);
    expect(pr.auto_merge).toBeNull();
    expect(pr.body).toContain('- [ ] Release notes are published');
    // Production receives staging's exact entry, digest and all (the digest production requires travels from dev); the comment stays.
    const production = remoteFile(world.repo, 'promote/staging-to-production', WEB_PRODUCTION);
    expect(production).toContain('  # Keep the tag for humans; the digest is what the cluster pulls.\n');
    expect(production).toContain(`    newTag: 1.4.1\n    digest: ${EXAMPLE_DIGESTS['web:1.4.1']}\n`);

    world.sim.resetLog();
    const nothing = await world.promote({ to: 'staging' });
    expect(nothing.exitCode).toBe(0);
    expect(nothing.outputs.changed).toBe('false');
    expect(nothing.outputs['pull-request-number']).toBe('');
    expect(world.writes()).toEqual(['DELETE git/delete-ref']); // the merged PR's branch
    expect(branches(world.repo)).toEqual(['main', 'promote/staging-to-production']);
  });

  test('a dry run says what would move, changed=true, and writes nothing', async () => {
    const run = await world.promote({ to: 'staging', 'dry-run': 'true' });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.changed).toBe('true');
    expect(run.outputs['pull-request-number']).toBe('');
    expect(JSON.parse(run.outputs.images)).toHaveLength(3);
    expect(world.writes()).toEqual([]);
  });

  test('a PR that has become empty is closed with a comment saying why, and its branch removed', async () => {
    expect((await world.promote({ to: 'staging', apps: 'web' })).exitCode).toBe(0);
    // Someone sets staging to dev's version directly, so the PR has nothing left to do.
    const set = await world.run('set-image', { overlays: 'apps/web/overlays/staging', images: `web=${exampleReference('web:1.4.1')}` });
    expect(set.exitCode).toBe(0);
    const run = await world.promote({ to: 'staging', apps: 'web' });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.changed).toBe('false');
    const pr = await pull(1);
    expect(pr.state).toBe('closed');
    const comments = await world.octokit.rest.issues.listComments({ owner: OWNER, repo: NAME, issue_number: 1 });
    expect(comments.data.map((comment) => comment.body)).toEqual([expect.stringContaining('Nothing left to promote: staging already runs what dev runs')]);
    expect(branches(world.repo)).toEqual(['main']);
  });

  test('a new source change updates the same PR and force-moves its branch', async () => {
    expect((await world.promote({ to: 'staging', apps: 'web' })).exitCode).toBe(0);
    expect((await world.run('set-image', { overlays: 'apps/web/overlays/dev', images: 'web=*:1.5.0' })).exitCode).toBe(0);
    const run = await world.promote({ to: 'staging', apps: 'web' });
    expect(run.exitCode).toBe(0);
    expect(run.outputs['pull-request-number']).toBe('1');
    expect(remoteFile(world.repo, 'promote/dev-to-staging/web', WEB_STAGING)).toContain('newTag: 1.5.0');
    const pr = await pull(1);
    expect(pr.body).toContain('`ghcr.io/acme/web:1.5.0`');
    expect(pr.commits).toBe(1);
  });
});
