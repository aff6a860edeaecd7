/**
 * Which pull requests are gitops-promote's promotions and rollbacks, by the
 * branch they come from or the hidden marker their body carries; and which
 * of the pull requests GitHub links to a commit is the one that merged it.
 * The branch prefixes and marker openings live here, in one place, for the
 * commands that open those PRs and the `wait` that comments on them. No I/O.
 */

/** `promote/<from>-to-<to>[/<apps>]` (src/promote/promotion-names.ts). */
export const PROMOTION_BRANCH_PREFIX = 'promote/';
/** `rollback/<environment>` (the rollback command). */
export const ROLLBACK_BRANCH_PREFIX = 'rollback/';
/** How the hidden markers of their bodies begin; the rest names the environments. */
export const PROMOTION_MARKER_PREFIX = '<!-- gitops-promote:promotion ';
export const ROLLBACK_MARKER_PREFIX = '<!-- gitops-promote:rollback ';

export type LandingKind = 'promotion' | 'rollback';

/** A merged pull request as the commit's pull request list shows it. */
export interface MergedPullRequest {
  number: number;
  url: string;
  title: string;
  headRef: string;
  body: string;
  /** The commit the merge made on the base branch (the merge commit, the squash, or the last rebased one). */
  mergeCommitSha: string;
}

/** A promotion or rollback by its marker, else by its branch (a marker edited away by hand still leaves the branch); undefined for any other PR. */
export function landingKindOf(pull: Pick<MergedPullRequest, 'headRef' | 'body'>): LandingKind | undefined {
  if (pull.body.includes(PROMOTION_MARKER_PREFIX)) return 'promotion';
  if (pull.body.includes(ROLLBACK_MARKER_PREFIX)) return 'rollback';
  if (pull.headRef.startsWith(PROMOTION_BRANCH_PREFIX)) return 'promotion';
  if (pull.headRef.startsWith(ROLLBACK_BRANCH_PREFIX)) return 'rollback';
  return undefined;
}

export type LandingPick = { pull: MergedPullRequest; kind: LandingKind } | { pull?: MergedPullRequest; kind?: undefined; why: string };

/**
 * The merged PR that brought `sha` in: the one whose merge made that very
 * commit, else the first GitHub lists (its merge brought the commit in with
 * it); a PR that is neither a promotion nor a rollback is named, not picked.
 */
export function pickLandingPullRequest(merged: readonly MergedPullRequest[], sha: string): LandingPick {
  if (merged.length === 0) return { why: 'no merged pull request brought it in' };
  const pull = merged.find((candidate) => candidate.mergeCommitSha === sha) ?? merged[0];
  const kind = landingKindOf(pull);
  if (!kind) return { pull, why: `pull request #${pull.number} merged it, and is neither a promotion nor a rollback` };
  return { pull, kind };
}
