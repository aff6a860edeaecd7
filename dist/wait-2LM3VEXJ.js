import { createRequire as __gitopsPromoteRequire } from 'node:module';
const require = __gitopsPromoteRequire(import.meta.url);
import {
  waitOutputs,
  waitSummaryMarkdown
} from "./chunk-6PZWOGAM.js";
import {
  shortSha
} from "./chunk-GSVFKKFK.js";
import {
  readControllerConnections
} from "./chunk-YAURZUJP.js";
import {
  readWorkflowSettings
} from "./chunk-XSLYZP73.js";
import {
  readConfigFile
} from "./chunk-3ZTRTI2E.js";
import {
  GitHubAccess,
  readGitHubTarget
} from "./chunk-SUR34KUZ.js";
import "./chunk-5252AUVF.js";
import {
  readBoolean,
  readChoice,
  readDuration,
  readFolder,
  readList,
  readString
} from "./chunk-2K47BRRI.js";
import "./chunk-CIZPIZZI.js";
import "./chunk-XGS3CYKT.js";
import "./chunk-JMTLMK35.js";
import {
  setOutputs,
  writeSummary
} from "./chunk-2LG6PE6H.js";
import "./chunk-5F2GK5IQ.js";
import {
  UserError
} from "./chunk-EVMGEMOW.js";
import {
  info,
  notice
} from "./chunk-IFQTFODU.js";
import "./chunk-NKRLB5FG.js";

// src/commands/wait.ts
var waitCommand = {
  readInputs(run) {
    const target = readGitHubTarget(run);
    const inputs = {
      location: { kind: "checkout", path: readFolder("path", ".") },
      settings: readWorkflowSettings(),
      revision: readString("revision").trim(),
      environment: readString("environment").trim(),
      apps: readList("apps"),
      argocdApps: readList("argocd-app"),
      fluxNames: readList("flux-name"),
      timeoutMs: readDuration("timeout", "10m"),
      failFast: readBoolean("fail-fast", true),
      degradedGraceMs: readDuration("degraded-grace", "30s"),
      argocd: {
        refresh: readChoice("argocd-refresh", ["normal", "hard"], "normal"),
        sync: readBoolean("argocd-sync", false),
        watch: readChoice("argocd-watch", ["stream", "poll"], "stream")
      },
      flux: { reconcile: readBoolean("flux-reconcile", false) },
      connections: readControllerConnections(run),
      deployment: readBoolean("deployment", false),
      environmentUrl: readString("environment-url").trim(),
      commentOnPullRequest: readBoolean("comment-on-pr", true)
    };
    return { inputs, context: { target, github: new GitHubAccess(target, run, "to compare commits"), configFile: readConfigFile(), run } };
  },
  run: async ({ inputs, context }) => (await import("./run-wait-CJG5SJFL.js")).runWait(inputs, context),
  async report(outcome) {
    setOutputs(waitOutputs(outcome));
    await writeSummary(waitSummaryMarkdown(outcome));
    if (outcome.failure) throw new UserError(outcome.failure);
    for (const object of outcome.objects) if (object.status.note) notice(`${object.target.label}: ${object.status.note}`);
    const { objects, expected } = outcome;
    info(
      objects.length === 1 ? `${objects[0].target.label} runs ${shortSha(expected)} and is healthy.` : `All ${objects.length} objects run ${shortSha(expected)} and are healthy.`
    );
  }
};
export {
  waitCommand
};
