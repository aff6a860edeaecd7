import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { startArgoCdSimulator, type ArgoAppScenario, type ArgoCdSimulator } from '../../test-infra/simulators/argocd/index.js';
import { errorAnnotations } from '../helpers/action-runner.js';
import { writeText } from '../helpers/git-fixtures.js';
import { commitOnMain, gateStatuses, HOUR, nowAt, pullRequest, setGates } from './gates-fixture.js';
import { startPromoteWorld, type PromoteWorld } from './promote-fixture.js';

let world: PromoteWorld;
let argo: ArgoCdSimulator | undefined;
beforeEach(async () => {
  world = await startPromoteWorld();
});
afterEach(async () => {
  if (argo) expect(argo.contractViolations).toEqual([]);
  await argo?.close();
  argo = undefined;
  await world.close();
});

/** Argo CD runs dev's apps Synced and Healthy at `revision` since `startTime`; time moves only when a test steps it. */
async function startArgo(revision: string, startTime: number, extra: Partial<ArgoAppScenario> = {}): Promise<ArgoCdSimulator> {
  argo = await startArgoCdSimulator({
    scenario: { applications: ['web-dev', 'api-dev'].map((name) => ({ name, initialRevision: revision, ...extra })) },
    manualSteps: true,
    startTime: new Date(startTime),
  });
  return argo;
}

const second = (ms: number): number => Math.floor(ms / 1000) * 1000;
const promote = (inputs: Record<string, string>, env: NodeJS.ProcessEnv) =>
  world.promote({ to: 'staging', 'argocd-server': argo!.url, 'argocd-token': argo!.token, ...inputs }, env);
const argoWrites = (): string[] => argo!.requests.filter((r) => r.method !== 'GET' && r.path !== '/api/v1/session').map((r) => `${r.method} ${r.path}`);

