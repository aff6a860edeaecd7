const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  describeObjects,
  syncedRevision
} from "./chunk-6BFWFVZU.js";
import {
  PollInterval,
  hasAborted,
  sleep
} from "./chunk-KK2DNMA5.js";
import {
  judgeFluxObject
} from "./chunk-JK2ITCCM.js";
import {
  ArgoTransientError,
  FluxTransientError,
  judgeArgoApplication,
  openControllers
} from "./chunk-4XHMO57Z.js";
import {
  argoAppLabel
} from "./chunk-SZ7I6FF2.js";
import {
  GitCommitGraph
} from "./chunk-QT6GZBGT.js";
import {
  GitHubCommitGraph
} from "./chunk-BWNRKEDA.js";
import {
  pickLandingPullRequest
} from "./chunk-TAZTHVOV.js";
import {
  Git
} from "./chunk-HUSS5IF7.js";
import {
  parseOwnerName
} from "./chunk-OENRT2KS.js";
import {
  shortSha
} from "./chunk-W3WLHFYS.js";
import {
  codeCell,
  markdownTable,
  textCell
} from "./chunk-MJQOG5ZV.js";
import "./chunk-NQ32NAFZ.js";
import {
  explainRefusedRead
} from "./chunk-UUF5BKN3.js";
import {
  countOf
} from "./chunk-WACLQDPL.js";
import {
  describeRequestError,
  isRequestError,
  readFailureKind,
  statusOf
} from "./chunk-ANR6TANQ.js";
import {
  createGitHubClient
} from "./chunk-ZWJDYA7Q.js";
import "./chunk-WOKMQZGB.js";
import {
  debug,
  group,
  info,
  notice,
  warning
} from "./chunk-NZZWJ5E7.js";
import {
  shortenAtWord
} from "./chunk-BMJ2XMMR.js";
import {
  InputError,
  UserError,
  messageOf,
  oneLineMessage
} from "./chunk-KBKTDO2V.js";
import {
  COMMIT_SHA_VARIABLE
} from "./chunk-OKDCWDB5.js";
import "./chunk-2QGGJF6Q.js";

