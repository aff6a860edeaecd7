import { afterEach, describe, expect, test } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startArgoCdSimulator, type ArgoAppScenario, type ArgoCdSimulator } from '../../test-infra/simulators/argocd/index.js';
import { appReport, reportOf } from './drift-fixture.js';
import { closeSimulatedWorld } from '../helpers/simulator-teardown.js';
import { errorAnnotations, PROJECT_ROOT, runAction, type ActionRun } from '../helpers/action-runner.js';
import { createConfigRepo, git, type ConfigRepo } from '../helpers/git-fixtures.js';

// drift-check reads the images that pins declare (a Helm values file, an Application's Helm parameters and kustomize
// images, a setter comment) and compares them with what Argo CD reports, for examples/config-repo-helm.

const HELM_EXAMPLE = join(PROJECT_ROOT, 'examples', 'config-repo-helm');
const ENVS = ['dev', 'staging', 'production'];

let repo: ConfigRepo | undefined;
let argo: ArgoCdSimulator | undefined;

afterEach(async () => {
  await closeSimulatedWorld({ argo, repo });
  argo = repo = undefined;
});

/** The reference a values file or an Application's Helm parameters pin, read the way the chart prints it. */
function pinnedWeb(dir: string, env: string): string {
  const text = readFileSync(join(dir, env === 'production' ? 'argocd/web-production.yaml' : `environments/${env}/values.yaml`), 'utf8');
  const value = (key: string): string =>
    env === 'production'
      ? (new RegExp(`name: image\\.${key}\\n\\s+value: "?([^"\\n]+)"?`).exec(text)?.[1] ?? '')
      : (new RegExp(`\\n  ${key}: "?([^"\\n]+)"?`).exec(text)?.[1] ?? '');
  return `${value('repository')}:${value('tag')}@${value('digest')}`;
}

/** The api Application's kustomize images entry, which is the reference its source renders. */
const pinnedApi = (dir: string, env: string): string => /- (ghcr\.io\/acme\/api[^\s]+)/.exec(readFileSync(join(dir, `argocd/api-${env}.yaml`), 'utf8'))![1];

function scenario(dir: string, overrides: Record<string, Partial<ArgoAppScenario>> = {}): ArgoAppScenario[] {
  const head = git(dir, 'rev-parse', 'HEAD');
  return ENVS.flatMap((env) => [
    { name: `web-${env}`, path: 'charts/web', initialRevision: head, images: [pinnedWeb(dir, env)], ...overrides[`web-${env}`] },
    { name: `api-${env}`, path: `apps/api/overlays/${env}`, initialRevision: head, images: [pinnedApi(dir, env)], ...overrides[`api-${env}`] },
  ]);
}

function drift(inputs: Record<string, string> = {}): Promise<ActionRun> {
  return runAction({
    inputs: { command: 'drift-check', path: repo!.work, apps: 'web,api', 'argocd-server': argo!.url, 'argocd-token': argo!.token, ...inputs },
  });
}

describe('drift-check reads the images pins declare', () => {
  test('Argo CD runs what the pins hold: no drift; the declared images and version come from the pins', async () => {
    repo = createConfigRepo(HELM_EXAMPLE);
    argo = await startArgoCdSimulator({ scenario: { applications: scenario(repo.work) }, manualSteps: true });
    const run = await drift();
    expect(errorAnnotations(run)).toEqual([]);
    expect(run.outputs.drifted).toBe('false');
    const report = reportOf(run);
    expect(report.items).toEqual([]);
    const production = appReport(report, 'production', 'web');
    expect(production.declared).toEqual({
      overlays: ['argocd-helm-parameters: argocd/web-production.yaml', 'image-setters: clusters/production/cron.yaml'],
      images: [pinnedWeb(repo.work, 'production')],
      rendered: false,
      version: expect.objectContaining({ image: 'web', tag: '1.3.2', file: 'argocd/web-production.yaml' }),
    });
    expect(appReport(report, 'staging', 'api').declared?.images).toEqual([pinnedApi(repo.work, 'staging')]);
    // The skew between environments is read from the pins' history too.
    expect(production.skew).toEqual(expect.objectContaining({ from: 'staging', status: 'behind' }));
  });

  test('a live image that differs from what a Helm values file pins is drift, named with the declared image', async () => {
    repo = createConfigRepo(HELM_EXAMPLE);
    const declared = pinnedWeb(repo.work, 'staging');
    argo = await startArgoCdSimulator({
      scenario: { applications: scenario(repo.work, { 'web-staging': { images: ['ghcr.io/acme/web:0.9.0'] } }) },
      manualSteps: true,
    });
    const run = await drift();
    const report = reportOf(run);
    expect(run.outputs.drifted).toBe('true');
    const item = report.items.find((candidate) => candidate.environment === 'staging' && candidate.app === 'web');
    expect(item?.message).toContain(declared);
  });

  test("a pin edited after the synced revision: the controller runs a stale revision of the pin's file", async () => {
    repo = createConfigRepo(HELM_EXAMPLE);
    argo = await startArgoCdSimulator({ scenario: { applications: scenario(repo.work) }, manualSteps: true });
    const file = join(repo.work, 'environments/dev/values.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('tag: "1.4.1"', 'tag: "1.4.2"'));
    git(repo.work, '-c', 'user.name=T', '-c', 'user.email=t@example.com', 'commit', '-qam', 'web 1.4.2 in dev');
    const run = await drift({ 'stale-after': '0s' });
    const report = reportOf(run);
    const dev = report.items.filter((candidate) => candidate.environment === 'dev' && candidate.app === 'web').map((candidate) => candidate.kind);
    expect(dev).toEqual(['stale']);
    expect(appReport(report, 'dev', 'web').declared?.version).toEqual(expect.objectContaining({ tag: '1.4.2', file: 'environments/dev/values.yaml' }));
  });
});
