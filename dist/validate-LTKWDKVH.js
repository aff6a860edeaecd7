import { createRequire as __gitopsPromoteRequire } from 'node:module';
const require = __gitopsPromoteRequire(import.meta.url);
import {
  annotate,
  reportJson,
  validationFailure,
  writeValidationSummary
} from "./chunk-DKKOX44S.js";
import {
  readSchemaSettings
} from "./chunk-KQ4S6LH3.js";
import {
  readWorkflowSettings
} from "./chunk-BDPNLR6G.js";
import "./chunk-IXZHI5IN.js";
import {
  GitHubAccess,
  readConfigFile,
  readGitHubTarget
} from "./chunk-K3STJTHA.js";
import "./chunk-PJIM3TQK.js";
import {
  readBoolean,
  readFolder,
  readList,
  readString
} from "./chunk-AFBG3PXE.js";
import "./chunk-CIZPIZZI.js";
import "./chunk-RNX6SO6L.js";
import "./chunk-4SVVSOLR.js";
import {
  setOutputs
} from "./chunk-TLBHXSXE.js";
import "./chunk-JMTLMK35.js";
import "./chunk-OYWCN2N3.js";
import {
  InputError
} from "./chunk-M6GC7A4E.js";
import "./chunk-GVNCFEC6.js";
import "./chunk-NKRLB5FG.js";

// src/commands/validate.ts
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";

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

// src/commands/validate.ts
var validateCommand = {
  readInputs(run) {
    const inputs = {
      // validate reads a folder: the checkout at path, else the working folder (git or not).
      location: { kind: "checkout", path: readFolder("path", ".") },
      overlays: readList("overlays"),
      environment: readString("environment").trim(),
      settings: readWorkflowSettings(),
      schema: readSchemaSettings(),
      changedOnly: readBoolean("changed-only", false),
      baseRef: readString("base-ref", run.baseRef ? `origin/${run.baseRef}` : "").trim(),
      serverDryRun: readBoolean("server-dry-run", false),
      kubeconfig: readString("kubeconfig"),
      kubeContext: readString("kube-context").trim(),
      junitFile: resolve(readString("junit-file", join(run.tempDir, "gitops-promote-validate.junit.xml")))
    };
    if (inputs.serverDryRun && inputs.kubeconfig === "") throw new InputError("kubeconfig", "is required when server-dry-run is true.");
    if (inputs.changedOnly && inputs.baseRef === "") throw new InputError("base-ref", "is required when changed-only is true (outside a pull_request event).");
    return { inputs, context: { github: new GitHubAccess(readGitHubTarget(run), run, "to validate"), configFile: readConfigFile(), run } };
  },
  run: async ({ inputs, context }) => (await import("./run-validate-KWNVRHQV.js")).runValidate(inputs, context),
  async report({ report, root }, { inputs }, run) {
    annotate(report, root, run.workspace);
    await mkdir(dirname(inputs.junitFile), { recursive: true });
    await writeFile(inputs.junitFile, toJUnitXml(report));
    setOutputs({ valid: String(report.valid), report: reportJson(report), junit: inputs.junitFile });
    await writeValidationSummary(report);
    const failure = validationFailure(report);
    if (failure) throw failure;
  }
};
export {
  validateCommand
};