// src/controllers/argocd/watch-argo-application.ts
var POLL = { initialMs: 1e3, maxMs: 1e4 };
var FIRST_ANSWER_MS = 15e3;
var REFRESH_TIMEOUT_MS = 12e4;
var REFRESH_AGAIN_MS = 3e4;
async function waitForArgoApplication(ref, options) {
  const follower = new ArgoFollower(ref, options);
  return follower.run();
}
var ArgoFollower = class {
  constructor(ref, options) {
    this.ref = ref;
    this.options = options;
    this.label = argoAppLabel(ref);
  }
  ref;
  options;
  last;
  refreshed = false;
  degradedSince;
  syncRequested = false;
  lastRefreshRequest = 0;
  lastApp;
  graceTimer;
  stop = new AbortController();
  settle;
  fail;
  label;
  async run() {
    const signal = AbortSignal.any([this.options.signal, this.stop.signal]);
    const finished = new Promise((resolve, reject) => {
      this.settle = resolve;
      this.fail = reject;
    });
    const onAbort = () => {
      this.settle(this.last ?? { state: "waiting", sync: "Unknown", health: "Unknown", revision: "", message: "no answer yet" });
    };
    this.options.signal.addEventListener("abort", onAbort, { once: true });
    try {
      const first = await this.firstAnswer(signal);
      if (first) await this.observe(first);
      this.requestRefresh(this.options.refresh, signal);
      this.follow(signal).catch((error) => {
        this.fail(error);
      });
      return await finished;
    } finally {
      this.options.signal.removeEventListener("abort", onAbort);
      this.stop.abort();
    }
  }
  /** The app as it is; fails with the server's input when it never answers. */
  async firstAnswer(signal) {
    const giveUp = Date.now() + FIRST_ANSWER_MS;
    const interval = new PollInterval(500, 4e3, 2);
    let lastError;
    while (!signal.aborted) {
      try {
        return await this.options.client.getApplication(this.ref, { signal, timeoutMs: 3e4 });
      } catch (error) {
        if (hasAborted(signal)) break;
        if (!(error instanceof ArgoTransientError)) throw error;
        lastError = error;
        if (Date.now() >= giveUp) break;
        debug(`${this.label}: ${error.message}; retrying`);
        await sleep(interval.next(), signal);
      }
    }
    if (lastError && !this.stop.signal.aborted) throw new InputError("argocd-server", `${lastError.message}; is the URL right and the server up?`);
    return void 0;
  }
  /** The stream while it works; polling with backoff while it is broken (or always, in poll mode). */
  async follow(signal) {
    let breaks = 0;
    while (!signal.aborted) {
      if (this.options.watch === "stream") {
        try {
          for await (const event of this.options.client.watchApplication(this.ref, signal)) {
            if (event.type === "DELETED") {
              this.settle({ ...this.current(), state: "failed", message: "the Application was deleted while waiting" });
              return;
            }
            breaks = 0;
            await this.observe(event.application);
          }
          if (hasAborted(signal)) return;
          throw new ArgoTransientError("the watch stream ended");
        } catch (error) {
          if (hasAborted(signal)) return;
          if (!(error instanceof ArgoTransientError)) throw error;
          breaks++;
          info(`${this.label}: ${error.message}; polling until the stream is back.`);
        }
      }
      const pollUntil = this.options.watch === "poll" ? Infinity : Date.now() + Math.min(3e4, 1e3 * 2 ** breaks);
      await this.poll(signal, pollUntil);
    }
  }
  async poll(signal, until) {
    const interval = new PollInterval(POLL.initialMs, POLL.maxMs);
    while (!signal.aborted && Date.now() < until) {
      try {
        const before = this.last;
        await this.observe(await this.options.client.getApplication(this.ref, { signal, timeoutMs: 3e4 }));
        if (before && this.last && sameStatus(before, this.last)) interval.next();
        else interval.reset();
      } catch (error) {
        if (hasAborted(signal)) return;
        if (!(error instanceof ArgoTransientError)) throw error;
        debug(`${this.label}: ${error.message}; retrying`);
        this.options.report({ ...this.current(), message: `${error.message}; retrying` });
      }
      await sleep(interval.next(), signal);
    }
  }
  async observe(app) {
    if (isOlder(app, this.lastApp)) return;
    this.lastApp = app;
    let judgement = this.judge(app);
    if (judgement.lookup.length > 0) {
      await this.options.ancestry.learn(judgement.lookup);
      judgement = this.judge(app);
    }
    if (judgement.lookupFiles?.length) {
      await this.options.ancestry.learnChangedFiles(judgement.lookupFiles);
      judgement = this.judge(app);
    }
    if (this.lastApp !== app) return;
    const degradedSince = judgement.degraded ? this.degradedSince ?? Date.now() : void 0;
    this.degradedSince = degradedSince;
    this.last = judgement;
    this.options.report(judgement);
    if (judgement.state !== "waiting") {
      this.settle(judgement);
      return;
    }
    if (degradedSince !== void 0) this.judgeAgainAfterGrace(degradedSince);
    if (judgement.needsRefresh) this.requestRefresh("normal", this.options.signal, 5e3);
    else if (judgement.revisionBehind) this.requestRefresh(this.options.refresh, this.options.signal, REFRESH_AGAIN_MS);
    if (judgement.needsSync) await this.requestSync(judgement);
  }
  /** A Degraded app may send no further event: judge it again when its grace period ends. */
  judgeAgainAfterGrace(degradedSince) {
    if (this.graceTimer) return;
    const wait = Math.max(0, degradedSince + this.options.degradedGraceMs - Date.now()) + 10;
    this.graceTimer = setTimeout(() => {
      this.graceTimer = void 0;
      if (this.lastApp && !this.stop.signal.aborted)
        this.observe(this.lastApp).catch((error) => {
          this.fail(error);
        });
    }, wait);
    this.stop.signal.addEventListener(
      "abort",
      () => {
        clearTimeout(this.graceTimer);
      },
      { once: true }
    );
  }
  judge(app) {
    return judgeArgoApplication(
      app,
      { knowledge: this.options.ancestry, degradedSince: this.degradedSince, degradedGraceMs: this.options.degradedGraceMs, refreshed: this.refreshed },
      Date.now()
    );
  }
  /** Asks the controller to look at git now (GET ?refresh= answers once it has); at most every `minGapMs`. */
  requestRefresh(kind, signal, minGapMs = 0) {
    if (Date.now() - this.lastRefreshRequest < minGapMs) return;
    this.lastRefreshRequest = Date.now();
    const refreshSignal = AbortSignal.any([signal, this.stop.signal]);
    this.options.client.getApplication(this.ref, { refresh: kind, signal: refreshSignal, timeoutMs: REFRESH_TIMEOUT_MS }).then(async (app) => {
      this.refreshed = true;
      await this.observe(app);
    }).catch((error) => {
      if (refreshSignal.aborted) return;
      if (error instanceof ArgoTransientError) debug(`${this.label}: refresh: ${error.message}`);
      else this.fail(error);
    });
  }
  async requestSync(judgement) {
    if (!this.options.sync) {
      if (!this.syncRequested) info(`${this.label}: auto-sync is off and the app is ${judgement.sync}; set argocd-sync: true to sync it from this step.`);
      this.syncRequested = true;
      return;
    }
    if (this.syncRequested) return;
    this.syncRequested = true;
    const started = await this.options.client.syncApplication(this.ref, this.options.signal);
    info(`${this.label}: ${started ? "sync requested (auto-sync is off)" : "an operation is already running; not syncing"}.`);
  }
  current() {
    return this.last ?? {
      state: "waiting",
      sync: "Unknown",
      health: "Unknown",
      revision: "",
      message: "",
      lookup: [],
      needsRefresh: false,
      needsSync: false,
      degraded: false,
      revisionBehind: false
    };
  }
};
function sameStatus(a, b) {
  return a.state === b.state && a.sync === b.sync && a.health === b.health && a.revision === b.revision && a.message === b.message;
}
function isOlder(app, than) {
  const a = Number(app.metadata.resourceVersion);
  const b = Number(than?.metadata.resourceVersion);
  return Number.isInteger(a) && Number.isInteger(b) && a < b;
}

