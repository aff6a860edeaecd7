const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  sleep
} from "./chunk-KK2DNMA5.js";
import {
  findImageEntry
} from "./chunk-LEE5FHFF.js";
import {
  computeSkew,
  describeSkew,
  skewReadsPast
} from "./chunk-JTSTUOVQ.js";
import {
  driftItemsOf
} from "./chunk-6QCDGUAS.js";
import {
  describeShard,
  takeShard
} from "./chunk-EUVYLUSK.js";
import {
  ArgoTransientError,
  FluxTransientError,
  commitOfRevision,
  gitRevisions,
  openControllers
} from "./chunk-4XHMO57Z.js";
import {
  configuredTarget
} from "./chunk-PV46ZLGJ.js";
import "./chunk-SZ7I6FF2.js";
import {
  readHold
} from "./chunk-2X2ODRMQ.js";
import "./chunk-FVDTIBEF.js";
import "./chunk-VMVPPYNY.js";
import {
  shortSha
} from "./chunk-W3WLHFYS.js";
import {
  resolveEnvironmentOverlays
} from "./chunk-B4IJENIP.js";
import "./chunk-RC6PCYM2.js";
import "./chunk-NQ32NAFZ.js";
import "./chunk-FHCYASOH.js";
import {
  findEnvironment,
  promotionChain
} from "./chunk-ZZABWA7U.js";
import "./chunk-42JSCESC.js";
import {
  countOf
} from "./chunk-WACLQDPL.js";
import {
  splitList
} from "./chunk-FSIE4I26.js";
import "./chunk-WOKMQZGB.js";
import "./chunk-IWNANG2Q.js";
import {
  group,
  info
} from "./chunk-NZZWJ5E7.js";
import {
  editorFor
} from "./chunk-RF3FA637.js";
import "./chunk-BMJ2XMMR.js";
import "./chunk-PTHYVDCB.js";
import {
  pinLabel
} from "./chunk-BQBMBEAG.js";
import "./chunk-NELHJVCU.js";
import {
  parseKustomization
} from "./chunk-JBFM3YNM.js";
import "./chunk-6OONQOCK.js";
import {
  formatImageReference
} from "./chunk-TTI4HSH7.js";
import {
  InputError,
  UserError
} from "./chunk-KBKTDO2V.js";
import {
  collectRenderedImages,
  findRenderer,
  renderOverlay
} from "./chunk-DUL2W4ZY.js";
import "./chunk-U6SD63CJ.js";
import "./chunk-QBU2F7BR.js";
import "./chunk-OKDCWDB5.js";
import "./chunk-54KBGAUC.js";
import "./chunk-2QGGJF6Q.js";

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

// src/drift/check-drift.ts
async function checkDrift(branches, inputs, github) {
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
export {
  checkDrift
};
