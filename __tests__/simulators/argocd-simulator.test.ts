import { afterEach, describe, expect, test } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { join } from 'node:path';
import { parse } from 'yaml';
import { type ArgoCdSimulator, type ArgoScenario, parseArgoScenario, startArgoCdSimulator } from '../../test-infra/simulators/argocd/index.js';
import { defaultArgoContractsDir, definitionRef } from '../../test-infra/simulators/argocd/argocd-contract.js';
import type { Application } from '../../test-infra/simulators/argocd/application-types.js';

const contractsDir = defaultArgoContractsDir();
const haveContracts = existsSync(join(contractsDir, 'swagger.json'));
if (!haveContracts) {
  if (process.env.CI === 'true') throw new Error(`Argo CD contract missing at ${contractsDir}; CI needs ../shared`);
  console.log(`argocd-simulator tests skipped: no ${contractsDir} (a clone outside the workplace has no ../shared)`);
}
const suite = haveContracts ? describe : describe.skip;

const SHA_A = 'a'.repeat(40);
const SHA_B = '1234567890abcdef1234567890abcdef12345678';

let sims: ArgoCdSimulator[] = [];
afterEach(async () => {
  const started = sims;
  sims = [];
  await Promise.all(started.map((s) => s.close()));
  // Every simulator a test started must have kept to the contract.
  for (const sim of started) expect(sim.contractViolations).toEqual([]);
});

/** Argo CD's grpc-gateway error body (runtimeError). */
interface RuntimeError {
  error: string;
  code: number;
  message: string;
  details: unknown[];
}

/** One message of the Watch stream (the full object unless a `fields` filter cut it down). */
interface StreamMessage {
  result: { type: 'ADDED' | 'MODIFIED' | 'DELETED'; application: Application };
}

/** A JSON answer, read as the type the caller expects of that endpoint. */
const json = async <T = unknown>(res: Response): Promise<T> => (await res.json()) as T;

async function start(scenario: ArgoScenario, extra: Partial<Parameters<typeof startArgoCdSimulator>[0]> = {}): Promise<ArgoCdSimulator> {
  const sim = await startArgoCdSimulator({ scenario, stepMs: 15, ...extra });
  sims.push(sim);
  return sim;
}

function api(sim: ArgoCdSimulator, path: string, init: RequestInit & { token?: string | null } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const token = init.token === undefined ? sim.token : init.token;
  if (token) headers.set('Authorization', `Bearer ${token}`);
  return fetch(`${sim.url}${path}`, { ...init, headers });
}

async function getApp(sim: ArgoCdSimulator, name: string, query = ''): Promise<Application> {
  const res = await api(sim, `/api/v1/applications/${name}${query}`);
  expect(res.status).toBe(200);
  return json<Application>(res);
}

/** Poll the API (as the action would) until `done` holds, returning every distinct state seen. */
async function pollUntil(sim: ArgoCdSimulator, name: string, done: (app: Application) => boolean, timeoutMs = 5000): Promise<Application[]> {
  const seen: Application[] = [];
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const app = await getApp(sim, name);
    if (seen.at(-1)?.metadata.resourceVersion !== app.metadata.resourceVersion) seen.push(app);
    if (done(app)) return seen;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`timed out; last state ${JSON.stringify(seen.at(-1)?.status)}`);
}

/** Read a Watch stream until `stop` says so (or the server closes it); returns the parsed messages. */
async function readStream(sim: ArgoCdSimulator, query: string, stop: (msgs: StreamMessage[]) => boolean, sse = false, timeoutMs = 5000) {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  const res = await api(sim, `/api/v1/stream/applications${query}`, { signal: abort.signal, headers: sse ? { Accept: 'text/event-stream' } : {} });
  const messages: StreamMessage[] = [];
  const raw: string[] = [];
  let buffer = '';
  let endedByServer: boolean;
  const decoder = new TextDecoder();
  // `stop` is asked after every frame: one chunk may carry several, and the frames after the stop are not read.
  let stopped = false;
  try {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      const sep = sse ? '\n\n' : '\n';
      let idx: number;
      while (!stopped && (idx = buffer.indexOf(sep)) >= 0) {
        const frame = buffer.slice(0, idx);
        buffer = buffer.slice(idx + sep.length);
        raw.push(frame + sep);
        const data = sse
          ? frame
              .split('\n')
              .filter((l) => l.startsWith('data: '))
              .map((l) => l.slice(6))
              .join('')
          : frame;
        if (data.trim()) messages.push(JSON.parse(data) as StreamMessage);
        stopped = stop(messages);
      }
      if (stopped) break;
    }
    endedByServer = !stopped;
  } catch (err) {
    if (abort.signal.aborted) throw new Error(`stream timed out after ${messages.length} messages`, { cause: err });
    endedByServer = true; // the connection broke
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
  return { res, messages, raw: raw.join(''), endedByServer };
}

