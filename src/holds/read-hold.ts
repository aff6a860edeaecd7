import * as core from '@actions/core';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { holdFilePath, holdRefusal, holdStands, parseHold, type Hold } from './hold-file.js';

/** A hold as found in a snapshot of the config repo, with its file (repo-relative). */
export interface FoundHold {
  hold: Hold;
  file: string;
  /** False when its `until` has passed: the file is still there, but holds nothing. */
  standing: boolean;
}

/** The hold file of `environment` in the folder `root` (a snapshot), or undefined when there is none. */
export async function readHold(root: string, environment: string, now = Date.now()): Promise<FoundHold | undefined> {
  const file = holdFilePath(environment);
  let text: string;
  try {
    text = await readFile(join(root, file), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const hold = parseHold(text, file, environment);
  return { hold, file, standing: holdStands(hold, now) };
}

/**
 * Where set-image and promote start: a standing hold on the environment they
 * move refuses the run in one line, unless the workflow overrides it; the
 * overridden hold is returned, so the summary and the PR body can say so.
 */
export async function refuseIfHeld(root: string, environment: string, override: boolean, command: string): Promise<FoundHold | undefined> {
  const found = await readHold(root, environment);
  if (!found?.standing) return undefined;
  if (!override) throw new UserError(holdRefusal(found.hold, found.file, command));
  core.warning(`override-hold: true, so ${command} goes ahead although ${found.file} holds ${environment} (${found.hold.why || 'no reason given'}).`);
  return found;
}

/** The line a summary and a PR body carry when a run moved an environment past its hold. */
export function overriddenHoldNote(found: FoundHold): string {
  const { environment, who, when, why } = found.hold;
  return (
    `> [!WARNING]\n> This change overrides the hold on ${environment} (override-hold: true): ` +
    `put by ${who} since ${when}${why ? `, "${why}"` : ''} (\`${found.file}\`).`
  );
}
