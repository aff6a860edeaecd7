import { describe, expect, test } from '@jest/globals';
import { parseGates } from '../../src/config/gate-config.js';
import { gateChecklist, statusDescription } from '../../src/gates/gate-report.js';
import type { SourceObservation } from '../../src/gates/gate-types.js';
import { judgeGates } from '../../src/gates/judge-gates.js';

const T = Date.parse('2026-12-03T10:00:00Z'); // a Thursday
const HOUR = 3_600_000;
const SHA = 'abcdef0123456789abcdef0123456789abcdef01';

const healthy = (app: string, runningSince: number, commitDate = runningSince - HOUR): SourceObservation => ({
  app,
  object: `${app}-staging`,
  state: 'healthy',
  message: 'Synced and Healthy',
  revision: SHA,
  sync: 'Synced',
  health: 'Healthy',
  runningSince,
  imagesCommit: { sha: SHA, date: commitDate },
});

describe('judgeGates', () => {
  test.each<[string, Parameters<typeof parseGates>[0], SourceObservation[], number, string, string]>([
    ['all met', { 'source-healthy': true, soak: '2h' }, [healthy('web', T - 3 * HOUR)], T, 'passed', '2 gates met: source-healthy, soak'],
    ['not yet soaked', { soak: '2h' }, [healthy('web', T - HOUR)], T, 'pending', 'soak: web: soaked at 2026-12-03 11:00 UTC (2h needed)'],
    [
      'a controller that deployed long ago, but the images came in an hour ago: counted from the commit',
      { soak: '2h' },
      [healthy('web', T - 48 * HOUR, T - HOUR)],
      T,
      'pending',
      'soak: web: soaked at 2026-12-03 11:00 UTC (2h needed)',
    ],
    [
      'Degraded in the source',
      { 'source-healthy': true },
      [{ app: 'web', object: 'web-staging', state: 'failed', message: 'health Degraded' }],
      T,
      'failed',
      'source-healthy: web: health Degraded',
    ],
    [
      'still syncing',
      { 'source-healthy': true },
      [{ app: 'web', object: 'web-staging', state: 'waiting', message: 'sync running' }],
      T,
      'pending',
      'source-healthy: web: sync running',
    ],
    [
      'a controller that cannot be reached is a failure, never a pass',
      { 'source-healthy': true, soak: '1h' },
      [healthy('api', T - 3 * HOUR), { app: 'web', object: 'web-staging', state: 'unjudgeable', message: 'Argo CD could not be reached' }],
      T,
      'failed',
      'source-healthy: web: cannot judge: Argo CD could not be reached',
    ],
    [
      'no time of the deployment: soak cannot be judged',
      { soak: '1h' },
      [{ ...healthy('web', 0), runningSince: undefined }],
      T,
      'failed',
      'soak: web: cannot judge: the controller does not say since when it runs this revision',
    ],
    ['inside the window', { windows: ['Mon-Thu 09:00-16:00 Europe/Berlin'] }, [], T, 'passed', '1 gate met: windows'],
    [
      'outside the window',
      { windows: ['Mon-Thu 09:00-16:00 Europe/Berlin'] },
      [],
      T + 6 * HOUR,
      'pending',
      'windows: outside the promotion windows; next opens 2026-12-07 08:00 UTC',
    ],
    ['in a freeze', { freeze: ['2026-12-01/2026-12-05'] }, [], T, 'pending', 'freeze: frozen until the end of 2026-12-05 (UTC)'],
    [
      'a failure wins over a pending gate',
      { freeze: ['2026-12-01/2026-12-05'], 'source-healthy': true },
      [{ app: 'web', state: 'failed', message: 'Stalled' }],
      T,
      'failed',
      'source-healthy: web: Stalled',
    ],
  ])('%s', (_name, raw, observations, now, state, description) => {
    const verdict = judgeGates({ gates: parseGates(raw), source: 'staging', observations, now });
    expect(verdict.state).toBe(state);
    expect(statusDescription(verdict)).toBe(description);
    expect(statusDescription(verdict).length).toBeLessThanOrEqual(140);
  });

  test('the checklist ticks a gate only when it passed, and says what it saw', () => {
    const verdict = judgeGates({
      gates: parseGates({ 'source-healthy': true, soak: '2h' }),
      source: 'staging',
      observations: [healthy('web', T - HOUR)],
      now: T,
    });
    expect(gateChecklist(verdict)).toEqual([
      {
        text:
          'Gate source-healthy: staging runs the promoted images, Synced and Healthy ' +
          '(web: web-staging at abcdef0, Synced/Healthy since 2026-12-03 09:00 UTC)',
        checked: true,
        note: undefined,
      },
      {
        text: 'Gate soak: staging has run the promoted images for 2h (web: since 2026-12-03 09:00 UTC; soaked at 2026-12-03 11:00 UTC)',
        checked: false,
        note: 'pending: web: soaked at 2026-12-03 11:00 UTC (2h needed)',
      },
    ]);
  });
});