const isAt = (sha: string) => (a: Application) => a.status.sync?.revision === sha;
const healthyAt = (sha: string) => (a: Application) => isAt(sha)(a) && a.status.sync?.status === 'Synced' && a.status.health?.status === 'Healthy';
const lastApp = (msgs: StreamMessage[]): Application | undefined => msgs.at(-1)?.result.application;

suite('Argo CD simulator: contract checker', () => {
  test('the real sample Applications pass the tightened swagger; CRD-required gaps and a deliberate bad object are caught', async () => {
    const sim = await start({ applications: [{ name: 'guestbook' }] });
    const dir = join(contractsDir, 'applications');
    for (const file of readdirSync(dir)) {
      const app = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
      delete app.apiVersion;
      delete app.kind;
      expect(sim.contract.checker.errorsFor(definitionRef('v1alpha1Application'), app)).toEqual([]);
    }
    // Sample 02 is an Argo CD test fixture that omits operationState.operation, which the CRD requires.
    const sample02: unknown = JSON.parse(readFileSync(join(dir, '02-synced-healthy-operation-succeeded.json'), 'utf8'));
    expect(sim.contract.checker.errorsFor('argocd-application-crd.json', sample02)).toEqual(["/status/operationState must have required property 'operation'"]);
    // Swagger has no apiVersion/kind on v1alpha1Application: the API never sends them.
    expect(sim.contract.checker.errorsFor(definitionRef('v1alpha1Application'), sample02).join()).toContain('apiVersion');

    const bad = structuredClone(sim.getApplication('guestbook')!);
    // Deliberately outside the Application type: what the contract must catch.
    Object.assign(bad.status.sync!, { status: 42 });
    Object.assign(bad.status.health!, { colour: 'green' });
    expect(sim.contract.checkApplication(bad, 'deliberately bad')).toBe(false);
    expect(sim.contractViolations).toHaveLength(1);
    expect(sim.contractViolations[0].errors).toEqual(
      expect.arrayContaining(['/status/sync/status must be string', '/status/health must NOT have additional properties (colour)']),
    );
    sim.contractViolations.length = 0;
  });

  test('a sync request body of the wrong type is refused with 400 and recorded; unknown fields are recorded only', async () => {
    const sim = await start({ applications: [{ name: 'guestbook', autoSync: false }] });
    const bad = await api(sim, '/api/v1/applications/guestbook/sync', { method: 'POST', body: JSON.stringify({ revision: 7 }) });
    expect(bad.status).toBe(400);
    expect(await json(bad)).toMatchObject({ code: 3 });
    const extra = await api(sim, '/api/v1/applications/guestbook/sync', { method: 'POST', body: JSON.stringify({ revisionn: SHA_A }) });
    expect(extra.status).toBe(200);
    expect(sim.contractViolations.map((v) => v.where)).toEqual([
      'POST /api/v1/applications/{name}/sync request body',
      'POST /api/v1/applications/{name}/sync request body',
    ]);
    expect(sim.contractViolations[1].errors.join()).toContain('revisionn');
    sim.contractViolations.length = 0;
  });
});

