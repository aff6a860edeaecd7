import { afterEach, describe, expect, test } from '@jest/globals';
import {
  startKubernetesSimulator,
  type FluxObjectScenario,
  type KubeScenario,
  type KubernetesSimulator,
} from '../../test-infra/simulators/kubernetes/index.js';
import { errorAnnotations, runAction, type ActionRun } from '../helpers/action-runner.js';

// client-node v2 needs Node 22+; the action runs on Node 24 (runAction), the simulator in jest's Node.
const nodeMajor = Number(process.versions.node.split('.')[0]);
const suite = nodeMajor >= 22 ? describe : describe.skip;
if (nodeMajor < 22) console.log('wait-flux e2e skipped: the Kubernetes simulator needs Node 22 or later');

const SHA = '2222222222222222222222222222222222222222';
const START = '696f056df216eea4f9401adbee0ff744d4df390f';
let sim: KubernetesSimulator | undefined;

afterEach(async () => {
  if (sim) expect(sim.contractViolations).toEqual([]);
  await sim?.close();
  sim = undefined;
});

const source: FluxObjectScenario = { kind: 'GitRepository', name: 'config', url: 'https://github.com/acme/config', branch: 'main', revision: START };
const kustomization = (extra: Partial<FluxObjectScenario> = {}): FluxObjectScenario => ({
  kind: 'Kustomization',
  name: 'web-dev',
  sourceRef: { kind: 'GitRepository', name: 'config' },
  path: './apps/web/dev',
  wait: true,
  ...extra,
});

async function start(objects: FluxObjectScenario[], extra: Partial<KubeScenario> = {}, stepMs = 20, tls = true): Promise<KubernetesSimulator> {
  sim = await startKubernetesSimulator({ scenario: { objects: [source, ...objects], ...extra }, stepMs, tls });
  return sim;
}