// src/controllers/flux/watch-flux-object.ts
var FIRST_ANSWER_MS2 = 15e3;
function fluxWaiter(client) {
  return { waitFor: (target, options) => new FluxFollower(client, target, options).run() };
}
var FluxFollower = class {
  constructor(client, target, options) {
    this.client = client;
    this.options = options;
    this.ref = { kind: target.kind, name: target.name, namespace: target.namespace };
  }
  client;
  options;
  last = { state: "waiting", sync: "Unknown", health: "Unknown", revision: "", message: "no answer yet" };
  requestedAt;
  resourceVersion;
  ref;
  async run() {
    const { signal } = this.options;
    const first = await this.firstAnswer(signal);
    if (!first) return this.last;
    if (this.options.reconcile) await this.requestReconcile(first);
    if (await this.observe(first)) return this.last;
    const interval = new PollInterval(500, 1e4, 2);
    while (!signal.aborted) {
      const ended = await this.watchOnce();
      if (this.last.state !== "waiting" || hasAborted(signal)) return this.last;
      if (ended === "expired") this.resourceVersion = void 0;
      await sleep(ended === "clean" ? 0 : interval.next(), signal);
      const current = await this.client.get(this.ref).catch((error) => {
        if (error instanceof FluxTransientError) return void 0;
        throw error;
      });
      if (current && await this.observe(current)) return this.last;
    }
    return this.last;
  }
  async firstAnswer(signal) {
    const giveUp = Date.now() + FIRST_ANSWER_MS2;
    const interval = new PollInterval(500, 4e3, 2);
    for (; ; ) {
      try {
        return await this.client.get(this.ref);
      } catch (error) {
        if (signal.aborted) return void 0;
        if (!(error instanceof FluxTransientError)) throw error;
        if (Date.now() >= giveUp) throw new InputError("kubeconfig", `${error.message}; is the cluster reachable from the runner?`);
        await sleep(interval.next(), signal);
      }
    }
  }
  /** One watch, until it ends, the object is judged, or the signal aborts. */
  watchOnce() {
    return new Promise((resolve, reject) => {
      let stop;
      let settled = false;
      let queue = Promise.resolve();
      const finish = (how) => {
        if (settled) return;
        settled = true;
        this.options.signal.removeEventListener("abort", onAbort);
        stop?.();
        queue.then(() => {
          resolve(how);
        }, reject);
      };
      const onAbort = () => {
        finish("clean");
      };
      this.options.signal.addEventListener("abort", onAbort, { once: true });
      this.client.watch(this.ref, this.resourceVersion, {
        onEvent: (type, object) => {
          if (type === "ERROR") {
            finish("expired");
            return;
          }
          if (object.metadata.resourceVersion) this.resourceVersion = object.metadata.resourceVersion;
          if (type === "BOOKMARK") return;
          if (type === "DELETED") {
            this.last = { ...this.last, state: "failed", message: `${this.ref.kind} was deleted while waiting` };
            finish("clean");
            return;
          }
          queue = queue.then(async () => {
            if (!settled && await this.observe(object)) finish("clean");
          });
        },
        onEnd: (error) => {
          if (error) debug(`${this.ref.kind}/${this.ref.name}: watch ended: ${messageOf(error)}`);
          finish(error ? "broken" : "clean");
        }
      }).then(
        (abort) => {
          stop = abort;
          if (settled) abort();
        },
        () => {
          finish("broken");
        }
      );
    });
  }
  /** Judges the object; true once it is done or failed. */
  async observe(object) {
    if (object.metadata.resourceVersion) this.resourceVersion = object.metadata.resourceVersion;
    let judgement = judgeFluxObject(object, { knowledge: this.options.ancestry, requestedAt: this.requestedAt });
    if (judgement.lookup.length > 0) {
      await this.options.ancestry.learn(judgement.lookup);
      judgement = judgeFluxObject(object, { knowledge: this.options.ancestry, requestedAt: this.requestedAt });
    }
    const status = { ...judgement };
    delete status.lookup;
    this.last = status;
    this.options.report(status);
    return status.state !== "waiting";
  }
  /** The source first (as --with-source), so the object reconciles against the new commit. */
  async requestReconcile(object) {
    const requestedAt = (/* @__PURE__ */ new Date()).toISOString();
    const source = object.spec?.sourceRef ?? object.spec?.chartRef;
    if (source && (source.kind === "GitRepository" || source.kind === "OCIRepository")) {
      await this.client.requestReconcile({ kind: source.kind, name: source.name, namespace: source.namespace ?? this.ref.namespace }, requestedAt);
    }
    await this.client.requestReconcile(this.ref, requestedAt);
    this.requestedAt = requestedAt;
    info(`${this.ref.kind}/${this.ref.namespace}/${this.ref.name}: reconcile requested${source ? ` (with source ${source.kind}/${source.name})` : ""}.`);
  }
};

