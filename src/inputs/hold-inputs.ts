import { InputError } from '../errors.js';
import type { HoldUntil } from '../holds/hold-file.js';
import { parseDuration, readString } from './read-inputs.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** hold-until: an ISO 8601 date (UTC when it has no zone) or a duration from now; empty for a hold that stands until release. */
export function readHoldUntil(now = Date.now()): HoldUntil {
  return parseHoldUntil(readString('hold-until').trim(), now);
}

export function parseHoldUntil(text: string, now: number): HoldUntil {
  if (text === '') return undefined;
  if (ISO_DATE.test(text)) {
    const at = Date.parse(/T\d{2}:\d{2}/.test(text) && !/(Z|[+-]\d{2}:?\d{2})$/.test(text) ? `${text}Z` : text);
    if (Number.isNaN(at)) throw new InputError('hold-until', `'${text}' is not a valid date.`);
    if (at <= now) throw new InputError('hold-until', `'${text}' has already passed; give a later date, or a duration such as 48h.`);
    return { kind: 'date', at };
  }
  const ms = parseDuration(text);
  if (ms === undefined || ms <= 0)
    throw new InputError('hold-until', `expected an ISO 8601 date (2026-12-24T18:00:00Z) or a duration such as 48h or 90m, got '${text}'.`);
  return { kind: 'after', ms };
}