describe('promote with gates on the target (Argo CD in the source), end to end through dist/index.js', () => {
  test('soak across a simulated clock: pending, then passed; the status and the checklist say so; an unchanged re-run writes nothing', async () => {
    const head = setGates(world.repo, ['source-healthy: true', 'soak: 2h']);
    const start = second(Date.now());
    await startArgo(head, start);

    const early = await promote({}, nowAt(start, HOUR));
    expect(errorAnnotations(early)).toEqual([]);
    expect(early.exitCode).toBe(0);
    expect(early.outputs.gated).toBe('pending');
    expect(early.outputs['pull-request-number']).toBe('1');
    const sha = early.outputs['commit-sha'];
    const soakedAt = new Date(start + 2 * HOUR).toISOString().slice(0, 16).replace('T', ' ');
    expect(await gateStatuses(world, sha)).toEqual([
      { state: 'pending', description: `soak: web: soaked at ${soakedAt} UTC (2h needed)`, target: expect.stringContaining('/actions/runs/42') },
    ]);
    const gates = JSON.parse(early.outputs.gates) as Array<{ gate: string; state: string; seen: string[] }>;
    expect(gates.map((gate) => `${gate.gate}:${gate.state}`)).toEqual(['source-healthy:passed', 'soak:pending']);
    expect(gates[0].seen).toEqual([
      `web: web-dev at ${head.slice(0, 7)}, Synced/Healthy since ${new Date(start).toISOString().slice(0, 16).replace('T', ' ')} UTC`,
      `api: api-dev at ${head.slice(0, 7)}, Synced/Healthy since ${new Date(start).toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    ]);
    let body = (await pullRequest(world, 1)).body ?? '';
    expect(body).toContain(`- [x] Gate source-healthy: dev runs the promoted images, Synced and Healthy (web: web-dev at ${head.slice(0, 7)}, Synced/Healthy`);
    expect(body).toContain(`- [ ] Gate soak: dev has run the promoted images for 2h (web: since`);
    expect(body).toContain(`_(pending: web: soaked at ${soakedAt} UTC (2h needed))_`);
    expect(early.summary).toContain('### Gates: pending');
    expect(early.stdout).toMatch(/::notice::The promotion gates of staging are pending on pull request #1/);
    // Read-only: no refresh, no sync sent to Argo CD.
    expect(argoWrites()).toEqual([]);
    expect(argo!.requests.filter((r) => r.query.includes('refresh'))).toEqual([]);

    world.sim.resetLog();
    const again = await promote({}, { ...nowAt(start, HOUR), GITHUB_RUN_ID: '43' });
    expect(again.exitCode).toBe(0);
    expect(again.outputs.gated).toBe('pending');
    expect(world.writes()).toEqual([]);

    world.sim.resetLog();
    const later = await promote({}, { ...nowAt(start, 3 * HOUR), GITHUB_RUN_ID: '44' });
    expect(later.exitCode).toBe(0);
    expect(later.outputs.gated).toBe('passed');
    expect(world.writes()).toEqual(['PATCH pulls/update', 'POST repos/create-commit-status']);
    expect((await gateStatuses(world, sha))[0]).toEqual({
      state: 'success',
      description: '2 gates met: source-healthy, soak',
      target: expect.stringContaining('/actions/runs/44'),
    });
    body = (await pullRequest(world, 1)).body ?? '';
    expect(body).toContain('- [x] Gate soak: dev has run the promoted images for 2h (web: since');
  });

  test('from a checkout (path): the history is read with git; a dry run judges the gates and writes nothing', async () => {
    const head = setGates(world.repo, ['source-healthy: true', 'soak: 2h']);
    const start = second(Date.now());
    await startArgo(head, start);
    world.sim.resetLog();
    const dry = await promote({ path: world.repo.work, 'dry-run': 'true' }, nowAt(start, 3 * HOUR));
    expect(errorAnnotations(dry)).toEqual([]);
    expect(dry.outputs.gated).toBe('passed');
    expect(world.writes()).toEqual([]);
    // No request for the history: git answered.
    expect(world.sim.requests.filter((entry) => entry.operationId === 'repos/list-commits')).toEqual([]);

    const run = await promote({ path: world.repo.work }, nowAt(start, HOUR));
    expect(run.exitCode).toBe(0);
    expect(run.outputs.gated).toBe('pending');
    expect((await gateStatuses(world, run.outputs['commit-sha']))[0].state).toBe('pending');
  });

  test('the soak is never counted from before the commit that brought the images in, however long Argo CD has run the app', async () => {
    const head = setGates(world.repo, ['soak: 2h']);
    const start = second(Date.now());
    await startArgo(head, start - 48 * HOUR);
    const run = await promote({}, nowAt(start, HOUR));
    expect(run.exitCode).toBe(0);
    expect(run.outputs.gated).toBe('pending');
    expect(run.outputs.gates).toMatch(/soaked at/);
  });

  test('a source Degraded at a later commit that left the overlays alone fails the gate; the status says why', async () => {
    const head = setGates(world.repo, ['source-healthy: true']);
    const later = commitOnMain(world.repo, 'Docs only', (work) => writeText(`${work}/NOTES.md`, 'not an overlay\n'));
    const start = second(Date.now());
    await startArgo(head, start, { outcome: 'degraded' });
    argo!.setRevision('web-dev', later);
    argo!.advance(30);
    const run = await promote({}, nowAt(start, HOUR));
    expect(run.exitCode).toBe(0);
    expect(run.outputs.gated).toBe('failed');
    expect(run.stdout).toMatch(/::warning::The promotion gates of staging are failed on pull request #1: source-healthy: web: health Degraded/);
    expect((await gateStatuses(world, run.outputs['commit-sha']))[0]).toMatchObject({
      state: 'failure',
      description: expect.stringMatching(/^source-healthy: web: health Degraded/),
    });
    expect((await pullRequest(world, 1)).body).toContain('- [ ] Gate source-healthy:');
  });

  test('an Argo CD that cannot be reached is a failure with the reason, never a pass', async () => {
    setGates(world.repo, ['source-healthy: true']);
    const run = await world.promote({ to: 'staging', 'argocd-server': 'http://127.0.0.1:9', 'argocd-token': 'x' }, nowAt(Date.now(), 0));
    expect(run.exitCode).toBe(0);
    expect(run.outputs.gated).toBe('failed');
    const status = (await gateStatuses(world, run.outputs['commit-sha']))[0];
    expect(status.state).toBe('failure');
    expect(status.description).toMatch(/^source-healthy: web: cannot judge: could not be read: no answer from http:\/\/127\.0\.0\.1:9/);
  });

  test('no controller configured for the apps in the source: a failure naming what to configure', async () => {
    setGates(world.repo, ['source-healthy: true'], 'none');
    const run = await world.promote({ to: 'staging' }, nowAt(Date.now(), 0));
    expect(run.exitCode).toBe(0);
    expect(run.outputs.gated).toBe('failed');
    expect(JSON.parse(run.outputs.gates)).toEqual([
      expect.objectContaining({
        gate: 'source-healthy',
        state: 'failed',
        reason: expect.stringContaining('web: cannot judge: no controller is configured for it in dev'),
      }),
    ]);
  });

  test('landing: commit: pending commits nothing and exits 0 with a notice (1 with fail-on-pending); failed fails the step', async () => {
    const head = setGates(world.repo, ['source-healthy: true', 'soak: 2h']);
    const start = second(Date.now());
    await startArgo(head, start);
    const pending = await promote({ landing: 'commit' }, nowAt(start, HOUR));
    expect(pending.exitCode).toBe(0);
    expect(pending.outputs.gated).toBe('pending');
    expect(pending.outputs.changed).toBe('false');
    expect(pending.stdout).toMatch(/::notice::The promotion gates of staging are pending \(soak: web: soaked at .*\); nothing was committed/);
    expect(world.repo.remoteHead()).toBe(head);
    expect(world.writes()).toEqual([]);

    const strict = await promote({ landing: 'commit', 'fail-on-pending': 'true' }, nowAt(start, HOUR));
    expect(strict.exitCode).toBe(1);
    expect(errorAnnotations(strict)).toEqual([expect.stringMatching(/^The promotion gates of staging are pending .*nothing was committed\.$/)]);
    expect(world.repo.remoteHead()).toBe(head);

    const passed = await promote({ landing: 'commit' }, nowAt(start, 3 * HOUR));
    expect(passed.exitCode).toBe(0);
    expect(passed.outputs.gated).toBe('passed');
    expect(world.repo.remoteHead()).toBe(passed.outputs['commit-sha']);
  });

  test('landing: commit with a failed gate fails the step and commits nothing', async () => {
    const head = setGates(world.repo, ['source-healthy: true']);
    const run = await world.promote({ to: 'staging', landing: 'commit', 'argocd-server': 'http://127.0.0.1:9', 'argocd-token': 'x' }, nowAt(Date.now(), 0));
    expect(run.exitCode).toBe(1);
    expect(errorAnnotations(run)).toEqual([
      expect.stringMatching(
        /^The promotion gates of staging are failed \(source-healthy: web: cannot judge: could not be read: no answer from http:\/\/127\.0\.0\.1:9/,
      ),
    ]);
    expect(world.repo.remoteHead()).toBe(head);
    expect(world.writes()).toEqual([]);
  });

  test.each([
    // 10:00 UTC on a Thursday is 19:00 in Tokyo: outside; 01:00 UTC is 10:00 there: inside.
    [
      'a window in Asia/Tokyo, evening there',
      'windows: ["Mon-Fri 09:00-17:00 Asia/Tokyo"]',
      '2026-12-03T10:00:00Z',
      'pending',
      /^windows: outside the promotion windows; next opens 2026-12-04 00:00 UTC$/,
    ],
    ['a window in Asia/Tokyo, morning there', 'windows: ["Mon-Fri 09:00-17:00 Asia/Tokyo"]', '2026-12-03T01:00:00Z', 'success', /^1 gate met: windows$/],
    // 12:00 UTC on 2026-12-19 is already 2026-12-20 in Auckland.
    [
      'a freeze in Pacific/Auckland',
      'freeze: ["2026-12-20/2027-01-04 Pacific/Auckland"]',
      '2026-12-19T12:00:00Z',
      'pending',
      /^freeze: frozen until the end of 2027-01-04 \(Pacific\/Auckland\)$/,
    ],
    ['the same freeze in UTC', 'freeze: ["2026-12-20/2027-01-04"]', '2026-12-19T12:00:00Z', 'success', /^1 gate met: freeze$/],
  ])('%s', async (_name, gate, now, state, description) => {
    setGates(world.repo, [gate]);
    const run = await world.promote({ to: 'staging' }, { GITOPS_PROMOTE_NOW: now });
    expect(errorAnnotations(run)).toEqual([]);
    expect(run.exitCode).toBe(0);
    const status = (await gateStatuses(world, run.outputs['commit-sha']))[0];
    expect(status.state).toBe(state);
    expect(status.description).toMatch(description);
  });

  test.each([
    ['an unknown gate key', 'sauk: 2h', "gitops-promote.yaml: unknown key 'sauk' in environment 'staging' > gates."],
    [
      'an invalid duration',
      'soak: two hours',
      "gitops-promote.yaml: environment 'staging' > gates > soak: 'two hours' is not a duration such as 30m, 2h, 1h30m or 1d.",
    ],
    [
      'an invalid time zone',
      'windows: ["Mon-Fri 09:00-17:00 Europe/Paris2"]',
      "environment 'staging' > gates > windows[0]: 'Europe/Paris2' in 'Mon-Fri 09:00-17:00 Europe/Paris2' is not an IANA time zone",
    ],
    [
      'a weekday range backwards',
      'windows: ["Fri-Mon 09:00-17:00 UTC"]',
      "environment 'staging' > gates > windows[0]: 'Fri-Mon' in 'Fri-Mon 09:00-17:00 UTC' runs backwards",
    ],
    ['an invalid window', 'windows: ["weekdays 9-5"]', "environment 'staging' > gates > windows[0]: 'weekdays 9-5' is not a window"],
  ])('bad input: %s is one line naming the key and environment, and nothing is written', async (_name, gate, message) => {
    setGates(world.repo, [gate]);
    world.sim.resetLog();
    const run = await world.promote({ to: 'staging' });
    expect(run.exitCode).toBe(1);
    const errors = errorAnnotations(run);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(message);
    expect(world.writes()).toEqual([]);
  });
});
