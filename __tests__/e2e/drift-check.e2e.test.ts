import { afterEach, describe, expect, test } from '@jest/globals';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startArgoCdSimulator, type ArgoAppScenario, type ArgoCdSimulator } from '../../test-infra/simulators/argocd/index.js';
import { startGitHubSimulator, type GitHubSimulator } from '../../test-infra/simulators/github/index.js';
import { createGitHubClient } from '../../src/github/octokit-client.js';
import type { DriftReport } from '../../src/drift/drift-types.js';
import { appReport as app, commitOverlay, DAY, renderedImages, reportOf, setTag } from './drift-fixture.js';
import { closeSimulatedWorld } from '../helpers/simulator-teardown.js';
import { errorAnnotations, runAction, type ActionRun } from '../helpers/action-runner.js';
import { createConfigRepo, git, type ConfigRepo } from '../helpers/git-fixtures.js';

const APPS = ['web', 'api'];
const ENVS = ['dev', 'staging', 'production'];

let repo: ConfigRepo | undefined;
let argo: ArgoCdSimulator | undefined;
let github: GitHubSimulator | undefined;

afterEach(async () => {
  await closeSimulatedWorld({ argo, github, repo });
  argo = github = repo = undefined;
});

/** One Argo CD app per app and environment, settled at the checkout's head with its overlay's images (production syncs by hand). */
function scenarioApps(dir: string, overrides: Record<string, Partial<ArgoAppScenario> | null> = {}): ArgoAppScenario[] {
  const head = git(dir, 'rev-parse', 'HEAD');
  return APPS.flatMap((app) =>
    ENVS.flatMap((env): ArgoAppScenario[] => {
      const name = `${app}-${env}`;
      if (overrides[name] === null) return [];
      return [
        {
          name,
          path: `apps/${app}/overlays/${env}`,
          initialRevision: head,
          images: overrides[name]?.images ?? renderedImages(dir, app, env),
          autoSync: env !== 'production',
          ...overrides[name],
        },
      ];
    }),
  );
}

async function startSimulators(dir: string, overrides: Record<string, Partial<ArgoAppScenario> | null> = {}, startTime?: Date): Promise<void> {
  argo = await startArgoCdSimulator({ scenario: { applications: scenarioApps(dir, overrides) }, manualSteps: true, startTime });
  github ??= await startGitHubSimulator({ repos: [{ owner: 'acme', name: 'config', path: repo!.remote }] });
}

function drift(inputs: Record<string, string> = {}): Promise<ActionRun> {
  return runAction({
    inputs: {
      command: 'drift-check',
      path: repo!.work,
      'argocd-server': argo!.url,
      'argocd-token': argo!.token,
      token: github!.token,
      repository: 'acme/config',
      ...inputs,
    },
    env: { GITHUB_API_URL: github!.apiUrl, GITHUB_SERVER_URL: github!.serverUrl, GITHUB_RUN_ID: '7', GITHUB_REPOSITORY: 'acme/config' },
  });
}

const kinds = (report: DriftReport): string[] => report.items.map((item) => `${item.kind}:${item.environment}:${item.app}`).sort();
const issueWrites = () => github!.requests.filter((entry) => entry.write && entry.operationId?.startsWith('issues/')).map((entry) => entry.operationId);

