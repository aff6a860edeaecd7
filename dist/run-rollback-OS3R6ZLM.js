const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  commitOfRevision,
  gitRevisions,
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
  describeTarget
} from "./chunk-XRAZZWRU.js";
import {
  rollbackBodyMarkdown,
  rollbackBranch,
  rollbackCommitMessage,
  rollbackMarker,
  rollbackTitle
} from "./chunk-6K4WVPK3.js";
import "./chunk-TAZTHVOV.js";
import {
  checkEdits,
  showDiffs
} from "./chunk-2BNLNULQ.js";
import {
  landCommit,
  landPromotionPullRequest
} from "./chunk-ZQYJV3RU.js";
import {
  formatHold,
  holdFilePath,
  holdUntilDate,
  parseHold
} from "./chunk-FVDTIBEF.js";
import {
  settingsFor
} from "./chunk-VMVPPYNY.js";
import {
  LocalCheckout,
  inConfigRepoToLand
} from "./chunk-AFYX2MWJ.js";
import {
  requirePromotionConfig
} from "./chunk-INDTGZUY.js";
import "./chunk-HUSS5IF7.js";
import "./chunk-Y3AGFE2I.js";
import {
  withPolicy
} from "./chunk-MDCDCH3H.js";
import {
  planFileEdit
} from "./chunk-QMXU5ZEZ.js";
import {
  toOverlayChange
} from "./chunk-VG2LPK36.js";
import "./chunk-W3WLHFYS.js";
import "./chunk-MJQOG5ZV.js";
import {
  resolveEnvironmentOverlays
} from "./chunk-B4IJENIP.js";
import "./chunk-RC6PCYM2.js";
import "./chunk-NQ32NAFZ.js";
import "./chunk-FHCYASOH.js";
import {
  findEnvironment
} from "./chunk-ZZABWA7U.js";
import "./chunk-42JSCESC.js";
import {
  describeRefusal
} from "./chunk-XRRH6I6C.js";
import "./chunk-WACLQDPL.js";
import "./chunk-ANR6TANQ.js";
import "./chunk-WOKMQZGB.js";
import "./chunk-7ASTRFFL.js";
import {
  group,
  info,
  warning
} from "./chunk-NZZWJ5E7.js";
import "./chunk-IOLMHO56.js";
import "./chunk-BMJ2XMMR.js";
import "./chunk-BQBMBEAG.js";
import "./chunk-NELHJVCU.js";
import {
  parseKustomization
} from "./chunk-JBFM3YNM.js";
import "./chunk-6OONQOCK.js";
import "./chunk-TTI4HSH7.js";
import {
  InputError
} from "./chunk-KBKTDO2V.js";
import "./chunk-QBU2F7BR.js";
import "./chunk-OKDCWDB5.js";
import "./chunk-54KBGAUC.js";
import "./chunk-2QGGJF6Q.js";

// src/rollback/run-rollback.ts
import { readFile } from "node:fs/promises";

// src/rollback/controller-states.ts
async function readControllerStates(apps, env, settings, connections) {
  const reachable = (target) => target !== void 0 && (target.controller === "argocd" ? connections.argocd.server !== "" : connections.flux.kubeconfig !== "");
  const targets = apps.flatMap((app) => {
    const target = configuredTarget(app, env, settings);
    return reachable(target) ? [{ app: app.name, target }] : [];
  });
  if (targets.length === 0) return [];
  const controllers = await openControllers(
    targets.map((entry) => entry.target),
    connections
  );
  try {
    return await Promise.all(targets.map(({ app, target }) => readState(controllers, app, target)));
  } finally {
    await controllers.close();
  }
}
async function readState(controllers, app, target) {
  const object = `${target.controller} ${target.label}`;
  try {
    if (target.controller === "argocd" && controllers.argocd) {
      const found = await controllers.argocd.getApplication(target.ref, { timeoutMs: 3e4 });
      const status = found.status ?? {};
      return { app, object, state: `${status.sync?.status ?? "Unknown"}, ${status.health?.status ?? "Unknown"}`, revision: gitRevisions(found).join(",") };
    }
    if (target.controller === "flux" && controllers.flux) {
      const found = await controllers.flux.get(target);
      const ready = found.status?.conditions?.find((condition) => condition.type === "Ready");
      const state = ready ? `Ready=${ready.status}${ready.reason ? ` (${ready.reason})` : ""}` : "Ready=Unknown";
      return { app, object, state, revision: commitOfRevision(found.status?.lastAppliedRevision) ?? "" };
    }
    return { app, object, state: "not read: no client", revision: "" };
  } catch (error) {
    return { app, object, state: `not read: ${error.message.split("\n")[0]}`, revision: "" };
  }
}

