import { afterEach, describe, expect, test } from '@jest/globals';
import {
  startArgoCdSimulator,
  type ArgoAppScenario,
  type ArgoCdSimulator,
  type ArgoOutcome,
  type ArgoScenario,
} from '../../test-infra/simulators/argocd/index.js';
import { errorAnnotations, runAction, type ActionRun } from '../helpers/action-runner.js';

const SHA = '1111111111111111111111111111111111111111';
let sim: ArgoCdSimulator | undefined;

afterEach(async () => {
  if (sim) expect(sim.contractViolations).toEqual([]);
  await sim?.close();
  sim = undefined;
});

async function start(scenario: ArgoScenario, options: { tls?: boolean } = {}): Promise<ArgoCdSimulator> {
  sim = await startArgoCdSimulator({ scenario, stepMs: 20, tls: options.tls });
  return sim;
}

/** Calls `push` once the step has read the apps (its first GET answered): the commit lands while it waits. */
function onceWatched(s: ArgoCdSimulator, push: () => void): () => void {
  const timer = setInterval(() => {
    if (s.requests.filter((r) => r.path.startsWith('/api/v1/applications/') && r.status === 200).length >= 1) {
      clearInterval(timer);
      setTimeout(push, 100);
    }
  }, 20);
  return () => clearInterval(timer);
}

/** Runs `wait` while the simulator plays `setRevision` for each app after the step has seen the old state. */
async function waitFor(s: ArgoCdSimulator, apps: string[], inputs: Record<string, string> = {}, revisionFor = apps): Promise<ActionRun> {
  const cancel = onceWatched(s, () => revisionFor.forEach((app) => s.setRevision(app, SHA)));
  try {
    return await runAction({
      inputs: { command: 'wait', 'argocd-server': s.url, 'argocd-token': s.token, 'argocd-app': apps.join('\n'), revision: SHA, timeout: '30s', ...inputs },
    });
  } finally {
    cancel();
  }
}

const appsOutput = (run: ActionRun): Array<Record<string, unknown>> => JSON.parse(run.outputs.apps ?? '[]') as Array<Record<string, unknown>>;

