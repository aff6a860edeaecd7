import { createRequire as __gitopsPromoteRequire } from 'node:module';
const require = __gitopsPromoteRequire(import.meta.url);
import {
  summaryMarkdown
} from "./chunk-UHIU3Y76.js";
import "./chunk-GSVFKKFK.js";
import "./chunk-67GET7MB.js";
import {
  setOutputs,
  writeSummary
} from "./chunk-2LG6PE6H.js";
import "./chunk-5F2GK5IQ.js";
import {
  countOf
} from "./chunk-ZHINN24W.js";
import {
  UserError
} from "./chunk-EVMGEMOW.js";
import {
  info,
  warning
} from "./chunk-IFQTFODU.js";
import "./chunk-NKRLB5FG.js";

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
