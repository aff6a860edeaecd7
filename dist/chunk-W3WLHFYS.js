const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));

// src/controllers/wait-types.ts
function checkingMessage(what, revisions, knowledge) {
  const failures = [...new Set(revisions.map((revision) => knowledge.lookupFailures?.get(revision)).filter((failure) => Boolean(failure)))];
  return failures.length > 0 ? `${what}; the last try failed: ${failures.join("; ")}; asking again` : what;
}
function relationOf(revision, knowledge) {
  if (revision === knowledge.expected) return "same";
  return knowledge.relations.get(revision);
}
var shortSha = (revision) => /^[0-9a-f]{40}$/.test(revision) ? revision.slice(0, 7) : revision;

export {
  checkingMessage,
  relationOf,
  shortSha
};
