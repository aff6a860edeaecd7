const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  countOf,
  daysText
} from "./chunk-WACLQDPL.js";
import {
  require_semver,
  strictSemver
} from "./chunk-IWNANG2Q.js";
import {
  __toESM
} from "./chunk-2QGGJF6Q.js";

// src/drift/skew.ts
var import_semver = __toESM(require_semver(), 1);
var DAY_MS = 864e5;
var sameValue = (a, b) => a !== void 0 && (a.digest && b.digest ? a.digest === b.digest : a.tag === b.tag && a.digest === b.digest);
function relate(earlier, later) {
  if (sameValue(later, earlier)) return { status: "same" };
  const earlierVersion = strictSemver(earlier.tag);
  const laterVersion = strictSemver(later.tag);
  if (earlierVersion && laterVersion && !import_semver.default.eq(earlierVersion, laterVersion)) {
    if (import_semver.default.lt(earlierVersion, laterVersion)) return { status: "ahead" };
    return {
      status: "behind",
      versions: { earlier: earlierVersion, later: laterVersion },
      ahead: (value) => {
        const version = strictSemver(value.tag);
        return version !== null && import_semver.default.gt(version, laterVersion);
      }
    };
  }
  return { status: earlier.tag === later.tag ? "different-digest" : "different", ahead: (value) => !sameValue(value, later) };
}
function skewReadsPast(earlier, later) {
  const { ahead } = relate(earlier, later);
  return ahead ? (value) => value !== void 0 && ahead(value) : (value) => sameValue(value, earlier);
}
function computeSkew(earlier, later, history, now, historyComplete = true) {
  const base = { earlier, later, historyComplete, earlierSince: sinceOf(history, (value) => sameValue(value, earlier)) };
  const { status, ahead, versions } = relate(earlier, later);
  if (!ahead) return { ...base, status };
  const run = takeWhile(history, (entry) => entry.value !== void 0 && ahead(entry.value));
  const behindSince = oldestDate(run);
  const daysBehind = behindSince === void 0 ? void 0 : Math.max(0, Math.floor((now - Date.parse(behindSince)) / DAY_MS));
  const skew = { ...base, status, behindSince, daysBehind };
  if (status !== "behind" || !versions) return skew;
  return { ...skew, versionsBehind: countVersionsBetween(run, earlier, versions.later, versions.earlier) };
}
function takeWhile(items, holds) {
  const end = items.findIndex((item) => !holds(item));
  return items.slice(0, end === -1 ? items.length : end);
}
function countVersionsBetween(run, earlier, later, upTo) {
  const seen = /* @__PURE__ */ new Set();
  for (const value of [earlier, ...run.map((entry) => entry.value)]) {
    const version = value ? strictSemver(value.tag) : null;
    if (version && import_semver.default.gt(version, later) && import_semver.default.lte(version, upTo)) seen.add(version.version);
  }
  return seen.size;
}
function sinceOf(history, holds) {
  return oldestDate(takeWhile(history, (entry) => holds(entry.value)));
}
function oldestDate(run) {
  const oldest = run.at(-1);
  return oldest ? new Date(oldest.date).toISOString() : void 0;
}
function describeSkew(skew) {
  const days = skew.daysBehind === void 0 ? "" : ` for ${daysText(skew.daysBehind)}`;
  switch (skew.status) {
    case "same":
      return `same as ${skew.from}`;
    case "ahead":
      return `ahead of ${skew.from}`;
    case "behind":
      return `${countOf(skew.versionsBehind ?? 0, "version")} behind ${skew.from}${days}`;
    case "different-digest":
      return `same tag as ${skew.from}, different digest${days}`;
    case "different":
      return `differs from ${skew.from}${days}`;
  }
}

export {
  skewReadsPast,
  computeSkew,
  describeSkew
};
