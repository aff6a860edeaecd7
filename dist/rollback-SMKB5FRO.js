import { createRequire as __gitopsPromoteRequire } from 'node:module';
const require = __gitopsPromoteRequire(import.meta.url);
import {
  parseRollbackTarget
} from "./chunk-QC5FF5NY.js";
import {
  rollbackOutputs,
  rollbackSummaryMarkdown
} from "./chunk-5RX5IQPZ.js";
import "./chunk-7IFBAQBI.js";
import "./chunk-UUEMGMV6.js";
import "./chunk-7HOJAJTS.js";
import {
  COMMIT_SHA_VARIABLE
} from "./chunk-3YPDG6NJ.js";
import {
  readControllerConnections
} from "./chunk-YAURZUJP.js";
import {
  readRepoLocation
} from "./chunk-HKZUM7UY.js";
import {
  readSchemaSettings
} from "./chunk-IZIITBR5.js";
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
  parseDuration,
  readBoolean,
  readList,
  readRequired,
  readString
} from "./chunk-2K47BRRI.js";
import "./chunk-CIZPIZZI.js";
import "./chunk-XGS3CYKT.js";
import "./chunk-R5DPHBG3.js";
import "./chunk-2FLGLOP2.js";
import "./chunk-U3CEUUQP.js";
import "./chunk-JMTLMK35.js";
import {
  setOutputs,
  writeSummary
} from "./chunk-2LG6PE6H.js";
import "./chunk-5F2GK5IQ.js";
import {
  InputError
} from "./chunk-EVMGEMOW.js";
import {
  exportVariable
} from "./chunk-IFQTFODU.js";
import "./chunk-NKRLB5FG.js";

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
  run: async ({ inputs, context }) => (await import("./run-rollback-Y76I42TN.js")).runRollback(inputs, context),
  async report(outcome) {
    setOutputs(rollbackOutputs(outcome));
    if (outcome.commitSha && !outcome.pullRequest) exportVariable(COMMIT_SHA_VARIABLE, outcome.commitSha);
    await writeSummary(rollbackSummaryMarkdown(outcome));
  }
};
export {
  rollbackCommand
};
