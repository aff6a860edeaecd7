import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startArgoCdSimulator, type ArgoCdSimulator } from '../../test-infra/simulators/argocd/index.js';
import type { DriftReport } from '../../src/drift/drift-types.js';
import { formatHold } from '../../src/holds/hold-file.js';
import { errorAnnotations, type ActionRun } from '../helpers/action-runner.js';
import { EXAMPLE_DIGESTS, exampleReference, git, redateHead } from '../helpers/git-fixtures.js';
import { commitOverlay, overlayFile, renderedImages } from './drift-fixture.js';
import { branches, NAME, OWNER, remoteFile, startPromoteWorld, type PromoteWorld } from './promote-fixture.js';

// rollback and release through the GitHub API (no checkout), with production landing by pull request, and the hold
// refusing promote, overridden, reported by drift-check and released.

const WEB_PRODUCTION = overlayFile('web', 'production');
const HOLD = '.gitops-promote/holds/production.yaml';
const HOUR = 3_600_000;

let world: PromoteWorld;
let argo: ArgoCdSimulator;
let badRelease: string;
beforeEach(async () => {
  world = await startPromoteWorld();
  // The seed commit a day ago, so the commit web 1.4.0 landed with (an hour ago) is the newest.
  redateHead(world.repo.work, new Date(Date.now() - 24 * HOUR).toISOString());
  const { work } = world.repo;
  badRelease = commitOverlay(
    work,
    'web',
    'production',
    (text) => text.replace('newTag: 1.3.2', 'newTag: 1.4.0').replace(EXAMPLE_DIGESTS['web:1.3.2'], EXAMPLE_DIGESTS['web:1.4.0']),
    1 / 24,
    'web 1.4.0 into production',
  );
  git(work, 'push', '-q', 'origin', 'HEAD:main');
  const applications = ['web', 'api'].flatMap((app) =>
    ['dev', 'staging', 'production'].map((env) => ({
      name: `${app}-${env}`,
      path: `apps/${app}/overlays/${env}`,
      initialRevision: badRelease,
      images: renderedImages(work, app, env),
    })),
  );
  argo = await startArgoCdSimulator({ scenario: { applications }, manualSteps: true });
});
afterEach(async () => {
  try {
    expect(argo.contractViolations).toEqual([]);
  } finally {
    await argo.close();
    await world.close();
  }
});

const argoInputs = (): Record<string, string> => ({ 'argocd-server': argo.url, 'argocd-token': argo.token });
const run = (command: string, inputs: Record<string, string>): Promise<ActionRun> => world.run(command, inputs, { GITHUB_ACTOR: 'octocat' });
const errorLines = (result: ActionRun): string[] => result.stdout.split('\n').filter((line) => line.startsWith('::error'));
const pulls = async () => (await world.octokit.rest.pulls.list({ owner: OWNER, repo: NAME, state: 'all' })).data;
const merge = (number: number) => world.octokit.rest.pulls.merge({ owner: OWNER, repo: NAME, pull_number: number, merge_method: 'squash' });

