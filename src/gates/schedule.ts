import { WEEKDAYS, type FreezeRange, type WeeklyWindow } from '../config/gate-config.js';

/**
 * Whether an instant lies inside a promotion window or a freeze, read on the
 * wall clock of each entry's time zone with Intl (so daylight saving time is
 * the zone's own: at a spring-forward the skipped hour never happens, at a
 * fall-back the repeated hour happens twice). Pure: the instant is given.
 */

/** The local date, weekday and minute of the day of `instant` in `timeZone`. */
export interface WallClock {
  date: string;
  weekday: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

export function wallClock(instant: number, timeZone: string): WallClock {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: WEEKDAYS.indexOf(parts.weekday as (typeof WEEKDAYS)[number]),
    minute: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/** Whether the window is open at `instant`; a window past midnight belongs to the day it opens on. */
export function isInWindow(window: WeeklyWindow, instant: number): boolean {
  const { weekday, minute } = wallClock(instant, window.timeZone);
  if (window.startMinute < window.endMinute) return window.days.includes(weekday) && minute >= window.startMinute && minute < window.endMinute;
  const openedToday = window.days.includes(weekday) && minute >= window.startMinute;
  const openedYesterday = window.days.includes((weekday + 6) % 7) && minute < window.endMinute;
  return openedToday || openedYesterday;
}

/** Whether `instant` falls on one of the freeze's local dates. */
export function isFrozen(freeze: FreezeRange, instant: number): boolean {
  const { date } = wallClock(instant, freeze.timeZone);
  return date >= freeze.first && date <= freeze.last;
}

const MINUTE = 60_000;
/** A week and a day: every weekly window opens within it, whatever daylight saving time does. */
const SEARCH_MS = 8 * 24 * 60 * MINUTE;

/**
 * The first whole minute after `instant` at which some window is open, or
 * undefined when none opens within a week (no window at all). Windows open
 * on whole local minutes, and every zone's offset is whole minutes.
 */
export function nextOpening(windows: readonly WeeklyWindow[], instant: number): number | undefined {
  const start = Math.ceil((instant + 1) / MINUTE) * MINUTE;
  for (let at = start; at <= instant + SEARCH_MS; at += MINUTE) {
    if (windows.some((window) => isInWindow(window, at))) return at;
  }
  return undefined;
}

/** The freezes that hold at `instant`. */
export function freezesAt(freezes: readonly FreezeRange[], instant: number): FreezeRange[] {
  return freezes.filter((freeze) => isFrozen(freeze, instant));
}