// src/controllers/revision-ancestry.ts
function configRepoGraphs(sources) {
  const graphs = [];
  if (sources.git) graphs.push(new GitCommitGraph(sources.git, { fetchMissing: true }));
  if (sources.github) graphs.push(new GitHubCommitGraph(sources.github.client, sources.github.owner, sources.github.repo));
  return graphs;
}
var RELATION = { same: "same", ancestor: "older", descendant: "newer", unrelated: "unrelated" };
var COMMIT = /^[0-9a-f]{40}$/;
var RevisionAncestry = class {
  constructor(expected, graphs) {
    this.expected = expected;
    this.graphs = graphs;
  }
  expected;
  graphs;
  relations = /* @__PURE__ */ new Map();
  changedFiles = /* @__PURE__ */ new Map();
  /** Why the last lookup of a revision failed for now (a GitHub 5xx, say), for the progress line. */
  lookupFailures = /* @__PURE__ */ new Map();
  lookups = /* @__PURE__ */ new Map();
  /** A refusal ends the wait: every later lookup answers with it, asking nothing. */
  refusal;
  /** Learns how each revision relates to the expected commit. */
  learn(revisions) {
    return this.once(
      "relation",
      revisions.filter((revision) => revision !== this.expected),
      async (revision) => {
        const standing = await this.ask(revision, (graph) => graph.relation(revision, this.expected));
        const relation = standing ? RELATION[standing] : "unknown";
        debug(`Revision ${revision} relative to ${this.expected}: ${relation}`);
        this.relations.set(revision, relation);
      }
    );
  }
  /** Learns which files changed from each older `revision` to the expected commit (renames by their new name, as Argo CD lists them). */
  learnChangedFiles(revisions) {
    return this.once("files", revisions, async (revision) => {
      const changed = await this.ask(revision, (graph) => graph.changedFiles(revision, this.expected));
      const files = changed?.complete ? changed.files : null;
      debug(`Files changed from ${revision} to ${this.expected}: ${files === null ? "unknown" : files.length}`);
      this.changedFiles.set(revision, files);
    });
  }
  /**
   * Runs `lookup` once per revision and kind: the stream, polls and refresh
   * answers judge at once, and one request serves them all. A lookup that
   * failed for a passing reason is forgotten, so the next judgement asks again.
   */
  async once(kind, revisions, lookup) {
    for (const revision of revisions) {
      if (this.refusal) throw this.refusal;
      const key = `${kind}:${revision}`;
      if (!this.lookups.has(key)) {
        const pending = lookup(revision).then(
          () => void this.lookupFailures.delete(revision),
          (error) => {
            this.lookups.delete(key);
            if (error instanceof UserError) throw this.refusal = error;
            this.lookupFailures.set(revision, error.message);
            debug(`Looking up ${kind} of ${revision} failed for now (${error.message}); asking again later`);
          }
        );
        this.lookups.set(key, pending);
      }
      await this.lookups.get(key);
    }
  }
  /**
   * The first answer a graph gives about `revision`. A graph that holds every
   * commit of the repository (GitHub) and lacks a full SHA a controller runs
   * was asked about the wrong repository, or with a token that may not read
   * it: that ends the wait with what to set.
   */
  async ask(revision, question) {
    for (const graph of this.graphs) {
      let answer;
      try {
        answer = await question(graph);
      } catch (error) {
        this.explainFailure(error, graph, revision);
        continue;
      }
      if (answer !== void 0) return answer;
      if (graph.holdsEveryCommit && COMMIT.test(revision) && await graph.relation(revision, this.expected) === void 0) {
        throw new InputError(
          "repository",
          `GitHub answered 404 Not Found ${this.comparing(revision, graph)}: the commits are not in that repository, or the token may not read it. Set repository to the config repo (owner/name) and token to a token that may read it.`
        );
      }
    }
    return void 0;
  }
  /** Throws what the wait does with a failed question (see readFailureKind); returns for an answer that only means "cannot tell". */
  explainFailure(error, graph, revision) {
    const where = this.comparing(revision, graph);
    const kind = readFailureKind(error);
    if (kind === "passing") throw new Error(`GitHub answered ${statusOf(error)} ${where} (${describeRequestError(error)})`);
    if (kind === "refused") {
      throw new InputError(
        "token",
        `GitHub answered ${statusOf(error)} ${where} (${describeRequestError(error)}): set token to a token that may read ${graph.where} (contents: read), and repository to the config repo if it is not.`
      );
    }
    if (!isRequestError(error)) throw error;
    debug(`${where} failed: ${error.message}`);
  }
  comparing(revision, graph) {
    return `comparing ${shortSha(revision)}...${shortSha(this.expected)} in ${graph.where}`;
  }
};

