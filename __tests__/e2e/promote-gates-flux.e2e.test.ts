import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { startKubernetesSimulator, type FluxObjectScenario, type KubernetesSimulator } from '../../test-infra/simulators/kubernetes/index.js';
import { errorAnnotations } from '../helpers/action-runner.js';
import { writeText } from '../helpers/git-fixtures.js';
import { commitOnMain, gateStatuses, HOUR, nowAt, pullRequest, setGates } from './gates-fixture.js';
import { startPromoteWorld, type PromoteWorld } from './promote-fixture.js';

let world: PromoteWorld;
let kube: KubernetesSimulator | undefined;
beforeEach(async () => {
  world = await startPromoteWorld();
});
afterEach(async () => {
  if (kube) expect(kube.contractViolations).toEqual([]);
  await kube?.close();
  kube = undefined;
  await world.close();
});

/** Flux runs dev's apps (Kustomizations with health checks) Ready at `revision` since `startTime`; time moves only when a test steps it. */
async function startFlux(
  revision: string,
  startTime: number,
  apps = ['web-dev', 'api-dev'],
  extra: Partial<FluxObjectScenario> = {},
): Promise<KubernetesSimulator> {
  const objects: FluxObjectScenario[] = [
    { kind: 'GitRepository', name: 'config', url: 'https://github.com/acme/config', branch: 'main', revision },
    ...apps.map((name): FluxObjectScenario => ({ kind: 'Kustomization', name, sourceRef: { kind: 'GitRepository', name: 'config' }, wait: true, ...extra })),
  ];
  kube = await startKubernetesSimulator({ scenario: { objects }, manualSteps: true, startTime: new Date(startTime) });
  return kube;
}

const second = (ms: number): number => Math.floor(ms / 1000) * 1000;
const promote = (env: NodeJS.ProcessEnv) => world.promote({ to: 'staging', kubeconfig: kube!.kubeconfig() }, env);

describe('promote with gates on the target (Flux in the source), end to end through dist/index.js', () => {
  test('Ready at the source commit: soak counted from the Ready transition, pending then passed; read-only', async () => {
    const head = setGates(world.repo, ['source-healthy: true', 'soak: 2h'], 'flux');
    const start = second(Date.now());
    await startFlux(head, start);

    const early = await promote(nowAt(start, HOUR));
    expect(errorAnnotations(early)).toEqual([]);
    expect(early.outputs.gated).toBe('pending');
    const gates = JSON.parse(early.outputs.gates) as Array<{ gate: string; state: string; seen: string[] }>;
    expect(gates.map((gate) => `${gate.gate}:${gate.state}`)).toEqual(['source-healthy:passed', 'soak:pending']);
    expect(gates[0].seen[0]).toMatch(
      new RegExp(`^web: Kustomization/flux-system/web-dev at ${head.slice(0, 7)}, Ready=True \\(ReconciliationSucceeded\\)/Healthy since `),
    );
    expect((await gateStatuses(world, early.outputs['commit-sha']))[0].state).toBe('pending');
    // No reconcile request, no patch of any kind.
    expect(kube!.requests.filter((r) => r.method !== 'GET')).toEqual([]);

    world.sim.resetLog();
    const later = await promote({ ...nowAt(start, 3 * HOUR), GITHUB_RUN_ID: '43' });
    expect(later.outputs.gated).toBe('passed');
    expect(world.writes()).toEqual(['PATCH pulls/update', 'POST repos/create-commit-status']);
    expect((await gateStatuses(world, later.outputs['commit-sha']))[0]).toMatchObject({ state: 'success', description: '2 gates met: source-healthy, soak' });
    expect((await pullRequest(world, 1)).body).toContain('- [x] Gate soak: dev has run the promoted images for 2h');

    world.sim.resetLog();
    expect((await promote({ ...nowAt(start, 3 * HOUR), GITHUB_RUN_ID: '44' })).outputs.gated).toBe('passed');
    expect(world.writes()).toEqual([]);
  });

  test('health checks failing at a later commit with the same images: the gate fails, with Flux’s reason', async () => {
    const head = setGates(world.repo, ['source-healthy: true'], 'flux');
    const later = commitOnMain(world.repo, 'Docs only', (work) => writeText(`${work}/NOTES.md`, 'not an overlay\n'));
    const start = second(Date.now());
    await startFlux(head, start, ['web-dev', 'api-dev'], { outcome: 'health-check-failed' });
    kube!.setRevision('config', later);
    kube!.advance(30);
    const run = await promote(nowAt(start, HOUR));
    expect(run.exitCode).toBe(0);
    expect(run.outputs.gated).toBe('failed');
    expect((await gateStatuses(world, run.outputs['commit-sha']))[0]).toMatchObject({
      state: 'failure',
      description: expect.stringMatching(/^source-healthy: web: HealthCheckFailed/),
    });
  });

  test('an object Flux does not have cannot be judged: a failure naming it', async () => {
    const head = setGates(world.repo, ['source-healthy: true'], 'flux');
    await startFlux(head, second(Date.now()), ['web-dev']);
    const run = await promote(nowAt(Date.now(), 0));
    expect(run.exitCode).toBe(0);
    expect(run.outputs.gated).toBe('failed');
    const status = (await gateStatuses(world, run.outputs['commit-sha']))[0];
    expect(status.state).toBe('failure');
    expect(status.description).toMatch(/^source-healthy: api: cannot judge: could not be read: /);
  });
});
