const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  parseOwnerName
} from "./chunk-OENRT2KS.js";
import {
  readString
} from "./chunk-2TLWLIFK.js";
import {
  maskSecret
} from "./chunk-WOKMQZGB.js";
import {
  InputError
} from "./chunk-KBKTDO2V.js";

// src/github/github-connection.ts
async function connectToGitHub(target, context, why) {
  if (target.repository === "") throw new InputError("repository", `is needed ${why}; name the config repo as owner/name.`);
  if (target.token === "") {
    throw new InputError("token", `is needed ${why}; pass a GitHub App token or a fine-grained personal access token (see the README's section on tokens).`);
  }
  const [owner, repo] = target.repository.split("/");
  const counter = { reads: 0, writes: 0 };
  const { createGitHubClient } = await import("./octokit-client-ESMYAH67.js");
  const client = createGitHubClient({ token: target.token, apiUrl: context.apiUrl, graphqlUrl: context.graphqlUrl, counter });
  return { client, owner, repo, repository: target.repository, workflowRepository: context.workflowRepository, counter };
}
var GitHubAccess = class {
  constructor(target, context, why) {
    this.target = target;
    this.context = context;
    this.why = why;
  }
  target;
  context;
  why;
  connection;
  connecting;
  /** The connection, opened now if it was not. */
  async connect() {
    this.connecting ??= connectToGitHub(this.target, this.context, this.why);
    return this.connection = await this.connecting;
  }
  /** The connection if one was opened, for explaining an error. */
  get opened() {
    return this.connection;
  }
  /** Whether the repository and a token are given, so that connecting can work. */
  get available() {
    return this.target.repository !== "" && this.target.token !== "";
  }
};

// src/inputs/github-inputs.ts
function readGitHubTarget(context) {
  const repository = readString("repository", context.workflowRepository).trim();
  if (repository !== "") parseOwnerName("repository", repository);
  const token = readString("token", context.environmentToken).trim();
  if (token !== "") maskSecret(token);
  return { repository, token };
}
var ACTIONS_BOT = { name: "github-actions[bot]", email: "41898282+github-actions[bot]@users.noreply.github.com" };
function readCommitIdentity() {
  return { name: readString("author-name", ACTIONS_BOT.name).trim(), email: readString("author-email", ACTIONS_BOT.email).trim() };
}
function parseSourceRepositories(items) {
  const map = /* @__PURE__ */ new Map();
  for (const item of items) {
    const [app, repository] = item.includes("=") ? item.split("=", 2) : ["*", item];
    try {
      parseOwnerName("source-repository", repository);
    } catch {
      throw new InputError("source-repository", `'${item}' is not owner/name (or app=owner/name).`);
    }
    map.set(app.trim(), repository.trim());
  }
  return map;
}

export {
  GitHubAccess,
  readGitHubTarget,
  readCommitIdentity,
  parseSourceRepositories
};
