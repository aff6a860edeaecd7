import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startArgoCdSimulator, type ArgoAppScenario, type ArgoCdSimulator } from '../../test-infra/simulators/argocd/index.js';
import { startGitHubSimulator, type GitHubSimulator } from '../../test-infra/simulators/github/index.js';
import type { DriftReport } from '../../src/drift/drift-types.js';
import { commitOverlay, renderedImages, reportOf, setTag } from './drift-fixture.js';
import { closeSimulatedWorld } from '../helpers/simulator-teardown.js';
import { errorAnnotations, runAction, type ActionRun } from '../helpers/action-runner.js';
import { createConfigRepo, EXAMPLE_CONFIG_REPO, git, type ConfigRepo } from '../helpers/git-fixtures.js';

/**
 * drift-check in a matrix, through the built action against the Argo CD and
 * GitHub simulators: 4 shards of five apps (shard by app, so each app's
 * environments and their skew stay in one shard) and merge-reports over their
 * report files give the report, warnings, summary, outputs and verdict of one
 * unsharded run; only the merge keeps the tracking issue.
 */

const APPS = ['web', 'api', 'shop', 'blog', 'mail'];
const ENVS = ['dev', 'staging', 'production'];

let repo: ConfigRepo | undefined;
let argo: ArgoCdSimulator | undefined;
let github: GitHubSimulator | undefined;
let scratch: string;

/** examples/config-repo with three more apps (copies of web, each with its own overlays and Argo CD apps named <app>-<env>). */
function createRepo(): ConfigRepo {
  const source = join(scratch, 'source');
  cpSync(EXAMPLE_CONFIG_REPO, source, { recursive: true });
  for (const app of ['shop', 'blog', 'mail']) {
    cpSync(join(source, 'apps', 'web'), join(source, 'apps', app), { recursive: true });
    appendFileSync(join(source, 'gitops-promote.yaml'), `  ${app}:\n    images: [web]\n`);
  }
  return createConfigRepo(source);
}

/** Every app settled at the head with its overlay's images (production syncs by hand), but for the overrides (null: no such app). */
function scenarioApps(dir: string, overrides: Record<string, Partial<ArgoAppScenario> | null>): ArgoAppScenario[] {
  const head = git(dir, 'rev-parse', 'HEAD');
  return APPS.flatMap((app) =>
    ENVS.flatMap((env): ArgoAppScenario[] => {
      const name = `${app}-${env}`;
      if (overrides[name] === null) return [];
      const images = renderedImages(dir, app, env);
      return [{ name, path: `apps/${app}/overlays/${env}`, initialRevision: head, images, autoSync: env !== 'production', ...overrides[name] }];
    }),
  );
}

function drift(inputs: Record<string, string>): Promise<ActionRun> {
  return runAction({
    inputs: {
      path: repo!.work,
      'argocd-server': argo!.url,
      'argocd-token': argo!.token,
      token: github!.token,
      repository: 'acme/config',
      'max-skew': 'production=1',
      command: 'drift-check',
      ...inputs,
    },
    env: { GITHUB_API_URL: github!.apiUrl, GITHUB_SERVER_URL: github!.serverUrl, GITHUB_RUN_ID: '7', GITHUB_REPOSITORY: 'acme/config' },
  });
}

const merge = (inputs: Record<string, string>): Promise<ActionRun> =>
  drift({ command: 'merge-reports', reports: join(scratch, 'reports', '*.json'), ...inputs });
const issueWrites = (): Array<string | undefined> =>
  github!.requests.filter((entry) => entry.write && entry.operationId?.startsWith('issues/')).map((entry) => entry.operationId);
const withoutTime = (report: DriftReport): Omit<DriftReport, 'generatedAt'> => {
  const { generatedAt: _generatedAt, ...rest } = report;
  return rest;
};
const warnings = (run: ActionRun): string[] => run.stdout.split('\n').filter((line) => line.startsWith('::warning'));
const normalizedSummary = (run: ActionRun): string =>
  run.summary.replace(/checked \d{4}-\d\d-\d\dT[\d:.]+Z/g, 'checked TIME').replace(/\n\nMerged from \d+ shards?: \d+ apps?\./, '');

