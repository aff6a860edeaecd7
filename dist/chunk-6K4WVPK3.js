const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  ROLLBACK_BRANCH_PREFIX,
  ROLLBACK_MARKER_PREFIX
} from "./chunk-TAZTHVOV.js";
import {
  VOLATILE_LINE
} from "./chunk-Y3AGFE2I.js";
import {
  changedBy,
  changesTable,
  imagesOutput
} from "./chunk-VG2LPK36.js";
import {
  codeCell,
  markdownTable,
  textCell
} from "./chunk-MJQOG5ZV.js";

// src/rollback/rollback-report.ts
var rollbackMarker = (environment) => `${ROLLBACK_MARKER_PREFIX}environment=${environment} -->`;
var rollbackBranch = (environment) => `${ROLLBACK_BRANCH_PREFIX}${environment}`;
var releaseMarker = (environment) => `<!-- gitops-promote:release environment=${environment} -->`;
var releaseBranch = (environment) => `release-hold/${environment}`;
function rollbackTitle(environment, changes) {
  const apps = [...new Set(changes.map((change) => change.app).filter(Boolean))];
  return `Roll back ${environment}${apps.length > 0 ? `: ${apps.join(", ")}` : ""}`;
}
function rollbackBodyMarkdown(body) {
  const undoes = body.undoes ? `, undoing ${commitLink(body.repositoryUrl, body.undoes)}` : "";
  const lines = [
    `Rolls **${body.environment}** back to ${body.target}: the images of ${commitLink(body.repositoryUrl, body.restores)} on \`${body.branch}\`${undoes}.`,
    "",
    ...body.hold.why ? [`Why: ${body.hold.why}`, ""] : [],
    rollbackTable(body.changes),
    ""
  ];
  if (body.controllers.length > 0) {
    lines.push(
      `### ${body.environment} now ${VOLATILE_LINE}`,
      "",
      markdownTable(
        ["App", "Controller object", "State", "Revision"],
        body.controllers.map((state) => [
          codeCell(state.app),
          codeCell(state.object),
          textCell(state.state),
          state.revision ? codeCell(state.revision.slice(0, 12)) : "\u2013"
        ])
      ).split("\n").map((line) => `${line} ${VOLATILE_LINE}`).join("\n"),
      ""
    );
  }
  lines.push(
    "### Hold",
    "",
    `Merging this also puts a hold on ${body.environment} (${codeCell(body.holdFile)}), by ${body.hold.who}${body.hold.until ? ` until ${body.hold.until}` : ""}: set-image and promote into ${body.environment} refuse while it stands (unless override-hold: true). The release command removes it.`,
    ""
  );
  if (body.runUrl) lines.push(`Opened by [this workflow run](${body.runUrl}). ${VOLATILE_LINE}`, "");
  lines.push(rollbackMarker(body.environment), "");
  return lines.join("\n");
}
function rollbackCommitMessage(title, changes, restores, holdFile, runUrl) {
  const lines = changes.map((change) => `- ${change.overlay}: ${change.image} ${change.old} -> ${change.new}`);
  return [title, "", `Restores the images of ${restores.slice(0, 12)}.`, "", ...lines, "", `Puts a hold: ${holdFile}.`, ...runUrl ? ["", runUrl] : []].join(
    "\n"
  );
}
function rollbackTable(changes) {
  return markdownTable(
    ["App", "Overlay", "Image", "Now", "Back to"],
    changes.map((change) => [
      change.app ? codeCell(change.app) : "\u2013",
      codeCell(change.overlay),
      codeCell(change.image),
      codeCell(change.old),
      codeCell(change.new)
    ])
  );
}
function commitLink(repositoryUrl, sha) {
  return repositoryUrl ? `[\`${sha.slice(0, 7)}\`](${repositoryUrl}/commit/${sha})` : `\`${sha.slice(0, 7)}\``;
}
function rollbackOutputs(outcome) {
  return {
    changed: String(changedBy(outcome)),
    "commit-sha": outcome.commitSha,
    "pull-request-number": outcome.pullRequest ? String(outcome.pullRequest.number) : "",
    "pull-request-url": outcome.pullRequest?.url ?? "",
    images: imagesOutput(outcome.changes, (change) => ({ app: change.app }))
  };
}
function rollbackSummaryMarkdown(outcome) {
  const lines = [`## gitops-promote rollback: ${outcome.environment}${outcome.dryRun ? " (dry run)" : ""}`, ""];
  if (outcome.changes.length === 0) {
    lines.push(
      `${outcome.environment} already runs the images of ${codeCell(outcome.restores.slice(0, 12))}; nothing was rolled back, and no hold was put.`,
      ""
    );
    return lines.join("\n");
  }
  lines.push(changesTable(outcome.changes, "Now \u2192 back to"), "");
  lines.push(
    `Restores the images of ${codeCell(outcome.restores.slice(0, 12))}${outcome.undoes ? `, undoing ${codeCell(outcome.undoes.slice(0, 12))}` : ""}.`,
    ""
  );
  if (outcome.pullRequest) {
    const { url, number, created, moved } = outcome.pullRequest;
    lines.push(
      `Pull request <a href="${url}">#${number}</a> ${created ? "opened" : moved ? "updated" : "already carries this rollback"}, with the hold ${codeCell(outcome.holdFile)}.`,
      ""
    );
  } else if (outcome.commitSha) {
    lines.push(`Commit ${codeCell(outcome.commitSha)}, with the hold ${codeCell(outcome.holdFile)}.`, "");
  }
  if (outcome.requests) lines.push(`GitHub API requests: ${outcome.requests.reads} reads, ${outcome.requests.writes} writes.`, "");
  return lines.join("\n");
}
function releaseOutputs(outcome) {
  return {
    changed: String(outcome.dryRun ? outcome.holdFile !== "" : outcome.pullRequest ? outcome.pullRequest.moved : outcome.commitSha !== ""),
    "commit-sha": outcome.commitSha,
    "pull-request-number": outcome.pullRequest ? String(outcome.pullRequest.number) : "",
    "pull-request-url": outcome.pullRequest?.url ?? ""
  };
}
function releaseSummaryMarkdown(outcome) {
  const head = `## gitops-promote release: ${outcome.environment}${outcome.dryRun ? " (dry run)" : ""}`;
  if (!outcome.holdFile) return `${head}

${outcome.environment} has no hold; nothing to release.
`;
  const how = outcome.pullRequest ? `through pull request <a href="${outcome.pullRequest.url}">#${outcome.pullRequest.number}</a>` : outcome.commitSha ? `in commit ${codeCell(outcome.commitSha)}` : "(dry run: nothing written)";
  return `${head}

Removes the hold ${codeCell(outcome.holdFile)} ${how}.
`;
}

export {
  rollbackMarker,
  rollbackBranch,
  releaseMarker,
  releaseBranch,
  rollbackTitle,
  rollbackBodyMarkdown,
  rollbackCommitMessage,
  rollbackOutputs,
  rollbackSummaryMarkdown,
  releaseOutputs,
  releaseSummaryMarkdown
};
