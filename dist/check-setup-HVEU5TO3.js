const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  readConfigFile
} from "./chunk-EPQYLKCJ.js";
import {
  GitHubAccess,
  readGitHubTarget
} from "./chunk-OB7VWS3F.js";
import "./chunk-OENRT2KS.js";
import "./chunk-42JSCESC.js";
import {
  countOf
} from "./chunk-WACLQDPL.js";
import "./chunk-2TLWLIFK.js";
import "./chunk-FSIE4I26.js";
import "./chunk-WOKMQZGB.js";
import {
  error,
  info,
  warning
} from "./chunk-NZZWJ5E7.js";
import {
  ReportedFailure
} from "./chunk-KBKTDO2V.js";
import "./chunk-2QGGJF6Q.js";

// src/commands/check-setup.ts
var checkSetupCommand = {
  readInputs: (run) => ({ github: new GitHubAccess(readGitHubTarget(run), run, "to check the set-up"), configFile: readConfigFile() }),
  run: async (context) => (await import("./run-check-setup-AZSPXO3C.js")).runCheckSetup(context),
  async report({ repository, configNote, findings }) {
    const [{ setupSummaryMarkdown }, { setOutputs, writeSummary }] = await Promise.all([
      import("./setup-summary-JHNDBDWF.js"),
      import("./job-summary-CLC44BB5.js")
    ]);
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
