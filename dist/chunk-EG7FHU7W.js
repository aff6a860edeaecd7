import { createRequire as __gitopsPromoteRequire } from 'node:module';
const require = __gitopsPromoteRequire(import.meta.url);
import {
  sleep
} from "./chunk-NM7TA3AE.js";
import {
  ISSUE_MARKER,
  computeSkew,
  describeSkew,
  driftItemsOf,
  issueBody,
  itemKeysIn,
  skewReadsPast
} from "./chunk-UHIU3Y76.js";
import {
  describeShard,
  shardName,
  takeShard
} from "./chunk-SGIT4A7Q.js";
import {
  ArgoTransientError,
  FluxTransientError,
  GitCommitGraph,
  GitHubCommitGraph,
  commitOfRevision,
  configuredTarget,
  gitRevisions,
  openControllers
} from "./chunk-FDGHBR7F.js";
import {
  shortSha
} from "./chunk-GSVFKKFK.js";
import {
  readHold
} from "./chunk-BUW5YIGW.js";
import {
  collectRenderedImages,
  editorFor,
  findRenderer,
  parseKustomization,
  pinLabel,
  renderOverlay,
  resolveEnvironmentOverlays
} from "./chunk-JNBO66AN.js";
import {
  Git,
  findEnvironment,
  loadPromotionConfig,
  openConfigRepo,
  promotionChain,
  requirePromotionConfig,
  withGitHubDiagnosis
} from "./chunk-O7S6RA7Q.js";
import {
  splitList
} from "./chunk-CIZPIZZI.js";
import {
  formatImageReference
} from "./chunk-2FLGLOP2.js";
import {
  countOf
} from "./chunk-ZHINN24W.js";
import {
  InputError,
  UserError
} from "./chunk-EVMGEMOW.js";
import {
  group,
  info,
  notice,
  warning
} from "./chunk-IFQTFODU.js";

// src/drift/controller-state.ts
async function readArgoApplication(client, ref) {
  return readWithOneRetry(
    async () => client.getApplication(ref, { timeoutMs: 3e4 }),
    (error) => error instanceof InputError && error.input === "argocd-app" ? error.message.replace(/^Input 'argocd-app': /, "") : void 0,
    (error) => error instanceof ArgoTransientError
  );
}
async function readFluxObject(client, target) {
  return readWithOneRetry(
    () => client.get(target),
    (error) => error instanceof InputError && /does not exist/.test(error.message) ? error.message.replace(/^Input '[^']+': /, "") : void 0,
    (error) => error instanceof FluxTransientError
  );
}
async function readWithOneRetry(read, unknown, transient) {
  for (let attempt = 1; ; attempt++) {
    try {
      return { found: true, object: await read() };
    } catch (error) {
      const missing = unknown(error);
      if (missing) return { found: false, reason: "unknown", message: missing };
      if (!transient(error)) throw error;
      if (attempt >= 2) return { found: false, reason: "unreachable", message: error.message };
      await sleep(1e3);
    }
  }
}

// src/drift/declared-images.ts
import { readFile } from "node:fs/promises";

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

// src/drift/declared-images.ts
import { join } from "node:path";
async function readDeclaredImages(overlays, configuredImages, pins = [], root = "") {
  const renderer = await findRenderer();
  const images = /* @__PURE__ */ new Set();
  let version;
  let rendered = renderer !== null;
  for (const overlay of overlays) {
    const document = parseKustomization(await readFile(overlay.absoluteFile, "utf8"), overlay.file);
    const primary = configuredImages.at(0) ?? document.entries.at(0)?.name;
    if (primary !== void 0 && !version) {
      const entry = findImageEntry(document.entries, primary);
      if (entry) version = { image: primary, tag: entry.newTag, digest: entry.digest, file: overlay.file };
    }
    const result = renderer ? await renderOverlay(renderer, overlay.absolutePath) : void 0;
    if (result?.ok) {
      collectRenderedImages(result.yaml).forEach((image) => images.add(image));
    } else {
      rendered = false;
      for (const { name, newName, newTag, digest } of document.entries) images.add(formatImageReference({ name: newName || name, tag: newTag, digest }));
    }
  }
  for (const pin of pins) {
    const held = await readPinned(root, pin);
    rendered = false;
    for (const { name, values } of held) {
      images.add(formatImageReference({ name: values.newName || name, tag: values.newTag, digest: values.digest }));
      const primary = configuredImages.at(0) ?? name;
      if (!version && name === primary) version = { image: name, tag: values.newTag, digest: values.digest, file: pin.file };
    }
  }
  return { overlays: [...overlays.map((overlay) => overlay.path), ...pins.map(pinLabel)], images: [...images].sort(), rendered, version };
}
async function readPinned(root, pin) {
  try {
    return editorFor(pin.kind).read(pin, await readFile(join(root, pin.file), "utf8"));
  } catch {
    return [];
  }
}
function pinnedValueIn(pin) {
  return (text, _file, image) => {
    try {
      const held = editorFor(pin.kind).read(pin, text).find((candidate) => candidate.name === image || candidate.values.newName === image);
      return held ? { tag: held.values.newTag, digest: held.values.digest } : void 0;
    } catch {
      return void 0;
    }
  };
}