describe('rollback of production through the GitHub API, landing by pull request', () => {
  test('to previous: a rollback PR with the hold; the hold refuses promote, is overridden, shown by drift-check, and released', async () => {
    const rollback = await run('rollback', { environment: 'production', reason: 'web 1.4.0 is Degraded', ...argoInputs() });
    expect(errorAnnotations(rollback)).toEqual([]);
    expect(rollback.exitCode).toBe(0);
    expect(rollback.outputs['pull-request-number']).toBe('1');
    expect(rollback.outputs.changed).toBe('true');
    expect(JSON.parse(rollback.outputs.images)).toEqual([
      expect.objectContaining({ app: 'web', image: 'web', old: exampleReference('web:1.4.0'), new: exampleReference('web:1.3.2') }),
    ]);
    expect(branches(world.repo)).toEqual(['main', 'rollback/production']);
    expect(remoteFile(world.repo, 'rollback/production', WEB_PRODUCTION)).toContain('    newTag: 1.3.2\n');
    expect(remoteFile(world.repo, 'rollback/production', WEB_PRODUCTION)).toContain('  # Keep the tag for humans; the digest is what the cluster pulls.\n');
    expect(remoteFile(world.repo, 'rollback/production', HOLD)).toContain('why: "web 1.4.0 is Degraded"');
    expect(world.repo.remoteFile(WEB_PRODUCTION)).toContain('newTag: 1.4.0'); // main untouched until the merge

    const [pr] = await pulls();
    expect(pr.title).toBe('Roll back production: web');
    expect(pr.labels.map((label) => label.name).sort()).toEqual(['production', 'rollback']);
    expect(pr.body).toContain(
      '| <code>web</code> | <code>apps/web/overlays/production</code> | <code>web</code> | ' +
        `<code>${exampleReference('web:1.4.0')}</code> | <code>${exampleReference('web:1.3.2')}</code> |`,
    );
    expect(pr.body).toContain(`undoing [\`${badRelease.slice(0, 7)}\`]`);
    expect(pr.body).toContain(`| <code>web</code> | <code>argocd web-production</code> | Synced, Healthy | <code>${badRelease.slice(0, 12)}</code> |`);
    expect(pr.body).toContain('Merging this also puts a hold on production (<code>.gitops-promote/holds/production.yaml</code>), by octocat');

    // A re-run with nothing new (the controllers' state and the run link aside) writes nothing: the hold keeps its time.
    world.sim.resetLog();
    const again = await world.run(
      'rollback',
      { environment: 'production', reason: 'web 1.4.0 is Degraded', ...argoInputs() },
      { GITHUB_ACTOR: 'octocat', GITHUB_RUN_ID: '43' },
    );
    expect(errorAnnotations(again)).toEqual([]);
    expect(again.outputs['pull-request-number']).toBe('1');
    expect(again.outputs.changed).toBe('false');
    expect(world.writes()).toEqual([]);
    await merge(1);

    const refused = await run('promote', { from: 'staging', to: 'production' });
    expect(refused.exitCode).toBe(1);
    expect(errorLines(refused)).toEqual([
      expect.stringMatching(
        new RegExp(
          String.raw`^::error::promote refused: environment 'production' is on hold since \S+ by octocat: web 1\.4\.0 is Degraded ` +
            String.raw`\(\.gitops-promote/holds/production\.yaml\)`,
        ),
      ),
    ]);
    expect(await pulls()).toHaveLength(1);

    const drift = await run('drift-check', { issue: '', path: '', ...argoInputs() });
    expect(drift.summary).toContain('🔒 **On hold** since');
    const report = JSON.parse(drift.outputs.report) as DriftReport;
    expect(report.environments.find((env) => env.name === 'production')?.hold).toEqual(
      expect.objectContaining({ file: HOLD, who: 'octocat', why: 'web 1.4.0 is Degraded', standing: true }),
    );
    expect(report.environments.find((env) => env.name === 'staging')?.hold).toBeUndefined();

    const overridden = await run('promote', { from: 'staging', to: 'production', 'override-hold': 'true' });
    expect(errorAnnotations(overridden)).toEqual([]);
    expect(overridden.outputs['pull-request-number']).toBe('2');
    expect((await pulls()).find((pull) => pull.number === 2)?.body).toContain(
      'This change overrides the hold on production (override-hold: true): put by octocat',
    );

    const release = await run('release', { environment: 'production', reason: 'fixed' });
    expect(errorAnnotations(release)).toEqual([]);
    expect(release.outputs['pull-request-number']).toBe('3');
    const releasePr = (await pulls()).find((pull) => pull.number === 3)!;
    expect(releasePr.title).toBe('Release the hold on production');
    expect(git(world.repo.remote, 'ls-tree', '-r', '--name-only', 'release-hold/production')).not.toContain(HOLD);
    await merge(3);
    expect(git(world.repo.remote, 'ls-tree', '-r', '--name-only', 'main')).not.toContain(HOLD);
    expect((await run('promote', { from: 'staging', to: 'production' })).exitCode).toBe(0);
  });

  test('to a commit, to app=version and to a date, through the API', async () => {
    const seed = git(world.repo.remote, 'rev-list', '--max-parents=0', 'main');
    const toSeed = await run('rollback', { environment: 'production', to: seed });
    expect(errorAnnotations(toSeed)).toEqual([]);
    expect(remoteFile(world.repo, 'rollback/production', WEB_PRODUCTION)).toContain('newTag: 1.3.2');

    const toVersion = await run('rollback', { environment: 'production', to: 'web=1.3.2' });
    expect(errorAnnotations(toVersion)).toEqual([]);
    expect(toVersion.outputs['pull-request-number']).toBe('1');
    expect((await pulls())[0].body).toContain('Rolls **production** back to web 1.3.2');

    // What production runs now: nothing to roll back, nothing written.
    world.sim.resetLog();
    const toNow = await run('rollback', { environment: 'production', to: 'web=1.4.0' });
    expect(toNow.outputs.changed).toBe('false');
    expect(world.writes()).toEqual([]);
    const twoHoursAgo = new Date(Date.now() - 2 * HOUR).toISOString();
    const byDate = await run('rollback', { environment: 'production', to: twoHoursAgo });
    expect(errorAnnotations(byDate)).toEqual([]);
    expect(remoteFile(world.repo, 'rollback/production', WEB_PRODUCTION)).toContain('newTag: 1.3.2');
    expect((await pulls())[0].body).toContain(`Rolls **production** back to the images as of ${twoHoursAgo}`);
  });

  test('from a checkout, landing by pull request: the branch is pushed with git, and the checkout is left as it was', async () => {
    const { work } = world.repo;
    const head = git(work, 'rev-parse', 'HEAD');
    const result = await run('rollback', { environment: 'production', path: work, reason: 'from a checkout' });
    expect(errorAnnotations(result)).toEqual([]);
    expect(result.outputs['pull-request-number']).toBe('1');
    expect(remoteFile(world.repo, 'rollback/production', WEB_PRODUCTION)).toContain('newTag: 1.3.2');
    expect(remoteFile(world.repo, 'rollback/production', HOLD)).toContain('why: "from a checkout"');
    expect(git(work, 'rev-parse', 'HEAD')).toBe(head);
    expect(git(work, 'status', '--porcelain', '--untracked-files=all')).toBe('');
  });

  test('set-image into production under a hold: refused, then overridden, and its pull request says so', async () => {
    const { work } = world.repo;
    mkdirSync(join(work, '.gitops-promote', 'holds'), { recursive: true });
    writeFileSync(join(work, HOLD), formatHold({ environment: 'production', who: 'hubot', when: '2026-12-03T06:00:00.000Z', why: 'incident 42' }));
    git(work, 'add', HOLD);
    git(work, 'commit', '-qm', 'hold production');
    git(work, 'push', '-q', 'origin', 'HEAD:main');
    const image = `web=ghcr.io/acme/web:1.4.1@${EXAMPLE_DIGESTS['web:1.4.1']}`;
    world.sim.resetLog();
    const refused = await run('set-image', { environment: 'production', images: image });
    expect(errorLines(refused)).toEqual([
      expect.stringContaining("::error::set-image refused: environment 'production' is on hold since 2026-12-03T06:00:00.000Z by hubot: incident 42"),
    ]);
    expect(world.writes()).toEqual([]);
    const overridden = await run('set-image', { environment: 'production', images: image, 'override-hold': 'true' });
    expect(errorAnnotations(overridden)).toEqual([]);
    const pr = (await pulls()).find((pull) => pull.number === Number(overridden.outputs['pull-request-number']));
    expect(pr?.body).toMatch(
      /^> \[!WARNING\]\n> This change overrides the hold on production \(override-hold: true\): put by hubot since 2026-12-03T06:00:00\.000Z, "incident 42"/,
    );
    expect(overridden.summary).toContain('This change overrides the hold on production');
  });

  test('a hold file that does not parse: drift-check and promote fail in one line naming it, nothing written; release removes it', async () => {
    const { work } = world.repo;
    mkdirSync(join(work, '.gitops-promote', 'holds'), { recursive: true });
    writeFileSync(join(work, HOLD), 'who: octocat\nwhen: "2026-12-03T07:00:00Z"\nuntil: someday\n');
    git(work, 'add', HOLD);
    git(work, 'commit', '-qm', 'a hand-written hold');
    git(work, 'push', '-q', 'origin', 'HEAD:main');
    world.sim.resetLog();
    for (const [command, inputs] of [
      ['drift-check', { issue: '', path: '', ...argoInputs() }],
      ['promote', { from: 'staging', to: 'production' }],
    ] as const) {
      const result = await run(command, inputs);
      expect(result.exitCode).toBe(1);
      expect(errorLines(result)).toEqual([
        `::error::The hold file ${HOLD} has an 'until' that is not a date: 'someday'; fix it, or remove it with the release command.`,
      ]);
    }
    expect(world.writes()).toEqual([]);
    const release = await run('release', { environment: 'production', landing: 'commit' });
    expect(errorAnnotations(release)).toEqual([]);
    expect(git(world.repo.remote, 'ls-tree', '-r', '--name-only', 'main')).not.toContain(HOLD);
  });

  test.each([
    ['an unknown commit', 'deadbeef1234', "Input 'to': 'deadbeef1234' names nothing in history"],
    ['a date before all history', '2020-01-01', "Input 'to': '2020-01-01' names nothing in history"],
  ])('to %s: one line naming to, no branch, no pull request', async (_case, to, message) => {
    world.sim.resetLog();
    const result = await run('rollback', { environment: 'production', to });
    expect(result.exitCode).toBe(1);
    expect(errorLines(result)).toEqual([expect.stringContaining(message)]);
    expect(branches(world.repo)).toEqual(['main']);
    expect(await pulls()).toHaveLength(0);
    expect(world.writes()).toEqual([]);
  });
});
