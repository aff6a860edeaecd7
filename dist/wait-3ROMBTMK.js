const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  readControllerConnections
} from "./chunk-IF6GS2ZH.js";
import {
  readWorkflowSettings
} from "./chunk-R4HJNM6D.js";
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
  readBoolean,
  readChoice,
  readDuration,
  readFolder,
  readList,
  readString
} from "./chunk-2TLWLIFK.js";
import "./chunk-FSIE4I26.js";
import "./chunk-WOKMQZGB.js";
import {
  info,
  notice
} from "./chunk-NZZWJ5E7.js";
import {
  UserError
} from "./chunk-KBKTDO2V.js";
import "./chunk-2QGGJF6Q.js";

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
  run: async ({ inputs, context }) => (await import("./run-wait-BLH66MHK.js")).runWait(inputs, context),
  async report(outcome) {
    const [{ shortSha }, { setOutputs, writeSummary }, { waitOutputs, waitSummaryMarkdown }] = await Promise.all([
      import("./wait-types-G5SFAEFP.js"),
      import("./job-summary-CLC44BB5.js"),
      import("./wait-report-KG5JTZSM.js")
    ]);
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
