import { createRequire as __gitopsPromoteRequire } from 'node:module';
const require = __gitopsPromoteRequire(import.meta.url);
import {
  readConfigFile
} from "./chunk-3ZTRTI2E.js";
import {
  GitHubAccess,
  readGitHubTarget
} from "./chunk-SUR34KUZ.js";
import "./chunk-5252AUVF.js";
import "./chunk-2K47BRRI.js";
import "./chunk-CIZPIZZI.js";
import "./chunk-XGS3CYKT.js";
import "./chunk-JMTLMK35.js";
import {
  setOutputs,
  writeSummary
} from "./chunk-2LG6PE6H.js";
import {
  markdownTable,
  textCell
} from "./chunk-5F2GK5IQ.js";
import {
  countOf
} from "./chunk-ZHINN24W.js";
import {
  ReportedFailure
} from "./chunk-EVMGEMOW.js";
import {
  error,
  info,
  warning
} from "./chunk-IFQTFODU.js";
import "./chunk-NKRLB5FG.js";

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

// src/commands/check-setup.ts
var checkSetupCommand = {
  readInputs: (run) => ({ github: new GitHubAccess(readGitHubTarget(run), run, "to check the set-up"), configFile: readConfigFile() }),
  run: async (context) => (await import("./run-check-setup-NJW4HLPU.js")).runCheckSetup(context),
  async report({ repository, configNote, findings }) {
    info(configNote);
    for (const finding of findings) {
      if (finding.level === "error") error(finding.message);
      else if (finding.level === "warning") warning(finding.message);
      else info(`\u2713 ${finding.message}`);
    }
    setOutputs({ problems: JSON.stringify(findings.filter((finding) => finding.level !== "ok")) });
    await writeSummary(setupSummaryMarkdown(repository, configNote, findings));
    const errors = findings.filter((finding) => finding.level === "error").length;
    if (errors > 0)
      throw new ReportedFailure(`check-setup found ${countOf(errors, "problem")} that ${errors === 1 ? "stops" : "stop"} the writing commands (above).`);
  }
};
export {
  checkSetupCommand
};
