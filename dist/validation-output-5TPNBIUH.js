const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  codeCell,
  markdownTable,
  textCell
} from "./chunk-MJQOG5ZV.js";
import {
  setOutputs,
  writeSummary
} from "./chunk-JDTB43W2.js";
import {
  countOf
} from "./chunk-WACLQDPL.js";
import {
  errorOnce,
  noticeOnce,
  warningOnce
} from "./chunk-7ASTRFFL.js";
import {
  summary
} from "./chunk-NZZWJ5E7.js";
import {
  UserError
} from "./chunk-KBKTDO2V.js";
import "./chunk-2QGGJF6Q.js";

// src/validate/validation-output.ts
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, relative, sep } from "node:path";

// src/validate/junit-report.ts
function toJUnitXml(report) {
  const suites = report.overlays.map((overlay) => {
    const seconds = ((overlay.renderMs + overlay.validateMs + (overlay.serverDryRunMs ?? 0)) / 1e3).toFixed(3);
    const cases = [
      ...overlay.errors.map(
        (finding) => testCase(overlay.overlay, finding, `<failure message="${attribute(finding.message)}" type="${finding.rule}">${text(where(finding))}</failure>`)
      ),
      ...overlay.warnings.map((finding) => testCase(overlay.overlay, finding, `<skipped message="${attribute(`warning: ${finding.message}`)}"/>`))
    ];
    if (cases.length === 0)
      cases.push(`    <testcase classname="${attribute(overlay.overlay)}" name="${attribute(`${overlay.resources} resources valid`)}" time="${seconds}"/>`);
    return `  <testsuite name="${attribute(overlay.overlay)}" tests="${cases.length}" failures="${overlay.errors.length}" errors="0" skipped="${overlay.warnings.length}" time="${seconds}">
${cases.join("\n")}
  </testsuite>`;
  });
  const failures = report.overlays.reduce((sum, overlay) => sum + overlay.errors.length, 0);
  const tests = report.overlays.reduce((sum, overlay) => sum + Math.max(1, overlay.errors.length + overlay.warnings.length), 0);
  return `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="gitops-promote validate" tests="${tests}" failures="${failures}">
${suites.join("\n")}
</testsuites>
`;
}
function testCase(overlay, finding, body) {
  const name = `${finding.rule}: ${finding.resource ?? overlay}`;
  const file = finding.file ? ` file="${attribute(finding.file)}"${finding.line ? ` line="${finding.line}"` : ""}` : "";
  return `    <testcase classname="${attribute(overlay)}" name="${attribute(name)}"${file}>
      ${body}
    </testcase>`;
}
function where(finding) {
  return finding.file ? `${finding.file}${finding.line ? `:${finding.line}` : ""}: ${finding.message}` : finding.message;
}
function text(value) {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
function attribute(value) {
  return text(value).replace(/"/g, "&quot;").replace(/\n/g, "&#10;");
}

// src/validate/validation-summary.ts
function validationSummaryMarkdown(report, scope) {
  const overlays = report.overlays.length;
  const sections = [
    `## gitops-promote validate: ${report.valid ? "valid" : "invalid"}`,
    `Kubernetes ${report.kubernetesVersion} schemas${report.serverDryRun ? ", and a server dry-run" : ""}; ${countOf(overlays, "overlay")}.`,
    ...scope ? [scope] : [],
    ...report.overlays.flatMap(overlaySection)
  ];
  return `${sections.join("\n\n")}
`;
}
function overlaySection(overlay) {
  const findings = [...overlay.errors, ...overlay.warnings, ...overlay.notices];
  const status = overlay.errors.length > 0 ? "\u274C" : overlay.warnings.length > 0 ? "\u26A0\uFE0F" : "\u2705";
  const counts = `${countOf(overlay.resources, "resource")}, ${countOf(overlay.errors.length, "error")}, ${countOf(overlay.warnings.length, "warning")}; rendered in ${overlay.renderMs} ms, validated in ${Math.round(overlay.validateMs)} ms` + (overlay.serverDryRunMs !== void 0 ? `, server dry-run in ${overlay.serverDryRunMs} ms` : "") + ".";
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
        validateCpu: overlay.validateCpuMs,
        ...overlay.serverDryRunMs !== void 0 ? { serverDryRun: overlay.serverDryRunMs } : {}
      }
    }))
  );
}
function annotate(report, repoRoot, workspace) {
  annotateFindings(report, annotationPrefix(repoRoot, workspace));
}
function annotationPrefix(repoRoot, workspace) {
  return workspace ? relative(workspace, repoRoot).split(sep).join("/") : "";
}
function annotateFindings(report, prefix) {
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
async function writeValidationSummary(report, scope) {
  summary.addRaw(validationSummaryMarkdown(report, scope));
  await writeSummary();
}
async function showValidationReport(report, shown) {
  annotateFindings(report, shown.annotationPrefix);
  await mkdir(dirname(shown.junitFile), { recursive: true });
  await writeFile(shown.junitFile, toJUnitXml(report));
  setOutputs({ valid: String(report.valid), report: reportJson(report), junit: shown.junitFile, ...shown.outputs });
  await writeValidationSummary(report, shown.scope);
  const failure = validationFailure(report);
  if (failure) throw failure;
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
  annotate,
  annotateFindings,
  annotationPrefix,
  reportJson,
  showValidationReport,
  validationFailure,
  writeValidationSummary
};
