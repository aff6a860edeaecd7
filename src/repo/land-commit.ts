import * as core from '@actions/core';
import { setTimeout as sleep } from 'node:timers/promises';

import type { ChangedFile, ConfigRepo, LandTarget, Snapshot } from './config-repo.js';
import type { Identity, OverlayChange } from '../types.js';

export interface AppliedEdit {
  /** The files to commit, relative to the repo root, with their new content. */
  files: ChangedFile[];
  changes: OverlayChange[];
  superseded: OverlayChange[];
}

export interface LandRequest {
  repo: ConfigRepo;
  /** The head the first edit was planned on. */
  snapshot: Snapshot;
  target: LandTarget;
  author: Identity;
  /** Makes the edit on a snapshot; called again on the new head when the branch moved. */
  apply: (snapshot: Snapshot, attempt: number) => Promise<AppliedEdit>;
  message: (changes: OverlayChange[]) => string;
  maxAttempts?: number;
}

export interface Landed {
  changes: OverlayChange[];
  superseded: OverlayChange[];
  commitSha: string;
  pushed: boolean;
  /** The head the landed edit was made on. */
  snapshot: Snapshot;
}

/**
 * Commits the edit and moves the branch to it, through a checkout or the API.
 * When the branch moved under us, the edit is made again on the new head (not
 * rebased: the file may have changed in ways a text rebase would get wrong)
 * and landed again, with jittered backoff so that many runs racing on one repo
 * all land.
 */
export async function landCommit(request: LandRequest): Promise<Landed> {
  const { repo, target } = request;
  const maxAttempts = request.maxAttempts ?? 15;
  let snapshot = request.snapshot;

  for (let attempt = 1; ; attempt++) {
    const applied = await request.apply(snapshot, attempt);
    // Nothing to write (a release's edit is a removed file, with no image change: it counts as something).
    if (applied.files.length === 0) {
      core.info('A concurrent run already landed these images (or higher versions); nothing left to commit.');
      return { changes: [], superseded: applied.superseded, commitSha: '', pushed: false, snapshot };
    }
    const landed = await repo.commit({ snapshot, files: applied.files, message: request.message(applied.changes), author: request.author, target });
    if (landed.outcome === 'landed') {
      if (landed.pushed) core.info(`Landed ${landed.sha} on ${target.branch}${attempt > 1 ? ` (attempt ${attempt})` : ''}.`);
      return { changes: applied.changes, superseded: applied.superseded, commitSha: landed.sha, pushed: landed.pushed, snapshot };
    }
    if (attempt >= maxAttempts) {
      throw new Error(`${target.branch} kept moving: the update was refused ${attempt} times as not a fast-forward. Try again later.`);
    }
    core.info(`${target.branch} moved since it was read; re-applying the edit on the new head (attempt ${attempt + 1}).`);
    await sleep(raceRetryDelayMs(attempt));
    snapshot = await repo.reopen(target.branch);
  }
}

/** How long a run waits before landing again on a branch that moved: exponential backoff with full jitter, capped, so racing runs spread out. */
export function raceRetryDelayMs(attempt: number, baseMs = 200, capMs = 3000): number {
  return Math.round(Math.random() * Math.min(capMs, baseMs * 2 ** (attempt - 1)));
}