suite('Argo CD simulator: authentication and RBAC', () => {
  test('missing, non-JWT and forged tokens answer 401 in runtimeError shape', async () => {
    const sim = await start({ applications: [{ name: 'guestbook' }] });
    const none = await api(sim, '/api/v1/applications/guestbook', { token: null });
    expect(none.status).toBe(401);
    expect(await json(none)).toEqual({ error: 'no session information', code: 16, message: 'no session information', details: [] });
    const notJwt = await api(sim, '/api/v1/applications/guestbook', { token: 'password' });
    expect((await json<RuntimeError>(notJwt)).message).toBe('no session information');
    const [h, p] = sim.token.split('.');
    const forged = await api(sim, '/api/v1/applications/guestbook', { token: `${h}.${p}.${Buffer.from('nope').toString('base64url')}` });
    expect(forged.status).toBe(401);
    expect((await json<RuntimeError>(forged)).message).toMatch(/^invalid session: token signature is invalid/);
  });

  test('login returns a JWT and the argocd.token cookie; the cookie authenticates; logout revokes it', async () => {
    const sim = await start({ applications: [{ name: 'guestbook' }], accounts: [{ username: 'ci', password: 's3cret' }] });
    const wrong = await api(sim, '/api/v1/session', { method: 'POST', token: null, body: JSON.stringify({ username: 'ci', password: 'x' }) });
    expect(wrong.status).toBe(401);
    expect((await json<RuntimeError>(wrong)).message).toBe('Invalid username or password');
    const login = await api(sim, '/api/v1/session', { method: 'POST', token: null, body: JSON.stringify({ username: 'ci', password: 's3cret' }) });
    expect(login.status).toBe(200);
    const { token } = (await login.json()) as { token: string };
    expect(token.split('.')).toHaveLength(3);
    expect(JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString())).toMatchObject({ iss: 'argocd', sub: 'ci' });
    expect(login.headers.get('set-cookie')).toMatch(new RegExp(`^argocd\\.token=${token.replace(/\./g, '\\.')}; path=/`));
    const viaCookie = await api(sim, '/api/v1/applications/guestbook', { token: null, headers: { Cookie: `argocd.token=${token}` } });
    expect(viaCookie.status).toBe(200);
    const logout = await api(sim, '/api/v1/session', { method: 'DELETE', token });
    expect(logout.status).toBe(200);
    expect(await json(logout)).toEqual({});
    expect((await api(sim, '/api/v1/applications/guestbook', { token })).status).toBe(401);
  });

  test('expired tokens answer 401 "token is expired" until the client logs in again', async () => {
    const sim = await start({ applications: [{ name: 'guestbook' }] });
    expect((await api(sim, '/api/v1/applications/guestbook')).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1100)); // iat has second precision
    sim.injectFault({ kind: 'expire-tokens' });
    const expired = await api(sim, '/api/v1/applications/guestbook');
    expect(expired.status).toBe(401);
    expect((await json<RuntimeError>(expired)).message).toBe('invalid session: token has invalid claims: token is expired');
    await new Promise((r) => setTimeout(r, 1000));
    const login = await api(sim, '/api/v1/session', { method: 'POST', token: null, body: JSON.stringify({ username: 'admin', password: 'password' }) });
    const { token } = (await login.json()) as { token: string };
    expect((await api(sim, '/api/v1/applications/guestbook', { token })).status).toBe(200);
  });

  test('unknown apps: 404 for admin, 403 "permission denied" for a restricted account; hidden apps are 403 and absent from lists', async () => {
    const sim = await start({
      applications: [{ name: 'guestbook' }, { name: 'billing', project: 'payments' }],
      accounts: [
        { username: 'admin', password: 'a' },
        { username: 'viewer', password: 'v', apps: ['default/*'] },
      ],
    });
    const missing = await api(sim, '/api/v1/applications/nope');
    expect(missing.status).toBe(404);
    expect(await json(missing)).toEqual({
      error: 'applications.argoproj.io "nope" not found',
      code: 5,
      message: 'applications.argoproj.io "nope" not found',
      details: [],
    });
    const viewer = sim.issueToken('viewer');
    for (const name of ['nope', 'billing']) {
      const res = await api(sim, `/api/v1/applications/${name}`, { token: viewer });
      expect(res.status).toBe(403);
      expect(await json(res)).toMatchObject({ code: 7, message: 'permission denied' });
    }
    const list = await json<{ items: Application[] }>(await api(sim, '/api/v1/applications', { token: viewer }));
    expect(list.items.map((a: Application) => a.metadata.name)).toEqual(['guestbook']);
    const two = await api(sim, '/api/v1/applications/guestbook?projects=a&projects=b');
    expect(two.status).toBe(400);
    expect((await json<RuntimeError>(two)).message).toBe('multiple projects specified - the get endpoint accepts either zero or one project');
  });

  test('apps in another namespace need appNamespace', async () => {
    const sim = await start({ applications: [{ name: 'team-app', namespace: 'team-a' }] });
    expect((await api(sim, '/api/v1/applications/team-app')).status).toBe(404);
    const app = await getApp(sim, 'team-app', '?appNamespace=team-a');
    expect(app.metadata.namespace).toBe('team-a');
  });
});