describe('drift-check in 4 shards, then merge-reports', () => {
  let whole: ActionRun;
  let shards: ActionRun[];
  let merged: ActionRun;

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'drift-sharded-'));
    repo = createRepo();
    // web in production two versions behind staging (beyond max-skew production=1): a skew item that needs both environments.
    commitOverlay(repo.work, 'web', 'staging', setTag('1.3.2'), 12);
    commitOverlay(repo.work, 'web', 'staging', setTag('1.3.3'), 10);
    commitOverlay(repo.work, 'web', 'staging', setTag('1.4.0'), 9);
    const overrides = { 'blog-staging': { images: ['ghcr.io/acme/web:0.0.1'] }, 'mail-production': null, 'api-dev': { images: ['ghcr.io/acme/api:9.9.9'] } };
    argo = await startArgoCdSimulator({ scenario: { applications: scenarioApps(repo.work, overrides) }, manualSteps: true });
    github = await startGitHubSimulator({ repos: [{ owner: 'acme', name: 'config', path: repo.remote }] });

    whole = await drift({ issue: '', 'fail-on-drift': 'true' });
    shards = [];
    // The shards keep issue's default (gitops-drift), as a matrix job that forgot to turn it off would.
    for (let index = 1; index <= 4; index++) shards.push(await drift({ shard: `${index}/4`, 'report-file': join(scratch, 'reports', `drift-${index}.json`) }));
    merged = await merge({ issue: '', 'fail-on-drift': 'true' });
  }, 120_000);

  afterAll(async () => {
    await closeSimulatedWorld({ argo, github, repo });
    argo = github = repo = undefined;
    rmSync(scratch, { recursive: true, force: true });
  });

  test('one unsharded run: drift in four apps, skew among it, the step fails', () => {
    expect(reportOf(whole).items.map((item) => item.key)).toEqual([
      'images-differ:dev:api',
      'images-differ:staging:blog',
      'skew:production:web',
      'unknown-app:production:mail',
    ]);
    expect(whole.exitCode).toBe(1);
  });

  test('each shard checks its apps in every environment, says so, and leaves the tracking issue alone', () => {
    const appsOf = (run: ActionRun): string[] => [...new Set(reportOf(run).environments.flatMap((env) => env.apps.map((app) => app.app)))];
    expect(shards.map(appsOf)).toEqual([['api', 'web'], ['blog'], ['mail'], ['shop']]);
    shards.forEach((shard, i) => {
      const line = `shard ${i + 1}/4: ${appsOf(shard).length} of 5 apps`;
      expect(shard.stdout).toContain(`${line}.`);
      expect(shard.summary).toContain(`This run is ${line}; merge-reports combines the shards.`);
      expect(shard.stdout).toContain(`drift-check shard ${i + 1}/4: the tracking issue (label gitops-drift) is left to merge-reports, which sees every shard.`);
      expect(reportOf(shard).environments.map((env) => env.name)).toEqual(ENVS);
      expect(JSON.parse(readFileSync(shard.outputs['report-file'], 'utf8'))).toMatchObject({ command: 'drift-check', shard: { index: i + 1, count: 4 } });
    });
    expect(shards.map((shard) => shard.exitCode)).toEqual([0, 0, 0, 0]);
    expect(issueWrites()).toEqual([]);
  });

  test('the merge gives the same report, warnings, summary, outputs and verdict as the unsharded run', () => {
    expect(merged.stdout).toContain('drift-check: Merged from 4 shards: 5 apps.');
    expect(withoutTime(reportOf(merged))).toEqual(withoutTime(reportOf(whole)));
    expect(merged.outputs.drifted).toBe('true');
    expect(warnings(merged)).toEqual(warnings(whole));
    expect(normalizedSummary(merged)).toEqual(normalizedSummary(whole));
    expect(merged.summary).toContain('Merged from 4 shards: 5 apps.');
    expect(merged.exitCode).toBe(1);
    expect(errorAnnotations(merged)).toEqual(errorAnnotations(whole));
    expect(errorAnnotations(merged)).toEqual([
      'Drift found (4): dev/api images-differ, staging/blog images-differ, production/web skew, production/mail unknown-app.',
    ]);
  });

  test('merge-reports with issue keeps the one tracking issue, as drift-check would: opened once, then updated', async () => {
    expect(issueWrites()).toEqual([]);
    const first = await merge({});
    expect(first.exitCode).toBe(0);
    expect(issueWrites()).toEqual(['issues/create']);
    const again = await merge({});
    expect(again.exitCode).toBe(0);
    expect(issueWrites()).toEqual(['issues/create', 'issues/update']);
  });

  test('a shard that is not i/n is refused in one line, with nothing written', async () => {
    const refused = await drift({ shard: '3', 'report-file': join(scratch, 'refused.json') });
    expect(refused.exitCode).toBe(1);
    expect(errorAnnotations(refused)).toEqual(["Input 'shard': '3' is not i/n with 1 ≤ i ≤ n (for example 2/4, from a matrix of shard: [1, 2, 3, 4])."]);
    expect(refused.outputs).toEqual({});
    expect(() => readFileSync(join(scratch, 'refused.json'))).toThrow();
  });
});
