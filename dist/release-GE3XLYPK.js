import { createRequire as __gitopsPromoteRequire } from 'node:module';
const require = __gitopsPromoteRequire(import.meta.url);
import {
  releaseOutputs,
  releaseSummaryMarkdown
} from "./chunk-5RX5IQPZ.js";
import "./chunk-7IFBAQBI.js";
import "./chunk-UUEMGMV6.js";
import "./chunk-7HOJAJTS.js";
import {
  readRepoLocation
} from "./chunk-HKZUM7UY.js";
import {
  readWorkflowSettings
} from "./chunk-XSLYZP73.js";
import {
  readConfigFile
} from "./chunk-3ZTRTI2E.js";
import {
  GitHubAccess,
  readCommitIdentity,
  readGitHubTarget
} from "./chunk-SUR34KUZ.js";
import "./chunk-5252AUVF.js";
import {
  readBoolean,
  readRequired,
  readString
} from "./chunk-2K47BRRI.js";
import "./chunk-CIZPIZZI.js";
import "./chunk-XGS3CYKT.js";
import "./chunk-R5DPHBG3.js";
import "./chunk-2FLGLOP2.js";
import "./chunk-JMTLMK35.js";
import {
  setOutputs,
  writeSummary
} from "./chunk-2LG6PE6H.js";
import "./chunk-5F2GK5IQ.js";
import "./chunk-EVMGEMOW.js";
import "./chunk-IFQTFODU.js";
import "./chunk-NKRLB5FG.js";

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
  run: async ({ inputs, context }) => (await import("./run-release-PK4M7CXQ.js")).runRelease(inputs, context),
  async report(outcome) {
    setOutputs(releaseOutputs(outcome));
    await writeSummary(releaseSummaryMarkdown(outcome));
  }
};
export {
  releaseCommand
};
