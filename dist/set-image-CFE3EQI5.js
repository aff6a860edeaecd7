import { createRequire as __gitopsPromoteRequire } from 'node:module';
const require = __gitopsPromoteRequire(import.meta.url);
import {
  COMMIT_SHA_VARIABLE
} from "./chunk-3SMBKCST.js";
import {
  DEFAULT_COMMIT_MESSAGE
} from "./chunk-QCUVQI63.js";
import {
  parseImageArguments
} from "./chunk-RGNCCORJ.js";
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
  readBoolean,
  readList,
  readRegExp,
  readString
} from "./chunk-2K47BRRI.js";
import "./chunk-CIZPIZZI.js";
import "./chunk-XGS3CYKT.js";
import {
  changedBy,
  changesTable,
  imagesOutput
} from "./chunk-HFFNHH4P.js";
import "./chunk-VN7I4G2T.js";
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
  if (outcome.overriddenHold) lines.push(outcome.overriddenHold, "");
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
      settings: readWorkflowSettings(),
      overrideHold: readBoolean("override-hold", false)
    };
    const context = {
      github: new GitHubAccess(github, run, "to land set-image through the GitHub API or a pull request"),
      configFile: readConfigFile(),
      run
    };
    return { inputs, context };
  },
  run: async ({ inputs, context }) => (await import("./run-set-image-AFAZ7H6S.js")).runSetImage(inputs, context),
  async report(outcome) {
    setOutputs(setImageOutputs(outcome));
    if (outcome.commitSha && outcome.pushed) exportVariable(COMMIT_SHA_VARIABLE, outcome.commitSha);
    await writeSummary(setImageSummaryMarkdown(outcome));
  }
};
export {
  setImageCommand
};
