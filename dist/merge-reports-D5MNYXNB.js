import { createRequire as __gitopsPromoteRequire } from 'node:module';
const require = __gitopsPromoteRequire(import.meta.url);
import {
  readIssueLabel,
  readJunitFile,
  readReportPatterns
} from "./chunk-66SZDPTZ.js";
import "./chunk-SGIT4A7Q.js";
import {
  GitHubAccess,
  readGitHubTarget
} from "./chunk-SUR34KUZ.js";
import "./chunk-5252AUVF.js";
import {
  readBoolean
} from "./chunk-2K47BRRI.js";
import "./chunk-CIZPIZZI.js";
import "./chunk-XGS3CYKT.js";
import "./chunk-ZHINN24W.js";
import "./chunk-EVMGEMOW.js";
import "./chunk-IFQTFODU.js";
import "./chunk-NKRLB5FG.js";

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
  run: async ({ inputs, context }) => (await import("./run-merge-reports-QSCUNTYI.js")).runMergeReports(inputs, context),
  async report(merged, { inputs }) {
    if (merged.command === "drift-check") {
      const { showDriftReport } = await import("./drift-output-2T5ZQNHU.js");
      await showDriftReport(merged.report, inputs.failOnDrift, merged.scope);
    } else {
      const { showValidationReport } = await import("./validation-output-HIQMKLER.js");
      await showValidationReport(merged.report, { annotationPrefix: merged.annotationPrefix, junitFile: inputs.junitFile, scope: merged.scope });
    }
  }
};
export {
  mergeReportsCommand
};
