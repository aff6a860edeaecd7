const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  judgeFluxObject
} from "./chunk-JK2ITCCM.js";
import {
  resolvePromotionRoute
} from "./chunk-STCLBN6F.js";
import {
  commitOfRevision,
  gitRevisions,
  isChartSource,
  judgeArgoApplication,
  openControllers
} from "./chunk-4XHMO57Z.js";
import {
  configuredTarget
} from "./chunk-PV46ZLGJ.js";
import "./chunk-SZ7I6FF2.js";
import {
  GitCommitGraph
} from "./chunk-QT6GZBGT.js";
import {
  GitHubCommitGraph
} from "./chunk-BWNRKEDA.js";
import {
  planPinEdits,
  promotionBodyFor,
  promotionBranchName,
  promotionCommitMessage,
  promotionMarker,
  promotionTitle,
  readPinFile
} from "./chunk-RHUY55UT.js";
import {
  overriddenHoldNote,
  refuseIfHeld
} from "./chunk-2X2ODRMQ.js";
import {
  COMMIT_STATE,
  GATES_CONTEXT,
  statusDescription
} from "./chunk-OMG7UWO7.js";
import {
  checkEdits,
  showDiffs,
  unifiedDiff
} from "./chunk-2BNLNULQ.js";
import {
  closeEmptyPromotion,
  landCommit,
  landPromotionPullRequest
} from "./chunk-ZQYJV3RU.js";
import "./chunk-FVDTIBEF.js";
import {
  settingsFor
} from "./chunk-VMVPPYNY.js";
import {
  requirePromotionConfig
} from "./chunk-INDTGZUY.js";
import {
  Git
} from "./chunk-HUSS5IF7.js";
import {
  redactSecrets
} from "./chunk-Y3AGFE2I.js";
import {
  withPolicy
} from "./chunk-MDCDCH3H.js";
import {
  planFileEdit
} from "./chunk-QMXU5ZEZ.js";
import {
  toOverlayChange
} from "./chunk-VG2LPK36.js";
import {
  renderCommitMessage
} from "./chunk-A3ILHU6A.js";
import {
  shortSha
} from "./chunk-W3WLHFYS.js";
import "./chunk-MJQOG5ZV.js";
import {
  resolveEnvironmentOverlays
} from "./chunk-B4IJENIP.js";
import "./chunk-RC6PCYM2.js";
import "./chunk-NQ32NAFZ.js";
import "./chunk-FHCYASOH.js";
import {
  WEEKDAYS
} from "./chunk-O26QSKBE.js";
import "./chunk-ZZABWA7U.js";
import "./chunk-42JSCESC.js";
import {
  describeRefusal
} from "./chunk-XRRH6I6C.js";
import {
  countOf
} from "./chunk-WACLQDPL.js";
import "./chunk-ANR6TANQ.js";
import "./chunk-WOKMQZGB.js";
import {
  isFirstMention
} from "./chunk-7ASTRFFL.js";
import {
  group,
  info,
  notice,
  warning
} from "./chunk-NZZWJ5E7.js";
import "./chunk-IOLMHO56.js";
import {
  editorFor
} from "./chunk-RF3FA637.js";
import "./chunk-BMJ2XMMR.js";
import {
  RenderCache
} from "./chunk-OERJUKZP.js";
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
  formatImageReference,
  isImageMatched
} from "./chunk-TTI4HSH7.js";
import {
  InputError,
  UserError,
  oneLineMessage
} from "./chunk-KBKTDO2V.js";
import {
  collectRenderedImages,
  findRenderer,
  renderOverlay
} from "./chunk-DUL2W4ZY.js";
import "./chunk-U6SD63CJ.js";
import {
  mapWithLimit
} from "./chunk-QBU2F7BR.js";
import {
  KUSTOMIZATION_FILE_NAMES
} from "./chunk-OKDCWDB5.js";
import "./chunk-54KBGAUC.js";
import "./chunk-2QGGJF6Q.js";

// src/promote/plan-promotion.ts
import { readFile } from "node:fs/promises";

// src/promote/unrendered-entries.ts
import { availableParallelism } from "node:os";
async function dropUnrenderedNewEntries(apps, renders = new RenderCache()) {
  const renderer = await findRenderer();
  if (!renderer) return [...apps];
  return Promise.all(
    apps.map(async (app) => {
      const skipped = [];
      const edits = await mapWithLimit(app.edits, availableParallelism(), async (edit) => {
        const added = edit.changes.filter((change) => change.before === null);
        if (added.length === 0 || edit.isComponent || edit.pins) return edit;
        const render = await renders.render(renderer, edit.overlay.absolutePath);
        if (!render.ok) return edit;
        const images = collectRenderedImages(render.yaml);
        const unused = new Set(added.filter((change) => !images.some((image) => isImageMatched(image, change.name))).map((change) => change.name));
        if (unused.size === 0) return edit;
        const untold = [...unused].filter((name) => isFirstMention(`unrendered entry ${edit.overlay.path} ${name}`));
        if (untold.length > 0)
          notice(`${edit.overlay.path} renders no image named ${untold.join(", ")}; it stays in the source environment and is not promoted there.`);
        skipped.push(...[...unused].map((name) => unrenderedReason(name, edit.overlay.path)));
        return planFileEdit(
          edit.overlay,
          edit.original,
          app.images.filter((argument) => !unused.has(argument.name))
        );
      });
      return skipped.length > 0 ? { ...app, edits, skipped: [...app.skipped ?? [], ...skipped] } : { ...app, edits };
    })
  );
}
function unrenderedReason(image, overlay) {
  return `\`${image}\`: \`${overlay}\` renders no image of that name, so it stays in the source environment (a source-only image, such as a debug sidecar).`;
}

