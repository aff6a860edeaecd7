const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  keepTrackingIssueIfAsked
} from "./chunk-AKKJ6T5Z.js";
import {
  driftItemsOf
} from "./chunk-6QCDGUAS.js";
import {
  parseReportFile
} from "./chunk-G2VD546V.js";
import "./chunk-EUVYLUSK.js";
import "./chunk-AFYX2MWJ.js";
import "./chunk-INDTGZUY.js";
import "./chunk-HUSS5IF7.js";
import "./chunk-ZZABWA7U.js";
import "./chunk-42JSCESC.js";
import {
  countOf,
  wordList
} from "./chunk-WACLQDPL.js";
import {
  info
} from "./chunk-NZZWJ5E7.js";
import {
  InputError
} from "./chunk-KBKTDO2V.js";
import "./chunk-2QGGJF6Q.js";

// src/merge-reports/key-order.ts
function orderOf(keys) {
  const positions = new Map(keys.map((key, position) => [key, position]));
  return (key) => positions.get(key) ?? keys.length;
}

// src/merge-reports/merge-drift.ts
function mergeDriftReports(parts, keys) {
  const order = orderOf(keys);
  const names = [...new Set(parts.flatMap(({ report }) => report.environments.map((env) => env.name)))];
  const environments = names.map((name) => {
    const same = parts.flatMap(({ report }) => report.environments.filter((env) => env.name === name));
    return { ...same[0], apps: same.flatMap((env) => env.apps).sort((a, b) => order(a.app) - order(b.app)) };
  });
  const items = driftItemsOf(environments);
  const head = parts[0].report.head;
  const notes = [...new Set(parts.flatMap(({ report }) => report.notes))];
  const heads = /* @__PURE__ */ new Map();
  for (const { shard, report } of parts) heads.set(report.head.sha, [...heads.get(report.head.sha) ?? [], shard]);
  if (heads.size > 1) {
    const described = [...heads].map(([sha, shards]) => `${sha.slice(0, 7)} (${wordList(shards)})`);
    notes.push(
      `The shards read different heads of ${head.branch}: ${wordList(described)}; the report names the first. Check out one commit in every shard to compare like with like.`
    );
  }
  return {
    generatedAt: parts.map(({ report }) => report.generatedAt).sort()[0],
    head,
    drifted: items.some((item) => item.drift),
    environments,
    items,
    notes
  };
}

// src/merge-reports/merge-validation.ts
function mergeValidationReports(parts, keys) {
  const order = orderOf(keys);
  return {
    valid: parts.every((part2) => part2.valid),
    overlays: parts.flatMap((part2) => part2.overlays).sort((a, b) => order(a.overlay) - order(b.overlay)),
    kubernetesVersion: parts[0]?.kubernetesVersion ?? "",
    serverDryRun: parts.some((part2) => part2.serverDryRun)
  };
}