describe('wait (Argo CD): success paths', () => {
  test.each<[string, ArgoAppScenario]>([
    ['a healthy app', { name: 'web-dev' }],
    ['an app that is Degraded for a while during its rollout', { name: 'web-dev', outcome: 'degraded-then-healthy', degradedSteps: 2 }],
    ['an app whose controller only looks on refresh', { name: 'web-dev', selfRefresh: false }],
    ['an app whose health is re-assessed late (reconciledAt older than finishedAt)', { name: 'web-dev', healthLagSteps: 4 }],
    [
      'a multi-source app (the Helm chart version is left out of the revision check)',
      { name: 'web-dev', helmChart: { repoURL: 'https://charts.acme.dev', chart: 'web', targetRevision: '1.4.0' } },
    ],
    ['an app in another namespace', { name: 'web-dev', namespace: 'team-a' }],
  ])('%s: passes once Synced and Healthy at the commit', async (_title, app) => {
    const s = await start({ applications: [app] });
    const name = app.namespace ? `${app.namespace}/${app.name}` : app.name;
    // An app that never polls learns of a commit only from a refresh: push first, as set-image does before wait.
    const push = (): void => s.setRevision(app.name, SHA, app.namespace ? { appNamespace: app.namespace } : {});
    const before = app.selfRefresh === false;
    if (before) push();
    const cancel = before ? () => undefined : onceWatched(s, push);
    const run = await runAction({
      inputs: { command: 'wait', 'argocd-server': s.url, 'argocd-token': s.token, 'argocd-app': name, revision: SHA, timeout: '30s', 'degraded-grace': '20s' },
    });
    cancel();
    expect(errorAnnotations(run)).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.outputs['synced-revision']).toBe(SHA);
    expect(run.outputs.health).toBe('Healthy');
    expect(appsOutput(run)).toEqual([expect.objectContaining({ name, state: 'done', sync: 'Synced', health: 'Healthy', revision: SHA })]);
    expect(run.summary).toContain('<code>1111111</code>');
    // The app was Healthy before the commit too: the step must not pass on that old health.
    if (!before) expect(run.stdout).toMatch(/waiting .* revision 6f3b2b1/);
  });

  test('several apps at once, each with its own state; progress is logged on changes only, in a group', async () => {
    const s = await start({
      applications: [{ name: 'web-dev' }, { name: 'api-dev', outcome: 'degraded-then-healthy' }, { name: 'worker-dev', healthLagSteps: 2 }],
    });
    const run = await waitFor(s, ['web-dev', 'api-dev', 'worker-dev']);
    expect(run.exitCode).toBe(0);
    expect(appsOutput(run).map((app) => [app.name, app.state])).toEqual([
      ['web-dev', 'done'],
      ['api-dev', 'done'],
      ['worker-dev', 'done'],
    ]);
    const group = run.stdout.slice(run.stdout.indexOf('::group::'), run.stdout.indexOf('::endgroup::'));
    const lines = group.split('\n').filter((line) => line.startsWith('['));
    expect(lines.length).toBeGreaterThan(6);
    // A line per change: no two consecutive lines of one app say the same thing.
    for (const app of ['web-dev', 'api-dev', 'worker-dev']) {
      const own = lines.filter((line) => line.includes(` ${app}: `)).map((line) => line.replace(/^\[[\d.]+s\] /, ''));
      own.forEach((line, index) => expect(line).not.toBe(own[index - 1]));
    }
    // The summary's table: one row per app (it is Markdown, rendered by a pure function).
    expect(run.summary.split('\n').filter((line) => line.startsWith('| <code>'))).toHaveLength(3);
  });

  test('auto-sync off: argocd-sync: true requests the sync and the step passes', async () => {
    const s = await start({ applications: [{ name: 'web-dev', autoSync: false }] });
    const run = await waitFor(s, ['web-dev'], { 'argocd-sync': 'true' });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('sync requested');
    expect(s.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/sync'))).toHaveLength(1);
  });

  test('the stream breaks: the step polls, reconnects and still passes', async () => {
    const s = await start({ applications: [{ name: 'web-dev' }] });
    s.injectFault({ kind: 'stream-break', afterEvents: 2 });
    const run = await waitFor(s, ['web-dev']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/web-dev: the watch stream (broke|ended).*polling until the stream is back/);
    expect(s.requests.filter((r) => r.path === '/api/v1/stream/applications').length).toBeGreaterThanOrEqual(1);
  });

  test('argocd-watch: poll never opens the stream', async () => {
    const s = await start({ applications: [{ name: 'web-dev' }] });
    const run = await waitFor(s, ['web-dev'], { 'argocd-watch': 'poll' });
    expect(run.exitCode).toBe(0);
    expect(s.requests.filter((r) => r.path === '/api/v1/stream/applications')).toHaveLength(0);
  });

  test('transient 503 answers are retried within the timeout', async () => {
    const s = await start({ applications: [{ name: 'web-dev' }] });
    s.injectFault({ kind: 'status', status: 503, times: 2, match: { method: 'GET', path: '/api/v1/applications/web-dev' } });
    const run = await waitFor(s, ['web-dev']);
    expect(run.exitCode).toBe(0);
    expect(s.requests.filter((r) => r.status === 503)).toHaveLength(2);
  });

  test('a username and password open a session, which is closed at the end', async () => {
    const s = await start({ applications: [{ name: 'web-dev' }], accounts: [{ username: 'ci', password: 's3cret' }] });
    const run = await waitFor(s, ['web-dev'], { 'argocd-token': '', 'argocd-username': 'ci', 'argocd-password': 's3cret' });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('::add-mask::s3cret');
    expect(s.requests.map((r) => `${r.method} ${r.path}`)).toEqual(expect.arrayContaining(['POST /api/v1/session', 'DELETE /api/v1/session']));
  });

  test.each([
    ['argocd-ca', (s: ArgoCdSimulator) => ({ 'argocd-ca': s.caPem! })],
    ['argocd-insecure', () => ({ 'argocd-insecure': 'true' })],
  ])('TLS with %s', async (_title, tlsInputs) => {
    const s = await start({ applications: [{ name: 'web-dev' }] }, { tls: true });
    const run = await waitFor(s, ['web-dev'], tlsInputs(s));
    expect(errorAnnotations(run)).toEqual([]);
    expect(run.exitCode).toBe(0);
  });
});

