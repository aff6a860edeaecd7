import { createRequire as __gitopsPromoteRequire } from 'node:module';
const require = __gitopsPromoteRequire(import.meta.url);
import {
  parseShard
} from "./chunk-SGIT4A7Q.js";
import {
  readList,
  readString
} from "./chunk-2K47BRRI.js";
import {
  InputError
} from "./chunk-EVMGEMOW.js";

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