// src/promote/promotion-plan.ts
function pairApps(source, target, wanted) {
  const known = new Set(source.map((group2) => group2.app).filter((app) => target.some((other) => other.app === app)));
  const unknown = wanted.filter((app) => !known.has(app));
  if (unknown.length > 0) {
    const names = [...known].filter(Boolean);
    throw new InputError(
      "apps",
      `${unknown.map((app) => `'${app}'`).join(", ")} matches no app of both environments; known apps: ${names.length > 0 ? names.join(", ") : "none (the overlays have no {app} placeholder)"}.`
    );
  }
  return source.flatMap((group2) => {
    const other = target.find((candidate) => candidate.app === group2.app);
    return other && (wanted.length === 0 || wanted.includes(group2.app)) ? [{ app: group2.app, source: group2.overlays, target: other.overlays }] : [];
  });
}
function sourceImages(app, entriesByOverlay) {
  const byName = /* @__PURE__ */ new Map();
  for (const { overlay, entries } of entriesByOverlay) {
    for (const entry of entries) {
      if (!entry.newName && !entry.newTag && !entry.digest) continue;
      const argument = entryArgument(entry);
      const seen = byName.get(entry.name);
      if (seen && seen.argument.source !== argument.source) {
        throw new UserError(
          `${appLabel(app)}: ${seen.overlay} and ${overlay.path} set image ${entry.name} differently (${valueOf(seen.argument)} and ${valueOf(argument)}); promote them one at a time with overlays that agree.`
        );
      }
      byName.set(entry.name, { argument, overlay: overlay.path });
    }
  }
  if (byName.size === 0) {
    const where = entriesByOverlay.map((item) => item.overlay.file).join(", ");
    throw new UserError(
      `${appLabel(app)}: ${where} has no images: entries to promote; set the images there first (set-image), or leave the app out (apps input).`
    );
  }
  return [...byName.values()].map((item) => item.argument);
}
function entryArgument(entry) {
  const reference = formatImageReference({ name: entry.newName || entry.name, tag: entry.newTag, digest: entry.digest });
  return { source: `${entry.name}=${reference}`, name: entry.name, newName: entry.newName, newTag: entry.newTag, digest: entry.digest };
}
function planAppPromotion(pair, images, targetTexts) {
  const edits = pair.target.map((overlay) => {
    const text = targetTexts.get(overlay.file);
    if (text === void 0) throw new Error(`internal: the target overlay ${overlay.file} was not read before planning`);
    return planFileEdit(overlay, text, images);
  });
  return { app: pair.app, sourceOverlays: pair.source, images, edits };
}
function appLabel(app) {
  return app === "" ? "The source environment" : `App '${app}'`;
}
function valueOf(argument) {
  return argument.source.slice(argument.source.indexOf("=") + 1);
}

// src/promote/plan-promotion.ts
async function planPromotion(root, config, route, options) {
  const pairs = pairApps(
    resolveEnvironmentOverlays(root, config, route.source, "from"),
    resolveEnvironmentOverlays(root, config, route.target, "to"),
    options.apps
  );
  const planned = await Promise.all(
    pairs.map(async (pair) => {
      const pins = appPins(config, pair.app, route);
      const sources = await Promise.all(
        pair.source.map(async (overlay) => ({ overlay, entries: parseKustomization(await readFile(overlay.absoluteFile, "utf8"), overlay.file).entries }))
      );
      const images = sourceImages(pair.app, [...sources, ...await pinnedSources(root, pins.source)]);
      const texts = new Map(await Promise.all(pair.target.map(async (overlay) => [overlay.file, await readFile(overlay.absoluteFile, "utf8")])));
      const promotion = planAppPromotion(pair, images, texts);
      return { ...promotion, edits: [...promotion.edits, ...await planPinEdits(root, pins.target, images)] };
    })
  );
  return options.renderCheck ? dropUnrenderedNewEntries(planned, options.renders) : planned;
}
function appPins(config, app, route) {
  const environments = config.apps.find((candidate) => candidate.name === app)?.environments;
  return { source: environments?.[route.source.name]?.pins ?? [], target: environments?.[route.target.name]?.pins ?? [] };
}
async function pinnedSources(root, pins) {
  return Promise.all(
    pins.map(async (pin) => {
      const held = editorFor(pin.kind).read(pin, await readPinFile(root, pin));
      return {
        overlay: { path: pinLabel(pin), file: pin.file },
        entries: held.map((image) => ({ name: image.name, ...image.values }))
      };
    })
  );
}

