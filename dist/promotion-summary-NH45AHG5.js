const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  gatesOutput,
  gatesSummaryMarkdown,
  statusDescription
} from "./chunk-OMG7UWO7.js";
import {
  changedBy,
  changesTable,
  imagesOutput
} from "./chunk-VG2LPK36.js";
import {
  codeCell
} from "./chunk-MJQOG5ZV.js";
import {
  describeRefusal
} from "./chunk-XRRH6I6C.js";
import "./chunk-WACLQDPL.js";
import "./chunk-ANR6TANQ.js";
import "./chunk-NZZWJ5E7.js";
import "./chunk-BMJ2XMMR.js";
import "./chunk-TTI4HSH7.js";
import "./chunk-KBKTDO2V.js";
import "./chunk-2QGGJF6Q.js";

// src/promote/promotion-summary.ts
function promoteOutputs(outcome) {
  return {
    changed: String(changedBy(outcome)),
    "commit-sha": outcome.commitSha,
    "pull-request-number": outcome.pullRequest ? String(outcome.pullRequest.number) : "",
    "pull-request-url": outcome.pullRequest?.url ?? "",
    images: imagesOutput(outcome.changes, (change) => ({ app: change.app })),
    gated: outcome.gates?.state ?? "",
    gates: gatesOutput(outcome.gates)
  };
}
function promotionSummaryMarkdown(outcome) {
  const lines = [`## gitops-promote promote: ${outcome.from} \u2192 ${outcome.to}${outcome.dryRun ? " (dry run)" : ""}`, ""];
  if (outcome.overriddenHold) lines.push(outcome.overriddenHold, "");
  if (outcome.changes.length === 0) {
    lines.push(
      `${outcome.to} already runs what ${outcome.from} runs; nothing was promoted.${outcome.closed ? ` Closed the empty pull request #${outcome.closed}.` : ""}`,
      ""
    );
  } else {
    lines.push(changesTable(outcome.changes, "Now \u2192 promoted"), "");
    if (outcome.pullRequest) {
      const { url, number, created, moved } = outcome.pullRequest;
      lines.push(`Pull request <a href="${url}">#${number}</a> ${created ? "opened" : moved ? "updated" : "already carries this promotion"}.`, "");
    } else if (outcome.commitSha) {
      lines.push(`Commit ${codeCell(outcome.commitSha)}.`, "");
    }
  }
  if (outcome.gates) {
    lines.push(gatesSummaryMarkdown(outcome.gates));
    if (outcome.held) lines.push(`Not committed: the gates of ${outcome.to} are ${outcome.gates.state}.`, "");
  }
  for (const refusal of outcome.refusals) lines.push(`\u26A0\uFE0F ${describeRefusal(refusal)}`, "");
  if (outcome.requests) lines.push(`GitHub API requests: ${outcome.requests.reads} reads, ${outcome.requests.writes} writes.`, "");
  return lines.join("\n");
}
function gateAnnouncement(outcome, failOnPending) {
  const verdict = outcome.gates;
  if (!verdict || verdict.state === "passed") return {};
  const why = statusDescription(verdict);
  if (outcome.held) {
    const text = `The promotion gates of ${outcome.to} are ${verdict.state} (${why}); nothing was committed.`;
    if (verdict.state === "failed" || failOnPending) return { fail: text };
    return { notice: `${text} Run promote again once the gates can pass.` };
  }
  if (outcome.dryRun) return { notice: `The promotion gates of ${outcome.to} are ${verdict.state}: ${why}` };
  const where = outcome.pullRequest ? ` on pull request #${outcome.pullRequest.number}` : "";
  return { [verdict.state === "failed" ? "warning" : "notice"]: `The promotion gates of ${outcome.to} are ${verdict.state}${where}: ${why}` };
}
export {
  gateAnnouncement,
  promoteOutputs,
  promotionSummaryMarkdown
};
