import { createRequire as __gitopsPromoteRequire } from 'node:module';
const require = __gitopsPromoteRequire(import.meta.url);
import {
  COMMIT_SHA_VARIABLE
} from "./chunk-CT3GIZYJ.js";
import {
  DEFAULT_COMMIT_MESSAGE,
  parseImageArguments
} from "./chunk-F5Q5JQPA.js";
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
  readCommitIdentity,
  readGitHubTarget
} from "./chunk-OW7VW2Z2.js";
import "./chunk-5252AUVF.js";
import {
  readBoolean,
  readList,
  readRegExp,
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
import {
  exportVariable
} from "./chunk-IFQTFODU.js";
import "./chunk-NKRLB5FG.js";

// src/set-image/set-image-summary.ts
function setImageOutputs(outcome) {
  return {
    changed: String(changedBy(outcome)),
    "commit-sha": outcome.commitSha,
    "pull-request-number": outcome.pullRequest ? String(outcome.pullRequest.number) : "",
    "pull-request-url": outcome.pullRequest?.url ?? "",
    images: imagesOutput(outcome.changes)
  };
}
function setImageSummaryMarkdown(outcome) {
  const lines = [`## gitops-promote set-image${outcome.dryRun ? " (dry run)" : ""}`, ""];
  if (outcome.changes.length === 0) {
    lines.push("Every overlay already has these images; nothing was changed.", "");
  } else {
    lines.push(changesTable(outcome.changes, "Old \u2192 new"), "");
    lines.push(landingSentence(outcome), "");
  }
  if (outcome.superseded.length > 0) {
    lines.push(
      `Skipped, a concurrent run had already set a higher version: ${outcome.superseded.map((change) => `${codeCell(change.overlay)} ${codeCell(change.image)}`).join(", ")}.`,
      ""
    );
  }
  if (outcome.closed) lines.push(`Closed pull request #${outcome.closed}: everything it set is already in the environment.`, "");
  for (const refusal of outcome.refusals ?? []) lines.push(`\u26A0\uFE0F ${describeRefusal(refusal)}`, "");
  return lines.join("\n");
}
function landingSentence(outcome) {
  if (outcome.dryRun) return "Dry run: nothing was written.";
  if (outcome.pullRequest) {
    const { number, url, created, moved } = outcome.pullRequest;
    const what = created ? "opened" : moved ? "updated" : "already carries these images";
    return `Pull request <a href="${url}">#${number}</a> ${what} (commit ${codeCell(outcome.commitSha)}), into ${codeCell(outcome.branch)}.`;
  }
  return `Commit ${codeCell(outcome.commitSha)} on ${codeCell(outcome.branch)}${outcome.pushed ? ", pushed." : ", not pushed (push: false)."}`;
}

// src/commands/set-image.ts
var setImageCommand = {
  readInputs(run) {
    const github = readGitHubTarget(run);
    const inputs = {
      location: readRepoLocation(github),
      overlays: readList("overlays"),
      environment: readString("environment").trim(),
      images: parseImageArguments(readList("images")),
      push: readBoolean("push", true),
      branch: readString("branch").trim(),
      commitMessage: readString("commit-message", DEFAULT_COMMIT_MESSAGE),
      author: readCommitIdentity(),
      allowDowngrade: readBoolean("allow-downgrade", false),
      allowTags: readRegExp("allow-tags"),
      verifyRender: readBoolean("verify-render", true),
      validation: readBoolean("validate", false) ? readSchemaSettings() : void 0,
      dryRun: readBoolean("dry-run", false),
      settings: readWorkflowSettings()
    };
    const context = {
      github: new GitHubAccess(github, run, "to land set-image through the GitHub API or a pull request"),
      configFile: readConfigFile(),
      run
    };
    return { inputs, context };
  },
  run: async ({ inputs, context }) => (await import("./run-set-image-CP7PXA54.js")).runSetImage(inputs, context),
  async report(outcome) {
    setOutputs(setImageOutputs(outcome));
    if (outcome.commitSha && outcome.pushed) exportVariable(COMMIT_SHA_VARIABLE, outcome.commitSha);
    await writeSummary(setImageSummaryMarkdown(outcome));
  }
};
export {
  setImageCommand
};
