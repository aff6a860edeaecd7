const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));

// src/config/gate-config.ts
var WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
var GateConfigError = class extends Error {
  constructor(key, message) {
    super(message);
    this.key = key;
  }
  key;
};
function parseGates(raw) {
  const gates = {
    sourceHealthy: raw["source-healthy"] ?? false,
    windows: (raw.windows ?? []).map((text, index) => parseWindow(text, `windows[${index}]`)),
    freeze: (raw.freeze ?? []).map((text, index) => parseFreeze(text, `freeze[${index}]`))
  };
  if (raw.soak !== void 0) {
    const ms = parseSoak(raw.soak);
    if (ms === void 0) throw new GateConfigError("soak", `'${raw.soak}' is not a duration such as 30m, 2h, 1h30m or 1d.`);
    gates.soak = { text: raw.soak.trim(), ms };
  }
  return gates;
}
function parseSoak(text) {
  const match = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(text.trim());
  if (!match || text.trim() === "") return void 0;
  const [, days, hours, minutes, seconds] = match.map((part) => Number(part ?? ""));
  const ms = (((days * 24 + hours) * 60 + minutes) * 60 + seconds) * 1e3;
  return ms > 0 ? ms : void 0;
}
function parseWindow(text, key = "windows") {
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
function parseFreeze(text, key = "freeze") {
  const parts = text.trim().split(/\s+/);
  if (parts.length > 2 || parts[0] === "") {
    throw new GateConfigError(key, `'${text}' is not a freeze; write dates such as '2026-12-20/2027-01-04', optionally followed by a time zone.`);
  }
  const range = parts[0];
  const zone = parts.length === 2 ? parts[1] : "UTC";
  const dates = range.split("/");
  if (dates.length > 2) throw new GateConfigError(key, `'${range}' in '${text}' has more than two dates; write first/last.`);
  const first = dates[0];
  const last = dates[dates.length - 1];
  for (const date of [first, last]) {
    if (!isCalendarDate(date)) throw new GateConfigError(key, `'${date}' in '${text}' is not a date (YYYY-MM-DD).`);
  }
  if (last < first) throw new GateConfigError(key, `'${text}' ends (${last}) before it begins (${first}).`);
  return { text: text.trim(), first, last, timeZone: requireTimeZone(zone, text, key) };
}
var WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0];
function parseDays(text, whole, key) {
  const days = /* @__PURE__ */ new Set();
  for (const item of text.split(",")) {
    const ends = item.split("-");
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
function weekday(text, whole, key) {
  const index = WEEKDAYS.findIndex((day) => day.toLowerCase() === text.toLowerCase());
  if (index < 0) throw new GateConfigError(key, `'${text}' in '${whole}' is not a weekday; use ${WEEK_ORDER.map((day) => WEEKDAYS[day]).join(", ")}.`);
  return index;
}
function parseTime(text, whole, key, isEnd) {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
  const valid = match !== null && Number(match[2]) < 60 && (minutes < 24 * 60 || isEnd && minutes === 24 * 60);
  if (!valid) throw new GateConfigError(key, `'${text}' in '${whole}' is not a time of day (HH:MM, 00:00 to ${isEnd ? "24:00" : "23:59"}).`);
  return minutes;
}
function isCalendarDate(text) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text;
}
function requireTimeZone(zone, whole, key) {
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    throw new GateConfigError(key, `'${zone}' in '${whole}' is not an IANA time zone (such as Europe/Berlin, America/New_York or UTC).`);
  }
}

export {
  WEEKDAYS,
  GateConfigError,
  parseGates
};