// src/promote/rendered-diff.ts
import { availableParallelism as availableParallelism2 } from "node:os";
import { access, writeFile } from "node:fs/promises";
import { join, posix } from "node:path";
function foldersToRender(edits) {
  const folders = /* @__PURE__ */ new Map();
  for (const edit of edits) {
    if (edit.changes.length === 0 || edit.isComponent) continue;
    const ofPin = edit.pins !== void 0;
    const folder = folders.get(edit.overlay.absolutePath) ?? { label: "", absolutePath: edit.overlay.absolutePath, overlay: false, pin: false };
    if (!ofPin || !folder.overlay) folder.label = ofPin ? posix.dirname(edit.overlay.file) : edit.overlay.path;
    folder.overlay ||= !ofPin;
    folder.pin ||= ofPin;
    folders.set(folder.absolutePath, folder);
  }
  return [...folders.values()];
}
async function renderedDiff(edits, afterEdit, beforeEdit) {
  const renderer = await findRenderer();
  if (!renderer) return void 0;
  const changed = edits.filter((edit) => edit.changes.length > 0 && !edit.isComponent);
  const folders = (await Promise.all(foldersToRender(changed).map(async (folder) => folder.overlay || await isKustomization(folder.absolutePath) ? [folder] : []))).flat();
  const rendered = new Set(folders.map((folder) => folder.absolutePath));
  const pinned = changed.filter((edit) => edit.pins && !rendered.has(edit.overlay.absolutePath)).map((edit) => ({ file: edit.overlay.file, before: edit.original, after: edit.text }));
  if (folders.length === 0 && pinned.length === 0) return void 0;
  const before = await mapWithLimit(
    folders,
    availableParallelism2(),
    (folder) => beforeEdit && !folder.pin ? beforeEdit.render(renderer, folder.absolutePath) : renderOverlay(renderer, folder.absolutePath)
  );
  await Promise.all(changed.map((edit) => writeFile(edit.overlay.absoluteFile, edit.text)));
  try {
    const after = await mapWithLimit(
      folders,
      availableParallelism2(),
      (folder) => afterEdit && !folder.pin ? afterEdit.render(renderer, folder.absolutePath) : renderOverlay(renderer, folder.absolutePath)
    );
    const files = folders.map((folder, index) => ({
      file: `${folder.label}.rendered.yaml`,
      before: textOf(before[index]),
      after: textOf(after[index])
    }));
    return await unifiedDiff([...files, ...pinned]);
  } finally {
    await Promise.all(changed.map((edit) => writeFile(edit.overlay.absoluteFile, edit.original)));
  }
}
async function isKustomization(folder) {
  const found = await Promise.all(
    KUSTOMIZATION_FILE_NAMES.map(
      (name) => access(join(folder, name)).then(
        () => true,
        () => false
      )
    )
  );
  return found.includes(true);
}
function textOf(result) {
  return result.ok ? redactSecrets(result.yaml) : `# kustomize build failed: ${result.error.split("\n")[0]}
`;
}

// src/gates/carried-images.ts
import { readFile as readFile2 } from "node:fs/promises";
import { join as join2 } from "node:path";
var IMAGE_HISTORY_LIMIT = 50;
var CarriedImages = class {
  constructor(graph, source, sourceRoot, pins = []) {
    this.graph = graph;
    this.source = source;
    this.sourceRoot = sourceRoot;
    for (const pin of pins) this.pinsByFile.set(pin.file, [...this.pinsByFile.get(pin.file) ?? [], pin]);
  }
  graph;
  source;
  sourceRoot;
  texts = /* @__PURE__ */ new Map();
  pinsByFile = /* @__PURE__ */ new Map();
  /** The images `name=reference` of `files` at `commit`, sorted; undefined when a file is missing there. */
  async imagesAt(commit, files) {
    const all = [];
    for (const file of files) {
      const images = await this.fileImages(commit, file);
      if (images === void 0) return void 0;
      all.push(...images);
    }
    return [...new Set(all)].sort();
  }
  /** How `revision` stands to the source commit (`ancestor`: older), or undefined when it is no commit of the repo. */
  relation(revision) {
    return this.graph.relation(revision, this.source);
  }
  /** Whether `revision` carries exactly the images the source commit has in `files`. */
  async carries(revision, files) {
    if (revision === this.source) return true;
    const [wanted, there] = await Promise.all([this.imagesAt(this.source, files), this.imagesAt(revision, files)]);
    return wanted !== void 0 && there !== void 0 && wanted.join("\n") === there.join("\n");
  }
  /**
   * The oldest commit from which each file has carried its present images
   * without a break, newest of the files: the images cannot have run longer.
   */
  async broughtIn(files) {
    let latest;
    for (const file of files) {
      const present = (await this.fileImages(this.source, file))?.join("\n");
      let since;
      let read = 0;
      for await (const commit of this.graph.fileHistory(this.source, file)) {
        if ((await this.fileImages(commit.sha, file))?.join("\n") !== present || ++read > IMAGE_HISTORY_LIMIT) break;
        since = commit;
      }
      if (since && (!latest || since.date > latest.date)) latest = { sha: since.sha, date: since.date };
    }
    return latest;
  }
  async fileImages(commit, file) {
    const key = `${commit}\0${file}`;
    let pending = this.texts.get(key);
    if (!pending) {
      pending = commit === this.source && this.sourceRoot ? readLocal(join2(this.sourceRoot, file)) : this.graph.fileAt(commit, file);
      this.texts.set(key, pending);
    }
    const text = await pending;
    if (text === void 0) return void 0;
    const pins = this.pinsByFile.get(file);
    return pins ? pinnedImagesIn(text, pins) : imagesIn(text, file);
  }
};
function imagesIn(text, file) {
  try {
    return parseKustomization(text, file).entries.filter((entry) => entry.newName || entry.newTag || entry.digest).map((entry) => `${entry.name}=${formatImageReference({ name: entry.newName || entry.name, tag: entry.newTag, digest: entry.digest })}`).sort();
  } catch {
    return [];
  }
}
function pinnedImagesIn(text, pins) {
  try {
    return pins.flatMap((pin) => editorFor(pin.kind).read(pin, text)).filter(({ values }) => values.newName || values.newTag || values.digest).map(({ name, values }) => `${name}=${formatImageReference({ name: values.newName || name, tag: values.newTag, digest: values.digest })}`).sort();
  } catch {
    return [];
  }
}
async function readLocal(path) {
  try {
    return await readFile2(path, "utf8");
  } catch {
    return void 0;
  }
}

