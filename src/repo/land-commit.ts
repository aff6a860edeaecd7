import * as core from '@actions/core';
import { setTimeout as sleep } from 'node:timers/promises';
import type { OverlayChange } from '../report/set-image-report.js';
import type { Git, Identity } from './git.js';

export interface AppliedEdit {
  /** Absolute paths of the files written. */
  files: string[];
  changes: OverlayChange[];
  superseded: OverlayChange[];
}

export interface LandRequest {
  git: Git;
  branch: string;
  push: boolean;
  author: Identity;
  remote?: string;
  /** Writes the edit into the work tree; called again on the new head when the remote moved. */
  apply: (attempt: number) => Promise<AppliedEdit>;
  message: (changes: OverlayChange[]) => string;
  maxAttempts?: number;
}

export interface Landed {
  changes: OverlayChange[];
  superseded: OverlayChange[];
  commitSha: string;
  pushed: boolean;
}

/**
 * Commits the edit and pushes it. When the branch moved under us, the edit is
 * made again on the new head (not rebased: the file may have changed in ways a
 * text rebase would get wrong) and pushed again, with jittered backoff so that
 * many runs racing on one repo all land. On any failure the local commit is undone.
 */
export async function landCommit(request: LandRequest): Promise<Landed> {
  const { git, branch, author } = request;
  const remote = request.remote ?? 'origin';
  const maxAttempts = request.maxAttempts ?? 15;
  const start = await git.head();
  let superseded: OverlayChange[] = [];

  for (let attempt = 1; ; attempt++) {
    const applied = await request.apply(attempt);
    superseded = applied.superseded;
    if (applied.changes.length === 0) {
      core.info('A concurrent run already landed these images (or higher versions); nothing left to commit.');
      return { changes: [], superseded, commitSha: '', pushed: false };
    }
    const commitSha = await git.commit(applied.files, request.message(applied.changes), author);
    if (!request.push) return { changes: applied.changes, superseded, commitSha, pushed: false };

    let outcome: 'pushed' | 'moved';
    try {
      outcome = await git.push(remote, branch);
    } catch (error) {
      await git.resetKeep(start);
      throw error;
    }
    if (outcome === 'pushed') {
      core.info(`Pushed ${commitSha} to ${remote}/${branch}${attempt > 1 ? ` (attempt ${attempt})` : ''}.`);
      return { changes: applied.changes, superseded, commitSha, pushed: true };
    }
    if (attempt >= maxAttempts) {
      await git.resetKeep(start);
      throw new Error(`${remote}/${branch} kept moving: the push was rejected ${attempt} times as not a fast-forward. Try again later.`);
    }
    core.info(`${remote}/${branch} moved since the checkout; re-applying the edit on the new head (attempt ${attempt + 1}).`);
    await sleep(backoffMs(attempt));
    await git.resetKeep(await git.fetchBranch(remote, branch));
  }
}

/** Exponential backoff with full jitter, capped. */
export function backoffMs(attempt: number, baseMs = 200, capMs = 3000): number {
  return Math.round(Math.random() * Math.min(capMs, baseMs * 2 ** (attempt - 1)));
}
