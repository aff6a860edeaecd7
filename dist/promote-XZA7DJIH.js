import { createRequire as __gitopsPromoteRequire } from 'node:module';
const require = __gitopsPromoteRequire(import.meta.url);
import {
  readRepoLocation
} from "./chunk-QP4WRREJ.js";
import {
  readSchemaSettings
} from "./chunk-3VUBFDJ3.js";
import {
  readWorkflowSettings
} from "./chunk-PY346KCL.js";
import {
  readConfigFile
} from "./chunk-YR2ASN5U.js";
import {
  GitHubAccess,
  parseSourceRepositories,
  readCommitIdentity,
  readGitHubTarget
} from "./chunk-OW7VW2Z2.js";
import "./chunk-5252AUVF.js";
import {
  readBoolean,
  readList,
  readString
} from "./chunk-BNTNX62G.js";
import "./chunk-CIZPIZZI.js";
import "./chunk-XGS3CYKT.js";
import {
  changedBy,
  changesTable,
  imagesOutput
} from "./chunk-HFFNHH4P.js";
import "./chunk-JD54SNLE.js";
import "./chunk-VN7I4G2T.js";
import {
  setOutputs,
  writeSummary
} from "./chunk-2LG6PE6H.js";
import {
  codeCell
} from "./chunk-5F2GK5IQ.js";
import {
  describeRefusal
} from "./chunk-W4H2XYZO.js";
import "./chunk-DYOLF7OW.js";
import "./chunk-JMTLMK35.js";
import "./chunk-ZHINN24W.js";
import "./chunk-EVMGEMOW.js";
import "./chunk-IFQTFODU.js";
import "./chunk-NKRLB5FG.js";

// src/promote/promotion-summary.ts
function promoteOutputs(outcome) {
  return {
    changed: String(changedBy(outcome)),
    "commit-sha": outcome.commitSha,
    "pull-request-number": outcome.pullRequest ? String(outcome.pullRequest.number) : "",
    "pull-request-url": outcome.pullRequest?.url ?? "",
    images: imagesOutput(outcome.changes, (change) => ({ app: change.app }))
  };
}
function promotionSummaryMarkdown(outcome) {
  const lines = [`## gitops-promote promote: ${outcome.from} \u2192 ${outcome.to}${outcome.dryRun ? " (dry run)" : ""}`, ""];
  if (outcome.changes.length === 0) {
    lines.push(
      `${outcome.to} already runs what ${outcome.from} runs; nothing was promoted.${outcome.closed ? ` Closed the empty pull request #${outcome.closed}.` : ""}`,
      ""
    );
  } else {
    lines.push(changesTable(outcome.changes, "Now \u2192 promoted"), "");
    if (outcome.pullRequest) {
      const { url, number, created, moved } = outcome.pullRequest;
      lines.push(`Pull request <a href="${url}">#${number}</a> ${created ? "opened" : moved ? "updated" : "already carries this promotion"}.`, "");
    } else if (outcome.commitSha) {
      lines.push(`Commit ${codeCell(outcome.commitSha)}.`, "");
    }
  }
  for (const refusal of outcome.refusals) lines.push(`\u26A0\uFE0F ${describeRefusal(refusal)}`, "");
  if (outcome.requests) lines.push(`GitHub API requests: ${outcome.requests.reads} reads, ${outcome.requests.writes} writes.`, "");
  return lines.join("\n");
}

// src/commands/promote.ts
var promoteCommand = {
  readInputs(run) {
    const github = readGitHubTarget(run);
    const inputs = {
      location: readRepoLocation(github),
      from: readString("from").trim(),
      to: readString("to").trim(),
      apps: readList("apps"),
      sourceRepositories: parseSourceRepositories(readList("source-repository")),
      branch: readString("branch").trim(),
      settings: readWorkflowSettings(),
      verifyRender: readBoolean("verify-render", true),
      validation: readBoolean("validate", false) ? readSchemaSettings() : void 0,
      dryRun: readBoolean("dry-run", false),
      author: readCommitIdentity(),
      commitMessage: readString("commit-message")
    };
    return { inputs, context: { github: new GitHubAccess(github, run, "to open promotion pull requests"), configFile: readConfigFile(), run } };
  },
  run: async ({ inputs, context }) => (await import("./run-promotion-ZINQIXEA.js")).runPromotion(inputs, context),
  async report(outcome) {
    setOutputs(promoteOutputs(outcome));
    await writeSummary(promotionSummaryMarkdown(outcome));
  }
};
export {
  promoteCommand
};