// src/gates/gate-types.ts
function worstOf(states) {
  if (states.includes("failed")) return "failed";
  if (states.includes("pending")) return "pending";
  return "passed";
}

// src/gates/schedule.ts
var formatters = /* @__PURE__ */ new Map();
function wallClock(instant, timeZone) {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      weekday: "short",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit"
    });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: WEEKDAYS.indexOf(parts.weekday),
    minute: Number(parts.hour) * 60 + Number(parts.minute)
  };
}
function isInWindow(window, instant) {
  const { weekday, minute } = wallClock(instant, window.timeZone);
  if (window.startMinute < window.endMinute) return window.days.includes(weekday) && minute >= window.startMinute && minute < window.endMinute;
  const openedToday = window.days.includes(weekday) && minute >= window.startMinute;
  const openedYesterday = window.days.includes((weekday + 6) % 7) && minute < window.endMinute;
  return openedToday || openedYesterday;
}
function isFrozen(freeze2, instant) {
  const { date } = wallClock(instant, freeze2.timeZone);
  return date >= freeze2.first && date <= freeze2.last;
}
var MINUTE = 6e4;
var SEARCH_MS = 8 * 24 * 60 * MINUTE;
function nextOpening(windows2, instant) {
  const start = Math.ceil((instant + 1) / MINUTE) * MINUTE;
  for (let at = start; at <= instant + SEARCH_MS; at += MINUTE) {
    if (windows2.some((window) => isInWindow(window, at))) return at;
  }
  return void 0;
}
function freezesAt(freezes, instant) {
  return freezes.filter((freeze2) => isFrozen(freeze2, instant));
}

