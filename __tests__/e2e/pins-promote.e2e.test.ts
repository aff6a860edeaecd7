import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { errorAnnotations, runAction } from '../helpers/action-runner.js';
import { git, type ConfigRepo } from '../helpers/git-fixtures.js';
import { changedLinesByFile, createHelmConfigRepo, digestOf, EXAMPLE_HELM_CONFIG_REPO, imageRows, lastCommitLines, PINNED } from './pins-fixture.js';
import { branches, NAME, OWNER, startPromoteWorld, type PromoteWorld } from './promote-fixture.js';

// promote of examples/config-repo-helm, whose every app pins its images in pins: what the source's pins hold goes into the target's.

const setterLine = (reference: string, policy: string): string => `          image: ${reference} # {"$imagepolicy": "flux-system:${policy}"}`;

/** A row of a promotion PR's table: the pin's label, the image, what the target holds, what it gets. */
const bodyRow = (label: string, image: string, now: string, promoted: string): string => `| \`${label}\` | \`${image}\` | \`${now}\` | \`${promoted}\` |`;

describe('promote dev → staging through a pull request (the GitHub simulator)', () => {
  let world: PromoteWorld;
  beforeEach(async () => {
    world = await startPromoteWorld({ source: EXAMPLE_HELM_CONFIG_REPO });
  });
  afterEach(async () => {
    await world.close();
  });

  test('one PR: each pin file with only its changed lines, a body row per pin; a re-run writes nothing', async () => {
    const run = await world.promote({ to: 'staging' });
    expect(errorAnnotations(run)).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.outputs.changed).toBe('true');
    expect(run.outputs['pull-request-number']).toBe('1');
    expect(imageRows(run).map((change) => `${change.overlay} ${change.image} ${change.old} -> ${change.new}`)).toEqual([
      `helm-values: environments/staging/values.yaml web ${PINNED.webStaging} -> ${PINNED.webDev}`,
      `image-setters: clusters/staging/cron.yaml web ${PINNED.webStaging} -> ${PINNED.webDev}`,
      `argocd-application: argocd/api-staging.yaml ghcr.io/acme/api ${PINNED.apiStaging} -> ${PINNED.apiDev}`,
      `helm-release: clusters/staging/worker-release.yaml worker ${PINNED.workerStaging} -> ${PINNED.workerDev}`,
    ]);

    const branch = 'promote/dev-to-staging';
    expect(branches(world.repo)).toEqual(['main', branch]);
    expect(world.repo.commitCount()).toBe(1); // main is untouched until the merge
    expect(changedLinesByFile(world.repo.remote, 'main', branch)).toEqual({
      'argocd/api-staging.yaml': { removed: [`        - ${PINNED.apiStaging}`], added: [`        - ${PINNED.apiDev}`] },
      'clusters/staging/cron.yaml': { removed: [setterLine(PINNED.webStaging, 'web-staging')], added: [setterLine(PINNED.webDev, 'web-staging')] },
      'clusters/staging/worker-release.yaml': {
        removed: ['      tag: "0.8.2"', `      digest: ${digestOf(PINNED.workerStaging)}`],
        added: ['      tag: "0.9.0"', `      digest: ${digestOf(PINNED.workerDev)}`],
      },
      'environments/staging/values.yaml': {
        removed: ['  tag: "1.4.0"', `  digest: ${digestOf(PINNED.webStaging)}`],
        added: ['  tag: "1.4.1"', `  digest: ${digestOf(PINNED.webDev)}`],
      },
    });

    const pr = (await world.octokit.rest.pulls.get({ owner: OWNER, repo: NAME, pull_number: 1 })).data;
    expect(pr.title).toBe('Promote web, api, worker from dev to staging');
    expect(pr.head.ref).toBe(branch);
    const body = pr.body ?? '';
    expect(body).toContain(bodyRow('helm-values: environments/staging/values.yaml', 'web', PINNED.webStaging, PINNED.webDev));
    expect(body).toContain(bodyRow('image-setters: clusters/staging/cron.yaml', 'web', PINNED.webStaging, PINNED.webDev));
    expect(body).toContain(bodyRow('argocd-application: argocd/api-staging.yaml', 'ghcr.io/acme/api', PINNED.apiStaging, PINNED.apiDev));
    expect(body).toContain(bodyRow('helm-release: clusters/staging/worker-release.yaml', 'worker', PINNED.workerStaging, PINNED.workerDev));
    expect(body).toContain(`- \`helm-release: clusters/staging/worker-release.yaml\`: \`worker\` back to \`${PINNED.workerStaging}\``);
    // The values file could only be read (helm is not on PATH here): the checklist says so instead of ticking the render.
    expect(body).toContain(
      '- [ ] Every promoted image renders in the target overlays (kustomize build) ' +
        '_(helm-values: environments/staging/values.yaml: checked without a render; ' +
        "see the run's warnings)_",
    );
    // What Flux applies for staging is built once, named by its folder; the Application and the values file sit in no kustomization,
    // so each is shown as its own diff (what Argo CD reads).
    expect([...body.matchAll(/^diff --git a\/(\S+) /gm)].map((match) => match[1])).toEqual([
      'argocd/api-staging.yaml',
      'clusters/staging.rendered.yaml',
      'environments/staging/values.yaml',
    ]);
    expect(body).toMatch(/-\s+tag: 0\.8\.2\n\+\s+tag: 0\.9\.0/);

    world.sim.resetLog();
    const again = await world.promote({ to: 'staging' }, { GITHUB_RUN_ID: '43' });
    expect(again.exitCode).toBe(0);
    expect(again.outputs.changed).toBe('false');
    expect(again.outputs['pull-request-number']).toBe('1');
    expect(world.writes()).toEqual([]);
  });

  test('after the merge, dev → staging has nothing left to move', async () => {
    expect((await world.promote({ to: 'staging' })).exitCode).toBe(0);
    await world.octokit.rest.pulls.merge({ owner: OWNER, repo: NAME, pull_number: 1, merge_method: 'squash' });
    expect(world.repo.remoteFile('environments/staging/values.yaml')).toContain('  tag: "1.4.1"\n');

    world.sim.resetLog();
    const run = await world.promote({ to: 'staging' });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.changed).toBe('false');
    expect(run.outputs['pull-request-number']).toBe('');
    expect(world.writes()).toEqual(['DELETE git/delete-ref']); // the merged PR's branch
  });
});

