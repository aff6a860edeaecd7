const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  splitImageReference
} from "./chunk-TTI4HSH7.js";
import {
  require_dist
} from "./chunk-54KBGAUC.js";
import {
  __toESM
} from "./chunk-2QGGJF6Q.js";

// src/report/pull-request-body.ts
var import_yaml = __toESM(require_dist(), 1);
var MAX_BODY_LENGTH = 65e3;
var VOLATILE_LINE = "<!-- gitops-promote:run -->";
function buildPullRequestBody(body) {
  const head = [
    `Promotes what runs in **${body.from}** into **${body.to}**, as of ${commitLink(body.repositoryUrl, body.sourceCommit)} on \`${body.targetBranch}\`.`,
    "",
    ...body.apps.flatMap(appTable),
    ...body.skipped.length > 0 ? ["Not promoted:", ...body.skipped.map((line) => `- ${line}`), ""] : [],
    ...body.runUrl ? [`Opened by [this workflow run](${body.runUrl}). ${VOLATILE_LINE}`, ""] : [],
    ...body.checklist.length > 0 ? ["### Checklist", "", ...body.checklist.map(checklistLine), ""] : [],
    ...rollbackNote(body)
  ].join("\n");
  const tail = `
${body.marker}
`;
  const diff = body.renderedDiff === void 0 ? "" : foldedDiff(body.renderedDiff, MAX_BODY_LENGTH - head.length - tail.length);
  return fitBody(head + diff, tail);
}
function sameBody(a, b) {
  const stable = (text) => text.replace(/\r\n/g, "\n").split("\n").filter((line) => !line.includes(VOLATILE_LINE)).join("\n").trim();
  return stable(a) === stable(b);
}
function appTable(section) {
  const title = section.app === "" ? "### Images" : `### ${section.app}`;
  return [
    title,
    "",
    "| Overlay | Image | Now in target | Promoted |",
    "| --- | --- | --- | --- |",
    ...section.rows.map((row) => `| \`${row.overlay}\` | \`${row.image}\` | ${row.current ? `\`${row.current}\`` : "_(new entry)_"} | \`${row.promoted}\` |`),
    "",
    ...section.compareUrl ? [`Changes in the app: [compare](${section.compareUrl})`, ""] : []
  ];
}
function checklistLine(item) {
  return `- [${item.checked ? "x" : " "}] ${item.text}${!item.checked && item.note ? ` _(${item.note})_` : ""}`;
}
function rollbackNote(body) {
  const rows = body.apps.flatMap((section) => section.rows);
  if (rows.length === 0) return [];
  const lines = rows.map(
    (row) => row.current ? `- \`${row.overlay}\`: \`${row.image}\` back to \`${row.current}\`` : `- \`${row.overlay}\`: remove the new \`${row.image}\` entry`
  );
  return ["### Rollback", "", `After merging, revert the merge commit, or set the previous values in ${body.to}:`, "", ...lines, ""];
}
function commitLink(repositoryUrl, sha) {
  return repositoryUrl ? `[\`${sha.slice(0, 7)}\`](${repositoryUrl}/commit/${sha})` : `\`${sha.slice(0, 7)}\``;
}
function foldedDiff(diff, room) {
  const open = "\n<details><summary>Rendered diff of the target overlays (kustomize build, before \u2192 after)</summary>\n\n```diff\n";
  const close = "\n```\n\n</details>\n";
  if (diff.trim() === "") return `${open}(the rendered manifests are unchanged apart from the image fields kustomize writes)${close}`;
  const fence = diff.replace(/```/g, "`\u200B``");
  const budget = room - open.length - close.length;
  if (fence.length <= budget) return `${open}${fence.replace(/\n$/, "")}${close}`;
  const note = "\n\u2026 (cut to fit GitHub\u2019s size limit for a pull request body; run kustomize build on both branches for the whole diff)";
  if (budget <= note.length + 200) return "\n_The rendered diff is too large to show here._\n";
  const cut = fence.slice(0, budget - note.length);
  return `${open}${cut.slice(0, cut.lastIndexOf("\n") + 1)}${note}${close}`;
}
function fitBody(text, tail) {
  if (text.length + tail.length <= MAX_BODY_LENGTH) return text + tail;
  const note = "\n\n\u2026 (cut to fit GitHub\u2019s size limit for a pull request body)\n";
  return text.slice(0, MAX_BODY_LENGTH - tail.length - note.length) + note + tail;
}
function redactSecrets(yaml) {
  const documents = (0, import_yaml.parseAllDocuments)(yaml);
  if (!Array.isArray(documents)) return yaml;
  return documents.map((document) => {
    const value = document.toJS();
    if (value && value.kind === "Secret") {
      for (const field of ["data", "stringData"]) {
        const map = value[field];
        if (map && typeof map === "object") for (const key of Object.keys(map)) map[key] = "<redacted>";
      }
    }
    return value === null ? "" : (0, import_yaml.stringify)(value, { lineWidth: 0 });
  }).filter((text) => text !== "").join("---\n");
}
function compareUrl(serverUrl, sourceRepository, before, after) {
  if (!sourceRepository || !before || !after) return void 0;
  const from = gitRefOf(splitImageReference(before).tag);
  const to = gitRefOf(splitImageReference(after).tag);
  if (!from || !to || from === to) return void 0;
  return `${serverUrl.replace(/\/+$/, "")}/${sourceRepository}/compare/${encodeURIComponent(from)}...${encodeURIComponent(to)}`;
}
function gitRefOf(tag) {
  const sha = /^(?:sha-|git-)?([0-9a-f]{7,40})$/.exec(tag);
  if (sha) return sha[1];
  if (/^v?\d+\.\d+(\.\d+)?([-+][0-9A-Za-z.-]+)?$/.test(tag)) return tag;
  return void 0;
}

export {
  MAX_BODY_LENGTH,
  VOLATILE_LINE,
  buildPullRequestBody,
  sameBody,
  redactSecrets,
  compareUrl
};