// src/gates/time-text.ts
function formatInstant(ms) {
  return `${new Date(ms).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
function formatSpan(ms) {
  const minutes = Math.max(0, Math.floor(ms / 6e4));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor(minutes % 1440 / 60);
  const rest = minutes % 60;
  if (days > 0) return hours > 0 ? `${days}d ${hours}h` : `${days}d`;
  if (hours > 0) return rest > 0 ? `${hours}h ${rest}m` : `${hours}h`;
  return `${rest}m`;
}

// src/gates/judge-gates.ts
function judgeGates(inputs) {
  const { gates } = inputs;
  const results = [];
  if (gates.sourceHealthy) results.push(sourceHealthy(inputs));
  if (gates.soak) results.push(soak(inputs, gates.soak));
  if (gates.windows.length > 0) results.push(windows(inputs));
  if (gates.freeze.length > 0) results.push(freeze(inputs));
  return { state: worstOf(results.map((result) => result.state)), gates: results, at: inputs.now };
}
var needsControllers = (gates) => gates.sourceHealthy || gates.soak !== void 0;
var HEALTH_STATE = { healthy: "passed", waiting: "pending", failed: "failed", unjudgeable: "failed" };
function sourceHealthy({ source, observations }) {
  const title = `${source} runs the promoted images, Synced and Healthy`;
  const state = worstOf(observations.map((seen) => HEALTH_STATE[seen.state]));
  const details = observations.map(describeObservation);
  const first = state === "passed" ? void 0 : observations.find((seen) => HEALTH_STATE[seen.state] === state);
  const reason = first ? `${appLabel2(first.app)}: ${first.state === "unjudgeable" ? "cannot judge: " : ""}${first.message}` : `${countOf(observations.length, "app")} Synced and Healthy in ${source}`;
  return { gate: "source-healthy", state, title, reason, details };
}
function soak({ source, observations, now }, required) {
  const title = `${source} has run the promoted images for ${required.text}`;
  const judged = observations.map((seen) => soakOf(seen, required.ms, now));
  const state = worstOf(judged.map((item) => item.state));
  const first = state === "passed" ? void 0 : judged.find((item) => item.state === state);
  const reason = first ? first.reason : `soaked ${required.text} in ${source}`;
  return { gate: "soak", state, title, reason, details: judged.map((item) => item.detail) };
}
function soakOf(seen, requiredMs, now) {
  const app = appLabel2(seen.app);
  if (seen.state !== "healthy") {
    const state = HEALTH_STATE[seen.state];
    return { state, reason: `${app}: not running the images healthily (${seen.message})`, detail: `${app}: not Synced and Healthy: ${seen.message}` };
  }
  if (seen.runningSince === void 0) {
    const why = "the controller does not say since when it runs this revision";
    return { state: "failed", reason: `${app}: cannot judge: ${why}`, detail: `${app}: ${why}` };
  }
  const since = Math.max(seen.runningSince, seen.imagesCommit?.date ?? -Infinity);
  const ready = since + requiredMs;
  const met = now >= ready;
  const fromCommit = seen.imagesCommit && seen.imagesCommit.date >= seen.runningSince ? ` (commit ${seen.imagesCommit.sha.slice(0, 7)})` : "";
  const from = `since ${formatInstant(since)}${fromCommit}`;
  const detail = met ? `${app}: ${from}` : `${app}: ${from}; soaked at ${formatInstant(ready)}`;
  return {
    state: met ? "passed" : "pending",
    // No elapsed time here: the reason goes into the status and the body, which a re-run must find unchanged.
    reason: met ? `${app}: soaked` : `${app}: soaked at ${formatInstant(ready)} (${formatSpan(requiredMs)} needed)`,
    detail
  };
}
function windows({ gates, now }) {
  const list = gates.windows.map((window) => window.text).join("; ");
  const title = `Inside a promotion window (${list})`;
  if (gates.windows.some((window) => isInWindow(window, now)))
    return { gate: "windows", state: "passed", title, reason: "inside a promotion window", details: [] };
  const next = nextOpening(gates.windows, now);
  const reason = `outside the promotion windows${next === void 0 ? "" : `; next opens ${formatInstant(next)}`}`;
  return { gate: "windows", state: "pending", title, reason, details: [] };
}
function freeze({ gates, now }) {
  const title = `Not in a deployment freeze (${gates.freeze.map((range2) => range2.text).join("; ")})`;
  const holding = freezesAt(gates.freeze, now);
  if (holding.length === 0) return { gate: "freeze", state: "passed", title, reason: "no freeze holds", details: [] };
  const range = holding[0];
  return { gate: "freeze", state: "pending", title, reason: `frozen until the end of ${range.last} (${range.timeZone})`, details: [] };
}
function describeObservation(seen) {
  const app = appLabel2(seen.app);
  if (!seen.object) return `${app}: ${seen.message}`;
  const at = seen.revision ? ` at ${seen.revision.split(",").map((revision) => revision.slice(0, 7)).join(", ")}` : "";
  const status = [seen.sync, seen.health].filter(Boolean).join("/");
  const since = seen.state === "healthy" && seen.runningSince !== void 0 ? ` since ${formatInstant(seen.runningSince)}` : "";
  return `${app}: ${seen.object}${at}${status ? `, ${status}` : ""}${since}${seen.state === "healthy" ? "" : `: ${seen.message}`}`;
}
var appLabel2 = (app) => app || "the overlays";

// src/gates/running-since.ts
var historyOf = (app) => app.status?.history ?? [];
function historyRevision(entry, app) {
  if (!entry.revisions?.length) return entry.revision;
  const sources = app.spec?.sources ?? [];
  return entry.revisions.find((_revision, index) => !isChartSource(sources[index] ?? {}));
}
async function argoRunningSince(app, files, images) {
  const operation = app.status?.operationState;
  const deployments = historyOf(app).map((entry) => ({ revision: historyRevision(entry, app), at: Date.parse(entry.deployedAt ?? "") })).reverse();
  if (operation?.phase === "Succeeded") {
    const sources = app.spec?.sources ?? [];
    const revision = operation.syncResult?.revisions?.find((_revision, index) => !isChartSource(sources[index] ?? {})) ?? operation.syncResult?.revision;
    deployments.unshift({ revision, at: Date.parse(operation.finishedAt ?? "") });
  }
  let since;
  for (const deployment of deployments) {
    if (!deployment.revision || !Number.isFinite(deployment.at) || !await images.carries(deployment.revision, files)) break;
    since = deployment.at;
  }
  const healthSince = Date.parse(app.status?.health?.lastTransitionTime ?? "");
  return since === void 0 ? void 0 : Number.isFinite(healthSince) ? Math.max(since, healthSince) : since;
}
function fluxReadySince(object) {
  const ready = object.status?.conditions?.find((condition) => condition.type === "Ready" && condition.status === "True");
  const at = Date.parse(ready?.lastTransitionTime ?? "");
  return Number.isFinite(at) ? at : void 0;
}

// src/gates/observe-source.ts
async function observeSource(promoted, context) {
  const targets = promoted.map((app) => ({ app, target: targetOf(app.app, context) }));
  const opened = await openEach(
    targets.map((item) => item.target),
    context.connections
  );
  try {
    return await Promise.all(
      targets.map(async ({ app, target }) => {
        if (!target) {
          return {
            app: app.app,
            state: "unjudgeable",
            message: `no controller is configured for it in ${context.source.name} (controller, and argocd-app or flux-name, in the promotion config)`
          };
        }
        const failure = opened.failures.get(target.controller);
        if (failure) return { app: app.app, object: target.label, state: "unjudgeable", message: failure };
        return observeApp(app, target, opened.controllers, context);
      })
    );
  } finally {
    await opened.controllers.close();
  }
}
function targetOf(app, context) {
  if (app === "") return void 0;
  const config = context.apps.find((candidate) => candidate.name === app) ?? { name: app, images: [], environments: {} };
  try {
    return configuredTarget(config, context.source, context.settings);
  } catch {
    return void 0;
  }
}
async function openEach(targets, connections) {
  const failures = /* @__PURE__ */ new Map();
  const parts = [];
  for (const controller of ["argocd", "flux"]) {
    if (!targets.some((target) => target?.controller === controller)) continue;
    try {
      parts.push(await openControllers([{ controller }], connections));
    } catch (error) {
      failures.set(controller, `${controller === "argocd" ? "Argo CD" : "the Flux cluster"} could not be reached: ${oneLineMessage(error)}`);
    }
  }
  const controllers = {
    argocd: parts.find((part) => part.argocd)?.argocd,
    flux: parts.find((part) => part.flux)?.flux,
    close: async () => {
      for (const part of parts) await part.close();
    }
  };
  return { controllers, failures };
}
async function observeApp(app, target, controllers, context) {
  const base = { app: app.app, object: target.label };
  let object;
  try {
    object = await readObject(target, controllers);
  } catch (error) {
    return { ...base, state: "unjudgeable", message: `could not be read: ${oneLineMessage(error)}` };
  }
  const revisions = target.controller === "argocd" ? argoRevisions(object) : fluxRevisions(object);
  const knowledge = await learn(revisions, app.files, context.images);
  const current = target.controller === "argocd" ? gitRevisions(object) : fluxRevisions(object).slice(0, 1);
  const unknown = current.filter((revision) => knowledge.relations.get(revision) === "unknown");
  const judged = target.controller === "argocd" ? judgeArgoApplication(object, { knowledge, degradedGraceMs: 0, refreshed: false }, context.now) : judgeFluxObject(object, { knowledge });
  const seen = { ...base, revision: judged.revision, sync: judged.sync, health: judged.health };
  if (unknown.length > 0 && judged.state !== "failed") {
    return { ...seen, state: "unjudgeable", message: `reports ${unknown.map(shortSha).join(", ")}, which is not a commit of ${context.where}` };
  }
  if (judged.state === "failed") return { ...seen, state: "failed", message: judged.message };
  if (judged.state === "waiting") return { ...seen, state: "waiting", message: waitingMessage(judged, knowledge, context.images.source) };
  if (object.kind === "HelmRelease") {
    return { ...seen, state: "unjudgeable", message: "a HelmRelease reports chart versions, not config-repo commits: which images it runs cannot be told" };
  }
  const runningSince = target.controller === "argocd" ? await argoRunningSince(object, app.files, context.images) : fluxReadySince(object);
  const imagesCommit = await context.images.broughtIn(app.files);
  return { ...seen, state: "healthy", message: judged.message, runningSince, imagesCommit };
}
async function readObject(target, controllers) {
  if (target.controller === "argocd") {
    if (!controllers.argocd) throw new Error("no Argo CD connection was opened");
    return controllers.argocd.getApplication(target.ref, { timeoutMs: 3e4 });
  }
  if (!controllers.flux) throw new Error("no Kubernetes connection was opened");
  return controllers.flux.get(target);
}
function waitingMessage(judged, knowledge, source) {
  const later = judged.revision.split(",").filter((revision) => knowledge.laterWithOtherImages.has(revision));
  if (later.length === 0) return judged.message;
  return `runs ${later.map(shortSha).join(", ")}, a later commit than ${shortSha(source)} with other images; promote again to carry those`;
}
async function learn(revisions, files, images) {
  const knowledge = { expected: images.source, relations: /* @__PURE__ */ new Map(), laterWithOtherImages: /* @__PURE__ */ new Set() };
  for (const revision of new Set(revisions)) {
    if (revision === images.source) continue;
    const relation = await images.relation(revision);
    if (relation === void 0 || relation === "unrelated") {
      knowledge.relations.set(revision, relation === void 0 ? "unknown" : "unrelated");
      continue;
    }
    if (await images.carries(revision, files)) knowledge.relations.set(revision, "newer");
    else {
      knowledge.relations.set(revision, "older");
      if (relation === "descendant") knowledge.laterWithOtherImages.add(revision);
    }
  }
  return knowledge;
}
function argoRevisions(app) {
  const operation = app.status?.operationState;
  const fromOperation = [operation?.syncResult?.revision, ...operation?.syncResult?.revisions ?? [], operation?.operation?.sync?.revision];
  const fromHistory = historyOf(app).map((entry) => historyRevision(entry, app));
  return [...gitRevisions(app), ...fromOperation, ...fromHistory].filter(
    (revision) => Boolean(revision && /^[0-9a-f]{40}$/.test(revision))
  );
}
function fluxRevisions(object) {
  return [commitOfRevision(object.status?.lastAppliedRevision), commitOfRevision(object.status?.lastAttemptedRevision)].filter(
    (revision) => Boolean(revision)
  );
}

// src/gates/evaluate-gates.ts
async function evaluateGates(promoted, context) {
  return group(`Promotion gates of ${context.target.name}`, async () => {
    let observations = [];
    if (needsControllers(context.gates)) {
      observations = await observeSource(promoted, {
        source: context.source,
        apps: context.apps,
        settings: context.settings,
        connections: context.connections,
        images: new CarriedImages(context.graph, context.sourceCommit, context.sourceRoot, context.sourcePins),
        where: context.graph.where,
        now: context.now
      });
      for (const seen of observations) info(`${context.source.name} \xB7 ${describeObservation(seen)}`);
    }
    const verdict = judgeGates({ gates: context.gates, source: context.source.name, observations, now: context.now });
    for (const gate of verdict.gates) info(`${gate.gate}: ${gate.state} \xB7 ${gate.reason}`);
    return verdict;
  });
}

// src/promote/promotion-gates.ts
async function promotionGates(context, apps, snapshot) {
  const { gates } = context.route.target;
  if (!gates) return void 0;
  const pinsOf = (app) => context.config.apps.find((candidate) => candidate.name === app)?.environments[context.route.source.name]?.pins ?? [];
  const promoted = apps.filter((app) => app.edits.some((edit) => edit.changes.length > 0)).map((app) => ({ app: app.app, files: [...app.sourceOverlays.map((overlay) => overlay.file), ...pinsOf(app.app).map((pin) => pin.file)] }));
  return evaluateGates(promoted, {
    gates,
    source: context.route.source,
    target: context.route.target,
    apps: context.config.apps,
    settings: context.inputs.settings,
    connections: context.inputs.connections,
    graph: await historyOf2(context, snapshot),
    sourceCommit: snapshot.commit,
    sourceRoot: snapshot.root,
    sourcePins: promoted.flatMap((app) => pinsOf(app.app)),
    now: context.now
  });
}
async function historyOf2(context, snapshot) {
  if (context.repo.kind === "checkout") return new GitCommitGraph(new Git(snapshot.root), { fetchMissing: true });
  const github = await context.github.connect();
  return new GitHubCommitGraph(github.client, github.owner, github.repo);
}

// src/gates/gate-status.ts
async function setGateStatus(github, sha, verdict, targetUrl) {
  const state = COMMIT_STATE[verdict.state];
  const description = statusDescription(verdict);
  const { data } = await github.client.rest.repos.getCombinedStatusForRef({ owner: github.owner, repo: github.repo, ref: sha, per_page: 100 });
  const present = data.statuses.find((status) => status.context === GATES_CONTEXT);
  if (present && present.state === state && (present.description ?? "") === description) {
    info(`Commit status ${GATES_CONTEXT} on ${sha.slice(0, 7)} already says ${state}: ${description}`);
    return "unchanged";
  }
  await github.client.rest.repos.createCommitStatus({
    owner: github.owner,
    repo: github.repo,
    sha,
    state,
    context: GATES_CONTEXT,
    description,
    ...targetUrl ? { target_url: targetUrl } : {}
  });
  info(`Commit status ${GATES_CONTEXT} on ${sha.slice(0, 7)}: ${state}: ${description}`);
  return "set";
}

// src/promote/promote-in-repo.ts
async function promoteInRepo(inputs, context, opened) {
  const config = requirePromotionConfig(opened.config, "config", "promote (to know the environments)");
  const route = resolvePromotionRoute(config, inputs.from, inputs.to);
  const settings = settingsFor(inputs.settings, route.target);
  const checks = {
    verifyRender: inputs.verifyRender,
    validation: inputs.validation && withPolicy(inputs.validation, settings.policy),
    workspace: context.run.workspace
  };
  const work = { inputs, context, config, route, settings, checks, repo: opened.repo, branch: opened.branch };
  const outcome = await promoteIn(work, opened.snapshot);
  return { ...outcome, requests: context.github.opened?.counter };
}
async function promoteIn(work, snapshot) {
  const { inputs, route, context } = work;
  const { landing } = work.settings;
  const held = await refuseIfHeld(snapshot.root, route.target.name, inputs.overrideHold, "promote");
  const note = held ? overriddenHoldNote(held) : void 0;
  const beforeEdit = new RenderCache();
  const apps = await plan(work, snapshot, beforeEdit);
  const changes = promotedChanges(apps);
  const key = { from: route.source.name, to: route.target.name, apps: inputs.apps };
  const outcome = {
    from: key.from,
    to: key.to,
    landing,
    changes,
    commitSha: "",
    refusals: [],
    dryRun: inputs.dryRun,
    ...note ? { overriddenHold: note } : {}
  };
  if (changes.length === 0) {
    info(`${key.to} already runs what ${key.from} runs; nothing to promote.`);
    if (landing === "pull-request" && !inputs.dryRun) {
      const reason = `Nothing left to promote: ${key.to} already runs what ${key.from} runs (as of ${snapshot.commit.slice(0, 7)} on ${work.branch}). Closing this pull request.`;
      outcome.closed = await closeEmptyPromotion(await context.github.connect(), promotionBranchName(key), promotionMarker(key), reason);
    }
    return outcome;
  }
  const edits = changedEdits(apps);
  const gates = await judgeGates2(work, apps, snapshot);
  if (gates) outcome.gates = gates;
  if (inputs.dryRun) {
    await showDiffs(edits);
    return outcome;
  }
  if (landing === "commit") {
    if (gates && gates.state !== "passed") return { ...outcome, held: true };
    const landed2 = await landCommit({
      repo: work.repo,
      snapshot,
      target: { branch: work.branch, mode: "fast-forward" },
      author: inputs.author,
      apply: async (current, attempt) => {
        const planned = attempt === 1 ? apps : await plan(work, current);
        const regated = attempt === 1 ? gates : await judgeGates2(work, planned, current);
        if (regated && regated.state !== "passed") {
          throw new UserError(
            `The branch moved while landing, and the promotion gates of ${key.to} no longer pass: ${statusDescription(regated)}. Nothing was committed.`
          );
        }
        const changed = changedEdits(planned);
        await checkEdits(current.root, changed, work.checks, "Validating the promoted overlays");
        return { files: changed.map((edit) => ({ path: edit.overlay.file, content: edit.text })), changes: promotedChanges(planned), superseded: [] };
      },
      message: (current) => commitMessage(work, key, current)
    });
    return { ...outcome, changes: landed2.changes, commitSha: landed2.commitSha };
  }
  const github = await context.github.connect();
  const afterEdit = new RenderCache();
  const verified = await checkEdits(snapshot.root, edits, work.checks, "Validating the promoted overlays", afterEdit);
  const diff = await renderedDiff(edits, afterEdit, beforeEdit);
  const promotedApps = apps.filter((app) => app.edits.some((edit) => edit.changes.length > 0)).map((app) => app.app);
  const title = promotionTitle(route.target.pullRequest.titleTemplate, {
    from: key.from,
    to: key.to,
    apps: promotedApps,
    images: [...new Set(changes.map((change) => change.new))]
  });
  const built = promotionBodyFor({
    apps,
    key,
    snapshot,
    branch: work.branch,
    github,
    target: route.target,
    verified,
    renderedDiff: diff,
    sourceRepositories: inputs.sourceRepositories,
    run: context.run,
    gates
  });
  const body = note ? `${note}

${built}` : built;
  const landed = await landPromotionPullRequest(
    work.repo,
    github,
    snapshot,
    {
      branch: promotionBranchName(key),
      base: work.branch,
      marker: promotionMarker(key),
      title,
      body,
      files: edits.map((edit) => ({ path: edit.overlay.file, content: edit.text })),
      message: commitMessage(work, key, changes, title),
      author: inputs.author
    },
    work.settings.pullRequest
  );
  for (const refusal of landed.refusals) warning(`The pull request was made, but ${describeRefusal(refusal)}`);
  if (gates) outcome.gateStatus = await setGateStatus(github, landed.commitSha, gates, context.run.runUrl);
  return {
    ...outcome,
    commitSha: landed.commitSha,
    pullRequest: { number: landed.pull.number, url: landed.pull.url, created: landed.created, moved: landed.moved },
    refusals: landed.refusals
  };
}
function judgeGates2(work, apps, snapshot) {
  const { inputs, config, route, repo, context } = work;
  return promotionGates({ inputs, config, route, repo, github: context.github, now: context.run.now() }, apps, snapshot);
}
function plan(work, snapshot, renders) {
  return planPromotion(snapshot.root, work.config, work.route, { apps: work.inputs.apps, renderCheck: work.inputs.verifyRender, renders });
}
function commitMessage(work, key, changes, title) {
  if (work.inputs.commitMessage) return renderCommitMessage(work.inputs.commitMessage, changes, work.context.run);
  return promotionCommitMessage(title ?? `Promote from ${key.from} to ${key.to}`, changes, work.context.run.runUrl);
}
function changedEdits(apps) {
  return apps.flatMap((app) => app.edits.filter((edit) => edit.changes.length > 0));
}
function promotedChanges(apps) {
  return apps.flatMap(
    (app) => app.edits.flatMap((edit) => edit.changes.map((change) => ({ app: app.app, ...toOverlayChange(edit.overlay.path, edit.overlay.file, change) })))
  );
}
export {
  promoteInRepo
};