// src/rollback/overlay-history.ts
var ROLLBACK_HISTORY_LIMIT = 300;
async function readFileVersions(graph, head, file, enough) {
  const versions = [];
  for await (const { sha, date } of graph.fileHistory(head, file)) {
    versions.push(await fileVersionAt(graph, sha, date, file));
    if (enough(versions) || versions.length >= ROLLBACK_HISTORY_LIMIT) break;
  }
  return versions;
}
async function fileVersionAt(graph, sha, date, file) {
  const text = await graph.fileAt(sha, file);
  return { sha, date, images: text === void 0 ? void 0 : imagesIn(text, file) };
}
function imagesIn(text, file) {
  try {
    return parseKustomization(text, file).entries.map(({ name, newName, newTag, digest }) => ({ name, newName, newTag, digest }));
  } catch {
    return void 0;
  }
}

// src/rollback/pick-rollback.ts
var stateKey = (images) => JSON.stringify([...images].sort((a, b) => a.name < b.name ? -1 : 1).map((image) => [image.name, image.newName, image.newTag, image.digest]));
function lastChangeOf(history) {
  const { versions } = history;
  for (let index = 0; index + 1 < versions.length; index++) {
    const [change, before] = [versions[index], versions[index + 1]];
    if (!change.images || !before.images) return void 0;
    if (stateKey(change.images) !== stateKey(before.images)) return { change, before };
  }
  return void 0;
}
var enoughForPrevious = (versions) => versions.some((version) => !version.images) || lastChangeOf({ app: "", overlay: "", file: "", versions: [...versions] }) !== void 0;
var enoughForDate = (at) => (versions) => (versions.at(-1)?.date ?? Infinity) <= at;
var enoughForVersion = (version) => (versions) => versions.some((candidate) => hasTag(candidate, version));
function pickPrevious(histories, lastChange, environment) {
  const files = [];
  for (const history of histories) {
    const last = lastChangeOf(history);
    if (last?.before.images && last.change.sha === lastChange) files.push({ file: history.file, images: last.before.images, from: last.before });
  }
  if (files.length === 0) throw nothingInHistory("previous", `${environment}'s overlays show no earlier change of images`);
  return { files, restores: newest(files).sha, undoes: lastChange };
}
function pickDate(histories, at, text, environment) {
  const files = [];
  for (const history of histories) {
    const version = history.versions.find((candidate) => candidate.date <= at);
    if (version?.images) files.push({ file: history.file, images: version.images, from: version });
  }
  if (files.length === 0) throw nothingInHistory(text, `it is before all history of ${environment}'s overlays`);
  return { files, restores: newest(files).sha };
}
function pickVersions(histories, versions, environment) {
  const files = [];
  for (const [app, version] of versions) {
    const own = histories.filter((history) => history.app === app);
    if (own.length === 0) {
      const apps = [...new Set(histories.map((history) => history.app).filter(Boolean))];
      throw new InputError("to", `names app '${app}', which has no overlays in ${environment} (apps: ${apps.join(", ") || "none"}).`);
    }
    const picked = own.flatMap((history) => {
      const found = history.versions.find((candidate) => hasTag(candidate, version));
      return found?.images ? [{ file: history.file, images: found.images, from: found }] : [];
    });
    if (picked.length === 0) throw nothingInHistory(`${app}=${version}`, `${app} never had tag ${version} in ${environment}'s overlays`);
    files.push(...picked);
  }
  return { files, restores: newest(files).sha };
}
function pickCommit(versions, ref, environment) {
  const files = versions.flatMap(({ file, version }) => version.images ? [{ file, images: version.images, from: version }] : []);
  if (files.length === 0) throw nothingInHistory(ref, `${environment}'s overlays do not exist at that commit`);
  return { files, restores: files[0].from.sha };
}
function hasTag(version, tag) {
  return (version.images ?? []).some((image) => image.newTag === tag);
}
function newest(files) {
  return files.map((file) => file.from).reduce((a, b) => b.date > a.date ? b : a);
}
function nothingInHistory(to, why) {
  return new InputError("to", `'${to}' names nothing in history: ${why}; nothing was written.`);
}

