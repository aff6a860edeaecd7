const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  parseKustomization
} from "./chunk-JBFM3YNM.js";

// src/drift/config-history.ts
var HISTORY_LIMIT = 300;
var ConfigHistory = class {
  constructor(graph, head) {
    this.graph = graph;
    this.head = head;
  }
  graph;
  head;
  standings = /* @__PURE__ */ new Map();
  /**
   * The value of `image`'s entry in `file` after each commit that touched the
   * file, newest first from the branch head, ending after the first entry
   * `readsPast` turns down (or at HISTORY_LIMIT): older commits are not read.
   */
  async imageHistory(file, image, readsPast, valueIn = imageValueIn) {
    const entries = [];
    for await (const { sha, date } of this.graph.fileHistory(this.head, file)) {
      const text = await this.graph.fileAt(sha, file);
      const value = text === void 0 ? void 0 : valueIn(text, file, image);
      entries.push({ sha, date, value });
      if (!readsPast(value) || entries.length >= HISTORY_LIMIT) break;
    }
    return entries;
  }
  /** Whether `revision` is the head, or older with or without a later change under `paths` (asked once per revision and paths). */
  standing(revision, paths) {
    if (revision === this.head) return Promise.resolve("head");
    const key = `${revision}\0${paths.join("\0")}`;
    let standing = this.standings.get(key);
    if (!standing) {
      standing = this.readStanding(revision, paths);
      this.standings.set(key, standing);
    }
    return standing;
  }
  async readStanding(revision, paths) {
    if (!looksLikeCommit(revision)) return "unknown";
    const relation = await this.graph.relation(revision, this.head);
    if (relation === "same" || relation === "ancestor" && paths.length === 0) return "unchanged";
    if (relation !== "ancestor") return "unknown";
    const changed = await this.graph.changedFiles(revision, this.head);
    if (!changed) return "unknown";
    if (changed.complete) return [...changed.files, ...changed.renamedFrom].some((file) => isUnder(file, paths)) ? "behind" : "unchanged";
    for (const path of paths) {
      const newest = await firstOf(this.graph.fileHistory(this.head, path));
      if (!newest) continue;
      const contained = await this.graph.relation(newest.sha, revision);
      if (contained !== "same" && contained !== "ancestor") return "behind";
    }
    return "unchanged";
  }
};
async function firstOf(items) {
  for await (const item of items) return item;
  return void 0;
}
var looksLikeCommit = (revision) => /^[0-9a-f]{7,40}$/.test(revision);
var isUnder = (file, paths) => paths.some((path) => path === "." || path === "" || file === path || file.startsWith(`${path.replace(/\/+$/, "")}/`));
function imageValueIn(text, file, image) {
  try {
    const entry = findImageEntry(parseKustomization(text, file).entries, image);
    return entry ? { tag: entry.newTag, digest: entry.digest } : void 0;
  } catch {
    return void 0;
  }
}
function findImageEntry(entries, image) {
  return entries.find((entry) => entry.name === image) ?? entries.find((entry) => entry.newName === image);
}

export {
  HISTORY_LIMIT,
  ConfigHistory,
  looksLikeCommit,
  isUnder,
  imageValueIn,
  findImageEntry
};
