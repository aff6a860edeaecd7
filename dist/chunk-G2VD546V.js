const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  InputError
} from "./chunk-KBKTDO2V.js";

// src/merge-reports/report-file.ts
import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
var REPORT_FILE_FORMAT = 1;
function validateReportFile(report, partition, annotationPrefix) {
  return { gitopsPromoteReport: REPORT_FILE_FORMAT, command: "validate", shard: partition.shard ?? null, keys: partition.keys, annotationPrefix, report };
}
function driftReportFile(report, partition) {
  return { gitopsPromoteReport: REPORT_FILE_FORMAT, command: "drift-check", shard: partition.shard ?? null, keys: partition.keys, report };
}
async function writeReportFile(path, file) {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(file)}
`);
}
function parseReportFile(text, name) {
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError("reports", `${name} does not parse as JSON (${error.message}).`);
  }
  const file = value ?? {};
  if (typeof file !== "object" || !("gitopsPromoteReport" in file)) {
    throw new InputError("reports", `${name} is not a gitops-promote report file (validate and drift-check write one to report-file).`);
  }
  if (file.gitopsPromoteReport !== REPORT_FILE_FORMAT) {
    throw new InputError("reports", `${name} is in report format ${String(file.gitopsPromoteReport)}; this gitops-promote reads format ${REPORT_FILE_FORMAT}.`);
  }
  const command = file.command;
  if (command !== "validate" && command !== "drift-check") throw new InputError("reports", `${name} is a report of an unknown command '${String(command)}'.`);
  const malformed = problemOf(file, command);
  if (malformed) throw new InputError("reports", `${name} is not a whole ${command} report file: ${malformed}.`);
  return file;
}
function problemOf(file, command) {
  const shard = file.shard;
  if (shard !== null && !(shard && isShard(shard.index, shard.count))) return "shard is neither null nor {index, count} with 1 \u2264 index \u2264 count";
  if (!Array.isArray(file.keys) || !file.keys.every((key) => typeof key === "string")) return "keys is not a list of strings";
  const report = file.report ?? {};
  if (command === "validate") {
    if (typeof file.annotationPrefix !== "string") return "annotationPrefix is not a string";
    if (typeof report.valid !== "boolean" || !Array.isArray(report.overlays)) return "report has no valid and overlays";
  } else if (!Array.isArray(report.environments) || !Array.isArray(report.items) || !Array.isArray(report.notes) || typeof report.head !== "object") {
    return "report has no head, environments, items and notes";
  }
  return void 0;
}
function isShard(index, count) {
  return Number.isInteger(index) && Number.isInteger(count) && index >= 1 && index <= count;
}

export {
  REPORT_FILE_FORMAT,
  validateReportFile,
  driftReportFile,
  writeReportFile,
  parseReportFile
};