// src/rollback/pick-from-history.ts
async function pickFromHistory(graph, head, overlays, to, environment) {
  const files = overlays.flatMap((app) => app.overlays.map((overlay) => ({ app: app.app, overlay: overlay.path, file: overlay.file })));
  const histories = (enough) => Promise.all(
    files.map(async (file) => {
      const until = enough(file.app);
      return { ...file, versions: until ? await readFileVersions(graph, head, file.file, until) : [] };
    })
  );
  switch (to.kind) {
    case "previous": {
      const read = await histories(() => enoughForPrevious);
      const changes = read.flatMap((history) => lastChangeOf(history)?.change ?? []);
      const newest2 = await newestOf(graph, changes);
      return pickPrevious(read, newest2?.sha ?? "", environment);
    }
    case "date":
      return pickDate(await histories(() => enoughForDate(to.at)), to.at, to.text, environment);
    case "versions": {
      const enough = (app) => {
        const version = to.versions.get(app);
        return version === void 0 ? void 0 : enoughForVersion(version);
      };
      return pickVersions(await histories(enough), to.versions, environment);
    }
    case "commit": {
      const sha = await graph.resolve(to.ref);
      if (!sha) throw nothingInHistory(to.ref, `${graph.where} has no such commit`);
      const relation = await graph.relation(sha, head);
      if (relation !== "same" && relation !== "ancestor") throw nothingInHistory(to.ref, `it is not in the history of the branch ${environment} lives on`);
      const versions = await Promise.all(files.map(async (file) => ({ file: file.file, version: await fileVersionAt(graph, sha, 0, file.file) })));
      return pickCommit(versions, to.ref, environment);
    }
  }
}
async function newestOf(graph, commits) {
  let newest2;
  for (const commit of commits) {
    if (!newest2 || commit.date > newest2.date) newest2 = commit;
    else if (commit.date === newest2.date && commit.sha !== newest2.sha && await graph.relation(commit.sha, newest2.sha) === "descendant") newest2 = commit;
  }
  return newest2;
}

// src/rollback/plan-restore.ts
function restoreArguments(current, picked) {
  return current.flatMap((entry) => {
    const earlier = picked.find((candidate) => candidate.name === entry.name);
    if (!earlier) return [];
    const same = earlier.newName === entry.newName && earlier.newTag === entry.newTag && earlier.digest === entry.digest;
    if (same) return [];
    return [{ source: `${entry.name} (rollback)`, name: entry.name, newName: earlier.newName, newTag: earlier.newTag, digest: earlier.digest }];
  });
}
function planRestore(overlay, currentText, pick) {
  return planFileEdit(overlay, currentText, restoreArguments(parseKustomization(currentText, overlay.file).entries, pick.images));
}

