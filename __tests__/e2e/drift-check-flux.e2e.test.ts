import { afterEach, describe, expect, test } from '@jest/globals';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startKubernetesSimulator, type KubernetesSimulator } from '../../test-infra/simulators/kubernetes/index.js';
import type { DriftReport } from '../../src/drift/drift-types.js';
import { errorAnnotations, runAction } from '../helpers/action-runner.js';
import { EXAMPLE_CONFIG_REPO, createConfigRepo, git, type ConfigRepo } from '../helpers/git-fixtures.js';

// @kubernetes/client-node v2 needs Node >= 22; the action runs on Node 24 either way, the simulator runs in jest.
const suite = Number(process.versions.node.split('.')[0]) >= 22 ? describe : describe.skip;

let repo: ConfigRepo | undefined;
let kube: KubernetesSimulator | undefined;
let source: string | undefined;

afterEach(async () => {
  if (kube) expect(kube.contractViolations).toEqual([]);
  await kube?.close();
  repo?.cleanup();
  if (source) rmSync(source, { recursive: true, force: true });
  kube = repo = source = undefined;
});

/** The example config repo with staging run by Flux Kustomizations. */
function fluxConfigRepo(): ConfigRepo {
  source = mkdtempSync(join(tmpdir(), 'gitops-promote-flux-src-'));
  cpSync(EXAMPLE_CONFIG_REPO, source, { recursive: true });
  const file = join(source, 'gitops-promote.yaml');
  const config = readFileSync(file, 'utf8')
    .replace('staging: { argocd-app: web-staging }', 'staging: { controller: flux, flux-name: web-staging }')
    .replace('staging: { argocd-app: api-staging }', 'staging: { controller: flux, flux-name: api-staging }');
  writeFileSync(file, config);
  return createConfigRepo(source);
}

suite('drift-check against the Kubernetes simulator (Flux)', () => {
  test('a Kustomization at the head is clean; one whose health checks fail on the new commit is degraded; nothing is patched', async () => {
    repo = fluxConfigRepo();
    const initial = git(repo.work, 'rev-parse', 'HEAD');
    kube = await startKubernetesSimulator({
      manualSteps: true,
      scenario: {
        objects: [
          { kind: 'GitRepository', name: 'config', url: 'https://github.com/acme/config', branch: 'main', revision: initial },
          { kind: 'Kustomization', name: 'web-staging', sourceRef: { kind: 'GitRepository', name: 'config' }, path: './apps/web/overlays/staging' },
          {
            kind: 'Kustomization',
            name: 'api-staging',
            sourceRef: { kind: 'GitRepository', name: 'config' },
            path: './apps/api/overlays/staging',
            outcome: 'health-check-failed',
            healthChecks: [{ kind: 'Deployment', name: 'api', namespace: 'api-staging' }],
          },
        ],
      },
    });
    const overlay = join(repo.work, 'apps', 'api', 'overlays', 'staging', 'kustomization.yaml');
    writeFileSync(overlay, readFileSync(overlay, 'utf8').replaceAll('2.7.1', '2.7.2'));
    git(repo.work, 'commit', '-qam', 'api 2.7.2 to staging');
    kube.setRevision('config', git(repo.work, 'rev-parse', 'HEAD'));
    kube.advance(8);

    const run = await runAction({ inputs: { command: 'drift-check', path: repo.work, environment: 'staging', kubeconfig: kube.kubeconfig(), issue: '' } });
    expect(errorAnnotations(run)).toEqual([]);
    const report = JSON.parse(run.outputs.report) as DriftReport;
    expect(report.items.map((item) => [item.kind, item.environment, item.app])).toEqual([['degraded', 'staging', 'api']]);
    expect(report.items[0].message).toMatch(/^Ready=False \(HealthCheckFailed: /);
    const web = report.environments[0].apps.find((app) => app.app === 'web')!;
    expect(web.controller).toEqual(
      expect.objectContaining({
        controller: 'flux',
        object: 'Kustomization/flux-system/web-staging',
        found: true,
        sync: 'Ready=True (ReconciliationSucceeded)',
        revision: report.head.sha,
      }),
    );
    expect(run.outputs.drifted).toBe('true');
    expect(kube.requests.filter((request) => request.method !== 'GET')).toEqual([]);
    expect(run.stdout).toContain('::add-mask::');
  });

  test('a plain-http server (as kubectl proxy serves) is read as kubectl reads it', async () => {
    repo = fluxConfigRepo();
    const head = git(repo.work, 'rev-parse', 'HEAD');
    kube = await startKubernetesSimulator({
      manualSteps: true,
      tls: false,
      scenario: {
        objects: [
          { kind: 'GitRepository', name: 'config', url: 'https://github.com/acme/config', branch: 'main', revision: head },
          { kind: 'Kustomization', name: 'web-staging', sourceRef: { kind: 'GitRepository', name: 'config' }, path: './apps/web/overlays/staging' },
          { kind: 'Kustomization', name: 'api-staging', sourceRef: { kind: 'GitRepository', name: 'config' }, path: './apps/api/overlays/staging' },
        ],
      },
    });
    const kubeconfig = kube.kubeconfig({ insecure: false });
    expect(kubeconfig).toMatch(/server: http:\/\/127\.0\.0\.1:\d+/);
    expect(kubeconfig).not.toContain('insecure-skip-tls-verify');
    const run = await runAction({ inputs: { command: 'drift-check', path: repo.work, environment: 'staging', kubeconfig, issue: '' } });
    expect(errorAnnotations(run)).toEqual([]);
    const report = JSON.parse(run.outputs.report) as DriftReport;
    expect(report.items).toEqual([]);
    expect(report.environments[0].apps.map((app) => [app.app, app.controller?.found, app.controller?.revision])).toEqual([
      ['web', true, head],
      ['api', true, head],
    ]);
    expect(run.outputs.drifted).toBe('false');
  });
});
