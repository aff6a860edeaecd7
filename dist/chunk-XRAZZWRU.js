const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  InputError
} from "./chunk-KBKTDO2V.js";

// src/rollback/rollback-target.ts
var COMMIT = /^[0-9a-f]{7,40}$/i;
var ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
var VERSION = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
function parseRollbackTarget(items) {
  const fail = (problem) => {
    throw new InputError("to", problem);
  };
  if (items.length === 0 || items.length === 1 && items[0] === "previous") return { kind: "previous" };
  if (items.some((item) => item.includes("="))) {
    const versions = /* @__PURE__ */ new Map();
    for (const item of items) {
      const eq = item.indexOf("=");
      const app = item.slice(0, eq).trim();
      const version = item.slice(eq + 1).trim();
      if (eq <= 0 || !app) fail(`'${item}' is not app=version; write e.g. web=1.4.0,api=2.7.1.`);
      if (!VERSION.test(version)) fail(`'${item}' has an invalid version '${version}' (an image tag).`);
      if (versions.has(app)) fail(`names app '${app}' twice.`);
      versions.set(app, version);
    }
    return { kind: "versions", versions };
  }
  if (items.length > 1) fail(`expected one of previous, a commit SHA, a date or app=version pairs, got '${items.join(", ")}'.`);
  const text = items[0];
  if (ISO_DATE.test(text)) {
    const zoned = /[T ]\d{2}:\d{2}/.test(text) && !/(Z|[+-]\d{2}:?\d{2})$/.test(text) ? `${text.replace(" ", "T")}Z` : text.replace(" ", "T");
    const at = Date.parse(zoned);
    if (Number.isNaN(at)) fail(`'${text}' is not a valid date.`);
    return { kind: "date", at, text };
  }
  if (COMMIT.test(text)) return { kind: "commit", ref: text.toLowerCase() };
  return fail(`'${text}' is neither previous, a commit SHA (7 to 40 hex digits), an ISO 8601 date (2026-12-01 or 2026-12-01T09:30:00Z) nor app=version pairs.`);
}
function describeTarget(target) {
  switch (target.kind) {
    case "previous":
      return "the images before the last change";
    case "commit":
      return `the images at ${target.ref.slice(0, 7)}`;
    case "date":
      return `the images as of ${new Date(target.at).toISOString()}`;
    case "versions":
      return [...target.versions].map(([app, version]) => `${app} ${version}`).join(", ");
  }
}

export {
  parseRollbackTarget,
  describeTarget
};