// src/rollback/run-rollback.ts
async function runRollback(inputs, context) {
  return inConfigRepoToLand(
    inputs.location,
    {
      branch: inputs.branch,
      push: true,
      github: context.github,
      configFile: context.configFile,
      environmentBranch: (config) => config ? findEnvironment(config, inputs.environment, "environment").branch : void 0
    },
    async (opened) => {
      const outcome = await rollbackIn(inputs, context, opened);
      return { ...outcome, requests: context.github.opened?.counter };
    }
  );
}
async function rollbackIn(inputs, context, opened) {
  const config = requirePromotionConfig(opened.config, "config", "rollback (to know the environments and their overlays)");
  const env = findEnvironment(config, inputs.environment, "environment");
  const settings = settingsFor(inputs.settings, env);
  const { snapshot, branch } = opened;
  if (!branch && !inputs.dryRun) throw new InputError("branch", "the checkout is on a detached HEAD; name the branch to push to.");
  const overlays = resolveEnvironmentOverlays(snapshot.root, config, env);
  const graph = await commitGraphOf(opened, context);
  const pick = await group(`Reading the history of ${env.name}'s overlays`, () => pickIn(graph, opened, overlays, inputs, env));
  const checks = {
    verifyRender: inputs.verifyRender,
    // Going back to a lower version is the point of a rollback.
    renderGuard: { allowDowngrade: true },
    validation: inputs.validation && withPolicy(inputs.validation, settings.policy),
    workspace: context.run.workspace
  };
  const work = { inputs, context, opened, config, env, settings, pick, checks };
  const planned = await planOn(work, snapshot);
  const holdFile = holdFilePath(env.name);
  const outcome = {
    environment: env.name,
    landing: settings.landing,
    changes: changesOf(planned),
    restores: pick.restores,
    ...pick.undoes ? { undoes: pick.undoes } : {},
    holdFile,
    commitSha: "",
    dryRun: inputs.dryRun
  };
  if (planned.length === 0) {
    info(`${env.name} already runs the images of ${pick.restores.slice(0, 7)}; nothing to roll back.`);
    return outcome;
  }
  if (inputs.dryRun) {
    await showDiffs(planned.map((edit) => edit.edit));
    return outcome;
  }
  const dirty = await opened.repo.uncommittedChanges(planned.map((edit) => edit.edit.overlay.absoluteFile));
  if (dirty.length > 0) throw new InputError("path", `${dirty.join(", ")} has uncommitted changes; commit or discard them first.`);
  const fresh = {
    environment: env.name,
    who: context.run.actor || inputs.author.name,
    when: (/* @__PURE__ */ new Date()).toISOString(),
    why: inputs.reason,
    ...inputs.holdUntil ? { until: holdUntilDate(inputs.holdUntil, Date.now()) } : {},
    restores: pick.restores
  };
  const hold = settings.landing === "pull-request" ? await keptHold(graph, rollbackBranch(env.name), holdFile, fresh, inputs.holdUntil?.kind === "after") : fresh;
  const holdEntry = { path: holdFile, content: formatHold(hold) };
  const title = rollbackTitle(env.name, outcome.changes);
  const message = rollbackCommitMessage(title, outcome.changes, pick.restores, holdFile, context.run.runUrl);
  if (settings.landing === "commit") {
    const landed2 = await landCommit({
      repo: opened.repo,
      snapshot,
      target: { branch, mode: "fast-forward" },
      author: inputs.author,
      apply: async (current, attempt) => {
        const edits = attempt === 1 ? planned : await planOn(work, current);
        await checkEdits(
          current.root,
          edits.map((edit) => edit.edit),
          checks,
          "Validating the rolled-back overlays"
        );
        const files = edits.length === 0 ? [] : [...filesOf(edits), holdEntry];
        return { files, changes: changesOf(edits), superseded: [] };
      },
      message: () => message
    });
    return { ...outcome, changes: landed2.changes, commitSha: landed2.commitSha };
  }
  await checkEdits(
    snapshot.root,
    planned.map((edit) => edit.edit),
    checks,
    "Validating the rolled-back overlays"
  );
  const github = await context.github.connect();
  const controllers = await readControllerStates(appsOf(config, overlays), env, inputs.settings, inputs.connections);
  const body = rollbackBodyMarkdown({
    environment: env.name,
    changes: outcome.changes,
    restores: pick.restores,
    undoes: pick.undoes,
    target: describeTarget(inputs.to),
    hold,
    holdFile,
    controllers,
    repositoryUrl: `${context.run.serverUrl}/${github.repository}`,
    branch,
    runUrl: context.run.runUrl
  });
  const landed = await landPromotionPullRequest(
    opened.repo,
    github,
    snapshot,
    {
      branch: rollbackBranch(env.name),
      base: branch,
      marker: rollbackMarker(env.name),
      title,
      body,
      files: [...filesOf(planned), holdEntry],
      message,
      author: inputs.author
    },
    { ...settings.pullRequest, labels: [.../* @__PURE__ */ new Set([...settings.pullRequest.labels.filter((label) => label !== "promotion"), "rollback"])] }
  );
  for (const refusal of landed.refusals) warning(`The pull request was made, but ${describeRefusal(refusal)}`);
  return {
    ...outcome,
    commitSha: landed.commitSha,
    pullRequest: { number: landed.pull.number, url: landed.pull.url, created: landed.created, moved: landed.moved }
  };
}
async function pickIn(graph, opened, overlays, inputs, env) {
  try {
    return await pickFromHistory(graph, opened.snapshot.commit, overlays, inputs.to, env.name);
  } catch (error) {
    if (error instanceof InputError && opened.repo instanceof LocalCheckout && await opened.repo.git.isShallow()) {
      throw new InputError(error.input, `${error.message.replace(/^Input '[^']+': /, "")} The checkout is shallow: check it out with fetch-depth: 0.`);
    }
    throw error;
  }
}
async function keptHold(graph, branch, file, fresh, relativeUntil) {
  const head = await graph.resolve(branch);
  const text = head && await graph.fileAt(head, file);
  if (!text) return fresh;
  try {
    const existing = parseHold(text, file, fresh.environment);
    const same = existing.who === fresh.who && existing.why === fresh.why && existing.restores === fresh.restores;
    const sameEnd = relativeUntil ? existing.until !== void 0 : existing.until === fresh.until;
    return same && sameEnd ? existing : fresh;
  } catch {
    return fresh;
  }
}
async function commitGraphOf(opened, context) {
  if (opened.repo instanceof LocalCheckout) return new GitCommitGraph(opened.repo.git);
  const connection = await context.github.connect();
  return new GitHubCommitGraph(connection.client, connection.owner, connection.repo);
}
async function planOn(work, snapshot) {
  const overlays = resolveEnvironmentOverlays(snapshot.root, work.config, work.env);
  const planned = [];
  for (const { app, overlays: own } of overlays) {
    for (const overlay of own) {
      const pick = work.pick.files.find((file) => file.file === overlay.file);
      if (!pick) continue;
      const edit = planRestore(overlay, await readFile(overlay.absoluteFile, "utf8"), pick);
      if (edit.changes.length > 0) planned.push({ app, edit });
    }
  }
  return planned;
}
function filesOf(planned) {
  return planned.map(({ edit }) => ({ path: edit.overlay.file, content: edit.text }));
}
function changesOf(planned) {
  return planned.flatMap(({ app, edit }) => edit.changes.map((change) => ({ app, ...toOverlayChange(edit.overlay.path, edit.overlay.file, change) })));
}
function appsOf(config, overlays) {
  return overlays.filter((entry) => entry.app !== "").map((entry) => config.apps.find((app) => app.name === entry.app) ?? { name: entry.app, images: [], environments: {} });
}
export {
  runRollback
};