suite('Argo CD simulator: controller timelines', () => {
  test('happy path: OutOfSync → operation Running → Synced/Progressing → Healthy, resourceVersion always rising', async () => {
    const sim = await start({ applications: [{ name: 'guestbook' }] });
    const before = await getApp(sim, 'guestbook');
    // Move the revision only once the stream is open: set earlier, a slow machine can miss the OutOfSync step.
    const { messages } = await readStream(sim, '?name=guestbook', (m) => {
      if (m.length === 1) sim.setRevision('guestbook', SHA_B, { images: ['ghcr.io/acme/guestbook:1.1.0'] });
      return Boolean(lastApp(m) && healthyAt(SHA_B)(lastApp(m)!));
    });
    const apps = messages.map((m) => m.result.application);
    expect(messages[0].result.type).toBe('ADDED');
    expect(messages.slice(1).every((m) => m.result.type === 'MODIFIED')).toBe(true);
    const versions = apps.map((a) => Number(a.metadata.resourceVersion));
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    expect(new Set(versions).size).toBe(versions.length);
    const outOfSync = apps.findIndex((a) => a.status.sync?.status === 'OutOfSync' && a.status.sync.revision === SHA_B);
    const running = apps.findIndex((a) => a.status.operationState?.phase === 'Running' && a.status.operationState.operation.sync.revision === SHA_B);
    const progressing = apps.findIndex((a) => a.status.sync?.status === 'Synced' && isAt(SHA_B)(a) && a.status.health?.status === 'Progressing');
    expect(outOfSync).toBeGreaterThan(0);
    expect(running).toBeGreaterThan(outOfSync);
    expect(progressing).toBeGreaterThan(running);
    const final = apps.at(-1)!;
    expect(final.status.operationState).toMatchObject({ phase: 'Succeeded', message: 'successfully synced (all tasks run)', syncResult: { revision: SHA_B } });
    expect(final.status.operationState!.operation.initiatedBy).toEqual({ automated: true });
    expect(final.status.summary?.images).toEqual(['ghcr.io/acme/guestbook:1.1.0']);
    expect(final.status.history?.at(-1)?.revision).toBe(SHA_B);
    expect(Date.parse(final.status.reconciledAt!)).toBeGreaterThanOrEqual(Date.parse(final.status.operationState!.finishedAt!));
    expect(Date.parse(final.status.operationState!.finishedAt!)).toBeGreaterThan(Date.parse(before.status.operationState!.finishedAt!));
  });

  test('degraded: the app reaches Synced at the new revision and stays Degraded', async () => {
    const sim = await start({ applications: [{ name: 'api', outcome: 'degraded' }] });
    sim.setRevision('api', SHA_B);
    await pollUntil(sim, 'api', (a) => isAt(SHA_B)(a) && a.status.health?.status === 'Degraded');
    // Let the controller run several more steps (counted, not timed: a loaded machine fires fewer timers).
    await sim.afterSteps(6);
    const later = await getApp(sim, 'api');
    expect(later.status.health).toMatchObject({ status: 'Degraded', message: 'Deployment "api" exceeded its progress deadline' });
    expect(later.status.sync?.status).toBe('Synced');
  });

  test('degraded-then-healthy: a rollout passes through Degraded and ends Healthy', async () => {
    const sim = await start({ applications: [{ name: 'api', outcome: 'degraded-then-healthy', degradedSteps: 2 }] });
    // Degraded lasts two steps: a poll on a loaded machine can miss it, the watch stream sees every state.
    const { messages } = await readStream(sim, '?name=api', (m) => {
      if (m.length === 1) sim.setRevision('api', SHA_B);
      return healthyAt(SHA_B)(lastApp(m)!);
    });
    const seen = messages.map((m) => m.result.application);
    const healths = seen.filter(isAt(SHA_B)).map((a) => a.status.health?.status);
    expect(healths).toContain('Degraded');
    expect(healths.lastIndexOf('Degraded')).toBeLessThan(healths.lastIndexOf('Healthy'));
  });

  const failures: Array<['sync-failed' | 'sync-error', string, string | undefined]> = [
    ['sync-failed', 'Failed', 'one or more objects failed to apply, reason: quota exceeded'],
    ['sync-error', 'Error', undefined],
  ];
  test.each(failures)('%s: the operation ends %s with a message and the app stays OutOfSync', async (outcome, phase, message) => {
    const sim = await start({ applications: [{ name: 'api', outcome, ...(message ? { message } : {}) }] });
    sim.setRevision('api', SHA_B);
    const [final] = (await pollUntil(sim, 'api', (a) => a.status.operationState?.phase === phase)).slice(-1);
    expect(final.status.operationState).toMatchObject({ phase, message: message ?? 'Operation termination had errors', syncResult: { revision: SHA_B } });
    expect(final.status.operationState!.finishedAt).toBeDefined();
    expect(final.status.sync).toMatchObject({ status: 'OutOfSync', revision: SHA_B });
    expect(final.status.conditions?.find((c) => c.type === 'SyncError')?.message).toContain(SHA_B);
    await sim.afterSteps(6);
    // Auto-sync does not retry a revision whose automated sync failed.
    expect((await getApp(sim, 'api')).status.operationState?.phase).toBe(phase);
  });

  const conditionCases: Array<['comparison-error' | 'invalid-spec', string]> = [
    ['comparison-error', 'ComparisonError'],
    ['invalid-spec', 'InvalidSpecError'],
  ];
  test.each(conditionCases)('%s: sync status Unknown with a %s condition, no operation', async (outcome, type) => {
    const sim = await start({ applications: [{ name: 'api', outcome }] });
    sim.setRevision('api', SHA_B);
    const [final] = (await pollUntil(sim, 'api', (a) => Boolean(a.status.conditions?.length))).slice(-1);
    expect(final.status.sync?.status).toBe('Unknown');
    expect(final.status.conditions).toEqual([expect.objectContaining({ type, message: expect.any(String), lastTransitionTime: expect.any(String) })]);
    expect(final.status.operationState?.syncResult?.revision).not.toBe(SHA_B);
  });

  test('manual sync: stays OutOfSync until POST sync; a second sync while running is refused with FailedPrecondition', async () => {
    // Steps by hand: with a timer, a loaded machine could finish the operation between the two POSTs.
    const sim = await start({ applications: [{ name: 'api', autoSync: false }] }, { manualSteps: true });
    sim.setRevision('api', SHA_B);
    sim.advance(1);
    expect((await getApp(sim, 'api')).status.sync).toMatchObject({ status: 'OutOfSync', revision: SHA_B });
    sim.advance(5);
    expect((await getApp(sim, 'api')).status.sync).toMatchObject({ status: 'OutOfSync', revision: SHA_B });
    const sync = await api(sim, '/api/v1/applications/api/sync', { method: 'POST', body: JSON.stringify({ name: 'api', prune: true }) });
    expect(sync.status).toBe(200);
    const pending = (await sync.json()) as Application;
    expect(pending.operation).toEqual({ sync: { revision: SHA_B, prune: true }, initiatedBy: { username: 'admin' } });
    const again = await api(sim, '/api/v1/applications/api/sync', { method: 'POST', body: '{}' });
    expect(again.status).toBe(400);
    expect(await json(again)).toMatchObject({ code: 9, message: 'another operation is already in progress' });
    sim.advance(1);
    expect((await getApp(sim, 'api')).status.operationState?.phase).toBe('Running');
    const whileRunning = await api(sim, '/api/v1/applications/api/sync', { method: 'POST', body: '{}' });
    expect(whileRunning.status).toBe(400);
    expect(await json(whileRunning)).toMatchObject({ code: 9, message: 'another operation is already in progress' });
    sim.advance(10);
    const final = await getApp(sim, 'api');
    expect(healthyAt(SHA_B)(final)).toBe(true);
    expect(final.status.operationState?.operation.initiatedBy).toEqual({ username: 'admin' });
    expect(final.operation).toBeUndefined();
  });

  test('multi-source: the second source is a Helm chart; revisions[] carry the commit and the chart version', async () => {
    const sim = await start({ applications: [{ name: 'web', helmChart: { repoURL: 'https://charts.acme.dev', chart: 'web', targetRevision: '1.4.0' } }] });
    const initial = await getApp(sim, 'web');
    expect(initial.spec.sources?.[1]).toEqual({ repoURL: 'https://charts.acme.dev', chart: 'web', targetRevision: '1.4.0' });
    expect(initial.status.sync?.revision).toBeUndefined();
    sim.setRevision('web', SHA_B, { chartVersion: '1.5.0' });
    const seen = await pollUntil(
      sim,
      'web',
      (a) => a.status.sync?.revisions?.[1] === '1.5.0' && a.status.health?.status === 'Healthy' && a.status.sync.status === 'Synced',
    );
    const final = seen.at(-1)!;
    expect(final.metadata.generation).toBe(initial.metadata.generation + 1);
    expect(final.status.sync?.revisions).toEqual([SHA_B, '1.5.0']);
    expect(final.status.operationState?.operation.sync.revisions).toEqual([SHA_B, '1.5.0']);
    expect(final.status.operationState?.syncResult).toMatchObject({ revision: '', revisions: [SHA_B, '1.5.0'] });
  });

  test('manifest-generate-paths: a commit outside the app paths leaves the app Synced at its older revision', async () => {
    const sim = await start({ applications: [{ name: 'api', manifestGeneratePaths: '.', commitsTouchPaths: false, initialRevision: SHA_A }] });
    const before = await getApp(sim, 'api');
    expect(before.metadata.annotations).toEqual({ 'argocd.argoproj.io/manifest-generate-paths': '.' });
    sim.setRevision('api', SHA_B);
    const after = (await pollUntil(sim, 'api', (a) => a.status.reconciledAt !== before.status.reconciledAt)).at(-1)!;
    await sim.afterSteps(6);
    const later = await getApp(sim, 'api');
    expect(later.status.sync).toMatchObject({ status: 'Synced', revision: SHA_A });
    expect(later.status.operationState?.syncResult?.revision).toBe(SHA_A);
    expect(after.status.reconciledAt).not.toBe(before.status.reconciledAt);
    // A commit that does touch the paths is picked up.
    sim.setRevision('api', SHA_B, { touchesPaths: true });
    await pollUntil(sim, 'api', healthyAt(SHA_B));
  });

  test('health reconciled after the operation: reconciledAt stays older than finishedAt while a stale Healthy is shown', async () => {
    const sim = await start({ applications: [{ name: 'api', healthLagSteps: 4 }] });
    // Progressing lasts one step: a poll on a loaded machine can miss it, the watch stream sees every state.
    const { messages } = await readStream(sim, '?name=api', (m) => {
      if (m.length === 1) sim.setRevision('api', SHA_B);
      const a = lastApp(m)!;
      return healthyAt(SHA_B)(a) && Date.parse(a.status.reconciledAt!) >= Date.parse(a.status.operationState!.finishedAt!);
    });
    const seen = messages.map((m) => m.result.application);
    const stale = seen.find(
      (a) =>
        a.status.operationState?.phase === 'Succeeded' &&
        isAt(SHA_B)(a) &&
        Date.parse(a.status.reconciledAt!) < Date.parse(a.status.operationState.finishedAt!),
    );
    expect(stale).toBeDefined();
    expect(stale!.status.health?.status).toBe('Healthy'); // the old revision's health, not yet re-assessed
    expect(seen.some((a) => isAt(SHA_B)(a) && a.status.health?.status === 'Progressing')).toBe(true);
  });

  test('an app that never refreshes by itself reacts only to ?refresh=, which answers once the controller reconciled', async () => {
    const sim = await start({ applications: [{ name: 'api', selfRefresh: false, initialRevision: SHA_A }] });
    sim.setRevision('api', SHA_B);
    await sim.afterSteps(8);
    expect((await getApp(sim, 'api')).status.sync).toMatchObject({ status: 'Synced', revision: SHA_A });
    const refreshed = await getApp(sim, 'api', '?refresh=normal');
    expect(refreshed.status.sync).toMatchObject({ status: 'OutOfSync', revision: SHA_B });
    expect(refreshed.metadata.annotations?.['argocd.argoproj.io/refresh']).toBeUndefined();
    await pollUntil(sim, 'api', healthyAt(SHA_B));
    const hard = await getApp(sim, 'api', '?refresh=hard');
    expect(Number(hard.metadata.resourceVersion)).toBeGreaterThan(Number(refreshed.metadata.resourceVersion));
  });

  test('autoSyncDelaySteps: OutOfSync at the new commit with no operation until auto-sync starts one', async () => {
    const sim = await start({ applications: [{ name: 'api', autoSyncDelaySteps: 2 }] }, { manualSteps: true });
    sim.setRevision('api', SHA_B);
    sim.advance(2);
    const waiting = sim.getApplication('api')!;
    expect(waiting.status.sync).toMatchObject({ status: 'OutOfSync', revision: SHA_B });
    expect(waiting.operation).toBeUndefined();
    expect(waiting.status.operationState?.phase).toBe('Succeeded');
    sim.advance(1);
    expect(sim.getApplication('api')!.operation).toMatchObject({ sync: { revision: SHA_B }, initiatedBy: { automated: true } });
    sim.advance(10);
    expect(healthyAt(SHA_B)(sim.getApplication('api')!)).toBe(true);
    expect(sim.contractViolations).toEqual([]);
  });

  test('manual steps: nothing moves until advance()', async () => {
    const sim = await start({ applications: [{ name: 'api' }] }, { manualSteps: true });
    sim.setRevision('api', SHA_B);
    // A request answered by the server, and no step taken: with manual steps no timer moves the controller.
    expect((await getApp(sim, 'api')).status.sync?.revision).not.toBe(SHA_B);
    expect(sim.step).toBe(0);
    sim.advance(1);
    expect(sim.getApplication('api')!.status.sync).toMatchObject({ status: 'OutOfSync', revision: SHA_B });
    sim.advance(10);
    expect(healthyAt(SHA_B)(sim.getApplication('api')!)).toBe(true);
  });

  test('the revision can be set over HTTP at /_simulator/revision', async () => {
    const sim = await start({ applications: [{ name: 'api' }] });
    const res = await fetch(`${sim.url}/_simulator/revision`, { method: 'POST', body: JSON.stringify({ application: 'api', revision: SHA_B }) });
    expect(res.status).toBe(200);
    await pollUntil(sim, 'api', healthyAt(SHA_B));
    const bad = await fetch(`${sim.url}/_simulator/revision`, { method: 'POST', body: JSON.stringify({ application: 'api', revision: 'main' }) });
    expect(bad.status).toBe(400);
  });
});

