import { parseDocument } from 'yaml';
import { UserError, yamlErrorText } from '../errors.js';

/** Where the holds live in the config repo: one file per environment, so a hold is reviewed, blamed and reverted like any other change. */
export const HOLDS_FOLDER = '.gitops-promote/holds';

/** The hold file of `environment`, relative to the repo root. */
export const holdFilePath = (environment: string): string => `${HOLDS_FOLDER}/${environment}.yaml`;

/** A hold on an environment: set-image and promote refuse to move its images while it stands. */
export interface Hold {
  environment: string;
  /** Who put it (the actor of the rollback's run). */
  who: string;
  /** When it was put, ISO 8601. */
  when: string;
  why: string;
  /** When it lapses by itself, ISO 8601; undefined: until `release`. */
  until?: string;
  /** The commit whose images the rollback restored, for the reader of the file. */
  restores?: string;
}

const KEYS = ['environment', 'who', 'when', 'why', 'until', 'restores'] as const;

/** The hold as a small YAML file; every value double-quoted (JSON strings are YAML), so a reason with a colon stays a string. */
export function formatHold(hold: Hold): string {
  const lines = [
    '# A hold on this environment, put by gitops-promote rollback: set-image and promote refuse to move it',
    '# (unless override-hold: true) until `release` removes this file or `until` passes.',
  ];
  for (const key of KEYS) {
    const value = hold[key];
    if (value !== undefined) lines.push(`${key}: ${JSON.stringify(value)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Reads a hold file; a file that does not parse, or lacks who/when, is refused in one line naming it. */
export function parseHold(text: string, file: string, environment: string): Hold {
  const fail = (problem: string): never => {
    throw new UserError(`The hold file ${file} ${problem}; fix it, or remove it with the release command.`);
  };
  const document = parseDocument(text);
  if (document.errors.length > 0) fail(`is not valid YAML: ${yamlErrorText(document.errors[0])}`);
  const data: unknown = document.toJS();
  if (data === null || typeof data !== 'object' || Array.isArray(data)) fail('is not a mapping of who, when, why and until');
  const fields = data as Record<string, unknown>;
  const unknown = Object.keys(fields).filter((key) => !(KEYS as readonly string[]).includes(key));
  if (unknown.length > 0) fail(`has an unknown key '${unknown[0]}' (expected ${KEYS.join(', ')})`);
  const field = (key: (typeof KEYS)[number]): string | undefined => {
    const value = fields[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string') return value;
    if (typeof value === 'number') return String(value);
    return fail(`has a '${key}' that is not a string`);
  };
  const who = field('who') ?? fail("has no 'who'");
  const when = field('when') ?? fail("has no 'when' date (ISO 8601)");
  if (Number.isNaN(Date.parse(when))) fail(`has a 'when' that is not a date: '${when}'`);
  const until = field('until');
  if (until !== undefined && Number.isNaN(Date.parse(until))) fail(`has an 'until' that is not a date: '${until}'`);
  const restores = field('restores');
  return {
    environment: field('environment') ?? environment,
    who,
    when,
    why: field('why') ?? '',
    ...(until !== undefined ? { until } : {}),
    ...(restores !== undefined ? { restores } : {}),
  };
}

/** Whether the hold still stands at `now`: it has no `until`, or `until` has not passed. */
export function holdStands(hold: Hold, now: number): boolean {
  return hold.until === undefined || Date.parse(hold.until) > now;
}

/** The hold in one clause: who put it, since when, why, until when, and where the file is. */
export function describeHold(hold: Hold, file: string): string {
  const why = hold.why ? `: ${hold.why}` : '';
  const until = hold.until ? `, until ${hold.until}` : '';
  return `environment '${hold.environment}' is on hold since ${hold.when} by ${hold.who}${why}${until} (${file})`;
}

/** The one line set-image and promote refuse with. */
export function holdRefusal(hold: Hold, file: string, command: string): string {
  return `${command} refused: ${describeHold(hold, file)}. Run release to lift the hold, or set override-hold: true to move it anyway.`;
}

/** When a hold put at `now` lapses: an ISO date as given, or now plus a duration; undefined for none. */
export type HoldUntil = { kind: 'date'; at: number } | { kind: 'after'; ms: number } | undefined;

export function holdUntilDate(until: HoldUntil, now: number): string | undefined {
  if (!until) return undefined;
  return new Date(until.kind === 'date' ? until.at : now + until.ms).toISOString();
}
