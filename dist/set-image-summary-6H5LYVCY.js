const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
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
import "./chunk-TTI4HSH7.js";
import "./chunk-KBKTDO2V.js";
import "./chunk-2QGGJF6Q.js";

// src/set-image/set-image-summary.ts
function setImageOutputs(outcome) {
  return {
    changed: String(changedBy(outcome)),
    "commit-sha": outcome.commitSha,
    "pull-request-number": outcome.pullRequest ? String(outcome.pullRequest.number) : "",
    "pull-request-url": outcome.pullRequest?.url ?? "",
    images: imagesOutput(outcome.changes)
  };
}
function setImageSummaryMarkdown(outcome) {
  const lines = [`## gitops-promote set-image${outcome.dryRun ? " (dry run)" : ""}`, ""];
  if (outcome.overriddenHold) lines.push(outcome.overriddenHold, "");
  if (outcome.changes.length === 0) {
    lines.push("Every overlay already has these images; nothing was changed.", "");
  } else {
    lines.push(changesTable(outcome.changes, "Old \u2192 new"), "");
    lines.push(landingSentence(outcome), "");
  }
  if (outcome.superseded.length > 0) {
    lines.push(
      `Skipped, a concurrent run had already set a higher version: ${outcome.superseded.map((change) => `${codeCell(change.overlay)} ${codeCell(change.image)}`).join(", ")}.`,
      ""
    );
  }
  if (outcome.closed) lines.push(`Closed pull request #${outcome.closed}: everything it set is already in the environment.`, "");
  for (const refusal of outcome.refusals ?? []) lines.push(`\u26A0\uFE0F ${describeRefusal(refusal)}`, "");
  return lines.join("\n");
}
function landingSentence(outcome) {
  if (outcome.dryRun) return "Dry run: nothing was written.";
  if (outcome.pullRequest) {
    const { number, url, created, moved } = outcome.pullRequest;
    const what = created ? "opened" : moved ? "updated" : "already carries these images";
    return `Pull request <a href="${url}">#${number}</a> ${what} (commit ${codeCell(outcome.commitSha)}), into ${codeCell(outcome.branch)}.`;
  }
  return `Commit ${codeCell(outcome.commitSha)} on ${codeCell(outcome.branch)}${outcome.pushed ? ", pushed." : ", not pushed (push: false)."}`;
}
export {
  setImageOutputs,
  setImageSummaryMarkdown
};
