const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  require_dist
} from "./chunk-54KBGAUC.js";
import {
  __toESM
} from "./chunk-2QGGJF6Q.js";

// src/kustomize/yaml-text.ts
var import_yaml = __toESM(require_dist(), 1);
function applySplices(source, splices) {
  const sorted = splices.map((splice, index) => ({ splice, index })).sort((a, b) => b.splice.start - a.splice.start || b.splice.end - a.splice.end || b.index - a.index).map(({ splice }) => splice);
  let result = source;
  let limit = Number.POSITIVE_INFINITY;
  for (const splice of sorted) {
    if (splice.end > limit) throw new Error("internal error: overlapping YAML edits");
    result = result.slice(0, splice.start) + splice.text + result.slice(splice.end);
    limit = splice.start;
  }
  return result;
}
function detectLineEnding(source) {
  return /\r\n/.test(source) ? "\r\n" : "\n";
}
function lineStartOf(source, offset) {
  return source.lastIndexOf("\n", offset - 1) + 1;
}
function lineEndAfter(source, offset) {
  const newline = source.indexOf("\n", offset);
  return newline < 0 ? source.length : newline + 1;
}
function trimLineBreak(source, end) {
  let at = end;
  while (at > 0 && (source[at - 1] === "\n" || source[at - 1] === "\r")) at -= 1;
  return at;
}
function columnOf(source, offset) {
  return offset - lineStartOf(source, offset);
}
var readsAsSameStringByText = /* @__PURE__ */ new Map();
var READS_AS_SAME_STRING_KEPT = 1024;
function readsAsSameString(text) {
  let answer = readsAsSameStringByText.get(text);
  if (answer === void 0) {
    answer = parsesBackTo(text);
    if (readsAsSameStringByText.size >= READS_AS_SAME_STRING_KEPT) readsAsSameStringByText.clear();
    readsAsSameStringByText.set(text, answer);
  }
  return answer;
}
function parsesBackTo(text) {
  for (const schema of ["core", "yaml-1.1"]) {
    try {
      if ((0, import_yaml.parse)(text, { schema }) !== text) return false;
    } catch {
      return false;
    }
  }
  return true;
}
function canBePlain(value) {
  if (value === "" || /^[0-9][0-9a-fA-F]*$/.test(value)) return false;
  if (/^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(value) || /\s$|:\s|\s#|[\n\r\t]/.test(value)) {
    return /^-[^\s]/.test(value) && readsAsSameString(value);
  }
  return readsAsSameString(value);
}
function formatScalar(value, style) {
  if (style === "QUOTE_SINGLE") return `'${value.replace(/'/g, "''")}'`;
  if (style === "PLAIN" && canBePlain(value)) return value;
  return JSON.stringify(value);
}

export {
  applySplices,
  detectLineEnding,
  lineStartOf,
  lineEndAfter,
  trimLineBreak,
  columnOf,
  formatScalar
};
