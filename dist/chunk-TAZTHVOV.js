const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));

// src/github/pull-request-kinds.ts
var PROMOTION_BRANCH_PREFIX = "promote/";
var ROLLBACK_BRANCH_PREFIX = "rollback/";
var PROMOTION_MARKER_PREFIX = "<!-- gitops-promote:promotion ";
var ROLLBACK_MARKER_PREFIX = "<!-- gitops-promote:rollback ";
function landingKindOf(pull) {
  if (pull.body.includes(PROMOTION_MARKER_PREFIX)) return "promotion";
  if (pull.body.includes(ROLLBACK_MARKER_PREFIX)) return "rollback";
  if (pull.headRef.startsWith(PROMOTION_BRANCH_PREFIX)) return "promotion";
  if (pull.headRef.startsWith(ROLLBACK_BRANCH_PREFIX)) return "rollback";
  return void 0;
}
function pickLandingPullRequest(merged, sha) {
  if (merged.length === 0) return { why: "no merged pull request brought it in" };
  const pull = merged.find((candidate) => candidate.mergeCommitSha === sha) ?? merged[0];
  const kind = landingKindOf(pull);
  if (!kind) return { pull, why: `pull request #${pull.number} merged it, and is neither a promotion nor a rollback` };
  return { pull, kind };
}

export {
  ROLLBACK_BRANCH_PREFIX,
  ROLLBACK_MARKER_PREFIX,
  pickLandingPullRequest
};
