const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  splitList
} from "./chunk-FSIE4I26.js";
import {
  getInput
} from "./chunk-NZZWJ5E7.js";
import {
  InputError
} from "./chunk-KBKTDO2V.js";

// src/inputs/read-inputs.ts
import { statSync } from "node:fs";
import { resolve } from "node:path";
function readString(name, fallback = "") {
  const value = getInput(name);
  return value === "" ? fallback : value;
}
function readFolder(name, fallback = "") {
  const given = getInput(name) || fallback;
  if (given === "") return "";
  const folder = resolve(given);
  let isFolder;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    throw new InputError(name, `'${given}' does not exist.`);
  }
  if (!isFolder) throw new InputError(name, `'${given}' is a file; give the folder of the config repo's checkout.`);
  return folder;
}
function readRequired(name) {
  const value = getInput(name);
  if (value === "") throw new InputError(name, "is required but was not given.");
  return value;
}
var TRUE_WORDS = /* @__PURE__ */ new Set(["true", "yes", "on", "1"]);
var FALSE_WORDS = /* @__PURE__ */ new Set(["false", "no", "off", "0"]);
function readBoolean(name, fallback) {
  const value = getInput(name).toLowerCase();
  if (value === "") return fallback;
  if (TRUE_WORDS.has(value)) return true;
  if (FALSE_WORDS.has(value)) return false;
  throw new InputError(name, `expected true or false, got '${getInput(name)}'.`);
}
function readOptionalBoolean(name) {
  return getInput(name) === "" ? void 0 : readBoolean(name, false);
}
function readList(name) {
  return splitList(getInput(name));
}
function readOptionalList(name) {
  return getInput(name).trim() === "" ? void 0 : readList(name);
}
function readChoice(name, choices, fallback) {
  const value = getInput(name).trim();
  if (value === "") return fallback;
  const match = choices.find((choice) => choice.toLowerCase() === value.toLowerCase());
  if (!match) throw new InputError(name, `expected one of ${choices.join(", ")}, got '${value}'.`);
  return match;
}
function readRegExp(name) {
  const source = getInput(name);
  if (source === "") return void 0;
  try {
    return new RegExp(source);
  } catch (error) {
    throw new InputError(name, `is not a valid regular expression (${error.message}).`);
  }
}
function readDuration(name, fallback) {
  const text = getInput(name) || fallback;
  const ms = parseDuration(text);
  if (ms === void 0) {
    throw new InputError(name, `expected a duration such as 90s, 10m or 1h30m, got '${text}'.`);
  }
  return ms;
}
var UNIT_MS = { ms: 1, s: 1e3, m: 6e4, h: 36e5 };
function parseDuration(text) {
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1e3;
  const parts = [...trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join("") !== trimmed) return void 0;
  return parts.reduce((total, [, amount, unit]) => total + Number(amount) * UNIT_MS[unit], 0);
}

export {
  readString,
  readFolder,
  readRequired,
  readBoolean,
  readOptionalBoolean,
  readList,
  readOptionalList,
  readChoice,
  readRegExp,
  readDuration,
  parseDuration
};
