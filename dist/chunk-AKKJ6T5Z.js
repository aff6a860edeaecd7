const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  shardName
} from "./chunk-EUVYLUSK.js";
import {
  openConfigRepo,
  withGitHubDiagnosis
} from "./chunk-AFYX2MWJ.js";
import {
  loadPromotionConfig,
  requirePromotionConfig
} from "./chunk-INDTGZUY.js";
import {
  Git
} from "./chunk-HUSS5IF7.js";
import {
  group,
  info,
  notice,
  warning
} from "./chunk-NZZWJ5E7.js";
import {
  InputError,
  UserError
} from "./chunk-KBKTDO2V.js";

// src/drift/config-branches.ts
async function openConfigBranches(location, github, configFile) {
  if (location.kind === "checkout") return openCheckout(location.path, configFile);
  if (!github.available) throw new InputError("token", "is needed to read the config repo through the GitHub API (path is empty).");
  const connection = await github.connect();
  const checkout = await checkoutOf(new Git(process.cwd()), connection.repository);
  if (checkout) {
    info(
      `Reading the checkout of ${connection.repository} in ${checkout} (path is empty and the working folder is one); set path to read another folder.`
    );
    return openCheckout(checkout, configFile);
  }
  return openThroughApi(github, configFile);
}
async function checkoutOf(git, repository) {
  const top = await git.topLevel();
  if (!top) return void 0;
  const origin = await git.remoteUrl("origin") ?? "";
  const path = origin.replace(/\.git$/, "").replace(/\/+$/, "").toLowerCase();
  const wanted = repository.toLowerCase();
  return path.endsWith(`/${wanted}`) || path.endsWith(`:${wanted}`) ? top : void 0;
}
var requireConfig = (config) => requirePromotionConfig(config, "config", "drift-check");
async function openCheckout(path, configFile) {
  const config = requireConfig(await loadPromotionConfig(path, configFile));
  const main = await checkoutBranch(new Git(path), config.branch);
  const warned = /* @__PURE__ */ new Set();
  return {
    config,
    main,
    branchOf: (env) => {
      if (env.branch && env.branch !== main.head.branch && !warned.has(env.name)) {
        warned.add(env.name);
        warning(
          `Environment '${env.name}' lives on branch '${env.branch}', but this checkout is '${main.head.branch}': its overlays and revisions are compared with '${main.head.branch}'. Check it in a run whose checkout is on '${env.branch}' (actions/checkout ref: ${env.branch}), or leave path empty to read every branch through the GitHub API.`
        );
      }
      return Promise.resolve(main);
    },
    dispose: () => Promise.resolve()
  };
}
async function checkoutBranch(git, detachedName) {
  if (!await git.topLevel()) {
    throw new UserError(
      `drift-check needs a git checkout of the config repo at '${git.directory}' (input path), with its history (actions/checkout with fetch-depth: 0), or an empty path to read it through the GitHub API.`
    );
  }
  const branch = await git.currentBranch() || detachedName || "HEAD";
  const { sha, date } = await git.commitInfo("HEAD");
  const [{ ConfigHistory }, { GitCommitGraph }] = await Promise.all([import("./config-history-TUQXAG5E.js"), import("./git-commit-graph-H6VPU3PE.js")]);
  return {
    root: git.directory,
    head: { branch, sha, committedAt: date },
    shallow: await git.isShallow(),
    history: new ConfigHistory(new GitCommitGraph(git), sha)
  };
}
async function openThroughApi(github, configFile) {
  const connection = await github.connect();
  const opened = await openConfigRepo({ kind: "github-api" }, { branch: "", push: false, github, configFile });
  const { repo } = opened;
  let config;
  try {
    config = requireConfig(opened.config);
  } catch (error) {
    await repo.dispose();
    throw error;
  }
  const [{ ConfigHistory }, { GitHubCommitGraph }] = await Promise.all([import("./config-history-TUQXAG5E.js"), import("./github-commit-graph-UIGVEHJS.js")]);
  const graph = new GitHubCommitGraph(connection.client, connection.owner, connection.repo);
  const branchAt = (branch, snapshot) => ({
    root: snapshot.root,
    // GitHub's branch answer always carries the committer date; a missing one reads as a fresh commit.
    head: { branch, sha: snapshot.commit, committedAt: snapshot.committedAt ?? Date.now() },
    shallow: false,
    history: new ConfigHistory(graph, snapshot.commit)
  });
  const main = branchAt(opened.branch, opened.snapshot);
  const branches = /* @__PURE__ */ new Map([[opened.branch, Promise.resolve(main)]]);
  return {
    config,
    main,
    branchOf: (env) => {
      const branch = env.branch || opened.branch;
      let opening = branches.get(branch);
      if (!opening) {
        opening = repo.open(branch).then(
          (snapshot) => branchAt(branch, snapshot),
          (error) => {
            throw error instanceof UserError ? new UserError(`Environment '${env.name}' lives on branch '${branch}' (its branch in the promotion config): ${error.message}`) : error;
          }
        );
        branches.set(branch, opening);
      }
      return opening;
    },
    dispose: () => repo.dispose()
  };
}

// src/drift/run-drift-check.ts
var READ_PERMISSIONS = "contents: read, pull-requests: read and issues: write";
async function runDriftCheck(inputs, context) {
  const github = context.github.available ? await context.github.connect() : void 0;
  const outcome = await withGitHubDiagnosis(context.github, { mode: "read", permissions: READ_PERMISSIONS }, () => readAndCheck(inputs, context, github));
  if (inputs.shard && inputs.issueLabel) {
    info(`drift-check ${shardName(inputs.shard)}: the tracking issue (label ${inputs.issueLabel}) is left to merge-reports, which sees every shard.`);
  } else {
    await keepTrackingIssueIfAsked(outcome.report, inputs.issueLabel, github, context.run);
  }
  return outcome;
}
async function keepTrackingIssueIfAsked(report, label, github, run) {
  if (label && github) {
    await group(`Tracking issue (label ${label})`, () => keepTrackingIssue(report, label, github, run));
  } else if (label) {
    notice('drift-check: no token or repository, so the tracking issue is not kept (set token, or issue: "" to turn it off).');
  }
}
async function readAndCheck(inputs, context, github) {
  const branches = await openConfigBranches(inputs.location, context.github, context.configFile);
  try {
    const { checkDrift } = await import("./check-drift-VVV4SYAS.js");
    return await checkDrift(branches, inputs, github);
  } finally {
    await branches.dispose();
  }
}
async function keepTrackingIssue(report, label, github, run) {
  const target = { client: github.client, owner: github.owner, repo: github.repo, label };
  const runUrl = run.runUrl || void 0;
  const [{ applyTrackingIssue, findTrackingIssue, planTrackingIssue }, { issueBody }] = await Promise.all([
    import("./tracking-issue-2Z7OVJJB.js"),
    import("./report-markdown-2LD3RXMI.js")
  ]);
  try {
    const existing = await findTrackingIssue(target);
    const plan = planTrackingIssue(existing, report.items, issueBody(report, runUrl), runUrl);
    const url = await applyTrackingIssue(target, plan, existing);
    if (plan.action !== "none") info(`Tracking issue: ${plan.action}${url ? ` ${url}` : ""}`);
  } catch (error) {
    throw new UserError(`Could not keep the tracking issue on ${github.repository} (the token needs issues: write): ${error.message}`);
  }
}

export {
  runDriftCheck,
  keepTrackingIssueIfAsked
};
