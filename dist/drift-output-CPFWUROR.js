const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  summaryMarkdown
} from "./chunk-DBOPO3AK.js";
import "./chunk-JTSTUOVQ.js";
import "./chunk-6QCDGUAS.js";
import "./chunk-W3WLHFYS.js";
import "./chunk-MJQOG5ZV.js";
import {
  setOutputs,
  writeSummary
} from "./chunk-JDTB43W2.js";
import {
  countOf
} from "./chunk-WACLQDPL.js";
import "./chunk-IWNANG2Q.js";
import {
  info,
  warning
} from "./chunk-NZZWJ5E7.js";
import {
  UserError
} from "./chunk-KBKTDO2V.js";
import "./chunk-2QGGJF6Q.js";

// src/drift/drift-output.ts
async function showDriftReport(report, failOnDrift, scope) {
  setOutputs({ report: JSON.stringify(report), drifted: String(report.drifted) });
  await writeSummary(summaryMarkdown(report, scope));
  const drift = report.items.filter((item) => item.drift);
  for (const item of drift) warning(`${item.environment} / ${item.app}: ${item.kind}: ${item.message}`);
  for (const note of report.notes) warning(note);
  info(report.drifted ? `Drift: ${countOf(drift.length, "item")}.` : "No drift: every environment runs what git says.");
  if (report.drifted && failOnDrift) {
    throw new UserError(`Drift found (${drift.length}): ${drift.map((item) => `${item.environment}/${item.app} ${item.kind}`).join(", ")}.`);
  }
}
export {
  showDriftReport
};
