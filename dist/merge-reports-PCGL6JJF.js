const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  readIssueLabel,
  readJunitFile,
  readReportPatterns
} from "./chunk-26BRR75O.js";
import "./chunk-EUVYLUSK.js";
import {
  GitHubAccess,
  readGitHubTarget
} from "./chunk-OB7VWS3F.js";
import "./chunk-OENRT2KS.js";
import "./chunk-WACLQDPL.js";
import {
  readBoolean
} from "./chunk-2TLWLIFK.js";
import "./chunk-FSIE4I26.js";
import "./chunk-WOKMQZGB.js";
import "./chunk-NZZWJ5E7.js";
import "./chunk-KBKTDO2V.js";
import "./chunk-2QGGJF6Q.js";

// src/commands/merge-reports.ts
var mergeReportsCommand = {
  readInputs(run) {
    const inputs = {
      reports: readReportPatterns(),
      issueLabel: readIssueLabel(),
      failOnDrift: readBoolean("fail-on-drift", false),
      junitFile: readJunitFile(run)
    };
    return { inputs, context: { github: new GitHubAccess(readGitHubTarget(run), run, "to keep the tracking issue"), run, cwd: process.cwd() } };
  },
  run: async ({ inputs, context }) => (await import("./run-merge-reports-6ZOIMIM6.js")).runMergeReports(inputs, context),
  async report(merged, { inputs }) {
    if (merged.command === "drift-check") {
      const { showDriftReport } = await import("./drift-output-CPFWUROR.js");
      await showDriftReport(merged.report, inputs.failOnDrift, merged.scope);
    } else {
      const { showValidationReport } = await import("./validation-output-5TPNBIUH.js");
      await showValidationReport(merged.report, { annotationPrefix: merged.annotationPrefix, junitFile: inputs.junitFile, scope: merged.scope });
    }
  }
};
export {
  mergeReportsCommand
};
