const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  UserError
} from "./chunk-KBKTDO2V.js";

// src/pins/values-path.ts
function isIndex(segment) {
  return "index" in segment;
}
var PATH_HINT = 'write keys separated by dots, list indexes as [0], and a key with a dot in it as ["a.b"]';
function parseValuesPath(text, where) {
  const parsed = readPath(text);
  if (typeof parsed === "string") throw new UserError(`${where}: the path '${text}' ${parsed}; ${PATH_HINT}.`);
  return parsed;
}
function tryParseValuesPath(text) {
  const parsed = readPath(text);
  return typeof parsed === "string" ? null : parsed;
}
function formatValuesPath(segments) {
  let text = "";
  for (const segment of segments) {
    if (isIndex(segment)) text += `[${segment.index}]`;
    else if (/^[^.[\]\\"'\s]+$/.test(segment.key)) text += `${text === "" ? "" : "."}${segment.key}`;
    else text += `[${JSON.stringify(segment.key)}]`;
  }
  return text;
}
function formatHelmSetName(segments) {
  let text = "";
  for (const segment of segments) {
    if (isIndex(segment)) text += `[${segment.index}]`;
    else text += `${text === "" ? "" : "."}${segment.key.replace(/[\\.[\],=]/g, (char) => `\\${char}`)}`;
  }
  return text;
}
function sameValuesPath(a, b) {
  return a.length === b.length && a.every((segment, i) => formatValuesPath([segment]) === formatValuesPath([b[i]]));
}
function readPath(text) {
  if (text.trim() === "") return "is empty";
  const segments = [];
  let at = 0;
  let expectKey = true;
  while (at < text.length) {
    const char = text[at];
    if (char === "[") {
      const bracket = readBracket(text, at);
      if (typeof bracket === "string") return bracket;
      segments.push(bracket.segment);
      at = bracket.end;
      expectKey = false;
      continue;
    }
    if (char === ".") {
      if (expectKey) return `has an empty key at character ${at + 1}`;
      at += 1;
      expectKey = true;
      if (at === text.length) return "ends with a dot";
      continue;
    }
    if (!expectKey) return `needs a dot before character ${at + 1}`;
    const key = readKey(text, at);
    if (typeof key === "string") return key;
    segments.push({ key: key.key });
    at = key.end;
    expectKey = false;
  }
  return segments;
}
function readKey(text, start) {
  let key = "";
  let at = start;
  while (at < text.length && text[at] !== "." && text[at] !== "[") {
    if (text[at] === "]") return `has a ']' with no '[' at character ${at + 1}`;
    if (text[at] === "\\") {
      if (at + 1 === text.length) return "ends with a backslash";
      at += 1;
    }
    key += text[at];
    at += 1;
  }
  return { key, end: at };
}
function readBracket(text, start) {
  const quote = text[start + 1];
  if (quote === '"' || quote === "'") {
    let key = "";
    let at = start + 2;
    while (at < text.length && text[at] !== quote) {
      if (text[at] === "\\" && at + 1 < text.length) at += 1;
      key += text[at];
      at += 1;
    }
    if (text[at] !== quote || text[at + 1] !== "]") return `has an unclosed [${quote} at character ${start + 1}`;
    if (key === "") return `has an empty key at character ${start + 1}`;
    return { segment: { key }, end: at + 2 };
  }
  const close = text.indexOf("]", start);
  if (close < 0) return `has an unclosed '[' at character ${start + 1}`;
  const inner = text.slice(start + 1, close);
  if (!/^(0|[1-9][0-9]*)$/.test(inner)) return `has '[${inner}]', which is not a list index`;
  return { segment: { index: Number(inner) }, end: close + 1 };
}

export {
  isIndex,
  parseValuesPath,
  tryParseValuesPath,
  formatValuesPath,
  formatHelmSetName,
  sameValuesPath
};
