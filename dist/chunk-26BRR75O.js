const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  parseShard
} from "./chunk-EUVYLUSK.js";
import {
  readList,
  readString
} from "./chunk-2TLWLIFK.js";
import {
  InputError
} from "./chunk-KBKTDO2V.js";

// src/inputs/report-inputs.ts
import { join, resolve } from "node:path";
function readShard() {
  return parseShard(readString("shard"));
}
function readReportFile(run, command) {
  return resolve(readString("report-file", join(run.tempDir, `gitops-promote-${command}.report.json`)));
}
function readJunitFile(run) {
  return resolve(readString("junit-file", join(run.tempDir, "gitops-promote-validate.junit.xml")));
}
function readReportPatterns() {
  const patterns = readList("reports");
  if (patterns.length === 0) throw new InputError("reports", "is required: the report files of the shards (for example reports/*.json).");
  return patterns;
}
function readIssueLabel() {
  const label = readString("issue").trim();
  if (label.includes(",")) throw new InputError("issue", `'${label}' must be one label (no commas).`);
  return label;
}

export {
  readShard,
  readReportFile,
  readJunitFile,
  readReportPatterns,
  readIssueLabel
};