suite('Argo CD simulator: Watch stream', () => {
  test('initial ADDED events sorted by qualified name; name filter; SSE framing', async () => {
    const sim = await start({ applications: [{ name: 'zeta' }, { name: 'alpha' }, { name: 'mid', namespace: 'team' }] });
    const all = await readStream(sim, '', (m) => m.length >= 3);
    expect(all.res.headers.get('content-type')).toBe('application/json');
    expect(all.messages.map((m) => `${m.result.type} ${m.result.application.metadata.namespace}/${m.result.application.metadata.name}`)).toEqual([
      'ADDED argocd/alpha',
      'ADDED argocd/zeta',
      'ADDED team/mid',
    ]);
    const sse = await readStream(sim, '?name=zeta', (m) => m.length >= 1, true);
    expect(sse.res.headers.get('content-type')).toBe('text/event-stream');
    expect(sse.raw).toMatch(/^data: \{"result":\{"type":"ADDED","application":\{.*\}\}\} \n\n$/);
    expect(sse.messages[0].result.application.metadata.name).toBe('zeta');
  });

  test('SSE carries MODIFIED events through a whole rollout', async () => {
    const sim = await start({ applications: [{ name: 'api' }] });
    const { messages } = await readStream(
      sim,
      '?name=api',
      (m) => {
        if (m.length === 1) sim.setRevision('api', SHA_B);
        return healthyAt(SHA_B)(lastApp(m)!);
      },
      true,
    );
    expect(messages.length).toBeGreaterThan(4);
    expect(messages.slice(1).every((m) => m.result.type === 'MODIFIED')).toBe(true);
  });

  test('consecutive identical payloads are suppressed (visible with a fields filter)', async () => {
    const sim = await start({ applications: [{ name: 'api' }] });
    const fields = 'result.type,result.application.metadata.name,result.application.status.sync.status';
    const statuses = (m: StreamMessage[]) => m.map((x) => x.result.application.status.sync!.status);
    const { messages } = await readStream(sim, `?name=api&fields=${fields}`, (m) => {
      if (m.length === 1) sim.setRevision('api', SHA_B); // only once the stream is open
      return statuses(m).join() === 'Synced,OutOfSync,Synced';
    });
    // Every step of the rollout changes the full object, but the filtered payloads repeat: only changes get through.
    expect(messages.map((m) => m.result.type)).toEqual(['ADDED', 'MODIFIED', 'MODIFIED']);
    expect(Object.keys(messages[0].result.application)).toEqual(['metadata', 'status']);
    expect(Object.keys(messages[0].result.application.metadata)).toEqual(['name']);
  });

  test('a stream that breaks after K events: the client sees the connection end early', async () => {
    const sim = await start({ applications: [{ name: 'api' }] });
    sim.injectFault({ kind: 'stream-break', afterEvents: 2 });
    const broken = await readStream(sim, '?name=api', (m) => {
      if (m.length === 1) sim.setRevision('api', SHA_B);
      return false;
    });
    expect(broken.endedByServer).toBe(true);
    expect(broken.messages).toHaveLength(2);
    // The fault is consumed: the next stream works.
    const next = await readStream(sim, '?name=api', (m) => m.length >= 1);
    expect(next.messages).toHaveLength(1);
  });

  test('an unauthenticated Watch answers 401 before streaming', async () => {
    const sim = await start({ applications: [{ name: 'api' }] });
    const res = await api(sim, '/api/v1/stream/applications', { token: null });
    expect(res.status).toBe(401);
    expect((await json<RuntimeError>(res)).code).toBe(16);
  });
});

