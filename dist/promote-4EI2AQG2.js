import { createRequire as __gitopsPromoteRequire } from 'node:module';
const require = __gitopsPromoteRequire(import.meta.url);
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
  parseSourceRepositories,
  readCommitIdentity,
  readGitHubTarget
} from "./chunk-SUR34KUZ.js";
import "./chunk-5252AUVF.js";
import {
  readBoolean,
  readList,
  readString
} from "./chunk-2K47BRRI.js";
import "./chunk-CIZPIZZI.js";
import {
  gatesOutput,
  gatesSummaryMarkdown,
  statusDescription
} from "./chunk-JRJT67WC.js";
import "./chunk-KZG5HD5P.js";
import "./chunk-XGS3CYKT.js";
import {
  changedBy,
  changesTable,
  imagesOutput
} from "./chunk-R5DPHBG3.js";
import "./chunk-2FLGLOP2.js";
import {
  describeRefusal
} from "./chunk-TLFP6N4M.js";
import "./chunk-U3CEUUQP.js";
import "./chunk-JMTLMK35.js";
import {
  setOutputs,
  writeSummary
} from "./chunk-2LG6PE6H.js";
import {
  codeCell
} from "./chunk-5F2GK5IQ.js";
import "./chunk-ZHINN24W.js";
import {
  UserError
} from "./chunk-EVMGEMOW.js";
import {
  notice,
  warning
} from "./chunk-IFQTFODU.js";
import "./chunk-NKRLB5FG.js";

// src/promote/promotion-summary.ts
function promoteOutputs(outcome) {
  return {
    changed: String(changedBy(outcome)),
    "commit-sha": outcome.commitSha,
    "pull-request-number": outcome.pullRequest ? String(outcome.pullRequest.number) : "",
    "pull-request-url": outcome.pullRequest?.url ?? "",
    images: imagesOutput(outcome.changes, (change) => ({ app: change.app })),
    gated: outcome.gates?.state ?? "",
    gates: gatesOutput(outcome.gates)
  };
}
function promotionSummaryMarkdown(outcome) {
  const lines = [`## gitops-promote promote: ${outcome.from} \u2192 ${outcome.to}${outcome.dryRun ? " (dry run)" : ""}`, ""];
  if (outcome.overriddenHold) lines.push(outcome.overriddenHold, "");
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
  if (outcome.gates) {
    lines.push(gatesSummaryMarkdown(outcome.gates));
    if (outcome.held) lines.push(`Not committed: the gates of ${outcome.to} are ${outcome.gates.state}.`, "");
  }
  for (const refusal of outcome.refusals) lines.push(`\u26A0\uFE0F ${describeRefusal(refusal)}`, "");
  if (outcome.requests) lines.push(`GitHub API requests: ${outcome.requests.reads} reads, ${outcome.requests.writes} writes.`, "");
  return lines.join("\n");
}
function gateAnnouncement(outcome, failOnPending) {
  const verdict = outcome.gates;
  if (!verdict || verdict.state === "passed") return {};
  const why = statusDescription(verdict);
  if (outcome.held) {
    const text = `The promotion gates of ${outcome.to} are ${verdict.state} (${why}); nothing was committed.`;
    if (verdict.state === "failed" || failOnPending) return { fail: text };
    return { notice: `${text} Run promote again once the gates can pass.` };
  }
  if (outcome.dryRun) return { notice: `The promotion gates of ${outcome.to} are ${verdict.state}: ${why}` };
  const where = outcome.pullRequest ? ` on pull request #${outcome.pullRequest.number}` : "";
  return { [verdict.state === "failed" ? "warning" : "notice"]: `The promotion gates of ${outcome.to} are ${verdict.state}${where}: ${why}` };
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
      commitMessage: readString("commit-message"),
      connections: readControllerConnections(run),
      failOnPending: readBoolean("fail-on-pending", false),
      overrideHold: readBoolean("override-hold", false)
    };
    return { inputs, context: { github: new GitHubAccess(github, run, "to open promotion pull requests"), configFile: readConfigFile(), run } };
  },
  run: async ({ inputs, context }) => (await import("./run-promotion-RIS7CP5K.js")).runPromotion(inputs, context),
  async report(outcome, { inputs }) {
    setOutputs(promoteOutputs(outcome));
    await writeSummary(promotionSummaryMarkdown(outcome));
    const said = gateAnnouncement(outcome, inputs.failOnPending);
    if (said.fail) throw new UserError(said.fail);
    if (said.warning) warning(said.warning);
    if (said.notice) notice(said.notice);
  }
};
export {
  promoteCommand
};