describe("wait (Argo CD): failures, each with the controller's own message", () => {
  test.each<[ArgoOutcome, string, string | undefined]>([
    [
      'sync-failed',
      'sync failed: one or more objects failed to apply, reason: admission webhook denied the request',
      'one or more objects failed to apply, reason: admission webhook denied the request',
    ],
    ['sync-error', 'sync ended in error: Operation termination had errors', undefined],
    ['comparison-error', 'ComparisonError: Failed to load target state', undefined],
    ['invalid-spec', 'InvalidSpecError: Unable to generate manifests', undefined],
    ['degraded', 'health Degraded: Deployment "web-dev" exceeded its progress deadline', undefined],
  ])('%s fails the step', async (outcome, expected, message) => {
    const s = await start({ applications: [{ name: 'web-dev', outcome, ...(message ? { message } : {}) }] });
    const started = Date.now();
    const run = await waitFor(s, ['web-dev'], { 'degraded-grace': '1s', timeout: '60s' });
    expect(run.exitCode).toBe(1);
    const errors = errorAnnotations(run);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`web-dev failed: ${expected}`);
    expect(Date.now() - started).toBeLessThan(30_000); // fails fast, not at the timeout
    expect(appsOutput(run)).toEqual([expect.objectContaining({ state: 'failed' })]);
    expect(run.summary).toContain('❌ failed');
  });

  test('one degraded app fails the step even when the others are healthy', async () => {
    const s = await start({ applications: [{ name: 'web-dev' }, { name: 'api-dev', outcome: 'degraded' }] });
    const run = await waitFor(s, ['web-dev', 'api-dev'], { 'degraded-grace': '1s', 'fail-fast': 'false' });
    expect(run.exitCode).toBe(1);
    expect(errorAnnotations(run)).toEqual([expect.stringMatching(/^api-dev failed: health Degraded/)]);
    expect(appsOutput(run).map((app) => [app.name, app.state])).toEqual([
      ['web-dev', 'done'],
      ['api-dev', 'failed'],
    ]);
    expect(run.outputs.health).toBe('Degraded');
    expect(run.outputs['synced-revision']).toBe('');
  });

  test('the timeout fails the step and prints the last state of each object', async () => {
    const s = await start({ applications: [{ name: 'web-dev' }, { name: 'api-dev' }] });
    // 6 s leaves web-dev's rollout (about a quarter second) plenty of room on a loaded machine.
    const run = await waitFor(s, ['web-dev', 'api-dev'], { timeout: '6s' }, ['web-dev']);
    expect(run.exitCode).toBe(1);
    const [error] = errorAnnotations(run);
    expect(error).toMatch(
      /^Timed out after 6 s with 1 of 2 not done\. Last seen: web-dev: done, .*; api-dev: waiting, sync Synced, health Healthy, revision 6f3b2b1/,
    );
    expect(run.summary).toContain('⏳ waiting');
    expect(run.summary).toContain('Timed out');
  });

  test('auto-sync off without argocd-sync: says how to fix it, then times out', async () => {
    const s = await start({ applications: [{ name: 'web-dev', autoSync: false }] });
    const run = await waitFor(s, ['web-dev'], { timeout: '3s' });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('auto-sync is off and the app is OutOfSync; set argocd-sync: true');
    expect(errorAnnotations(run)[0]).toContain('sync OutOfSync');
  });

  test.each([
    [
      'a wrong token',
      (s: ArgoCdSimulator) => ({ 'argocd-token': s.token.slice(0, -4) + 'AAAA' }),
      /^Input 'argocd-token': Argo CD at http:\/\/127\.0\.0\.1:\d+ refused the credentials \(401 invalid session: token signature is invalid/,
    ],
    ['a token that is not a JWT', () => ({ 'argocd-token': 'not-a-jwt' }), /^Input 'argocd-token': .*refused the credentials \(401 no session information\)/],
    [
      'a wrong password',
      () => ({ 'argocd-token': '', 'argocd-username': 'admin', 'argocd-password': 'wrong' }),
      /^Input 'argocd-username': .*refused the credentials \(401 Invalid username or password\)/,
    ],
    ['no credentials', () => ({ 'argocd-token': '' }), /^Input 'argocd-token': is required/],
    ['an unknown app', () => ({ 'argocd-app': 'nope' }), /^Input 'argocd-app': Argo CD has no application 'nope' in its own namespace/],
    [
      'an app the account may not see',
      (s: ArgoCdSimulator) => ({ 'argocd-token': s.issueToken('viewer') }),
      /^Input 'argocd-app': Argo CD answered 403 \(permission denied\) for 'web-dev'/,
    ],
    [
      'a server that does not answer',
      () => ({ 'argocd-server': 'http://127.0.0.1:9', timeout: '3s' }),
      /^Input 'argocd-server': no answer from http:\/\/127\.0\.0\.1:9 \(ECONNREFUSED/,
    ],
    ['a server that is not a URL', () => ({ 'argocd-server': 'http://' }), /^Input 'argocd-server': 'http:\/\/' is not a URL/],
  ])('%s: one clear line naming the input', async (_title, inputs, expected) => {
    const s = await start({
      applications: [{ name: 'web-dev', project: 'default' }],
      accounts: [
        { username: 'admin', password: 'password' },
        { username: 'viewer', password: 'viewer', apps: ['other/*'] },
      ],
    });
    const run = await waitFor(s, ['web-dev'], inputs(s));
    expect(run.exitCode).toBe(1);
    const errors = errorAnnotations(run);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(expected);
    expect(run.stdout).not.toContain(s.token.split('.')[2].slice(0, 20) + '\n');
  });

  test('TLS without a CA: the error says to pass argocd-ca', async () => {
    const s = await start({ applications: [{ name: 'web-dev' }] }, { tls: true });
    const run = await waitFor(s, ['web-dev']);
    expect(run.exitCode).toBe(1);
    expect(errorAnnotations(run)).toEqual([
      expect.stringMatching(
        /^Input 'argocd-server': TLS error talking to https:\/\/127\.0\.0\.1:\d+ \(.*\); pass the CA in argocd-ca \(or set argocd-insecure: true\)\.$/,
      ),
    ]);
  });
});
