const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  shortSha
} from "./chunk-W3WLHFYS.js";
import {
  codeCell,
  markdownTable,
  textCell
} from "./chunk-MJQOG5ZV.js";

// src/wait/wait-report.ts
var HEALTH_ORDER = ["Degraded", "Missing", "Unknown", "Suspended", "Progressing", "Applied", "Healthy"];
function overallHealth(objects) {
  const rank = (health) => HEALTH_ORDER.includes(health) ? HEALTH_ORDER.indexOf(health) : 0;
  return objects.map((object) => object.status.health).sort((a, b) => rank(a) - rank(b))[0] ?? "Unknown";
}
function syncedRevision(outcome) {
  if (outcome.objects.length === 0 || outcome.objects.some((object) => object.status.state !== "done")) return "";
  const revisions = new Set(outcome.objects.map((object) => object.status.revision));
  const [only] = [...revisions];
  return revisions.size === 1 && only && /^[0-9a-f]{40}$/.test(only) ? only : outcome.expected;
}
function appsOutput(objects) {
  return JSON.stringify(
    objects.map(({ target, status, timeToSyncMs }) => ({
      name: target.label,
      controller: target.controller,
      state: status.state,
      sync: status.sync,
      health: status.health,
      revision: status.revision,
      message: status.message,
      ...status.note ? { note: status.note } : {},
      timeToSyncSeconds: timeToSyncMs === void 0 ? null : Math.round(timeToSyncMs / 100) / 10
    }))
  );
}
function waitOutputs(outcome) {
  return { "synced-revision": syncedRevision(outcome), health: overallHealth(outcome.objects), apps: appsOutput(outcome.objects) };
}
function describeObjects(objects) {
  return objects.map(
    ({ target, status }) => `${target.label}: ${status.state}, sync ${status.sync}, health ${status.health}, revision ${shortRevisions(status.revision) || "none"}${status.message ? ` (${status.message})` : ""}`
  ).join("; ");
}
var shortRevisions = (revision) => revision.split(",").filter(Boolean).map(shortSha).join(", ");
var STATE_LABEL = { done: "\u2705 done", failed: "\u274C failed", waiting: "\u23F3 waiting" };
function waitSummaryMarkdown(outcome) {
  const rows = outcome.objects.map(({ target, status, timeToSyncMs }) => [
    codeCell(target.label),
    target.controller === "argocd" ? "Argo CD" : "Flux",
    STATE_LABEL[status.state] ?? textCell(status.state),
    textCell(status.sync),
    textCell(status.health),
    codeCell(shortRevisions(status.revision)),
    timeToSyncMs === void 0 ? "" : `${(timeToSyncMs / 1e3).toFixed(1)} s`,
    textCell([status.message, status.note].filter(Boolean).join(" \u2014 "))
  ]);
  return [
    "## gitops-promote wait",
    "",
    `Commit ${codeCell(outcome.expected)} (${textCell(outcome.revisionSource)}).`,
    "",
    markdownTable(["Object", "Controller", "State", "Sync", "Health", "Revision", "Time to sync", "Message"], rows),
    "",
    ...outcome.timedOut ? [`Timed out after ${(outcome.elapsedMs / 1e3).toFixed(0)} s.`, ""] : [],
    ...outcome.deploymentUrl ? [`Recorded as a GitHub deployment: ${textCell(outcome.deploymentUrl)}`, ""] : [],
    ...outcome.pullRequestComment ? [commentLine(outcome.pullRequestComment), ""] : []
  ].join("\n");
}
var commentLine = ({ kind, number, url }) => `The outcome is commented on ${kind} pull request #${number}: ${url}`;

export {
  overallHealth,
  syncedRevision,
  appsOutput,
  waitOutputs,
  describeObjects,
  waitSummaryMarkdown
};