describe('promote staging → production with landing: commit, through a checkout', () => {
  let repo: ConfigRepo;
  beforeEach(() => {
    repo = createHelmConfigRepo();
  });
  afterEach(() => repo.cleanup());

  const promote = () => runAction({ inputs: { command: 'promote', path: repo.work, from: 'staging', to: 'production', landing: 'commit' } });

  test('one commit with each production pin set to what staging’s holds, only the changed lines; a re-run makes none', async () => {
    const run = await promote();
    expect(errorAnnotations(run)).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.outputs.changed).toBe('true');
    expect(run.outputs['commit-sha']).toBe(repo.remoteHead());
    expect(run.outputs['pull-request-number']).toBe('');
    expect(repo.commitCount()).toBe(2);
    expect(imageRows(run).map((change) => `${change.overlay} ${change.old} -> ${change.new}`)).toEqual([
      `argocd-helm-parameters: argocd/web-production.yaml ${PINNED.webProduction} -> ${PINNED.webStaging}`,
      `image-setters: clusters/production/cron.yaml ${PINNED.webProduction} -> ${PINNED.webStaging}`,
      `argocd-application: argocd/api-production.yaml ${PINNED.apiProduction} -> ${PINNED.apiStaging}`,
      `helm-release: clusters/production/worker-release.yaml ${PINNED.workerProduction} -> ${PINNED.workerStaging}`,
    ]);
    expect(lastCommitLines(repo)).toEqual({
      'argocd/api-production.yaml': { removed: [`        - ${PINNED.apiProduction}`], added: [`        - ${PINNED.apiStaging}`] },
      'argocd/web-production.yaml': {
        removed: ['          value: "1.3.2"', `          value: ${digestOf(PINNED.webProduction)}`],
        added: ['          value: "1.4.0"', `          value: ${digestOf(PINNED.webStaging)}`],
      },
      'clusters/production/cron.yaml': {
        removed: [setterLine(PINNED.webProduction, 'web-production')],
        added: [setterLine(PINNED.webStaging, 'web-production')],
      },
      'clusters/production/worker-release.yaml': {
        removed: ['      tag: "0.8.1"', `      digest: ${digestOf(PINNED.workerProduction)}`],
        added: ['      tag: "0.8.2"', `      digest: ${digestOf(PINNED.workerStaging)}`],
      },
    });
    expect(run.summary).toContain('| <code>argocd-helm-parameters: argocd/web-production.yaml</code> |');
    expect(run.summary).toContain(`Commit <code>${run.outputs['commit-sha']}</code>`);
    expect(git(repo.work, 'status', '--porcelain')).toBe('');

    const again = await promote();
    expect(again.exitCode).toBe(0);
    expect(again.outputs.changed).toBe('false');
    expect(again.outputs['commit-sha']).toBe('');
    expect(repo.commitCount()).toBe(2);
  });
});
