import { describe, expect, test } from '@jest/globals';
import { UserError } from '../../src/errors.js';
import { describeHold, formatHold, holdRefusal, holdStands, holdUntilDate, parseHold, type Hold } from '../../src/holds/hold-file.js';
import { parseHoldUntil } from '../../src/inputs/hold-inputs.js';

const FILE = '.gitops-promote/holds/production.yaml';
const NOW = Date.parse('2026-12-03T08:00:00Z');
const hold: Hold = {
  environment: 'production',
  who: 'octocat',
  when: '2026-12-03T07:00:00.000Z',
  why: 'web 1.4.0: "Degraded" # again',
  until: '2026-12-04T07:00:00.000Z',
  restores: 'c1',
};

describe('the hold file', () => {
  test('formats to YAML that parses back to the same hold (a reason with quotes and # stays one string)', () => {
    const text = formatHold(hold);
    expect(text).toContain('who: "octocat"\n');
    expect(parseHold(text, FILE, 'production')).toEqual(hold);
    const { until: _until, ...forever } = hold;
    expect(parseHold(formatHold(forever), FILE, 'production')).toEqual(forever);
  });

  test.each([
    ['who: [octocat\n', 'is not valid YAML'],
    ['- octocat\n', 'is not a mapping of who, when, why and until'],
    ['when: "2026-12-03T07:00:00Z"\n', "has no 'who'"],
    ['who: octocat\n', "has no 'when' date"],
    ['who: octocat\nwhen: soon\n', "has a 'when' that is not a date: 'soon'"],
    ['who: octocat\nwhen: 2026-12-03\nuntil: later\n', "has an 'until' that is not a date: 'later'"],
    ['who: octocat\nwhen: 2026-12-03\nwhom: x\n', "has an unknown key 'whom'"],
    ['who: {a: 1}\nwhen: 2026-12-03\n', "has a 'who' that is not a string"],
  ])('%j is refused in one line naming the file', (text, problem) => {
    expect(() => parseHold(text, FILE, 'production')).toThrow(UserError);
    expect(() => parseHold(text, FILE, 'production')).toThrow(`The hold file ${FILE} ${problem}`);
  });

  test('an unquoted date stays its text (YAML 1.2 has no date type); the environment defaults to the file’s', () => {
    expect(parseHold('who: octocat\nwhen: 2026-12-03\n', FILE, 'production')).toEqual({
      environment: 'production',
      who: 'octocat',
      when: '2026-12-03',
      why: '',
    });
  });

  test.each([
    [undefined, true],
    ['2026-12-03T08:00:01Z', true],
    ['2026-12-03T08:00:00Z', false],
    ['2026-12-01T00:00:00Z', false],
  ])('until %s: stands at 08:00 → %s', (until, stands) => {
    expect(holdStands({ ...hold, until }, NOW)).toBe(stands);
  });

  test('the refusal names who, since when, why, until and the file', () => {
    expect(holdRefusal(hold, FILE, 'promote')).toBe(
      "promote refused: environment 'production' is on hold since 2026-12-03T07:00:00.000Z by octocat: " +
        `web 1.4.0: "Degraded" # again, until 2026-12-04T07:00:00.000Z (${FILE}). ` +
        'Run release to lift the hold, or set override-hold: true to move it anyway.',
    );
    expect(describeHold({ ...hold, why: '', until: undefined }, FILE)).toBe(
      `environment 'production' is on hold since 2026-12-03T07:00:00.000Z by octocat (${FILE})`,
    );
  });
});

describe('hold-until: a date or a duration from now', () => {
  test.each([
    ['', undefined, undefined],
    ['48h', { kind: 'after', ms: 48 * 3_600_000 }, '2026-12-05T08:00:00.000Z'],
    ['90m', { kind: 'after', ms: 90 * 60_000 }, '2026-12-03T09:30:00.000Z'],
    ['2026-12-24', { kind: 'date', at: Date.parse('2026-12-24T00:00:00Z') }, '2026-12-24T00:00:00.000Z'],
    ['2026-12-24T18:00', { kind: 'date', at: Date.parse('2026-12-24T18:00:00Z') }, '2026-12-24T18:00:00.000Z'],
  ])('%j', (text, parsed, until) => {
    expect(parseHoldUntil(text, NOW)).toEqual(parsed);
    expect(holdUntilDate(parseHoldUntil(text, NOW), NOW)).toBe(until);
  });

  test.each([
    ['tomorrow', "Input 'hold-until': expected an ISO 8601 date"],
    ['2026-12-01', "Input 'hold-until': '2026-12-01' has already passed"],
    ['0s', "Input 'hold-until': expected an ISO 8601 date"],
  ])('%j is refused', (text, message) => {
    expect(() => parseHoldUntil(text, NOW)).toThrow(message);
  });
});
