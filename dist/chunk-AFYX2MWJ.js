const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  loadPromotionConfig
} from "./chunk-INDTGZUY.js";
import {
  Git
} from "./chunk-HUSS5IF7.js";
import {
  InputError
} from "./chunk-KBKTDO2V.js";

// src/github/github-diagnosis.ts
async function withGitHubDiagnosis(github, use, work) {
  try {
    return await work();
  } catch (error) {
    throw await diagnose(github, use, error) ?? error;
  }
}
async function diagnose(github, use, error) {
  const connection = github.opened;
  if (!connection) return void 0;
  if (use.mode === "read") return (await import("./refused-read-VLTRG5JS.js")).explainRefusedRead(connection.repository, error, use.permissions);
  const { statusOf } = await import("./request-errors-AHT34I54.js");
  if (![401, 403, 404].includes(statusOf(error) ?? 0)) return void 0;
  return (await import("./setup-checks-PRGLHP4R.js")).explainRefusedWrite(connection, error);
}

// src/repo/local-checkout.ts
import { rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";

// src/repo/write-over.ts
import { closeSync, constants, ftruncateSync, mkdirSync, openSync, writeSync } from "node:fs";
import { dirname } from "node:path";
function writeOver(path, content) {
  const bytes = Buffer.from(content);
  const fd = openCreating(path);
  try {
    for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written, bytes.length - written, written);
    ftruncateSync(fd, bytes.length);
  } finally {
    closeSync(fd);
  }
}
function openCreating(path) {
  const flags = constants.O_WRONLY | constants.O_CREAT;
  try {
    return openSync(path, flags, 438);
  } catch (error) {
    if (error.code !== "ENOENT") throw error;
    mkdirSync(dirname(path), { recursive: true });
    return openSync(path, flags, 438);
  }
}

// src/repo/local-checkout.ts
var LocalCheckout = class {
  constructor(path, options = { push: true }) {
    this.path = path;
    this.options = options;
    this.git = new Git(path);
  }
  path;
  options;
  kind = "checkout";
  git;
  repository = "";
  get remote() {
    return this.options.remote ?? "origin";
  }
  /** The work tree is the snapshot; a commit is pushed to the branch the caller names. */
  async open() {
    return { root: this.path, commit: await this.git.head() };
  }
  /** Moves the work tree to the new head of `branch` after a refused push. */
  async reopen(branch) {
    await this.git.resetKeep(await this.git.fetchBranch(this.remote, branch));
    return { root: this.path, commit: await this.git.head() };
  }
  async readFile(path) {
    try {
      return await readFile(join(this.path, path), "utf8");
    } catch {
      return void 0;
    }
  }
  uncommittedChanges(files) {
    return this.git.changedPaths(files);
  }
  async commit(request) {
    const { snapshot, target } = request;
    for (const file of request.files) writeOrRemove(join(this.path, file.path), file);
    const { sha, staged } = await this.git.commitBeforeStaging(request.files, request.message, request.author);
    if (!this.options.push) {
      await staged;
      return { outcome: "landed", sha, pushed: false };
    }
    const [pushed] = await Promise.allSettled([this.pushTo(target), staged]);
    await staged;
    if (target.mode === "force" || pushed.status === "rejected" || pushed.value === "moved") await this.git.resetKeep(snapshot.commit);
    if (pushed.status === "rejected") throw pushed.reason;
    return pushed.value === "moved" ? { outcome: "moved" } : { outcome: "landed", sha, pushed: true };
  }
  async pushTo(target) {
    if (target.mode === "fast-forward") return this.git.push(this.remote, target.branch);
    await this.git.forcePush(this.remote, target.branch, target.lease);
    return "pushed";
  }
  async dispose() {
  }
};
function writeOrRemove(absolute, file) {
  if (file.deleted) {
    rmSync(absolute, { force: true });
    return;
  }
  writeOver(absolute, file.content);
}

// src/repo/open-config-repo.ts
async function connectConfigRepo(location, github) {
  if (location.kind === "checkout") return new LocalCheckout(location.path, { push: false });
  const connection = await github.connect();
  const { GitHubApiRepo } = await import("./github-api-repo-3FEE4KVA.js");
  return new GitHubApiRepo(connection.client, connection.owner, connection.repo);
}
async function openConfigRepo(location, options) {
  const configured = (config) => options.branch ? void 0 : options.environmentBranch?.(config);
  if (location.kind === "checkout") {
    const repo2 = new LocalCheckout(location.path, { push: options.push });
    const isCheckout = await repo2.git.topLevel() !== void 0;
    if (!isCheckout && options.readOnly) {
      const snapshot2 = { root: location.path, commit: "" };
      return { repo: repo2, snapshot: snapshot2, branch: "", config: await loadPromotionConfig(snapshot2.root, options.configFile) };
    }
    if (!isCheckout) {
      if (location.missing === "repository") {
        throw new InputError(
          "repository",
          "is needed: path is empty and the working folder is not a git checkout; name the config repo as owner/name (with token) to work through the GitHub API, or set path to a checkout of it."
        );
      }
      if (location.missing === "token") {
        throw new InputError(
          "token",
          "is needed: path is empty and the working folder is not a git checkout, so the config repo is reached through the GitHub API; pass a token (or set path to a checkout)."
        );
      }
      throw new InputError(
        "path",
        `'${location.path}' is not inside a git repository; check out the config repo first (actions/checkout), or leave path empty to work through the GitHub API.`
      );
    }
    const [current, snapshot] = await Promise.all([repo2.git.currentBranch(), repo2.open()]);
    const config = await loadPromotionConfig(snapshot.root, options.configFile);
    const wanted = configured(config);
    if (wanted && current && current !== wanted && !options.readOnly) {
      throw new InputError(
        "path",
        `the environment lands on branch '${wanted}' (its branch in the promotion config), but the checkout is on '${current}'; check out '${wanted}' (actions/checkout with ref: ${wanted}), or name the branch input.`
      );
    }
    return { repo: repo2, snapshot, branch: options.branch || current || wanted || "", config };
  }
  const connection = await options.github.connect();
  const { GitHubApiRepo } = await import("./github-api-repo-3FEE4KVA.js");
  const repo = new GitHubApiRepo(connection.client, connection.owner, connection.repo);
  try {
    let branch = options.branch || await defaultBranch(connection);
    let snapshot = await repo.open(branch);
    let config = await loadPromotionConfig(snapshot.root, options.configFile);
    const wanted = configured(config) ?? (options.branch ? void 0 : config?.branch);
    if (wanted && wanted !== branch) {
      branch = wanted;
      snapshot = await repo.open(branch);
      config = await loadPromotionConfig(snapshot.root, options.configFile);
    }
    return { repo, snapshot, branch, config };
  } catch (error) {
    await repo.dispose();
    throw error;
  }
}
async function defaultBranch(connection) {
  const { data } = await connection.client.rest.repos.get({ owner: connection.owner, repo: connection.repo });
  return data.default_branch;
}
async function inConfigRepoToLand(location, options, work) {
  return withGitHubDiagnosis(options.github, { mode: "write" }, async () => {
    const opened = await openConfigRepo(location, options);
    try {
      return await work(opened);
    } finally {
      await opened.repo.dispose();
    }
  });
}

export {
  withGitHubDiagnosis,
  LocalCheckout,
  connectConfigRepo,
  openConfigRepo,
  inConfigRepoToLand
};