// src/controllers/wait-revision.ts
var SHA = /^[0-9a-f]{40}$/;
async function resolveExpectedRevision(input, sources) {
  if (SHA.test(input.toLowerCase())) return { sha: input.toLowerCase(), source: "input revision" };
  if (input) return { sha: await resolveRef(input, sources), source: `input revision (${input})` };
  const exported = sources.exported;
  if (exported && SHA.test(exported)) return { sha: exported, source: `${COMMIT_SHA_VARIABLE} from an earlier gitops-promote step` };
  const { checkout } = sources;
  const head = await checkout?.revParse("HEAD");
  if (checkout && head) return { sha: head, source: `the head of the checkout in ${checkout.directory}` };
  throw new InputError(
    "revision",
    `no commit to wait for: pass revision (for example \${{ steps.set-image.outputs.commit-sha }}), run after a gitops-promote step that exports ${COMMIT_SHA_VARIABLE}, or check out the config repo at path.`
  );
}
async function resolveRef(ref, sources) {
  for (const graph of sources.graphs) {
    let sha;
    try {
      sha = await graph.resolve(ref);
    } catch (error) {
      throw new InputError("revision", `'${ref}' is not a commit of ${graph.where} (${error.message}).`);
    }
    if (sha) return sha;
    if (graph.holdsEveryCommit) throw new InputError("revision", `'${ref}' is not a commit of ${graph.where}.`);
  }
  throw new InputError("revision", `cannot resolve '${ref}' to a commit: give a full SHA, or check out the config repo at path, or set repository and token.`);
}

// src/github/marked-comments.ts
async function upsertMarkedComment(github, issueNumber, marker, body) {
  const where = { owner: github.owner, repo: github.repo };
  const comments = await github.client.paginate(github.client.rest.issues.listComments, { ...where, issue_number: issueNumber, per_page: 100 });
  const earlier = comments.find((comment) => comment.body?.includes(marker));
  if (earlier?.body === body) return { action: "unchanged", url: earlier.html_url };
  if (earlier) {
    const { data: data2 } = await github.client.rest.issues.updateComment({ ...where, comment_id: earlier.id, body });
    return { action: "updated", url: data2.html_url };
  }
  const { data } = await github.client.rest.issues.createComment({ ...where, issue_number: issueNumber, body });
  return { action: "created", url: data.html_url };
}

// src/github/merged-pull-requests.ts
async function mergedPullRequestsOf(github, sha) {
  const { data } = await github.client.rest.repos.listPullRequestsAssociatedWithCommit({
    owner: github.owner,
    repo: github.repo,
    commit_sha: sha,
    per_page: 100
  });
  return data.filter((pull) => pull.merged_at !== null && pull.merge_commit_sha).map((pull) => ({
    number: pull.number,
    url: pull.html_url,
    title: pull.title,
    headRef: pull.head.ref,
    body: pull.body ?? "",
    mergeCommitSha: pull.merge_commit_sha ?? ""
  }));
}

