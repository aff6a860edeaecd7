const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  readControllerConnections
} from "./chunk-IF6GS2ZH.js";
import {
  parseRollbackTarget
} from "./chunk-XRAZZWRU.js";
import {
  rollbackOutputs,
  rollbackSummaryMarkdown
} from "./chunk-6K4WVPK3.js";
import "./chunk-TAZTHVOV.js";
import "./chunk-Y3AGFE2I.js";
import "./chunk-VG2LPK36.js";
import {
  readRepoLocation
} from "./chunk-IW2SV5GN.js";
import {
  readSchemaSettings
} from "./chunk-MZU5QY4W.js";
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
  parseDuration,
  readBoolean,
  readList,
  readRequired,
  readString
} from "./chunk-2TLWLIFK.js";
import "./chunk-FSIE4I26.js";
import "./chunk-WOKMQZGB.js";
import {
  exportVariable
} from "./chunk-NZZWJ5E7.js";
import "./chunk-ZPRKAVRY.js";
import "./chunk-TTI4HSH7.js";
import {
  InputError
} from "./chunk-KBKTDO2V.js";
import {
  COMMIT_SHA_VARIABLE
} from "./chunk-OKDCWDB5.js";
import "./chunk-54KBGAUC.js";
import "./chunk-2QGGJF6Q.js";

// src/inputs/hold-inputs.ts
var ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
function readHoldUntil(now = Date.now()) {
  return parseHoldUntil(readString("hold-until").trim(), now);
}
function parseHoldUntil(text, now) {
  if (text === "") return void 0;
  if (ISO_DATE.test(text)) {
    const at = Date.parse(/T\d{2}:\d{2}/.test(text) && !/(Z|[+-]\d{2}:?\d{2})$/.test(text) ? `${text}Z` : text);
    if (Number.isNaN(at)) throw new InputError("hold-until", `'${text}' is not a valid date.`);
    if (at <= now) throw new InputError("hold-until", `'${text}' has already passed; give a later date, or a duration such as 48h.`);
    return { kind: "date", at };
  }
  const ms = parseDuration(text);
  if (ms === void 0 || ms <= 0)
    throw new InputError("hold-until", `expected an ISO 8601 date (2026-12-24T18:00:00Z) or a duration such as 48h or 90m, got '${text}'.`);
  return { kind: "after", ms };
}

// src/commands/rollback.ts
var rollbackCommand = {
  readInputs(run) {
    const github = readGitHubTarget(run);
    const inputs = {
      location: readRepoLocation(github),
      environment: readRequired("environment").trim(),
      to: parseRollbackTarget(readList("to")),
      reason: readString("reason").trim(),
      holdUntil: readHoldUntil(),
      branch: readString("branch").trim(),
      settings: readWorkflowSettings(),
      verifyRender: readBoolean("verify-render", true),
      validation: readBoolean("validate", false) ? readSchemaSettings() : void 0,
      dryRun: readBoolean("dry-run", false),
      author: readCommitIdentity(),
      connections: readControllerConnections(run)
    };
    return {
      inputs,
      context: { github: new GitHubAccess(github, run, "to land a rollback through the GitHub API or a pull request"), configFile: readConfigFile(), run }
    };
  },
  run: async ({ inputs, context }) => (await import("./run-rollback-OS3R6ZLM.js")).runRollback(inputs, context),
  async report(outcome) {
    setOutputs(rollbackOutputs(outcome));
    if (outcome.commitSha && !outcome.pullRequest) exportVariable(COMMIT_SHA_VARIABLE, outcome.commitSha);
    await writeSummary(rollbackSummaryMarkdown(outcome));
  }
};
export {
  rollbackCommand
};
