const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  describeSkew
} from "./chunk-JTSTUOVQ.js";
import {
  formatImageValue
} from "./chunk-6QCDGUAS.js";
import {
  shortSha
} from "./chunk-W3WLHFYS.js";
import {
  codeCell,
  markdownTable,
  textCell
} from "./chunk-MJQOG5ZV.js";
import {
  countOf
} from "./chunk-WACLQDPL.js";

// src/drift/report-markdown.ts
var ISSUE_MARKER = "<!-- gitops-promote:drift-check -->";
var ITEMS_MARKER = /<!-- gitops-promote:drift-items (\[.*?\]) -->/;
var KIND_LABEL = {
  "missing-overlay": "\u{1F4C1} missing overlay",
  "unknown-app": "\u2753 unknown to the controller",
  unreachable: "\u{1F50C} controller unreachable",
  stale: "\u{1F570}\uFE0F stale",
  "out-of-sync": "\u{1F500} out of sync",
  "not-applied": "\u23F3 not applied",
  degraded: "\u{1F494} degraded",
  "images-differ": "\u{1F5BC}\uFE0F images differ",
  skew: "\u{1F4C9} skew",
  pending: "\u{1F553} pending"
};
var cell = (text) => textCell(text, Number.POSITIVE_INFINITY);
var nodeId = (name) => `env_${name.replace(/[^A-Za-z0-9_]/g, "_")}`;
var mermaidText = (text) => text.replace(/"/g, "#quot;").replace(/[<>]/g, (c) => c === "<" ? "#lt;" : "#gt;");
function appVersion(app) {
  const version = app.declared?.version;
  return version ? formatImageValue(version) : app.findings.some((finding) => finding.kind === "missing-overlay") ? "missing" : "?";
}
function chainDiagram(report) {
  const lines = ["```mermaid", "flowchart LR"];
  const drifted = new Set(report.items.filter((item) => item.drift).map((item) => item.environment));
  for (const env of report.environments) {
    const versions = env.apps.map((app) => `${app.app} ${appVersion(app)}`);
    lines.push(`  ${nodeId(env.name)}["${[`<b>${mermaidText(env.name)}</b>`, ...versions.map(mermaidText)].join("<br/>")}"]`);
  }
  const shown = new Set(report.environments.map((env) => env.name));
  for (const env of report.environments) {
    if (!env.from || !shown.has(env.from)) continue;
    const lagging = env.apps.flatMap(({ app, skew }) => skew && skew.status !== "same" ? [`${app}: ${shortSkew(skew)}`] : []);
    const label = lagging.length ? `|"${mermaidText(lagging.join(", "))}"|` : "";
    lines.push(`  ${nodeId(env.from)} -->${label} ${nodeId(env.name)}`);
  }
  for (const env of report.environments) lines.push(`  class ${nodeId(env.name)} ${drifted.has(env.name) ? "drifted" : "clean"}`);
  lines.push("  classDef drifted fill:#fde2e1,stroke:#cf222e", "  classDef clean fill:#dafbe1,stroke:#1a7f37", "```");
  return lines.join("\n");
}
function shortSkew(skew) {
  if (skew.status === "behind") return `${skew.versionsBehind} behind`;
  if (skew.status === "different-digest") return "other digest";
  return skew.status;
}
function environmentTable(env) {
  const rows = env.apps.map((app) => {
    const controller = app.controller;
    const revision = controller?.revision ? codeCell(shortSha(controller.revision)) : "";
    const findings = app.findings.map((finding) => `${KIND_LABEL[finding.kind]}: ${cell(finding.message)}`).join("<br/>") || "\u2705";
    const skew = app.skew ? cell(describeSkew(app.skew)) + (app.skew.promotionPr ? ` (PR #${app.skew.promotionPr.number})` : "") : "";
    return [
      codeCell(app.app),
      cell(appVersion(app)),
      controller ? `${codeCell(controller.object)}${controller.found ? "" : " (not found)"}` : "",
      cell(controller?.sync ?? ""),
      cell(controller?.health ?? ""),
      revision,
      skew,
      findings
    ];
  });
  const heading = `### ${env.name}${env.from ? ` (from ${env.from}${env.maxSkew ? `, max-skew ${env.maxSkew}` : ""})` : ""}`;
  const branch = env.head ? `

Branch \`${env.head.branch}\` at \`${shortSha(env.head.sha)}\`.` : "";
  const table = markdownTable(["App", "Declared", "Controller object", "Sync", "Health", "Revision", "Skew", "Findings"], rows);
  return `${heading}${branch}${holdLine(env)}

${table}`;
}
function holdLine(env) {
  const { hold } = env;
  if (!hold) return "";
  const why = hold.why ? `: ${hold.why}` : "";
  if (!hold.standing) return `

The hold \`${hold.file}\` lapsed at ${hold.until}; remove it with release.`;
  const until = hold.until ? ` (until ${hold.until})` : "";
  return `

\u{1F512} **On hold** since ${hold.when} by ${hold.who}${why}${until}: set-image and promote refuse to move it until release removes \`${hold.file}\`.`;
}
function headline(report) {
  const drift = report.items.filter((item) => item.drift).length;
  const pending = report.items.filter((item) => !item.drift).length;
  const state = drift ? `\u274C **Drift: ${countOf(drift, "item")}**` : "\u2705 **No drift**";
  const extra = pending ? `, ${pending} pending` : "";
  return `${state}${extra}. Branch \`${report.head.branch}\` at \`${shortSha(report.head.sha)}\`, checked ${report.generatedAt}.`;
}
function summaryMarkdown(report, scope) {
  return [
    "## gitops-promote drift-check",
    headline(report),
    ...scope ? [scope] : [],
    chainDiagram(report),
    ...report.environments.map(environmentTable),
    ...report.notes.map((note) => `> [!WARNING]
> ${note}`)
  ].join("\n\n");
}
function issueBody(report, runUrl) {
  const items = report.items.filter((item) => item.drift);
  const keys = items.map((item) => item.key).sort();
  const rows = items.map((item) => [cell(item.environment), codeCell(item.app), KIND_LABEL[item.kind], cell(item.message)]);
  const body = [
    ISSUE_MARKER,
    `<!-- gitops-promote:drift-items ${JSON.stringify(keys)} -->`,
    headline(report),
    markdownTable(["Environment", "App", "Drift", "Details"], rows),
    chainDiagram(report),
    `Kept up to date by gitops-promote drift-check${runUrl ? ` ([latest run](${runUrl}))` : ""}; closed when every environment matches git again.`
  ].join("\n\n");
  return body.length <= 65e3 ? body : `${body.slice(0, 64900)}

\u2026 (cut: see the job summary for the full report)`;
}
function itemKeysIn(body) {
  const match = ITEMS_MARKER.exec(body ?? "");
  if (!match) return void 0;
  try {
    const keys = JSON.parse(match[1]);
    return Array.isArray(keys) ? keys.filter((key) => typeof key === "string") : void 0;
  } catch {
    return void 0;
  }
}

export {
  ISSUE_MARKER,
  chainDiagram,
  summaryMarkdown,
  issueBody,
  itemKeysIn
};
