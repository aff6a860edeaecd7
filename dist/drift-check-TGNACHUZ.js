import { createRequire as __gitopsPromoteRequire } from 'node:module';
const require = __gitopsPromoteRequire(import.meta.url);
import {
  readControllerConnections
} from "./chunk-VFXWVS2F.js";
import {
  readRepoLocation
} from "./chunk-Q2UTRBXS.js";
import {
  readWorkflowSettings
} from "./chunk-BDPNLR6G.js";
import {
  GitHubAccess,
  readConfigFile,
  readGitHubTarget
} from "./chunk-K3STJTHA.js";
import "./chunk-PJIM3TQK.js";
import {
  readBoolean,
  readDuration,
  readList,
  readString
} from "./chunk-AFBG3PXE.js";
import "./chunk-CIZPIZZI.js";
import "./chunk-RNX6SO6L.js";
import {
  setOutputs,
  writeSummary
} from "./chunk-TLBHXSXE.js";
import "./chunk-JMTLMK35.js";
import {
  countOf
} from "./chunk-OYWCN2N3.js";
import {
  InputError,
  UserError
} from "./chunk-M6GC7A4E.js";
import {
  info,
  warning
} from "./chunk-GVNCFEC6.js";
import "./chunk-NKRLB5FG.js";

// src/commands/drift-check.ts
var driftCheckCommand = {
  readInputs(run) {
    const github = readGitHubTarget(run);
    const issueLabel = readString("issue").trim();
    if (issueLabel.includes(",")) throw new InputError("issue", `'${issueLabel}' must be one label (no commas).`);
    const inputs = {
      location: readRepoLocation(github),
      environments: readList("environment"),
      apps: readList("apps"),
      issueLabel,
      failOnDrift: readBoolean("fail-on-drift", false),
      maxSkew: readString("max-skew"),
      staleAfterMs: readDuration("stale-after", "10m"),
      connections: readControllerConnections(run),
      controllerSettings: readWorkflowSettings()
    };
    return { inputs, context: { github: new GitHubAccess(github, run, "for drift-check"), configFile: readConfigFile(), run } };
  },
  run: async ({ inputs, context }) => (await import("./run-drift-check-FO7DZ7TQ.js")).runDriftCheck(inputs, context),
  async report(report, { inputs }) {
    setOutputs({ report: JSON.stringify(report), drifted: String(report.drifted) });
    const { summaryMarkdown } = await import("./report-markdown-XNA7HWNV.js");
    await writeSummary(summaryMarkdown(report));
    const drift = report.items.filter((item) => item.drift);
    for (const item of drift) warning(`${item.environment} / ${item.app}: ${item.kind}: ${item.message}`);
    for (const note of report.notes) warning(note);
    info(report.drifted ? `Drift: ${countOf(drift.length, "item")}.` : "No drift: every environment runs what git says.");
    if (report.drifted && inputs.failOnDrift) {
      throw new UserError(`Drift found (${drift.length}): ${drift.map((item) => `${item.environment}/${item.app} ${item.kind}`).join(", ")}.`);
    }
  }
};
export {
  driftCheckCommand
};
