const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  releaseOutputs,
  releaseSummaryMarkdown
} from "./chunk-6K4WVPK3.js";
import "./chunk-TAZTHVOV.js";
import "./chunk-Y3AGFE2I.js";
import "./chunk-VG2LPK36.js";
import {
  readRepoLocation
} from "./chunk-IW2SV5GN.js";
import {
  readWorkflowSettings
} from "./chunk-R4HJNM6D.js";
import {
  readConfigFile
} from "./chunk-EPQYLKCJ.js";
import {
  GitHubAccess,
  readCommitIdentity,
  readGitHubTarget
} from "./chunk-OB7VWS3F.js";
import "./chunk-OENRT2KS.js";
import "./chunk-MJQOG5ZV.js";
import {
  setOutputs,
  writeSummary
} from "./chunk-JDTB43W2.js";
import "./chunk-42JSCESC.js";
import {
  readBoolean,
  readRequired,
  readString
} from "./chunk-2TLWLIFK.js";
import "./chunk-FSIE4I26.js";
import "./chunk-WOKMQZGB.js";
import "./chunk-NZZWJ5E7.js";
import "./chunk-TTI4HSH7.js";
import "./chunk-KBKTDO2V.js";
import "./chunk-54KBGAUC.js";
import "./chunk-2QGGJF6Q.js";

// src/commands/release.ts
var releaseCommand = {
  readInputs(run) {
    const github = readGitHubTarget(run);
    const inputs = {
      location: readRepoLocation(github),
      environment: readRequired("environment").trim(),
      reason: readString("reason").trim(),
      branch: readString("branch").trim(),
      settings: readWorkflowSettings(),
      dryRun: readBoolean("dry-run", false),
      author: readCommitIdentity()
    };
    return {
      inputs,
      context: { github: new GitHubAccess(github, run, "to release a hold through the GitHub API or a pull request"), configFile: readConfigFile(), run }
    };
  },
  run: async ({ inputs, context }) => (await import("./run-release-4SGK6PGS.js")).runRelease(inputs, context),
  async report(outcome) {
    setOutputs(releaseOutputs(outcome));
    await writeSummary(releaseSummaryMarkdown(outcome));
  }
};
export {
  releaseCommand
};