// src/drift/judge-drift.ts
var BLOCKING_CONDITIONS = ["ComparisonError", "InvalidSpecError", "SyncError"];
function argoRevisionsToCheck(app) {
  return [gitRevisions(app)[0], lastSyncedRevision(app)].filter((revision) => Boolean(revision));
}
function judgeArgoDrift(app, context) {
  const status = app.status ?? {};
  const revision = gitRevisions(app)[0];
  const view = {
    controller: "argocd",
    object: app.metadata.namespace && app.metadata.namespace !== "argocd" ? `${app.metadata.namespace}/${app.metadata.name}` : app.metadata.name,
    found: true,
    sync: status.sync?.status ?? "Unknown",
    health: status.health?.status ?? "Unknown",
    revision,
    images: app.status?.summary?.images,
    reconciledAt: status.reconciledAt,
    autoSync: app.spec?.syncPolicy?.automated !== void 0
  };
  const findings = [];
  const reconciled = Date.parse(status.reconciledAt ?? "");
  if (!Number.isFinite(reconciled) || context.now - reconciled > context.staleAfterMs) {
    const when = Number.isFinite(reconciled) ? `last reconciled ${formatAge(context.now - reconciled)} ago` : "never reconciled";
    return {
      view,
      findings: [
        {
          kind: "stale",
          message: `${when} (status.reconciledAt), longer than stale-after: the controller may be down, so its ${view.sync}/${view.health} cannot be trusted`
        }
      ]
    };
  }
  const phase = status.operationState?.phase;
  const standing = revision ? context.standings.get(revision) ?? "unknown" : "unknown";
  if (app.operation || phase === "Running" || phase === "Terminating") {
    findings.push({ kind: "pending", message: `a sync is ${app.operation ? "queued" : "running"}` });
  } else if (standing === "behind" || standing === "unknown") {
    findings.push(notYetAtHead(revision, context, "status.sync.revision"));
  } else if (view.sync !== "Synced") {
    findings.push(judgeOutOfSync(app, view, context));
  }
  const awaitsSync = youngHeadAwaitsSync(app, view, context);
  if (view.health === "Missing" && awaitsSync) {
    findings.push({ kind: "pending", message: `health Missing: ${shortSha(context.head.sha)} (${formatAge(headAge(context))} old) is not synced yet` });
  } else if (view.health === "Degraded" || view.health === "Missing") {
    const message = status.health?.message ? `: ${status.health.message}` : "";
    findings.push({ kind: "degraded", message: `health ${view.health}${message}` });
  } else if (view.health === "Progressing" && findings.length === 0) {
    findings.push({ kind: "pending", message: "a rollout is in progress (health Progressing)" });
  }
  if (findings.every((finding) => finding.kind === "degraded")) {
    const difference = compareImages(context.declared, view.images);
    if (difference) findings.push(difference);
  }
  return { view, findings };
}
function judgeOutOfSync(app, view, context) {
  const synced = lastSyncedRevision(app);
  const syncedStanding = synced ? context.standings.get(synced) : void 0;
  if (synced && !view.autoSync && view.sync === "OutOfSync" && (syncedStanding === "behind" || syncedStanding === "unknown")) {
    return { kind: "pending", message: `manual sync: ${shortSha(context.head.sha)} waits to be synced (last synced ${shortSha(synced)})` };
  }
  if (view.autoSync && view.revision && youngHeadAwaitsSync(app, view, context)) {
    return {
      kind: "pending",
      message: `OutOfSync at ${shortSha(view.revision)}, and ${shortSha(context.head.sha)} is ${formatAge(headAge(context))} old: auto-sync has not started a sync yet`
    };
  }
  const condition = blockingCondition(app);
  const why = condition ? ` (${condition.type}: ${condition.message ?? "no message"})` : "";
  return { kind: "out-of-sync", message: `sync status ${view.sync} at ${shortSha(view.revision ?? "no revision")}${why}` };
}
var blockingCondition = (app) => app.status?.conditions?.find((candidate) => BLOCKING_CONDITIONS.includes(candidate.type));
function youngHeadAwaitsSync(app, view, context) {
  if (view.sync !== "OutOfSync" || !view.revision || headAge(context) > context.staleAfterMs || blockingCondition(app)) return false;
  const synced = lastSyncedRevision(app);
  const syncedStanding = synced ? context.standings.get(synced) : void 0;
  if (syncedStanding !== "behind" && syncedStanding !== "unknown") return false;
  const operation = app.status?.operationState;
  const attempted = operation?.syncResult?.revision || operation?.operation?.sync?.revision;
  return !(operation && (operation.phase === "Failed" || operation.phase === "Error") && attempted === view.revision);
}
var headAge = (context) => context.now - context.head.committedAt;
function notYetAtHead(revision, context, field) {
  const at = revision ? `reports ${shortSha(revision)} (${field})` : `reports no revision (${field})`;
  const age = headAge(context);
  if (age <= context.staleAfterMs) {
    return { kind: "pending", message: `${at}; ${shortSha(context.head.sha)} is ${formatAge(age)} old and not looked at yet` };
  }
  return { kind: "not-applied", message: `${at}, but ${shortSha(context.head.sha)} (${formatAge(age)} old) changed the app since` };
}
function compareImages(declared, live) {
  if (!declared || !live || declared.images.length === 0) return void 0;
  const missing = declared.images.filter((image) => !live.includes(image));
  const extra = declared.rendered ? live.filter((image) => !declared.images.includes(image)) : [];
  if (missing.length === 0 && extra.length === 0) return void 0;
  const parts = [missing.length ? `declared but not running: ${missing.join(", ")}` : "", extra.length ? `running but not declared: ${extra.join(", ")}` : ""];
  return { kind: "images-differ", message: parts.filter(Boolean).join("; ") };
}
function lastSyncedRevision(app) {
  const result = app.status?.operationState?.syncResult;
  const fromResult = result?.revisions?.[0] || result?.revision;
  if (fromResult && app.status?.operationState?.phase === "Succeeded") return fromResult;
  const history = app.status?.history;
  const last = history?.at(-1);
  return last?.revisions?.[0] || last?.revision || void 0;
}
var FLUX_FAILURE_WHILE_APPLYING = /* @__PURE__ */ new Set(["ArtifactFailed", "BuildFailed", "ReconciliationFailed", "PruneFailed", "DependencyNotReady"]);
function fluxRevisionsToCheck(object) {
  return [commitOfRevision(object.status?.lastAppliedRevision), commitOfRevision(object.status?.lastAttemptedRevision)].filter(
    (sha) => Boolean(sha)
  );
}
function judgeFluxDrift(object, context) {
  const conditions = object.status?.conditions ?? [];
  const ready = conditions.find((condition) => condition.type === "Ready");
  const stalled = conditions.find((condition) => condition.type === "Stalled" && condition.status === "True");
  const reconciling = conditions.find((condition) => condition.type === "Reconciling" && condition.status === "True");
  const isHelm = object.kind === "HelmRelease";
  const applied = commitOfRevision(object.status?.lastAppliedRevision);
  const view = {
    controller: "flux",
    object: `${object.kind ?? "Kustomization"}/${object.metadata.namespace ?? "flux-system"}/${object.metadata.name}`,
    found: true,
    sync: ready ? `Ready=${ready.status}${ready.reason ? ` (${ready.reason})` : ""}` : "Ready=Unknown",
    health: stalled ? "Stalled" : ready?.status === "True" ? "Ready" : ready?.status === "False" ? "Failed" : "Unknown",
    revision: applied ?? object.status?.lastAppliedRevision ?? object.status?.lastAttemptedRevision
  };
  const why = (condition) => `${condition.reason ?? "no reason"}: ${condition.message ?? "no message"}`;
  if (object.spec?.suspend) return { view, findings: [{ kind: "out-of-sync", message: "suspended (spec.suspend: true): Flux applies nothing" }] };
  if (stalled) return { view, findings: [{ kind: "degraded", message: `Stalled (${why(stalled)})` }] };
  if (ready?.status === "False" && ready.reason === "DependencyNotReady" && applied !== context.head.sha && headAge(context) <= context.staleAfterMs) {
    return {
      view,
      findings: [
        { kind: "pending", message: `waits for a dependency (${why(ready)}), and ${shortSha(context.head.sha)} is ${formatAge(headAge(context))} old` }
      ]
    };
  }
  if (ready?.status === "False") {
    const attempted = object.status?.lastAttemptedRevision;
    const newerFailed = !isHelm && attempted !== void 0 && attempted !== object.status?.lastAppliedRevision && FLUX_FAILURE_WHILE_APPLYING.has(ready.reason ?? "");
    return {
      view,
      findings: [
        {
          kind: newerFailed ? "not-applied" : "degraded",
          message: newerFailed ? `${attempted} failed to apply (${why(ready)})` : `Ready=False (${why(ready)})`
        }
      ]
    };
  }
  if (reconciling || ready?.status !== "True") {
    return { view, findings: [{ kind: "pending", message: `reconciling${ready?.message ? ` (${ready.message})` : ""}` }] };
  }
  if (object.metadata.generation !== void 0 && object.status?.observedGeneration !== object.metadata.generation) {
    return { view, findings: [{ kind: "pending", message: "the status is older than the spec (observedGeneration): Flux has not reconciled the change yet" }] };
  }
  if (isHelm) return { view, findings: [] };
  const standing = applied ? context.standings.get(applied) ?? "unknown" : "unknown";
  if (standing === "behind" || standing === "unknown") return { view, findings: [notYetAtHead(applied, context, "status.lastAppliedRevision")] };
  return { view, findings: [] };
}
function formatAge(ms) {
  const seconds = Math.max(0, Math.round(ms / 1e3));
  if (seconds < 120) return `${seconds}s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)}m`;
  if (seconds < 172800) return `${Math.round(seconds / 3600)}h`;
  return `${Math.round(seconds / 86400)}d`;
}