describe('drift-check against the Argo CD and GitHub simulators', () => {
  test('a clean chain: no drift, the report, the Mermaid chain and tables, no issue, nothing written to Argo CD', async () => {
    repo = createConfigRepo();
    await startSimulators(repo.work);
    const run = await drift();
    expect(errorAnnotations(run)).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.outputs.drifted).toBe('false');
    const report = reportOf(run);
    expect(report.items).toEqual([]);
    expect(report.head.sha).toBe(git(repo.work, 'rev-parse', 'HEAD'));
    expect(app(report, 'production', 'web')).toEqual(
      expect.objectContaining({
        declared: expect.objectContaining({ version: expect.objectContaining({ tag: '1.3.2' }), rendered: true }),
        controller: expect.objectContaining({ object: 'web-production', sync: 'Synced', health: 'Healthy', autoSync: false }),
        skew: expect.objectContaining({ from: 'staging', status: 'behind', versionsBehind: 1, daysBehind: 0 }),
      }),
    );
    expect(run.summary).toContain('```mermaid\nflowchart LR');
    expect(run.summary).toContain('env_staging["<b>staging</b><br/>web 1.4.0@sha256:6073581938d2…<br/>api 2.7.1@sha256:afc5a741c09f…"]');
    expect(run.summary).toContain('env_staging -->|"web: 1 behind, api: 1 behind"| env_production');
    expect(run.summary.match(/^### /gm)).toHaveLength(3);
    expect(run.summary).toContain('✅ **No drift**');
    expect(issueWrites()).toEqual([]);
    // Read-only: no sync, no refresh, no session.
    expect(argo!.requests.filter((r) => r.method !== 'GET' || r.query.includes('refresh'))).toEqual([]);
  });

  test('an app OutOfSync after a failed auto-sync, and a degraded app', async () => {
    repo = createConfigRepo();
    const seed = repo.work;
    await startSimulators(seed, { 'web-staging': { outcome: 'sync-failed' }, 'web-dev': { outcome: 'degraded' } });
    const head = commitOverlay(seed, 'web', 'staging', setTag('1.4.1'));
    const dev = commitOverlay(seed, 'web', 'dev', setTag('1.4.2'));
    argo!.setRevision('web-staging', dev);
    argo!.setRevision('web-dev', dev, { images: renderedImages(seed, 'web', 'dev') });
    argo!.advance(8);
    expect(head).not.toBe(dev);
    const run = await drift({ 'fail-on-drift': 'true' });
    const report = reportOf(run);
    expect(kinds(report)).toEqual(['degraded:dev:web', 'out-of-sync:staging:web']);
    expect(report.items.find((item) => item.kind === 'out-of-sync')!.message).toMatch(
      /sync status OutOfSync at [0-9a-f]{7} \(SyncError: Failed last sync attempt/,
    );
    expect(report.items.find((item) => item.kind === 'degraded')!.message).toBe('health Degraded: Deployment "web-dev" exceeded its progress deadline');
    expect(run.outputs.drifted).toBe('true');
    expect(run.exitCode).toBe(1);
    expect(errorAnnotations(run)).toEqual(['Drift found (2): dev/web degraded, staging/web out-of-sync.']);
    expect(run.summary).toContain('class env_staging drifted');
  });

  test('a manual-sync app waiting for a promotion is pending, not drift; an app the controller does not know is', async () => {
    repo = createConfigRepo();
    await startSimulators(repo.work, { 'api-production': null });
    const head = commitOverlay(repo.work, 'web', 'production', setTag('1.3.3'));
    argo!.setRevision('web-production', head);
    argo!.advance(3);
    const run = await drift();
    const report = reportOf(run);
    expect(report.items.map(({ kind, environment, app: name, drift: counts }) => [kind, environment, name, counts])).toEqual([
      ['pending', 'production', 'web', false],
      ['unknown-app', 'production', 'api', true],
    ]);
    expect(report.items[0].message).toMatch(/^manual sync: [0-9a-f]{7} waits to be synced \(last synced [0-9a-f]{7}\)$/);
    expect(report.items[1].message).toContain("Argo CD has no application 'api-production'");
    expect(run.exitCode).toBe(0);
  });

  test(
    'right after a merge, an app Argo CD found OutOfSync and has not synced yet is pending like one not looked at yet; ' +
      'once the head is older than stale-after both are drift',
    async () => {
      repo = createConfigRepo();
      await startSimulators(repo.work, { 'web-staging': { autoSyncDelaySteps: 1000 } });
      const minutes = (count: number): number => count / (24 * 60);
      commitOverlay(repo.work, 'web', 'staging', setTag('1.4.1'), minutes(6));
      const head = commitOverlay(repo.work, 'api', 'staging', setTag('2.8.0'), minutes(5));
      argo!.setRevision('web-staging', head);
      argo!.advance(1);
      expect(argo!.getApplication('web-staging')).toMatchObject({ status: { sync: { status: 'OutOfSync', revision: head } } });
      expect(argo!.getApplication('web-staging')!.operation).toBeUndefined();

      const fresh = await drift({ 'fail-on-drift': 'true' });
      expect(errorAnnotations(fresh)).toEqual([]);
      expect(reportOf(fresh).items.map(({ kind, environment, app: name, drift: counts }) => [kind, environment, name, counts])).toEqual([
        ['pending', 'staging', 'web', false],
        ['pending', 'staging', 'api', false],
      ]);
      expect(reportOf(fresh).items[0].message).toMatch(
        new RegExp(`^OutOfSync at ${head.slice(0, 7)}, and ${head.slice(0, 7)} is \\d+m old: auto-sync has not started a sync yet$`),
      );
      expect(reportOf(fresh).items[1].message).toMatch(/^reports [0-9a-f]{7} \(status.sync.revision\); [0-9a-f]{7} is \d+m old and not looked at yet$/);
      expect(fresh.outputs.drifted).toBe('false');
      expect(fresh.exitCode).toBe(0);
      expect(issueWrites()).toEqual([]);

      // The same head, judged with a stale-after shorter than its age: both are drift, the issue opens, the step fails.
      const late = await drift({ 'fail-on-drift': 'true', 'stale-after': '4m' });
      expect(kinds(reportOf(late))).toEqual(['not-applied:staging:api', 'out-of-sync:staging:web']);
      expect(late.outputs.drifted).toBe('true');
      expect(late.exitCode).toBe(1);
      expect(errorAnnotations(late)).toEqual(['Drift found (2): staging/web out-of-sync, staging/api not-applied.']);
      expect(issueWrites()).toEqual(['issues/create']);
    },
  );

  test('a controller that stopped reconciling is stale, not in sync', async () => {
    repo = createConfigRepo();
    await startSimulators(repo.work, {}, new Date(Date.now() - 3_600_000));
    const run = await drift({ environment: 'staging', apps: 'web' });
    expect(kinds(reportOf(run))).toEqual(['stale:staging:web']);
    expect(reportOf(run).items[0].message).toMatch(/^last reconciled 60m ago \(status.reconciledAt\), longer than stale-after/);
    const relaxed = await drift({ environment: 'staging', apps: 'web', 'stale-after': '2h' });
    expect(reportOf(relaxed).items).toEqual([]);
  });

  test('an environment on another branch than the checkout is named in a warning that says how to check it', async () => {
    repo = createConfigRepo();
    const configFile = join(repo.work, 'gitops-promote.yaml');
    writeFileSync(configFile, readFileSync(configFile, 'utf8').replace('  - name: production\n', '  - name: production\n    branch: release\n'));
    git(repo.work, 'commit', '-qam', 'production lives on release');
    await startSimulators(repo.work);
    const run = await drift({ issue: '' });
    expect(run.stdout).toContain(
      "::warning::Environment 'production' lives on branch 'release', but this checkout is 'main': its overlays and revisions are compared with 'main'.",
    );
  });

  test('an overlay the config names that does not exist', async () => {
    repo = createConfigRepo();
    rmSync(join(repo.work, 'apps', 'api', 'overlays', 'staging'), { recursive: true });
    git(repo.work, 'commit', '-qam', 'drop api staging');
    await startSimulators(repo.work, { 'api-staging': { images: ['ghcr.io/acme/api:2.7.1'] } });
    const run = await drift({ issue: '' });
    const report = reportOf(run);
    expect(kinds(report)).toEqual(['missing-overlay:staging:api']);
    expect(report.items[0].message).toMatch(/apps\/api\/overlays\/staging/);
    expect(app(report, 'production', 'api').skew).toBeUndefined();
    expect(run.summary).toContain('api missing');
  });

  describe('production two versions behind staging for ten days', () => {
    function stagingHistory(dir: string): void {
      commitOverlay(dir, 'web', 'staging', setTag('1.3.2'), 12);
      commitOverlay(dir, 'web', 'staging', setTag('1.3.3'), 10);
      commitOverlay(dir, 'web', 'staging', setTag('1.4.0'), 9);
    }

    test("within the config's max-skew (14d) it is reported, not drift; beyond max-skew=1 it is drift", async () => {
      repo = createConfigRepo();
      stagingHistory(repo.work);
      await startSimulators(repo.work);
      const within = await drift();
      const skew = app(reportOf(within), 'production', 'web').skew!;
      expect(skew).toEqual(expect.objectContaining({ status: 'behind', versionsBehind: 2, daysBehind: 10, from: 'staging' }));
      expect(Date.parse(skew.earlierSince!)).toBeLessThan(Date.now() - 8.9 * DAY);
      expect(skew.promotionPr).toBeUndefined();
      expect(reportOf(within).items).toEqual([]);
      expect(within.summary).toContain('2 versions behind staging for 10 days');

      const beyond = await drift({ 'max-skew': 'production=1' });
      expect(reportOf(beyond).items).toEqual([
        expect.objectContaining({
          kind: 'skew',
          environment: 'production',
          app: 'web',
          message: '2 versions behind staging for 10 days: more than 1 version behind (max-skew 1 version); no promotion PR is open',
        }),
      ]);
    });

    test('with an open promotion PR, the report links it', async () => {
      repo = createConfigRepo();
      stagingHistory(repo.work);
      git(repo.work, 'push', '-q', 'origin', 'HEAD:main');
      commitOverlay(repo.work, 'web', 'production', setTag('1.4.0'));
      git(repo.work, 'push', '-q', 'origin', 'HEAD:refs/heads/promote/staging-to-production-web');
      git(repo.work, 'reset', '-q', '--hard', 'HEAD~1');
      await startSimulators(repo.work);
      const client = createGitHubClient({ token: github!.token, apiUrl: github!.apiUrl, graphqlUrl: `${github!.apiUrl}/graphql` });
      const { data: pr } = await client.rest.pulls.create({
        owner: 'acme',
        repo: 'config',
        head: 'promote/staging-to-production-web',
        base: 'main',
        title: 'Promote web to production',
      });
      const run = await drift({ 'max-skew': 'production=14d,production=1' });
      expect(app(reportOf(run), 'production', 'web').skew!.promotionPr).toEqual({ number: pr.number, url: pr.html_url });
      expect(reportOf(run).items[0].message).toMatch(/; promotion PR #\d+ is open$/);
      expect(run.summary).toContain(`(PR #${pr.number})`);
    });
  });

  test('the tracking issue is created when drift appears, updated in place (a comment only when the set changes) and closed when clean', async () => {
    repo = createConfigRepo();
    const issues = async () =>
      (
        await createGitHubClient({ token: github!.token, apiUrl: github!.apiUrl, graphqlUrl: `${github!.apiUrl}/graphql` }).rest.issues.listForRepo({
          owner: 'acme',
          repo: 'config',
          state: 'all',
        })
      ).data;
    const comments = async (number: number) =>
      (
        await createGitHubClient({ token: github!.token, apiUrl: github!.apiUrl, graphqlUrl: `${github!.apiUrl}/graphql` }).rest.issues.listComments({
          owner: 'acme',
          repo: 'config',
          issue_number: number,
        })
      ).data.map((c) => c.body ?? '');
    const round = async (overrides: Record<string, Partial<ArgoAppScenario> | null>) => {
      await argo?.close();
      await startSimulators(repo!.work, overrides);
      github!.resetLog();
      const run = await drift();
      expect(errorAnnotations(run)).toEqual([]);
      return run;
    };

    // 1. Drift appears: one issue, labelled, with the hidden keys.
    await round({ 'api-production': null });
    let [issue] = await issues();
    expect(issue).toEqual(expect.objectContaining({ state: 'open', title: 'GitOps drift: environments do not run what git says' }));
    expect(issue.labels.map((label) => (typeof label === 'string' ? label : label.name))).toEqual(['gitops-drift']);
    expect(issue.body).toContain('<!-- gitops-promote:drift-items ["unknown-app:production:api"] -->');
    expect(issueWrites()).toEqual(['issues/create']);

    // 2. The drift changes: the body is rewritten and one comment says what changed.
    await round({ 'api-production': null, 'web-dev': { images: ['ghcr.io/acme/web:0.9.0'] } });
    expect(await issues()).toHaveLength(1);
    [issue] = await issues();
    expect(issue.body).toContain('"images-differ:dev:web","unknown-app:production:api"');
    expect(await comments(issue.number)).toEqual([
      expect.stringMatching(
        new RegExp(
          String.raw`^The drift changed \(\[run\]\(.*\/acme\/config\/actions\/runs\/7\)\):\n- 🆕 images-differ:dev:web: declared but not running: ` +
            String.raw`ghcr.io\/acme\/web:1.4.1@sha256:290248c21e28079d3d92527671c0cfe0e587e3eced34120de52ed5bc123ba7ae; running but not declared: ` +
            String.raw`ghcr.io\/acme\/web:0.9.0$`,
        ),
      ),
    ]);
    expect(issueWrites()).toEqual(['issues/update', 'issues/create-comment']);

    // 3. The same drift again: updated in place, no new comment.
    await round({ 'api-production': null, 'web-dev': { images: ['ghcr.io/acme/web:0.9.0'] } });
    expect(await comments(issue.number)).toHaveLength(1);
    expect(issueWrites()).toEqual(['issues/update']);

    // 4. Clean again: a comment and the issue is closed.
    const clean = await round({});
    expect(clean.outputs.drifted).toBe('false');
    [issue] = await issues();
    expect(issue).toEqual(expect.objectContaining({ state: 'closed', state_reason: 'completed' }));
    expect((await comments(issue.number)).at(-1)).toMatch(/^✅ Every environment matches git again/);
    expect(issueWrites()).toEqual(['issues/create-comment', 'issues/update']);
  });

  test('a shallow clone is detected and said so', async () => {
    repo = createConfigRepo();
    await startSimulators(repo.work);
    const shallow = join(repo.dir, 'shallow');
    git(repo.dir, 'clone', '-q', '--depth', '1', `file://${repo.remote}`, shallow);
    const run = await drift({ path: shallow, issue: '' });
    expect(run.exitCode).toBe(0);
    expect(reportOf(run).notes).toEqual([
      'The checkout is shallow: versions behind and since-when only see the fetched history. Check out with fetch-depth: 0.',
    ]);
    expect(app(reportOf(run), 'production', 'web').skew!.historyComplete).toBe(false);
    expect(run.stdout).toContain('::warning::The checkout is shallow');
  });

  test('bad input names the input', async () => {
    repo = createConfigRepo();
    await startSimulators(repo.work);
    const run = await drift({ 'max-skew': 'prod=2' });
    expect(run.exitCode).toBe(1);
    expect(errorAnnotations(run)).toEqual(["Input 'max-skew': unknown environment 'prod'; the promotion config declares dev, staging, production."]);
  });
});