// src/merge-reports/shard-coverage.ts
var shardOf = (file) => file.shard ?? { index: 1, count: 1 };
var part = (shard) => `${shard.index}/${shard.count}`;
function checkShardCoverage(files) {
  const refuse = (problem) => {
    throw new InputError("reports", problem);
  };
  if (files.length === 0) refuse("no report file to merge.");
  const commands = groupBy(files, ({ file }) => file.command);
  if (commands.size > 1) refuse(`the files are reports of different commands: ${describeGroups(commands)}.`);
  const counts = groupBy(files, ({ file }) => String(shardOf(file).count));
  if (counts.size > 1) refuse(`the files are shards of different n: ${describeGroups(counts, (n) => `n = ${n}`)}.`);
  const count = shardOf(files[0].file).count;
  const byIndex = groupBy(files, ({ file }) => String(shardOf(file).index));
  for (const [index, same] of byIndex) {
    if (same.length > 1) refuse(`shard ${index}/${count} is there more than once: ${wordList(same.map(({ name }) => name))}.`);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((index) => !byIndex.has(String(index)));
  if (missing.length > 0) {
    const names = missing.map((index) => `${index}/${count}`);
    const found = [...byIndex.keys()].map(Number).sort((a, b) => a - b);
    const what = missing.length === 1 ? `shard ${names[0]} is missing` : `shards ${wordList(names)} are missing`;
    refuse(`${what} (found ${wordList(found.map((index) => `${index}/${count}`))}); did its job fail before writing its report, or its upload?`);
  }
  const [first, ...rest] = [...files].sort((a, b) => shardOf(a.file).index - shardOf(b.file).index);
  const expected = new Set(first.file.keys);
  for (const other of rest) {
    const keys = new Set(other.file.keys);
    const extra = [...keys].filter((key) => !expected.has(key));
    const lacking = [...expected].filter((key) => !keys.has(key));
    if (extra.length > 0 || lacking.length > 0) {
      const noun = first.file.command === "validate" ? "overlays" : "apps";
      const difference = [...extra.map((key) => `${part(shardOf(other.file))} also has ${key}`), ...lacking.map((key) => `it lacks ${key}`)];
      refuse(
        `shards ${part(shardOf(first.file))} and ${part(shardOf(other.file))} shared out different ${noun} (${difference.slice(0, 3).join("; ")}${difference.length > 3 ? "; \u2026" : ""}): run every shard on the same commit with the same inputs.`
      );
    }
  }
}
function groupBy(items, keyOf) {
  const groups = /* @__PURE__ */ new Map();
  for (const item of items) groups.set(keyOf(item), [...groups.get(keyOf(item)) ?? [], item]);
  return groups;
}
function describeGroups(groups, label = (key) => key) {
  return [...groups].map(([key, same]) => `${label(key)} (${same.map(({ name }) => name).join(", ")})`).join(", ");
}

// src/merge-reports/merge-report-files.ts
function mergeReportFiles(files) {
  const sorted = [...files].sort((a, b) => shardOf(a.file).index - shardOf(b.file).index).map(({ file }) => file);
  const first = sorted[0];
  const noun = first.command === "validate" ? "overlay" : "app";
  const scope = `Merged from ${countOf(sorted.length, "shard")}: ${countOf(first.keys.length, noun)}.`;
  if (first.command === "validate") {
    const reports = sorted.flatMap((file) => file.command === "validate" ? [file.report] : []);
    return { command: "validate", report: mergeValidationReports(reports, first.keys), annotationPrefix: first.annotationPrefix, scope };
  }
  const parts = sorted.flatMap(
    (file) => file.command === "drift-check" ? [{ shard: `${shardOf(file).index}/${shardOf(file).count}`, report: file.report }] : []
  );
  return { command: "drift-check", report: mergeDriftReports(parts, first.keys), scope };
}

// src/merge-reports/read-report-files.ts
import { glob, readFile, stat } from "node:fs/promises";
import { resolve } from "node:path";
async function readReportFiles(patterns, cwd) {
  const names = [];
  for (const pattern of patterns) {
    const matched = await filesMatching(pattern, cwd);
    if (matched.length === 0) throw new InputError("reports", `no file matches '${pattern}'.`);
    names.push(...matched.filter((name) => !names.includes(name)));
  }
  return Promise.all(names.map(async (name) => ({ name, file: parseReportFile(await readFile(resolve(cwd, name), "utf8"), name) })));
}
async function filesMatching(pattern, cwd) {
  const isFolder = await stat(resolve(cwd, pattern)).then(
    (found) => found.isDirectory(),
    () => false
  );
  const files = [];
  for await (const name of glob(isFolder ? `${pattern.replace(/\/+$/, "")}/*.json` : pattern, { cwd })) {
    if ((await stat(resolve(cwd, name))).isFile()) files.push(name);
  }
  return files.sort();
}

// src/merge-reports/run-merge-reports.ts
async function runMergeReports(inputs, context) {
  const files = await readReportFiles(inputs.reports, context.cwd);
  checkShardCoverage(files);
  const merged = mergeReportFiles(files);
  info(`${merged.command}: ${merged.scope}`);
  if (merged.command === "drift-check") {
    const github = context.github.available ? await context.github.connect() : void 0;
    await keepTrackingIssueIfAsked(merged.report, inputs.issueLabel, github, context.run);
  }
  return merged;
}
export {
  runMergeReports
};