// src/wait/pull-request-comment-body.ts
function waitCommentMarker(runId, targets) {
  const objects = targets.map((target) => target.label).sort().join(",").replace(/-->/g, "");
  return `<!-- gitops-promote:wait run=${runId || "local"} objects=${objects} -->`;
}
function waitCommentBody(outcome, details) {
  const rows = outcome.objects.map((object) => [
    codeCell(object.target.label),
    object.target.controller === "argocd" ? "Argo CD" : "Flux",
    objectCell(object, outcome, details)
  ]);
  const run = details.runUrl ? `[this workflow run](${details.runUrl})` : "a run outside GitHub Actions";
  const deployment = outcome.deploymentUrl ? ` Recorded as a [GitHub deployment](${outcome.deploymentUrl}).` : "";
  return [
    details.marker,
    `### ${headline(outcome, details)}`,
    "",
    markdownTable(["App", "Controller", "Outcome"], rows),
    "",
    // No elapsed time here: a re-run that saw the same outcome then finds the comment saying it already, and writes nothing.
    `Judged by gitops-promote \`wait\` in ${run}.${deployment}`,
    ""
  ].join("\n");
}
function headline(outcome, details) {
  const where = details.environment ? `${details.environment}: ` : "";
  const expected = commitLink(outcome.expected, details);
  if (!outcome.failure) return `\u2705 ${where}synced and healthy at ${commitLink(syncedRevision(outcome), details)}`;
  if (outcome.objects.some((object) => object.status.state === "failed")) return `\u274C ${where}${expected} did not become healthy`;
  return `\u23F3 ${where}${expected} was not synced and healthy after ${Math.round(outcome.elapsedMs / 1e3)} s`;
}
function objectCell({ status }, outcome, details) {
  const at = revisionLinks(status.revision, details);
  const state = `${textCell(`${status.sync}, ${status.health}`)} at ${at}`;
  const note = status.note ? ` (${textCell(status.note)})` : "";
  if (status.state === "done") return `\u2705 ${state}${note}`;
  if (status.state === "failed") return `\u274C ${textCell(status.message)}<br>${state}`;
  const why = outcome.timedOut ? "timed out" : "not finished: the wait stopped when another app failed";
  return `\u23F3 ${why}${status.message ? `: ${textCell(status.message)}` : ""}<br>${state}`;
}
function revisionLinks(revision, details) {
  const revisions = revision.split(",").filter(Boolean);
  return revisions.length === 0 ? "no revision" : revisions.map((sha) => commitLink(sha, details)).join(", ");
}
function commitLink(revision, details) {
  return /^[0-9a-f]{40}$/.test(revision) ? `[${codeCell(shortSha(revision))}](${details.commitUrl(revision)})` : codeCell(revision);
}

// src/wait/comment-on-pull-request.ts
var VERDICT_STANDS = "The wait's verdict is unchanged.";
async function commentOnMergedPullRequest(outcome, waited, context) {
  const commit = shortSha(outcome.expected);
  const { repository, token } = context.target;
  const skip = !repository ? "no repository names the config repo (set repository to owner/name)" : !token ? "no token is given" : "";
  if (skip) {
    notice(`No comment on the pull request that merged ${commit}: ${skip}. Set comment-on-pr: false to do without.`);
    return void 0;
  }
  try {
    const github = await context.github.connect();
    const merged = await mergedPullRequestsOf(github, outcome.expected).catch((error) => {
      reportLookupFailure(error, commit, repository);
      return void 0;
    });
    if (!merged) return void 0;
    const pick = pickLandingPullRequest(merged, outcome.expected);
    if (!pick.kind) {
      info(`No pull request comment: ${pick.why} (${commit} in ${repository}).`);
      return void 0;
    }
    const { run } = context;
    const marker = waitCommentMarker(run.runId, waited.targets);
    const body = waitCommentBody(outcome, {
      marker,
      environment: waited.environment,
      commitUrl: (sha) => `${run.serverUrl}/${repository}/commit/${sha}`,
      runUrl: run.runUrl
    });
    const written = await upsertMarkedComment(github, pick.pull.number, marker, body).catch((error) => {
      reportCommentFailure(error, pick.pull.number, repository);
      return void 0;
    });
    if (!written) return void 0;
    const said = { created: "Commented the outcome on", updated: "Updated the outcome comment on", unchanged: "The outcome comment already says this on" };
    info(`${said[written.action]} ${pick.kind} pull request #${pick.pull.number}: ${written.url}`);
    return { number: pick.pull.number, kind: pick.kind, url: written.url, action: written.action };
  } catch (error) {
    warning(`Could not comment on the pull request that merged ${commit}: ${describeRequestError(error)}. ${VERDICT_STANDS}`);
    return void 0;
  }
}
function reportLookupFailure(error, commit, repository) {
  if (statusOf(error) === 422) {
    info(`No pull request comment: ${commit} is not a commit of ${repository} (422 ${describeRequestError(error)}).`);
    return;
  }
  warning(
    `Could not look for the pull request that merged ${commit}: ${refusal(error, repository, "Pull requests: read", "a read of")}. ${VERDICT_STANDS}`
  );
}
function reportCommentFailure(error, number, repository) {
  warning(`Could not comment on pull request #${number}: ${refusal(error, repository, "Pull requests: write", "a comment on")}. ${VERDICT_STANDS}`);
}
function refusal(error, repository, permissions, doing) {
  return (explainRefusedRead(repository, error, permissions, doing)?.message ?? describeRequestError(error)).replace(/\.$/, "");
}

