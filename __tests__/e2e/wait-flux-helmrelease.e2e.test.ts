import { afterEach, describe, expect, test } from '@jest/globals';
import { startKubernetesSimulator, type FluxObjectScenario, type KubernetesSimulator } from '../../test-infra/simulators/kubernetes/index.js';
import { errorAnnotations, runAction } from '../helpers/action-runner.js';

// client-node v2 needs Node 22+; the action runs on Node 24 (runAction), the simulator in jest's Node.
const nodeMajor = Number(process.versions.node.split('.')[0]);
const suite = nodeMajor >= 22 ? describe : describe.skip;
if (nodeMajor < 22) console.log('wait HelmRelease e2e skipped: the Kubernetes simulator needs Node 22 or later');

const SHA = '3333333333333333333333333333333333333333';
let sim: KubernetesSimulator | undefined;

afterEach(async () => {
  if (sim) expect(sim.contractViolations).toEqual([]);
  await sim?.close();
  sim = undefined;
});

const charts: FluxObjectScenario = { kind: 'OCIRepository', name: 'charts', url: 'oci://ghcr.io/acme/charts/web', revision: '1.0.0' };
const release = (outcome: FluxObjectScenario['outcome']): FluxObjectScenario => ({
  kind: 'HelmRelease',
  name: 'web',
  sourceRef: { kind: 'OCIRepository', name: 'charts' },
  outcome,
});

suite('wait (Flux HelmRelease)', () => {
  test('passes once the release is Ready again after the requested reconcile, and says why it is not judged by commit', async () => {
    sim = await startKubernetesSimulator({ scenario: { objects: [charts, release('ready')] }, stepMs: 20 });
    const run = await runAction({
      inputs: {
        command: 'wait',
        controller: 'flux',
        kubeconfig: sim.kubeconfig(),
        'flux-kind': 'HelmRelease',
        'flux-name': 'web',
        'flux-reconcile': 'true',
        revision: SHA,
        timeout: '30s',
      },
    });
    expect(errorAnnotations(run)).toEqual([]);
    expect(run.exitCode).toBe(0);
    const [object] = JSON.parse(run.outputs.apps) as Array<Record<string, unknown>>;
    expect(object).toMatchObject({ name: 'HelmRelease/flux-system/web', controller: 'flux', state: 'done' });
    expect(String(object.note)).toContain('chart versions');
    expect(sim.requests.filter((r) => r.method === 'PATCH').map((r) => r.path)).toEqual([
      expect.stringContaining('/ocirepositories/charts'),
      expect.stringContaining('/helmreleases/web'),
    ]);
  });

  test('fails fast with the controller message when the upgrade stalls', async () => {
    sim = await startKubernetesSimulator({ scenario: { objects: [charts, release('stalled')] }, stepMs: 20 });
    const run = await runAction({
      inputs: {
        command: 'wait',
        controller: 'flux',
        kubeconfig: sim.kubeconfig(),
        'flux-kind': 'HelmRelease',
        'flux-name': 'web',
        'flux-reconcile': 'true',
        revision: SHA,
        timeout: '30s',
      },
    });
    expect(run.exitCode).toBe(1);
    expect(errorAnnotations(run).join('\n')).toMatch(/HelmRelease\/flux-system\/web.*(Stalled|RetriesExceeded|Failed to upgrade)/s);
  });
});