suite('Argo CD simulator: faults, TLS and the request log', () => {
  test('5xx N times, then normal answers; 502 comes from the proxy as HTML', async () => {
    const sim = await start({ applications: [{ name: 'api' }] });
    sim.injectFault({ kind: 'status', status: 503, times: 2, match: { path: '/api/v1/applications/api' } });
    expect((await api(sim, '/api/v1/applications/api')).status).toBe(503);
    const second = await api(sim, '/api/v1/applications/api');
    expect(await json(second)).toMatchObject({ code: 14 });
    expect((await api(sim, '/api/v1/applications/api')).status).toBe(200);
    sim.injectFault({ kind: 'status', status: 502 });
    const proxy = await api(sim, '/api/v1/applications/api');
    expect(proxy.status).toBe(502);
    expect(proxy.headers.get('content-type')).toBe('text/html');
    expect(await proxy.text()).toContain('502 Bad Gateway');
  });

  test('a slow answer is delayed by the injected time', async () => {
    const sim = await start({ applications: [{ name: 'api' }] });
    sim.injectFault({ kind: 'delay', ms: 250, match: { method: 'GET' } });
    const t0 = Date.now();
    expect((await api(sim, '/api/v1/applications/api')).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(240);
    // The fault was used up by the first answer: the second is not delayed (no timing asserted, only the fault's count).
    expect(sim.firedFaults.filter((fault) => fault.kind === 'delay')).toHaveLength(1);
  });

  test('HTTPS with a generated CA: trusted with the CA, refused without it, accepted insecurely', async () => {
    const sim = await start({ applications: [{ name: 'api' }] }, { tls: true });
    expect(sim.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(sim.caPem).toContain('BEGIN CERTIFICATE');
    const get = (opts: { ca?: string; rejectUnauthorized?: boolean }) =>
      new Promise<number>((resolve, reject) => {
        const req = httpsRequest(`${sim.url}/api/v1/applications/api`, { headers: { Authorization: `Bearer ${sim.token}` }, ...opts }, (res) => {
          res.resume();
          resolve(res.statusCode!);
        });
        req.on('error', reject);
        req.end();
      });
    expect(await get({ ca: sim.caPem })).toBe(200);
    await expect(get({})).rejects.toThrow(/self-signed|unable to verify|certificate/i);
    expect(await get({ rejectUnauthorized: false })).toBe(200);
  });

  test('the example scenario file parses and starts; a bad scenario names the field', async () => {
    const file: unknown = parse(readFileSync(new URL('../../test-infra/simulators/argocd/example-scenario.yaml', import.meta.url), 'utf8'));
    const sim = await start(parseArgoScenario(file));
    const list = await json<{ items: Application[] }>(await api(sim, '/api/v1/applications'));
    expect(list.items).toHaveLength(7);
    expect(() => parseArgoScenario({ applications: [{ name: 'x', outcome: 'sideways' }] })).toThrow(/applications\[0\]\.outcome "sideways"/);
  });

  test('the request log records method, path, status and gives a per-minute rate', async () => {
    const sim = await start({ applications: [{ name: 'api' }] });
    for (let i = 0; i < 5; i++) await api(sim, '/api/v1/applications/api');
    await api(sim, '/api/v1/applications/missing');
    const gets = sim.requests.filter((r) => r.path === '/api/v1/applications/api');
    expect(gets).toHaveLength(5);
    expect(gets.every((r) => r.method === 'GET' && r.status === 200)).toBe(true);
    expect(sim.requests.at(-1)).toMatchObject({ path: '/api/v1/applications/missing', status: 404 });
    expect(sim.requestLog.perMinute((r) => r.path === '/api/v1/applications/api')).toBeGreaterThan(5);
  });
});