// src/drift/max-skew.ts
function parseMaxSkew(value) {
  if (typeof value === "number") return Number.isInteger(value) && value >= 0 ? { versions: value } : void 0;
  const match = /^(\d+)\s*(d|days?|versions?)?$/.exec(value.trim());
  if (!match) return void 0;
  const amount = Number(match[1]);
  return match.at(2)?.startsWith("d") ? { days: amount } : { versions: amount };
}
var describeMaxSkew = (limit) => [limit.versions !== void 0 ? countOf(limit.versions, "version") : "", limit.days !== void 0 ? `${limit.days}d` : ""].filter(Boolean).join(" or ");
function parseMaxSkewInput(text, environments) {
  const limits = /* @__PURE__ */ new Map();
  for (const item of splitList(text)) {
    const parts = item.split("=", 2).map((part) => part.trim());
    const [name] = parts;
    const value = parts.at(1);
    if (!name || value === void 0) throw new InputError("max-skew", `'${item}' is not environment=limit (for example production=2 or staging=7d).`);
    if (!environments.includes(name))
      throw new InputError("max-skew", `unknown environment '${name}'; the promotion config declares ${environments.join(", ")}.`);
    const limit = parseMaxSkew(value);
    if (!limit) throw new InputError("max-skew", `'${value}' for ${name} is not a number of versions (2) or days (7d).`);
    limits.set(name, { ...limits.get(name), ...limit });
  }
  return limits;
}
function exceedsMaxSkew(skew, limit) {
  if (!limit) return void 0;
  if (limit.versions !== void 0 && skew.versionsBehind !== void 0 && skew.versionsBehind > limit.versions) {
    return `more than ${describeMaxSkew({ versions: limit.versions })} behind`;
  }
  if (limit.days !== void 0 && skew.daysBehind !== void 0 && skew.daysBehind > limit.days) return `behind for more than ${limit.days}d`;
  return void 0;
}

