const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  ISSUE_MARKER,
  itemKeysIn
} from "./chunk-DBOPO3AK.js";
import "./chunk-JTSTUOVQ.js";
import "./chunk-6QCDGUAS.js";
import "./chunk-W3WLHFYS.js";
import "./chunk-MJQOG5ZV.js";
import "./chunk-WACLQDPL.js";
import "./chunk-IWNANG2Q.js";
import {
  info
} from "./chunk-NZZWJ5E7.js";
import "./chunk-2QGGJF6Q.js";

// src/drift/tracking-issue.ts
var ISSUE_TITLE = "GitOps drift: environments do not run what git says";
function planTrackingIssue(existing, items, body, runUrl) {
  const drift = items.filter((item) => item.drift);
  const run = runUrl ? ` ([run](${runUrl}))` : "";
  if (drift.length === 0) {
    return existing ? { action: "close", number: existing.number, comment: `\u2705 Every environment matches git again${run}. Closing.` } : { action: "none" };
  }
  if (!existing) return { action: "create", title: ISSUE_TITLE, body };
  const before = new Set(itemKeysIn(existing.body) ?? []);
  const now = new Set(drift.map((item) => item.key));
  const appeared = drift.filter((item) => !before.has(item.key));
  const resolved = [...before].filter((key) => !now.has(key)).sort();
  if (appeared.length === 0 && resolved.length === 0) return { action: "update", number: existing.number, body };
  const lines = [
    "The drift changed" + run + ":",
    ...appeared.map((item) => `- \u{1F195} ${item.key}: ${item.message}`),
    ...resolved.map((key) => `- \u2705 resolved: ${key}`)
  ];
  return { action: "update", number: existing.number, body, comment: lines.join("\n") };
}
async function findTrackingIssue({ client, owner, repo, label }) {
  const issues = await client.paginate(client.rest.issues.listForRepo, { owner, repo, labels: label, state: "open", per_page: 100 });
  const found = issues.find((issue) => !issue.pull_request && (issue.body ?? "").includes(ISSUE_MARKER));
  return found ? { number: found.number, body: found.body ?? "", url: found.html_url } : void 0;
}
async function applyTrackingIssue(target, plan, existing) {
  const { client, owner, repo, label } = target;
  switch (plan.action) {
    case "none":
      return "";
    case "create": {
      const { data } = await client.rest.issues.create({ owner, repo, title: plan.title, body: plan.body, labels: [label] });
      info(`Opened tracking issue #${data.number}: ${data.html_url}`);
      return data.html_url;
    }
    case "update":
      await client.rest.issues.update({ owner, repo, issue_number: plan.number, body: plan.body });
      if (plan.comment) await client.rest.issues.createComment({ owner, repo, issue_number: plan.number, body: plan.comment });
      info(`Updated tracking issue #${plan.number}${plan.comment ? " (the drift changed: commented)" : ""}.`);
      return existing?.url ?? "";
    case "close":
      await client.rest.issues.createComment({ owner, repo, issue_number: plan.number, body: plan.comment });
      await client.rest.issues.update({ owner, repo, issue_number: plan.number, state: "closed", state_reason: "completed" });
      info(`Closed tracking issue #${plan.number}: no drift left.`);
      return existing?.url ?? "";
  }
}
export {
  ISSUE_TITLE,
  applyTrackingIssue,
  findTrackingIssue,
  planTrackingIssue
};
