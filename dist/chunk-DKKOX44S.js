import { createRequire as __gitopsPromoteRequire } from 'node:module';
const require = __gitopsPromoteRequire(import.meta.url);
import {
  codeCell,
  markdownTable,
  textCell
} from "./chunk-4SVVSOLR.js";
import {
  writeSummary
} from "./chunk-TLBHXSXE.js";
import {
  countOf
} from "./chunk-OYWCN2N3.js";
import {
  UserError
} from "./chunk-M6GC7A4E.js";
import {
  error,
  notice,
  summary,
  warning
} from "./chunk-GVNCFEC6.js";

// src/validate/validation-output.ts
import { relative, sep } from "node:path";

// src/log/log-once.ts
var said = /* @__PURE__ */ new Set();
function isFirstMention(key) {
  if (said.has(key)) return false;
  said.add(key);
  return true;
}
function errorOnce(message, properties = {}) {
  if (isFirstMention(`error
${message}
${JSON.stringify(properties)}`)) error(message, properties);
}
function noticeOnce(message, properties = {}) {
  if (isFirstMention(`notice
${message}
${JSON.stringify(properties)}`)) notice(message, properties);
}
function warningOnce(message, properties = {}) {
  if (isFirstMention(`warning
${message}
${JSON.stringify(properties)}`)) warning(message, properties);
}

// src/validate/validation-summary.ts
function validationSummaryMarkdown(report) {
  const overlays = report.overlays.length;
  const sections = [
    `## gitops-promote validate: ${report.valid ? "valid" : "invalid"}`,
    `Kubernetes ${report.kubernetesVersion} schemas${report.serverDryRun ? ", and a server dry-run" : ""}; ${countOf(overlays, "overlay")}.`,
    ...report.overlays.flatMap(overlaySection)
  ];
  return `${sections.join("\n\n")}
`;
}
function overlaySection(overlay) {
  const findings = [...overlay.errors, ...overlay.warnings, ...overlay.notices];
  const status = overlay.errors.length > 0 ? "\u274C" : overlay.warnings.length > 0 ? "\u26A0\uFE0F" : "\u2705";
  const counts = `${countOf(overlay.resources, "resource")}, ${countOf(overlay.errors.length, "error")}, ${countOf(overlay.warnings.length, "warning")}; rendered in ${overlay.renderMs} ms, validated in ${overlay.validateMs} ms` + (overlay.serverDryRunMs !== void 0 ? `, server dry-run in ${overlay.serverDryRunMs} ms` : "") + ".";
  const section = [`### ${status} ${overlay.overlay}`, counts];
  if (findings.length > 0) section.push(markdownTable(["Severity", "Check", "Resource", "Where", "Finding"], findings.map(findingRow)));
  return section;
}
function findingRow(finding) {
  return [finding.severity, finding.rule, codeCell(finding.resource ?? ""), codeCell(location(finding)), textCell(finding.message)];
}
function location(finding) {
  return finding.file ? `${finding.file}${finding.line ? `:${finding.line}` : ""}` : "";
}

// src/validate/validation-output.ts
function reportJson(report) {
  return JSON.stringify(
    report.overlays.map((overlay) => ({
      overlay: overlay.overlay,
      resources: overlay.resources,
      errors: overlay.errors,
      warnings: overlay.warnings,
      notices: overlay.notices,
      timeMs: {
        render: overlay.renderMs,
        validate: overlay.validateMs,
        ...overlay.serverDryRunMs !== void 0 ? { serverDryRun: overlay.serverDryRunMs } : {}
      }
    }))
  );
}
function annotate(report, repoRoot, workspace) {
  const prefix = workspace ? relative(workspace, repoRoot).split(sep).join("/") : "";
  const inWorkspace = prefix === "" || !prefix.startsWith("..");
  for (const overlay of report.overlays) {
    for (const finding of [...overlay.errors, ...overlay.warnings, ...overlay.notices]) {
      const file = finding.file && inWorkspace && !finding.file.startsWith("/") ? prefix ? `${prefix}/${finding.file}` : finding.file : finding.file;
      const properties = { title: `validate ${overlay.overlay}: ${finding.rule}`, file, startLine: finding.line };
      const message = finding.resource ? `${finding.resource}: ${finding.message}` : finding.message;
      if (finding.severity === "error") errorOnce(message, properties);
      else if (finding.severity === "warning") warningOnce(message, properties);
      else noticeOnce(message, properties);
    }
  }
}
async function writeValidationSummary(report) {
  summary.addRaw(validationSummaryMarkdown(report));
  await writeSummary();
}
function validationFailure(report) {
  if (report.valid) return void 0;
  const failed = report.overlays.filter((overlay) => overlay.errors.length > 0);
  const errors = failed.reduce((sum, overlay) => sum + overlay.errors.length, 0);
  return new UserError(
    `${countOf(errors, "validation error")} in ${failed.map((overlay) => overlay.overlay).join(", ")}; see the annotations and the job summary.`
  );
}

export {
  isFirstMention,
  warningOnce,
  reportJson,
  annotate,
  writeValidationSummary,
  validationFailure
};
