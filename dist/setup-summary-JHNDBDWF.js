const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  markdownTable,
  textCell
} from "./chunk-MJQOG5ZV.js";
import "./chunk-2QGGJF6Q.js";

// src/check-setup/setup-summary.ts
var MARK = { ok: "\u2705", warning: "\u26A0\uFE0F", error: "\u274C" };
function setupSummaryMarkdown(repository, configNote, findings) {
  const problems = findings.filter((finding) => finding.level !== "ok").length;
  const headline = problems === 0 ? `\u2705 Everything checked is in order for ${repository}.` : `${problems === 1 ? "1 finding needs" : `${problems} findings need`} a look in ${repository}.`;
  const order = ["error", "warning", "ok"];
  const sorted = [...findings].sort((a, b) => order.indexOf(a.level) - order.indexOf(b.level));
  return [
    "## gitops-promote check-setup",
    "",
    headline,
    "",
    textCell(configNote, 200),
    "",
    markdownTable(
      ["", "Check"],
      sorted.map((finding) => [MARK[finding.level], textCell(finding.message, 100)])
    ),
    ""
  ].join("\n");
}
export {
  setupSummaryMarkdown
};
