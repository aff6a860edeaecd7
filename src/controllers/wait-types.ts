/**
 * The shapes every controller shares: what an object's status says now, and
 * how far the commit got. Judgement functions return them; the orchestrator
 * logs, reports and decides with them.
 */

/** `waiting` until the object runs the commit and is healthy (`done`), or it never will (`failed`). */
export type WaitState = 'waiting' | 'done' | 'failed';

/** How an object's revision relates to the expected commit. */
export type RevisionRelation = 'same' | 'newer' | 'older' | 'unrelated' | 'unknown';

export interface ObjectStatus {
  state: WaitState;
  sync: string;
  health: string;
  /** The config-repo revision the object reports (a SHA, or several joined by commas). */
  revision: string;
  message: string;
  /** A remark the user should read even on success (paths not touched, health not checked). */
  note?: string;
}

/** What is known about revisions seen so far, filled in by the ancestry check. */
export interface RevisionKnowledge {
  expected: string;
  relations: ReadonlyMap<string, RevisionRelation>;
  /** For an older revision: the files changed from it to the expected commit (null: could not tell). */
  changedFiles?: ReadonlyMap<string, readonly string[] | null>;
  /** Why the last lookup of a revision failed for now (it is asked again), for the progress line. */
  lookupFailures?: ReadonlyMap<string, string>;
}

/** `checking …`, with why the last try failed when it did: the progress line must not wait silently. */
export function checkingMessage(what: string, revisions: readonly string[], knowledge: RevisionKnowledge): string {
  const failures = [...new Set(revisions.map((revision) => knowledge.lookupFailures?.get(revision)).filter((failure): failure is string => Boolean(failure)))];
  return failures.length > 0 ? `${what}; the last try failed: ${failures.join('; ')}; asking again` : what;
}

/** A revision's relation to the expected one, or `undefined` when it must still be looked up. */
export function relationOf(revision: string, knowledge: RevisionKnowledge): RevisionRelation | undefined {
  if (revision === knowledge.expected) return 'same';
  return knowledge.relations.get(revision);
}

export const shortSha = (revision: string): string => (/^[0-9a-f]{40}$/.test(revision) ? revision.slice(0, 7) : revision);
