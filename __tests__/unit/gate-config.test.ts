import { describe, expect, test } from '@jest/globals';
import { parseFreeze, parseSoak, parseWindow } from '../../src/config/gate-config.js';
import { parsePromotionConfig } from '../../src/config/parse-promotion-config.js';

const config = (gates: string): string => `
environments:
  - name: staging
    overlays: apps/{app}/overlays/staging
  - name: production
    overlays: apps/{app}/overlays/production
    gates:
${gates
  .split('\n')
  .map((line) => `      ${line}`)
  .join('\n')}
`;

describe('gates in the promotion config', () => {
  test('reads every gate of a target environment', () => {
    const parsed = parsePromotionConfig(
      config(['source-healthy: true', 'soak: 2h', 'windows: ["Mon-Thu 09:00-16:00 Europe/Berlin"]', 'freeze: ["2026-12-20/2027-01-04"]'].join('\n')),
    );
    expect(parsed.environments[1].gates).toEqual({
      sourceHealthy: true,
      soak: { text: '2h', ms: 7_200_000 },
      windows: [{ text: 'Mon-Thu 09:00-16:00 Europe/Berlin', days: [1, 2, 3, 4], startMinute: 540, endMinute: 960, timeZone: 'Europe/Berlin' }],
      freeze: [{ text: '2026-12-20/2027-01-04', first: '2026-12-20', last: '2027-01-04', timeZone: 'UTC' }],
    });
    expect(parsed.environments[0].gates).toBeUndefined();
  });

  test.each([
    ['an unknown gate key', 'sauk: 2h', "unknown key 'sauk' in environment 'production' > gates."],
    ['a soak that is not a string', 'soak: 2', "environment 'production' > gates > soak must be string."],
    ['an invalid duration', 'soak: 2 hours', "environment 'production' > gates > soak: '2 hours' is not a duration such as 30m, 2h, 1h30m or 1d."],
    ['a zero soak', 'soak: 0h', "gates > soak: '0h' is not a duration"],
    ['a window without a zone', 'windows: ["Mon-Thu 09:00-16:00"]', "environment 'production' > gates > windows[0]: 'Mon-Thu 09:00-16:00' is not a window"],
    [
      'an unknown time zone',
      'windows: ["Mon-Thu 09:00-16:00 Europe/Berln"]',
      "gates > windows[0]: 'Europe/Berln' in 'Mon-Thu 09:00-16:00 Europe/Berln' is not an IANA time zone",
    ],
    ['an unknown weekday', 'windows: ["Mon-Thr 09:00-16:00 UTC"]', "gates > windows[0]: 'Thr' in 'Mon-Thr 09:00-16:00 UTC' is not a weekday"],
    [
      'a weekday range backwards',
      'windows: ["Fri-Mon 09:00-16:00 UTC"]',
      "gates > windows[0]: 'Fri-Mon' in 'Fri-Mon 09:00-16:00 UTC' runs backwards through the week",
    ],
    ['a time out of range', 'windows: ["Mon 09:00-25:00 UTC"]', "gates > windows[0]: '25:00' in 'Mon 09:00-25:00 UTC' is not a time of day"],
    ['an empty window', 'windows: ["Mon 09:00-09:00 UTC"]', 'starts and ends at the same time'],
    ['a freeze that is no date', 'freeze: ["2026-02-30"]', "gates > freeze[0]: '2026-02-30' in '2026-02-30' is not a date (YYYY-MM-DD)."],
    [
      'a freeze that ends before it begins',
      'freeze: ["2027-01-04/2026-12-20"]',
      "gates > freeze[0]: '2027-01-04/2026-12-20' ends (2026-12-20) before it begins",
    ],
    ['a freeze in an unknown zone', 'freeze: ["2026-12-20/2027-01-04 Mars/Olympus"]', "gates > freeze[0]: 'Mars/Olympus' in"],
  ])('refuses %s in one line naming the key and environment', (_name, gates, message) => {
    const run = () => parsePromotionConfig(config(gates));
    expect(run).toThrow(message);
    try {
      run();
    } catch (error) {
      expect((error as Error).message).not.toContain('\n');
    }
  });

  test.each([
    ['2h', 7_200_000],
    ['1h30m', 5_400_000],
    ['1d', 86_400_000],
    ['45s', 45_000],
    ['90m', 5_400_000],
    ['', undefined],
    ['2h1d', undefined],
    ['-1h', undefined],
  ])('soak %s is %s ms', (text, ms) => {
    expect(parseSoak(text)).toBe(ms);
  });

  test('a window of several day groups, and a single-day freeze in a zone', () => {
    expect(parseWindow('Mon,Wed-Thu,Sat 22:00-02:00 UTC').days).toEqual([1, 3, 4, 6]);
    expect(parseFreeze('2026-12-24 america/los_angeles')).toEqual({
      text: '2026-12-24 america/los_angeles',
      first: '2026-12-24',
      last: '2026-12-24',
      timeZone: 'America/Los_Angeles',
    });
  });
});