// src/github/deployments.ts
var DESCRIPTION_LIMIT = 140;
var GitHubDeployment = class _GitHubDeployment {
  constructor(client, target, id, url) {
    this.client = client;
    this.target = target;
    this.id = id;
    this.url = url;
  }
  client;
  target;
  id;
  url;
  static async create(client, target) {
    const { data } = await client.rest.repos.createDeployment({
      owner: target.owner,
      repo: target.repo,
      ref: target.ref,
      environment: target.environment,
      description: shortenAtWord(target.description, DESCRIPTION_LIMIT),
      auto_merge: false,
      required_contexts: [],
      production_environment: /^prod/i.test(target.environment)
    });
    if (!("id" in data)) throw new Error(`GitHub did not create the deployment: ${data.message ?? "no reason given"}`);
    return new _GitHubDeployment(client, target, Number(data.id), data.url);
  }
  async setStatus(state, description, links) {
    await this.client.rest.repos.createDeploymentStatus({
      owner: this.target.owner,
      repo: this.target.repo,
      deployment_id: this.id,
      state,
      description: shortenAtWord(description, DESCRIPTION_LIMIT),
      environment: this.target.environment,
      ...links.environmentUrl ? { environment_url: links.environmentUrl } : {},
      ...links.logUrl ? { log_url: links.logUrl } : {}
    });
  }
};

// src/wait/wait-deployment.ts
async function startDeployment(options, github, run) {
  const { environment, expected } = options;
  if (!environment) throw new InputError("environment", "is required with deployment: true (the GitHub environment to record).");
  if (!github.token) throw new InputError("token", "is required with deployment: true (it needs deployments: write).");
  const { repository, ref } = run.workflowRepository && run.sha ? { repository: run.workflowRepository, ref: run.sha } : { repository: github.repository, ref: expected };
  if (!repository)
    throw new InputError("repository", "is required with deployment: true outside GitHub Actions (owner/name of the repository to record it on).");
  const { owner, repo } = parseOwnerName("repository", repository);
  const client = createGitHubClient({ token: github.token, apiUrl: run.apiUrl, graphqlUrl: run.graphqlUrl });
  const links = { environmentUrl: options.environmentUrl || void 0, logUrl: run.runUrl || void 0 };
  const deployment = await GitHubDeployment.create(client, { owner, repo, ref, environment, description: `config commit ${shortSha(expected)}` }).catch(
    (error) => {
      throw new InputError("deployment", `could not create a GitHub deployment on ${owner}/${repo}: ${oneLineMessage(error)}`);
    }
  );
  await deployment.setStatus("in_progress", `waiting for ${shortSha(expected)}`, links);
  return {
    url: `${run.serverUrl}/${owner}/${repo}/deployments/${encodeURIComponent(environment)}`,
    finish: (state, description) => deployment.setStatus(state, description, links).catch((error) => {
      warning(`Could not update the GitHub deployment: ${oneLineMessage(error)}`);
    })
  };
}