/** Pushes SHA to the source once the step has read its objects. */
async function waitFor(s: KubernetesSimulator, names: string[], inputs: Record<string, string> = {}, push = true): Promise<ActionRun> {
  const timer = setInterval(() => {
    if (push && s.requests.some((r) => r.method === 'GET' && /kustomizations\/|helmreleases\//.test(r.path))) {
      clearInterval(timer);
      setTimeout(() => s.setRevision('config', SHA), 100);
    }
  }, 20);
  try {
    return await runAction({
      inputs: { command: 'wait', controller: 'flux', kubeconfig: s.kubeconfig(), 'flux-name': names.join('\n'), revision: SHA, timeout: '30s', ...inputs },
    });
  } finally {
    clearInterval(timer);
  }
}

const appsOutput = (run: ActionRun): Array<Record<string, unknown>> => JSON.parse(run.outputs.apps ?? '[]') as Array<Record<string, unknown>>;

suite('wait (Flux)', () => {
  test.each<[string, Partial<FluxObjectScenario>, KubeScenario['revisionFormat'], string]>([
    ['a Kustomization with wait: true', { wait: true }, 'sha1', 'Healthy'],
    ['a Kustomization with health checks', { wait: false, healthChecks: [{ kind: 'Deployment', name: 'web', namespace: 'web' }] }, 'sha1', 'Healthy'],
    ['the older main/<sha> revision form', { wait: true }, 'legacy', 'Healthy'],
    ['a Kustomization without wait or health checks (Ready means applied)', { wait: false }, 'sha1', 'Applied'],
  ])('%s passes once Ready at the commit', async (_title, extra, revisionFormat, health) => {
    const s = await start([kustomization(extra)], { revisionFormat });
    const run = await waitFor(s, ['web-dev']);
    expect(errorAnnotations(run)).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.outputs['synced-revision']).toBe(SHA);
    expect(run.outputs.health).toBe(health);
    const [object] = appsOutput(run);
    expect(object).toMatchObject({ name: 'Kustomization/flux-system/web-dev', controller: 'flux', state: 'done', revision: SHA });
    if (health === 'Applied') {
      expect(object.note).toBe('no spec.wait or spec.healthChecks: Ready means applied, not healthy');
      expect(run.stdout).toContain('::notice::Kustomization/flux-system/web-dev: no spec.wait or spec.healthChecks: Ready means applied, not healthy');
    }
    expect(run.stdout).toMatch(/waiting .* revision 696f056/);
  });

  test('flux-reconcile patches the source and the object, which only move on request', async () => {
    const s = await start([
      { ...source, name: 'lazy-config', reconcileOnlyOnRequest: true },
      kustomization({ sourceRef: { kind: 'GitRepository', name: 'lazy-config' }, reconcileOnlyOnRequest: true }),
    ]);
    s.setRevision('lazy-config', SHA);
    const run = await waitFor(s, ['web-dev'], { 'flux-reconcile': 'true' }, false);
    expect(errorAnnotations(run)).toEqual([]);
    expect(run.exitCode).toBe(0);
    const patches = s.requests.filter((r) => r.method === 'PATCH').map((r) => r.path);
    expect(patches).toEqual([expect.stringContaining('/gitrepositories/lazy-config'), expect.stringContaining('/kustomizations/web-dev')]);
    expect(s.getObject('Kustomization', 'web-dev')!.metadata.annotations?.['reconcile.fluxcd.io/requestedAt']).toBeDefined();
  });

  test('a plain-http server (as kubectl proxy serves) is accepted as kubectl accepts it', async () => {
    const s = await start([kustomization()], {}, 20, false);
    const kubeconfig = s.kubeconfig({ insecure: false });
    expect(kubeconfig).toMatch(/server: http:\/\/127\.0\.0\.1:\d+/);
    expect(kubeconfig).not.toContain('insecure-skip-tls-verify');
    const run = await waitFor(s, ['web-dev'], { kubeconfig });
    expect(errorAnnotations(run)).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.outputs['synced-revision']).toBe(SHA);
  });

  test('an https server still has its certificate verified: without the CA it is a TLS error naming kubeconfig', async () => {
    const s = await start([kustomization()]);
    const kubeconfig = s.kubeconfig().replace(/^ *certificate-authority-data: .*\n/m, '');
    expect(kubeconfig).not.toContain('certificate-authority');
    const run = await waitFor(s, ['web-dev'], { kubeconfig }, false);
    expect(run.exitCode).toBe(1);
    expect(errorAnnotations(run)).toEqual([
      expect.stringMatching(
        /^Input 'kubeconfig': TLS error talking to https:\/\/127\.0\.0\.1:\d+: fetch failed: self-signed certificate in certificate chain$/,
      ),
    ]);
  });

  test('several objects at once', async () => {
    const s = await start([kustomization(), kustomization({ name: 'api-dev', wait: false })]);
    const run = await waitFor(s, ['web-dev', 'api-dev']);
    expect(run.exitCode).toBe(0);
    expect(appsOutput(run).map((o) => [o.name, o.state, o.health])).toEqual([
      ['Kustomization/flux-system/web-dev', 'done', 'Healthy'],
      ['Kustomization/flux-system/api-dev', 'done', 'Applied'],
    ]);
    expect(run.outputs.health).toBe('Applied');
  });

  test.each<[string, Partial<FluxObjectScenario>, RegExp]>([
    [
      'build-failed',
      { outcome: 'build-failed', message: 'kustomize build failed: accumulating resources' },
      /^Kustomization\/flux-system\/web-dev failed: BuildFailed: kustomize build failed: accumulating resources$/,
    ],
    ['health-check-failed', { outcome: 'health-check-failed' }, /failed: HealthCheckFailed: health check failed after/],
    ['reconciliation-failed', { outcome: 'reconciliation-failed' }, /failed: ReconciliationFailed: /],
    ['stalled', { outcome: 'stalled' }, /failed: Stalled/],
  ])("%s fails fast with Flux's message", async (_title, extra, expected) => {
    const s = await start([kustomization(extra)]);
    const run = await waitFor(s, ['web-dev'], { timeout: '60s' });
    expect(run.exitCode).toBe(1);
    expect(errorAnnotations(run)).toEqual([expect.stringMatching(expected)]);
    expect(appsOutput(run)[0]).toMatchObject({ state: 'failed', revision: START });
  });

  test('dependency-not-ready keeps waiting and times out with the last state', async () => {
    const s = await start([
      kustomization({ name: 'infra', outcome: 'health-check-failed' }),
      kustomization({ outcome: 'dependency-not-ready', dependsOn: [{ name: 'infra' }] }),
    ]);
    const run = await waitFor(s, ['web-dev'], { timeout: '3s' });
    expect(run.exitCode).toBe(1);
    expect(errorAnnotations(run)[0]).toMatch(
      new RegExp(
        String.raw`^Timed out after 3 s with 1 of 1 not done\. Last seen: Kustomization\/flux-system\/web-dev: waiting, sync Ready=False ` +
          String.raw`\(DependencyNotReady\).*dependency 'flux-system\/infra' is not ready`,
      ),
    );
  });

  test('a watch that breaks is resumed; a 410 Gone starts again from a GET', async () => {
    const s = await start([kustomization()], {}, 300);
    s.injectFault({ kind: 'stream-break', afterEvents: 1 });
    s.injectFault({ kind: 'gone' });
    const run = await waitFor(s, ['web-dev']);
    expect(run.exitCode).toBe(0);
    // A watch is logged when its connection closes: the one the step left open may be logged only after the process is gone.
    const loggedWatches = () => s.requests.filter((r) => r.path.endsWith('/kustomizations') && r.query.includes('watch=true'));
    for (const deadline = Date.now() + 5000; loggedWatches().length < 2 && Date.now() < deadline;) await new Promise((r) => setTimeout(r, 20));
    const watches = loggedWatches();
    expect(watches.length).toBeGreaterThanOrEqual(2);
    expect(watches[0].query).toContain('resourceVersion=');
  });

  test.each<[string, (s: KubernetesSimulator) => Record<string, string>, RegExp]>([
    [
      'an unknown object',
      () => ({ 'flux-name': 'nope' }),
      /^Input 'flux-name': Kustomization flux-system\/nope does not exist \(404 kustomizations\.kustomize\.toolkit\.fluxcd\.io "nope" not found\)\.$/,
    ],
    [
      'a wrong token',
      (s) => ({ kubeconfig: s.kubeconfig().replace(/token: .*/, 'token: wrong') }),
      /^Input 'kubeconfig': https:\/\/127\.0\.0\.1:\d+ refused the credentials \(401 Unauthorized\)\.$/,
    ],
    [
      'a user who may not patch, with flux-reconcile',
      (s) => ({ kubeconfig: s.kubeconfig({ user: 'viewer' }), 'flux-reconcile': 'true' }),
      /^Input 'flux-reconcile': forbidden: .*cannot patch resource "gitrepositories"/,
    ],
    ['a kubeconfig that is not one', () => ({ kubeconfig: 'not: [a kubeconfig' }), /^Input 'kubeconfig': /],
  ])('%s: one clear line naming the input', async (_title, inputs, expected) => {
    const s = await start([kustomization()], {
      users: [
        { name: 'admin', token: 'admin-token' },
        { name: 'viewer', token: 'viewer-token', verbs: ['get', 'list', 'watch'] },
      ],
    });
    const run = await waitFor(s, ['web-dev'], inputs(s), false);
    expect(run.exitCode).toBe(1);
    expect(errorAnnotations(run)).toEqual([expect.stringMatching(expected)]);
    // Secrets appear only in the masking command itself, which the runner consumes.
    const printed = run.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::'));
    expect(printed.join('\n')).not.toMatch(/admin-token|viewer-token/);
  });
});