// src/drift/collect-drift.ts
async function collectDrift(settings, sources) {
  const declaredCache = /* @__PURE__ */ new Map();
  const declaredFor = (env, app, lookup) => {
    const key = `${env.name}\0${app.name}`;
    let declared = declaredCache.get(key);
    if (!declared) {
      declared = "missing" in lookup ? Promise.resolve(void 0) : readDeclaredImages(lookup.overlays, app.images, app.environments[env.name]?.pins, lookup.root);
      declaredCache.set(key, declared);
    }
    return declared;
  };
  const byName = new Map(settings.config.environments.map((env) => [env.name, env]));
  const environments = [];
  let shallow = false;
  for (const env of settings.environments) {
    const limit = settings.maxSkew.get(env.name);
    const branch = await sources.branchOf(env);
    shallow ||= branch.shallow;
    const apps = [];
    for (const app of settings.apps) {
      const lookup = findOverlays(settings, branch.root, env, app);
      if ("missing" in lookup) {
        apps.push({ app: app.name, findings: [{ kind: "missing-overlay", message: lookup.missing }] });
        continue;
      }
      const declared = await declaredFor(env, app, lookup);
      const findings = [];
      const judged = await judgeController(
        settings,
        sources,
        branch,
        env,
        app,
        declared,
        // A revision is behind when a later commit changed the app's overlays or its pins' files.
        [...lookup.overlays.map((overlay) => overlay.path), ...(app.environments[env.name]?.pins ?? []).map((pin) => pin.file)]
      );
      findings.push(...judged.findings);
      const from = env.from ? byName.get(env.from) : void 0;
      const skew = from && declared ? await skewAgainst(from, env, app, declared, { settings, sources, declaredFor }) : void 0;
      const beyond = skew && skew.status !== "same" && skew.status !== "ahead" ? exceedsMaxSkew(skew, limit) : void 0;
      if (skew && beyond && limit) {
        const pr = skew.promotionPr ? `; promotion PR #${skew.promotionPr.number} is open` : "; no promotion PR is open";
        findings.push({ kind: "skew", message: `${describeSkew(skew)}: ${beyond} (max-skew ${describeMaxSkew(limit)})${pr}` });
      }
      apps.push({ app: app.name, declared, controller: judged.view, skew, findings });
    }
    const head = branch === sources.main ? {} : { head: { branch: branch.head.branch, sha: branch.head.sha } };
    const hold = await holdOf(branch.root, env.name, sources.now);
    environments.push({ name: env.name, from: env.from, maxSkew: limit ? describeMaxSkew(limit) : void 0, ...head, ...hold ? { hold } : {}, apps });
  }
  const items = driftItemsOf(environments);
  const notes = [];
  if (shallow) notes.push("The checkout is shallow: versions behind and since-when only see the fetched history. Check out with fetch-depth: 0.");
  return {
    generatedAt: new Date(sources.now).toISOString(),
    head: { branch: sources.main.head.branch, sha: sources.main.head.sha },
    drifted: items.some((item) => item.drift),
    environments,
    items,
    notes
  };
}
function findOverlays(settings, root, env, app) {
  try {
    return { overlays: resolveEnvironmentOverlays(root, { ...settings.config, apps: [app] }, env).flatMap((entry) => entry.overlays), root };
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return {
      missing: `the overlay the promotion config names does not exist or has no kustomization (${error.message.replace(/^Environment '[^']+', app '[^']+': /, "")})`
    };
  }
}
async function judgeController(settings, sources, branch, env, app, declared, paths) {
  const target = configuredTarget(app, env, settings.controllerSettings);
  if (!target) return { findings: [] };
  const read = await readTarget(target, sources);
  if (!read.found) {
    const view = { controller: target.controller, object: target.label, found: false };
    return { view, findings: [{ kind: read.reason === "unknown" ? "unknown-app" : "unreachable", message: read.message }] };
  }
  const revisions = read.argo ? argoRevisionsToCheck(read.argo) : fluxRevisionsToCheck(read.flux);
  const standings = /* @__PURE__ */ new Map();
  for (const revision of revisions) standings.set(revision, await branch.history.standing(revision, paths));
  const context = { head: branch.head, now: sources.now, staleAfterMs: settings.staleAfterMs, declared, standings };
  const judged = read.argo ? judgeArgoDrift(read.argo, context) : judgeFluxDrift(read.flux, context);
  info(
    `${env.name} / ${app.name}: ${judged.view.object} ${judged.view.sync ?? ""} ${judged.view.health ?? ""}${judged.findings.map((f) => ` \xB7 ${f.kind}: ${f.message}`).join("")}`
  );
  return judged;
}
async function readTarget(target, sources) {
  if (target.controller === "argocd") {
    if (!sources.argocd) throw new UserError(`App '${target.label}' runs on Argo CD: give argocd-server and argocd-token.`);
    const read2 = await readArgoApplication(sources.argocd, target.ref);
    return read2.found ? { found: true, argo: read2.object } : read2;
  }
  if (!sources.flux) throw new UserError(`${target.label} runs on Flux: give kubeconfig.`);
  const read = await readFluxObject(sources.flux, target);
  return read.found ? { found: true, flux: read.object } : read;
}
async function skewAgainst(from, env, app, declared, context) {
  const earlierBranch = await context.sources.branchOf(from);
  const earlier = await context.declaredFor(from, app, findOverlays(context.settings, earlierBranch.root, from, app));
  if (!earlier?.version || !declared.version) return void 0;
  const { file, image } = earlier.version;
  const pin = app.environments[from.name]?.pins.find((candidate) => candidate.file === file);
  const history = await earlierBranch.history.imageHistory(file, image, skewReadsPast(earlier.version, declared.version), pin && pinnedValueIn(pin));
  const skew = computeSkew(earlier.version, declared.version, history, context.sources.now, !earlierBranch.shallow);
  const promotionPr = context.sources.promotionPr?.(from.name, env.name, app.name);
  return { from: from.name, ...skew, earlier: strip(earlier.version), later: strip(declared.version), ...promotionPr ? { promotionPr } : {} };
}
var strip = ({ tag, digest }) => ({ tag, digest });
async function holdOf(root, environment, now) {
  const found = await readHold(root, environment, now);
  if (!found) return void 0;
  const { who, when, why, until } = found.hold;
  return { file: found.file, who, when, why, ...until ? { until } : {}, standing: found.standing };
}

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
  const config = requireConfig(loadPromotionConfig(path, configFile));
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