// src/wait/wait-for-objects.ts
async function waitForObjects(targets, path, inputs, context, started) {
  const git = await new Git(path).topLevel() ? new Git(path) : void 0;
  const graphs = configRepoGraphs({ git, github: configRepoOnGitHub(context) });
  const revision = await resolveExpectedRevision(inputs.revision, { graphs, checkout: git, exported: context.run.exportedCommit });
  info(`Waiting for ${targets.map((t) => t.label).join(", ")} to run ${revision.sha} (${revision.source}).`);
  const ancestry = new RevisionAncestry(revision.sha, graphs);
  const controllers = await openControllers(targets, inputs.connections);
  const deployment = inputs.deployment ? await startDeployment({ environment: inputs.environment, environmentUrl: inputs.environmentUrl, expected: revision.sha }, context.target, context.run) : void 0;
  const deadline = AbortSignal.timeout(inputs.timeoutMs);
  const stopAll = new AbortController();
  const signal = AbortSignal.any([deadline, stopAll.signal]);
  let objects;
  try {
    objects = await group(
      `Waiting for ${countOf(targets.length, "object")} (timeout ${Math.round(inputs.timeoutMs / 1e3)} s)`,
      () => Promise.all(
        targets.map(async (target) => {
          const log = new StateLog(target, started);
          const status = await waitForTarget(target, controllers, {
            ancestry,
            signal,
            inputs,
            report: (s) => {
              log.report(s);
            }
          }).catch((error) => {
            stopAll.abort();
            throw error;
          });
          if (status.state === "failed" && inputs.failFast) stopAll.abort();
          return { target, status, timeToSyncMs: status.state === "done" ? log.doneAfterMs : void 0 };
        })
      )
    );
  } catch (error) {
    await deployment?.finish("error", oneLineMessage(error));
    throw error;
  } finally {
    await controllers.close();
  }
  const timedOut = deadline.aborted && objects.some((object) => object.status.state === "waiting");
  const outcome = {
    expected: revision.sha,
    revisionSource: revision.source,
    objects,
    timedOut,
    elapsedMs: Date.now() - started,
    deploymentUrl: deployment?.url
  };
  outcome.failure = failureMessage(outcome, inputs.timeoutMs);
  await deployment?.finish(outcome.failure ? "failure" : "success", outcome.failure ?? `${shortSha(revision.sha)} is running and healthy`);
  if (inputs.commentOnPullRequest)
    outcome.pullRequestComment = await commentOnMergedPullRequest(outcome, { targets, environment: inputs.environment }, context);
  return outcome;
}
function waitForTarget(target, controllers, context) {
  if (target.controller === "argocd") {
    const { refresh, sync, watch } = context.inputs.argocd;
    const client = controllers.argocd;
    if (!client) throw new Error(`internal: no Argo CD client was opened for ${target.label}`);
    return waitForArgoApplication(target.ref, { client, refresh, sync, watch, degradedGraceMs: context.inputs.degradedGraceMs, ...context });
  }
  const { flux } = controllers;
  if (!flux) throw new Error(`internal: no Flux client was opened for ${target.label}`);
  return fluxWaiter(flux).waitFor(target, {
    ancestry: context.ancestry,
    signal: context.signal,
    reconcile: context.inputs.flux.reconcile,
    report: context.report
  });
}
function failureMessage(outcome, timeoutMs) {
  const failed = outcome.objects.filter((object) => object.status.state === "failed");
  if (failed.length > 0) return failed.map(({ target, status }) => `${target.label} failed: ${status.message}`).join("; ");
  if (outcome.timedOut) {
    const waiting = outcome.objects.filter((object) => object.status.state === "waiting").length;
    return `Timed out after ${Math.round(timeoutMs / 1e3)} s with ${waiting} of ${outcome.objects.length} not done. Last seen: ` + describeObjects(outcome.objects);
  }
  return void 0;
}
var StateLog = class {
  constructor(target, started) {
    this.target = target;
    this.started = started;
  }
  target;
  started;
  lastKey = "";
  doneAfterMs;
  report(status) {
    const key = [status.state, status.sync, status.health, status.revision, status.message].join("|");
    if (key === this.lastKey) return;
    this.lastKey = key;
    const elapsed = Date.now() - this.started;
    if (status.state === "done") this.doneAfterMs ??= elapsed;
    const revision = status.revision.split(",").filter(Boolean).map(shortSha).join(", ") || "none";
    info(
      `[${(elapsed / 1e3).toFixed(1)}s] ${this.target.label}: ${status.state} \xB7 sync ${status.sync} \xB7 health ${status.health} \xB7 revision ${revision}${status.message ? ` \xB7 ${status.message}` : ""}`
    );
  }
};
function configRepoOnGitHub(context) {
  const { repository, token } = context.target;
  if (!token || !repository) return void 0;
  const { owner, repo } = parseOwnerName("repository", repository);
  return { client: createGitHubClient({ token, apiUrl: context.run.apiUrl, graphqlUrl: context.run.graphqlUrl }), owner, repo };
}
export {
  waitForObjects
};
