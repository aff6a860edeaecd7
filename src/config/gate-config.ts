/**
 * The `gates:` of a target environment in the promotion config, parsed
 * strictly: a window, a freeze or a soak that does not mean what it says
 * must stop the run, not silently open a gate. Pure; the schema in
 * config-schema.ts refuses unknown keys and wrong types first.
 */

/** When a promotion may land: weekdays and a time of day in an IANA time zone. */
export interface WeeklyWindow {
  /** As written in the config, for messages. */
  text: string;
  /** 0 = Sunday … 6 = Saturday: the days the window opens on. */
  days: number[];
  /** Minutes after local midnight. */
  startMinute: number;
  /** Minutes after local midnight; at or before the start, the window runs past midnight into the next day. */
  endMinute: number;
  timeZone: string;
}

/** Days on which nothing lands: local dates, both ends included, in an IANA time zone (UTC when none is written). */
export interface FreezeRange {
  text: string;
  /** YYYY-MM-DD. */
  first: string;
  last: string;
  timeZone: string;
}

export interface GateConfig {
  sourceHealthy: boolean;
  /** The soak as written (`2h`) and in milliseconds; undefined for no soak. */
  soak?: { text: string; ms: number };
  windows: WeeklyWindow[];
  freeze: FreezeRange[];
}

export interface RawGates {
  'source-healthy'?: boolean;
  soak?: string;
  windows?: string[];
  freeze?: string[];
}

export const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/** Why a gate entry is wrong; the config parser adds the file, environment and key. */
export class GateConfigError extends Error {
  constructor(
    readonly key: string,
    message: string,
  ) {
    super(message);
  }
}

export function parseGates(raw: RawGates): GateConfig {
  const gates: GateConfig = {
    sourceHealthy: raw['source-healthy'] ?? false,
    windows: (raw.windows ?? []).map((text, index) => parseWindow(text, `windows[${index}]`)),
    freeze: (raw.freeze ?? []).map((text, index) => parseFreeze(text, `freeze[${index}]`)),
  };
  if (raw.soak !== undefined) {
    const ms = parseSoak(raw.soak);
    if (ms === undefined) throw new GateConfigError('soak', `'${raw.soak}' is not a duration such as 30m, 2h, 1h30m or 1d.`);
    gates.soak = { text: raw.soak.trim(), ms };
  }
  return gates;
}

/** `1d`, `2h`, `1h30m`, `90m`, `45s`: days, hours, minutes and seconds in that order, more than zero in all. */
export function parseSoak(text: string): number | undefined {
  const match = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(text.trim());
  if (!match || text.trim() === '') return undefined;
  // An unmatched group is undefined at run time, whatever the array's type says: Number('') is 0.
  const [, days, hours, minutes, seconds] = match.map((part: string | undefined) => Number(part ?? ''));
  const ms = (((days * 24 + hours) * 60 + minutes) * 60 + seconds) * 1000;
  return ms > 0 ? ms : undefined;
}

/** `Mon-Thu 09:00-16:00 Europe/Berlin`, `Mon,Wed,Fri 22:00-02:00 UTC`. */
export function parseWindow(text: string, key = 'windows'): WeeklyWindow {
  const parts = text.trim().split(/\s+/);
  if (parts.length !== 3) {
    throw new GateConfigError(key, `'${text}' is not a window; write days, hours and a time zone, such as 'Mon-Thu 09:00-16:00 Europe/Berlin'.`);
  }
  const [dayText, hourText, zone] = parts;
  const days = parseDays(dayText, text, key);
  const hours = /^([^-]+)-([^-]+)$/.exec(hourText);
  if (!hours) throw new GateConfigError(key, `'${hourText}' in '${text}' is not a time range such as 09:00-16:00.`);
  const startMinute = parseTime(hours[1], text, key, false);
  const endMinute = parseTime(hours[2], text, key, true);
  if (startMinute === endMinute) throw new GateConfigError(key, `'${hourText}' in '${text}' starts and ends at the same time: the window would never open.`);
  return { text: text.trim(), days, startMinute, endMinute, timeZone: requireTimeZone(zone, text, key) };
}

/** `2026-12-20/2027-01-04`, `2026-12-24`, either with a time zone after a space (UTC when none). */
export function parseFreeze(text: string, key = 'freeze'): FreezeRange {
  const parts = text.trim().split(/\s+/);
  if (parts.length > 2 || parts[0] === '') {
    throw new GateConfigError(key, `'${text}' is not a freeze; write dates such as '2026-12-20/2027-01-04', optionally followed by a time zone.`);
  }
  const range = parts[0];
  const zone = parts.length === 2 ? parts[1] : 'UTC';
  const dates = range.split('/');
  if (dates.length > 2) throw new GateConfigError(key, `'${range}' in '${text}' has more than two dates; write first/last.`);
  const first = dates[0];
  const last = dates[dates.length - 1];
  for (const date of [first, last]) {
    if (!isCalendarDate(date)) throw new GateConfigError(key, `'${date}' in '${text}' is not a date (YYYY-MM-DD).`);
  }
  if (last < first) throw new GateConfigError(key, `'${text}' ends (${last}) before it begins (${first}).`);
  return { text: text.trim(), first, last, timeZone: requireTimeZone(zone, text, key) };
}

/** The week runs Monday to Sunday (ISO 8601), so `Sat-Sun` is the weekend and `Fri-Mon` is refused as backwards. */
const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0];

function parseDays(text: string, whole: string, key: string): number[] {
  const days = new Set<number>();
  for (const item of text.split(',')) {
    const ends = item.split('-');
    if (ends.length > 2) throw new GateConfigError(key, `'${item}' in '${whole}' is not a weekday or a range of them (Mon-Thu).`);
    const first = WEEK_ORDER.indexOf(weekday(ends[0], whole, key));
    const last = WEEK_ORDER.indexOf(weekday(ends[ends.length - 1], whole, key));
    if (last < first) {
      const split = `${WEEKDAYS[WEEK_ORDER[first]]}-Sun,Mon-${WEEKDAYS[WEEK_ORDER[last]]}`;
      throw new GateConfigError(key, `'${item}' in '${whole}' runs backwards through the week (Monday to Sunday); write it as '${split}'.`);
    }
    for (let index = first; index <= last; index++) days.add(WEEK_ORDER[index]);
  }
  return [...days].sort((a, b) => a - b);
}

function weekday(text: string, whole: string, key: string): number {
  const index = WEEKDAYS.findIndex((day) => day.toLowerCase() === text.toLowerCase());
  if (index < 0) throw new GateConfigError(key, `'${text}' in '${whole}' is not a weekday; use ${WEEK_ORDER.map((day) => WEEKDAYS[day]).join(', ')}.`);
  return index;
}

/** HH:MM from 00:00 to 23:59; 24:00 only as an end. */
function parseTime(text: string, whole: string, key: string, isEnd: boolean): number {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
  const valid = match !== null && Number(match[2]) < 60 && (minutes < 24 * 60 || (isEnd && minutes === 24 * 60));
  if (!valid) throw new GateConfigError(key, `'${text}' in '${whole}' is not a time of day (HH:MM, 00:00 to ${isEnd ? '24:00' : '23:59'}).`);
  return minutes;
}

function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text;
}

/** The zone as Intl spells it; a name Intl does not know is an error (a typo must not fall back to UTC). */
function requireTimeZone(zone: string, whole: string, key: string): string {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    throw new GateConfigError(key, `'${zone}' in '${whole}' is not an IANA time zone (such as Europe/Berlin, America/New_York or UTC).`);
  }
}