// src/drift/promotion-prs.ts
async function listPromotionPrs(client, owner, repo) {
  const pulls = await client.paginate(client.rest.pulls.list, { owner, repo, state: "open", per_page: 100 });
  return pulls.filter((pull) => pull.head.ref.startsWith("promote/") && (headRepository(pull) ?? `${owner}/${repo}`).toLowerCase() === `${owner}/${repo}`.toLowerCase()).map((pull) => ({ number: pull.number, url: pull.html_url, branch: pull.head.ref }));
}
function headRepository(pull) {
  return pull.head.repo?.full_name;
}
function findPromotionPr(pulls, from, to, app) {
  const pair = `promote/${from}-to-${to}`;
  return pulls.find((pull) => pull.branch === `${pair}-${app}`) ?? pulls.find((pull) => pull.branch === pair);
}

// src/drift/tracking-issue.ts
var ISSUE_TITLE = "GitOps drift: environments do not run what git says";
function planTrackingIssue(existing, items, body, runUrl) {
  const drift = items.filter((item) => item.drift);
  const run = runUrl ? ` ([run](${runUrl}))` : "";
  if (drift.length === 0) {
    return existing ? { action: "close", number: existing.number, comment: `\u2705 Every environment matches git again${run}. Closing.` } : { action: "none" };
  }
  if (!existing) return { action: "create", title: ISSUE_TITLE, body };
  const before = new Set(itemKeysIn(existing.body) ?? []);
  const now = new Set(drift.map((item) => item.key));
  const appeared = drift.filter((item) => !before.has(item.key));
  const resolved = [...before].filter((key) => !now.has(key)).sort();
  if (appeared.length === 0 && resolved.length === 0) return { action: "update", number: existing.number, body };
  const lines = [
    "The drift changed" + run + ":",
    ...appeared.map((item) => `- \u{1F195} ${item.key}: ${item.message}`),
    ...resolved.map((key) => `- \u2705 resolved: ${key}`)
  ];
  return { action: "update", number: existing.number, body, comment: lines.join("\n") };
}
async function findTrackingIssue({ client, owner, repo, label }) {
  const issues = await client.paginate(client.rest.issues.listForRepo, { owner, repo, labels: label, state: "open", per_page: 100 });
  const found = issues.find((issue) => !issue.pull_request && (issue.body ?? "").includes(ISSUE_MARKER));
  return found ? { number: found.number, body: found.body ?? "", url: found.html_url } : void 0;
}
async function applyTrackingIssue(target, plan, existing) {
  const { client, owner, repo, label } = target;
  switch (plan.action) {
    case "none":
      return "";
    case "create": {
      const { data } = await client.rest.issues.create({ owner, repo, title: plan.title, body: plan.body, labels: [label] });
      info(`Opened tracking issue #${data.number}: ${data.html_url}`);
      return data.html_url;
    }
    case "update":
      await client.rest.issues.update({ owner, repo, issue_number: plan.number, body: plan.body });
      if (plan.comment) await client.rest.issues.createComment({ owner, repo, issue_number: plan.number, body: plan.comment });
      info(`Updated tracking issue #${plan.number}${plan.comment ? " (the drift changed: commented)" : ""}.`);
      return existing?.url ?? "";
    case "close":
      await client.rest.issues.createComment({ owner, repo, issue_number: plan.number, body: plan.comment });
      await client.rest.issues.update({ owner, repo, issue_number: plan.number, state: "closed", state_reason: "completed" });
      info(`Closed tracking issue #${plan.number}: no drift left.`);
      return existing?.url ?? "";
  }
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
    const { config } = branches;
    const environments = selectEnvironments(config, inputs.environments);
    const selected = selectApps(config, inputs.apps, branches.main.root);
    const { items: apps, partition } = takeShard(selected, (app) => app.name, inputs.shard);
    if (inputs.shard) info(`${describeShard(inputs.shard, apps.length, selected.length, "app")}.`);
    const targets = environments.flatMap((env) => apps.map((app) => configuredTarget(app, env, inputs.controllerSettings)));
    const controllers = await openControllers(targets, inputs.connections);
    try {
      const sources = {
        main: branches.main,
        branchOf: (env) => branches.branchOf(env),
        now: Date.now(),
        argocd: controllers.argocd,
        flux: controllers.flux
      };
      if (github) sources.promotionPr = await promotionPrLookup(github);
      const head = sources.main.head;
      const settings = {
        config,
        environments,
        apps,
        staleAfterMs: inputs.staleAfterMs,
        maxSkew: maxSkewLimits(config, inputs.maxSkew),
        controllerSettings: inputs.controllerSettings
      };
      const report = await group(
        `Checking ${countOf(apps.length, "app")} in ${environments.map((env) => env.name).join(", ")} against ${head.branch} at ${head.sha.slice(0, 7)}`,
        () => collectDrift(settings, sources)
      );
      return { report, partition };
    } finally {
      await controllers.close();
    }
  } finally {
    await branches.dispose();
  }
}
async function promotionPrLookup(github) {
  const pulls = await listPromotionPrs(github.client, github.owner, github.repo).catch((error) => {
    throw new UserError(
      `Could not list the open promotion pull requests of ${github.repository} (the token needs pull-requests: read): ${error.message}`
    );
  });
  return (from, to, app) => {
    const pull = findPromotionPr(pulls, from, to, app);
    return pull && { number: pull.number, url: pull.url };
  };
}
function selectEnvironments(config, names) {
  const chain = promotionChain(config);
  if (names.length === 0) return chain;
  names.forEach((name) => findEnvironment(config, name, "environment"));
  return chain.filter((env) => names.includes(env.name));
}
function selectApps(config, names, root) {
  const all = config.apps.length > 0 ? config.apps : [...new Set(config.environments.flatMap((env) => resolveEnvironmentOverlays(root, config, env).map((found) => found.app)).filter(Boolean))].map(
    (name) => ({ name, images: [], environments: {} })
  );
  if (names.length === 0) return all;
  return names.map((name) => {
    const app = all.find((candidate) => candidate.name === name);
    if (!app)
      throw new InputError("apps", `unknown app '${name}'; the promotion config declares ${all.map((candidate) => candidate.name).join(", ") || "none"}.`);
    return app;
  });
}
function maxSkewLimits(config, input) {
  const limits = /* @__PURE__ */ new Map();
  for (const env of config.environments) {
    const limit = env.maxSkew === void 0 ? void 0 : parseMaxSkew(env.maxSkew);
    if (limit) limits.set(env.name, limit);
  }
  for (const [name, limit] of parseMaxSkewInput(
    input,
    config.environments.map((env) => env.name)
  ))
    limits.set(name, limit);
  return limits;
}
async function keepTrackingIssue(report, label, github, run) {
  const target = { client: github.client, owner: github.owner, repo: github.repo, label };
  const runUrl = run.runUrl || void 0;
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
