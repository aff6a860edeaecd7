const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  countOf
} from "./chunk-WACLQDPL.js";
import {
  shortenAtWord
} from "./chunk-BMJ2XMMR.js";

// src/gates/gate-report.ts
var GATES_CONTEXT = "gitops-promote/gates";
var MAX_STATUS_DESCRIPTION = 140;
var COMMIT_STATE = { passed: "success", pending: "pending", failed: "failure" };
function statusDescription(verdict) {
  const blocking = verdict.gates.find((gate) => gate.state === "failed") ?? verdict.gates.find((gate) => gate.state === "pending");
  const text = blocking ? `${blocking.gate}: ${blocking.reason}` : `${countOf(verdict.gates.length, "gate")} met: ${verdict.gates.map((gate) => gate.gate).join(", ")}`;
  return shortenAtWord(text, MAX_STATUS_DESCRIPTION);
}
function gateChecklist(verdict) {
  return verdict.gates.map((gate) => ({
    text: `Gate ${gate.gate}: ${gate.title}${gate.details.length > 0 ? ` (${gate.details.join("; ")})` : ""}`,
    checked: gate.state === "passed",
    note: gate.state === "passed" ? void 0 : `${gate.state}: ${gate.reason}`
  }));
}
var ICON = { passed: "\u2705", pending: "\u23F3", failed: "\u274C" };
function gatesSummaryMarkdown(verdict) {
  const rows = verdict.gates.map((gate) => `| ${gate.gate} | ${ICON[gate.state]} ${gate.state} | ${cell(gate.reason)} | ${cell(gate.details.join("<br>"))} |`);
  return [`### Gates: ${verdict.state}`, "", "| Gate | State | Reason | Seen |", "| --- | --- | --- | --- |", ...rows, ""].join("\n");
}
function gatesOutput(verdict) {
  if (!verdict) return "[]";
  return JSON.stringify(verdict.gates.map(({ gate, state, reason, details }) => ({ gate, state, reason, seen: details })));
}
var cell = (text) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

export {
  GATES_CONTEXT,
  COMMIT_STATE,
  statusDescription,
  gateChecklist,
  gatesSummaryMarkdown,
  gatesOutput
};
