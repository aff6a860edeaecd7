import { describe, expect, test } from '@jest/globals';
import { parseFreeze, parseWindow } from '../../src/config/gate-config.js';
import { isFrozen, isInWindow, nextOpening, wallClock } from '../../src/gates/schedule.js';

const at = (iso: string): number => Date.parse(iso);

describe('promotion windows on the wall clock of their time zone', () => {
  test.each([
    // Berlin in winter (CET, UTC+1) and summer (CEST, UTC+2)
    ['Mon-Thu 09:00-16:00 Europe/Berlin', '2026-12-03T08:00:00Z', true],
    ['Mon-Thu 09:00-16:00 Europe/Berlin', '2026-12-03T07:59:00Z', false],
    ['Mon-Thu 09:00-16:00 Europe/Berlin', '2026-12-03T15:00:00Z', false],
    ['Mon-Thu 09:00-16:00 Europe/Berlin', '2026-12-04T10:00:00Z', false], // a Friday
    ['Mon-Thu 09:00-16:00 Europe/Berlin', '2026-07-02T07:00:00Z', true],
    ['Mon-Thu 09:00-16:00 Europe/Berlin', '2026-07-02T06:59:00Z', false],
    // the spring-forward night: 02:00-03:00 does not happen in Berlin on 2026-03-29
    ['Sun 02:00-03:00 Europe/Berlin', '2026-03-29T00:59:00Z', false],
    ['Sun 02:00-03:00 Europe/Berlin', '2026-03-29T01:00:00Z', false],
    // the fall-back night: 02:00-03:00 happens twice on 2026-10-25 (CEST, then CET)
    ['Sun 02:00-03:00 Europe/Berlin', '2026-10-25T00:30:00Z', true],
    ['Sun 02:00-03:00 Europe/Berlin', '2026-10-25T01:30:00Z', true],
    ['Sun 02:00-03:00 Europe/Berlin', '2026-10-25T02:00:00Z', false],
    // New York the day after its spring-forward (EDT, UTC-4)
    ['Mon-Fri 09:00-17:00 America/New_York', '2026-03-09T13:00:00Z', true],
    ['Mon-Fri 09:00-17:00 America/New_York', '2026-03-09T12:59:00Z', false],
    // a window past midnight belongs to the day it opens on
    ['Fri 22:00-02:00 UTC', '2026-12-05T01:00:00Z', true],
    ['Fri 22:00-02:00 UTC', '2026-12-05T02:00:00Z', false],
    ['Fri 22:00-02:00 UTC', '2026-12-04T21:59:00Z', false],
    ['Fri 22:00-02:00 UTC', '2026-12-04T22:00:00Z', true],
    ['Sat 22:00-02:00 UTC', '2026-12-05T01:00:00Z', false],
    // a list of days, and 24:00 as the end
    ['Mon,Wed,Sat-Sun 00:00-24:00 Asia/Tokyo', '2026-12-05T15:30:00Z', true], // Sunday 00:30 in Tokyo
    ['Mon,Wed,Sat-Sun 00:00-24:00 Asia/Tokyo', '2026-12-03T16:00:00Z', false], // Friday 01:00 in Tokyo
  ])('%s at %s: %s', (text, instant, open) => {
    expect(isInWindow(parseWindow(text), at(instant))).toBe(open);
  });

  test.each([
    ['Mon-Thu 09:00-16:00 Europe/Berlin', '2026-12-03T15:00:00Z', '2026-12-07T08:00:00.000Z'],
    ['Mon-Thu 09:00-16:00 Europe/Berlin', '2026-12-03T07:00:00Z', '2026-12-03T08:00:00.000Z'],
    // the first Sunday 02:00 in Berlin after the spring-forward night is a week later
    ['Sun 02:00-03:00 Europe/Berlin', '2026-03-28T12:00:00Z', '2026-04-05T00:00:00.000Z'],
  ])('%s after %s next opens at %s', (text, instant, next) => {
    expect(new Date(nextOpening([parseWindow(text)], at(instant))!).toISOString()).toBe(next);
  });

  test('no window at all never opens', () => {
    expect(nextOpening([], at('2026-12-03T00:00:00Z'))).toBeUndefined();
  });
});

describe('freezes on local dates, both ends included', () => {
  test.each([
    ['2026-12-20/2027-01-04', '2026-12-19T23:59:00Z', false],
    ['2026-12-20/2027-01-04', '2026-12-20T00:00:00Z', true],
    ['2026-12-20/2027-01-04', '2027-01-04T23:59:00Z', true],
    ['2026-12-20/2027-01-04', '2027-01-05T00:00:00Z', false],
    // Auckland (NZDT, UTC+13) is a day ahead of UTC for most of the day
    ['2026-12-20/2027-01-04 Pacific/Auckland', '2026-12-19T11:30:00Z', true],
    ['2026-12-20/2027-01-04 Pacific/Auckland', '2026-12-19T10:59:00Z', false],
    ['2026-12-20/2027-01-04 Pacific/Auckland', '2027-01-04T10:59:00Z', true],
    ['2026-12-20/2027-01-04 Pacific/Auckland', '2027-01-04T11:00:00Z', false],
    ['2026-12-24 America/Los_Angeles', '2026-12-25T07:59:00Z', true],
    ['2026-12-24 America/Los_Angeles', '2026-12-25T08:00:00Z', false],
  ])('%s at %s: %s', (text, instant, frozen) => {
    expect(isFrozen(parseFreeze(text), at(instant))).toBe(frozen);
  });

  test('the wall clock is the zone’s own', () => {
    expect(wallClock(at('2026-10-25T00:30:00Z'), 'Europe/Berlin')).toEqual({ date: '2026-10-25', weekday: 0, minute: 150 });
    expect(wallClock(at('2026-10-25T01:30:00Z'), 'Europe/Berlin')).toEqual({ date: '2026-10-25', weekday: 0, minute: 150 });
  });
});
