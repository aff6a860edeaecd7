const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  MAX_BRANCH_LENGTH,
  checklist,
  discoverSetterPins,
  namesHeldByPins,
  planPinEdits,
  refPart
} from "./chunk-RHUY55UT.js";
import {
  overriddenHoldNote,
  refuseIfHeld
} from "./chunk-2X2ODRMQ.js";
import "./chunk-OMG7UWO7.js";
import {
  checkEdits,
  showDiffs
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
  inConfigRepoToLand
} from "./chunk-AFYX2MWJ.js";
import {
  environmentNamed
} from "./chunk-INDTGZUY.js";
import "./chunk-HUSS5IF7.js";
import {
  MAX_BODY_LENGTH,
  VOLATILE_LINE
} from "./chunk-Y3AGFE2I.js";
import {
  withPolicy
} from "./chunk-MDCDCH3H.js";
import {
  planEdits,
  planFileEdit
} from "./chunk-QMXU5ZEZ.js";
import {
  toOverlayChange
} from "./chunk-VG2LPK36.js";
import {
  renderCommitMessage
} from "./chunk-A3ILHU6A.js";
import "./chunk-MJQOG5ZV.js";
import {
  resolveEnvironmentOverlays
} from "./chunk-B4IJENIP.js";
import {
  resolveOverlays
} from "./chunk-RC6PCYM2.js";
import "./chunk-NQ32NAFZ.js";
import "./chunk-FHCYASOH.js";
import {
  environmentPins,
  findEnvironment
} from "./chunk-ZZABWA7U.js";
import "./chunk-42JSCESC.js";
import {
  describeRefusal,
  findOpenPullRequest
} from "./chunk-XRRH6I6C.js";
import "./chunk-WACLQDPL.js";
import "./chunk-ANR6TANQ.js";
import {
  describeEntryDowngrade,
  entryDowngrade,
  renamedIntoWarnings
} from "./chunk-HMRSIU4K.js";
import "./chunk-IWNANG2Q.js";
import "./chunk-7ASTRFFL.js";
import {
  info,
  warning
} from "./chunk-NZZWJ5E7.js";
import "./chunk-IOLMHO56.js";
import "./chunk-RF3FA637.js";
import "./chunk-BMJ2XMMR.js";
import "./chunk-PTHYVDCB.js";
import "./chunk-BQBMBEAG.js";
import "./chunk-NELHJVCU.js";
import "./chunk-JBFM3YNM.js";
import {
  KEEP,
  parseImageArguments
} from "./chunk-6OONQOCK.js";
import "./chunk-TTI4HSH7.js";
import {
  InputError
} from "./chunk-KBKTDO2V.js";
import "./chunk-QBU2F7BR.js";
import "./chunk-OKDCWDB5.js";
import "./chunk-54KBGAUC.js";
import "./chunk-2QGGJF6Q.js";

// src/set-image/set-image-guards.ts
function checkAllowedTags(images, allowTags) {
  if (!allowTags) return;
  for (const image of images) {
    if (image.newTag && image.newTag !== KEEP && !allowTags.test(image.newTag)) {
      throw new InputError("images", `tag '${image.newTag}' of '${image.source}' does not match allow-tags /${allowTags.source}/.`);
    }
  }
}
function refuseDowngrades(edits, allowDowngrade) {
  if (allowDowngrade) return;
  for (const edit of edits) {
    for (const change of edit.changes) {
      const downgrade = entryDowngrade(change, edit.entries);
      if (downgrade) throw new InputError("images", describeEntryDowngrade(change, downgrade, edit.overlay.path));
    }
  }
}
function warnAboutEdits(edits) {
  for (const warning2 of renamedIntoWarnings(edits)) warning(warning2);
  for (const edit of edits) {
    for (const change of edit.changes) {
      const { before } = change;
      if (change.dropped.length === 0 || !before) continue;
      const lost = change.dropped.map((field) => `${field} '${before[field]}'`).join(" and ");
      warning(
        `'${change.argument}' removes ${lost} from image ${change.name} in ${edit.overlay.file}, as kustomize edit set image does. To keep it, write '${keepForm(change)}'.`
      );
    }
  }
}
function keepForm(change) {
  const { after, dropped } = change;
  const tag = after.newTag ? `:${after.newTag}` : dropped.includes("newTag") ? `:${KEEP}` : "";
  const digest = after.digest ? `@${after.digest}` : dropped.includes("digest") ? `@${KEEP}` : "";
  return `${change.name}=${after.newName || KEEP}${tag}${digest}`;
}

// src/set-image/set-image-pull-request.ts
import { createHash } from "node:crypto";

// src/set-image/set-image-pull-request-body.ts
var CARRIED_PREFIX = "<!-- gitops-promote:set-image-arguments ";
function buildSetImageBody(body) {
  const text = [
    `Sets images in **${body.environment}**, on \`${body.baseBranch}\` once merged. Later set-image runs for ${body.environment} update this pull request.`,
    "",
    "| Overlay | Image | Now | Set to |",
    "| --- | --- | --- | --- |",
    ...body.rows.map((row) => `| \`${row.overlay}\` | \`${row.image}\` | ${row.current ? `\`${row.current}\`` : "_(new entry)_"} | \`${row.next}\` |`),
    "",
    ...body.runUrl ? [`Updated by [this workflow run](${body.runUrl}). ${VOLATILE_LINE}`, ""] : [],
    ...body.checklist.length > 0 ? [
      "### Checklist",
      "",
      ...body.checklist.map((item) => `- [${item.checked ? "x" : " "}] ${item.text}${!item.checked && item.note ? ` _(${item.note})_` : ""}`),
      ""
    ] : [],
    "### Rollback",
    "",
    `After merging, revert the merge commit, or set the previous values in ${body.environment}.`,
    "",
    `${CARRIED_PREFIX}${JSON.stringify(body.arguments).replace(/--/g, "-\\u002d")} -->`,
    body.marker,
    ""
  ].join("\n");
  return text.length <= MAX_BODY_LENGTH ? text : `${text.slice(0, MAX_BODY_LENGTH - 200)}

\u2026 (cut to fit GitHub\u2019s size limit)
${CARRIED_PREFIX}[] -->
${body.marker}
`;
}
function carriedArguments(body) {
  const line = body?.split("\n").find((candidate) => candidate.startsWith(CARRIED_PREFIX));
  if (!line) return [];
  try {
    const value = JSON.parse(line.slice(CARRIED_PREFIX.length).replace(/\s*-->\s*$/, ""));
    return Array.isArray(value) ? value.filter((item) => typeof item === "string") : [];
  } catch {
    return [];
  }
}

// src/set-image/set-image-pull-request.ts
function setImageBranchName(environment) {
  const name = `gitops-promote/set-image/${refPart(environment)}`;
  if (name.length <= MAX_BRANCH_LENGTH) return name;
  const digest = createHash("sha256").update(name).digest("hex").slice(0, 12);
  return `${name.slice(0, MAX_BRANCH_LENGTH - 13).replace(/[./+-]+$/, "")}-${digest}`;
}
function setImageMarker(environment) {
  return `<!-- gitops-promote:set-image environment=${environment} -->`;
}
async function landSetImagePullRequest(work) {
  const { github, environment } = work;
  const branch = setImageBranchName(environment.name);
  const marker = setImageMarker(environment.name);
  const existing = await findOpenPullRequest(github, branch, marker);
  const images = [...await stillWanted(work, existing?.body), ...work.images];
  const edits = (await work.plan(images)).filter((edit) => edit.changes.length > 0);
  const changes = edits.flatMap((edit) => edit.changes.map((change) => toOverlayChange(edit.overlay.path, edit.overlay.file, change)));
  const verified = await work.check(edits);
  const title = setImageTitle(environment.name, changes);
  const built = buildSetImageBody({
    marker,
    environment: environment.name,
    baseBranch: work.base,
    arguments: images.map((image) => image.source),
    rows: changes.map((change) => ({ overlay: change.overlay, image: change.image, current: change.old, next: change.new })),
    runUrl: work.runUrl,
    checklist: checklist(environment, verified)
  });
  const body = work.note ? `${work.note}

${built}` : built;
  const landed = await landPromotionPullRequest(
    work.repo,
    github,
    work.snapshot,
    {
      branch,
      base: work.base,
      marker,
      title,
      body,
      files: edits.map((edit) => ({ path: edit.overlay.file, content: edit.text })),
      message: work.message(changes),
      author: work.author
    },
    work.pullRequest,
    { existing }
  );
  for (const refusal of landed.refusals) warning(`The pull request was made, but ${describeRefusal(refusal)}`);
  return {
    changes,
    commitSha: landed.commitSha,
    pullRequest: { number: landed.pull.number, url: landed.pull.url, created: landed.created, moved: landed.moved },
    refusals: landed.refusals
  };
}
async function closeSettledSetImagePullRequest(github, environment, plan) {
  const branch = setImageBranchName(environment);
  const marker = setImageMarker(environment);
  const existing = await findOpenPullRequest(github, branch, marker);
  if (!existing) return void 0;
  const carried = parseCarried(existing.body);
  const stillNeeded = carried.length > 0 && (await plan(carried)).some((edit) => edit.changes.some((change) => !entryDowngrade(change, edit.entries)));
  if (stillNeeded) return void 0;
  const reason = `Every image this pull request sets is already in ${environment}'s overlays (or a higher version is), so nothing is left to merge.`;
  return closeEmptyPromotion(github, branch, marker, reason);
}
async function stillWanted(work, body) {
  const names = new Set(work.images.map((image) => image.name));
  const carried = parseCarried(body).filter((image) => !names.has(image.name));
  if (carried.length === 0) return [];
  const lower = new Set(
    (await work.plan(carried)).flatMap((edit) => edit.changes.filter((change) => entryDowngrade(change, edit.entries)).map((change) => change.name))
  );
  for (const name of lower) info(`The base already runs a higher version of ${name} than the open pull request set; dropping it from the PR.`);
  return carried.filter((image) => !lower.has(image.name));
}
function parseCarried(body) {
  const carried = carriedArguments(body);
  if (carried.length === 0) return [];
  try {
    return parseImageArguments(carried);
  } catch {
    warning("The open set-image pull request carries arguments this version cannot read; only this run\u2019s images are kept.");
    return [];
  }
}
function setImageTitle(environment, changes) {
  const images = [...new Set(changes.map((change) => change.new))];
  const list = images.length <= 3 ? images.join(", ") : `${images.length} images`;
  const title = `Set ${list} in ${environment}`;
  return title.length <= 250 ? title : `${title.slice(0, 249)}\u2026`;
}

// src/set-image/run-set-image.ts
async function runSetImage(inputs, context) {
  checkAllowedTags(inputs.images, inputs.allowTags);
  return inConfigRepoToLand(
    inputs.location,
    {
      branch: inputs.branch,
      push: inputs.push,
      github: context.github,
      configFile: context.configFile,
      environmentBranch: (config) => config && inputs.environment ? findEnvironment(config, inputs.environment, "environment").branch : void 0
    },
    async (opened) => {
      return await setImageIn(inputs, context, opened);
    }
  );
}
async function setImageIn(inputs, context, opened) {
  const { snapshot, branch, config } = opened;
  const environment = environmentNamed(config, inputs.environment);
  const settings = settingsFor(inputs.settings, environment);
  const pullRequestEnvironment = settings.landing === "pull-request" ? requirePullRequestEnvironment(environment) : void 0;
  if (pullRequestEnvironment && !inputs.push && !inputs.dryRun) {
    throw new InputError(
      "push",
      `false cannot open a pull request: environment '${pullRequestEnvironment.name}' lands through one; set landing: commit to commit locally.`
    );
  }
  if (!branch && inputs.push && !inputs.dryRun) throw new InputError("branch", "the checkout is on a detached HEAD; name the branch to push to.");
  const held = environment && await refuseIfHeld(snapshot.root, environment.name, inputs.overrideHold, "set-image");
  const note = held ? overriddenHoldNote(held) : void 0;
  const fromEnvironment = inputs.overlays.length === 0 && inputs.pins.length === 0 && environment && config ? environment : void 0;
  const overlays = inputs.overlays.length > 0 || !fromEnvironment && inputs.pins.length === 0 ? resolveOverlays(snapshot.root, inputs.overlays) : fromEnvironment && config ? resolveEnvironmentOverlays(snapshot.root, config, fromEnvironment).flatMap((app) => app.overlays) : [];
  const named = fromEnvironment && config ? environmentPins(config, fromEnvironment.name) : inputs.pins;
  const pins = [...named, ...await discoverSetterPins(snapshot.root, overlays, named)];
  if (overlays.length === 0 && pins.length === 0) {
    throw new InputError("environment", `'${inputs.environment}' has no overlays and no pins in the promotion config; give overlays or pins there.`);
  }
  const work = {
    inputs,
    context,
    opened,
    environment,
    overlayPaths: overlays.map((overlay) => overlay.path),
    pins,
    checks: {
      verifyRender: inputs.verifyRender,
      renderGuard: { allowDowngrade: inputs.allowDowngrade },
      validation: inputs.validation && withPolicy(inputs.validation, settings.policy),
      workspace: context.run.workspace
    }
  };
  const uncommitted = inputs.dryRun ? Promise.resolve([]) : opened.repo.uncommittedChanges(overlays.map((overlay) => overlay.absoluteFile));
  uncommitted.catch(() => void 0);
  const edits = await planSetImage(work, snapshot.root, inputs.images, overlays);
  refuseDowngrades(edits, inputs.allowDowngrade);
  warnAboutEdits(edits);
  const changed = edits.filter((edit) => edit.changes.length > 0);
  const outcome = {
    changes: overlayChanges(changed),
    commitSha: "",
    branch,
    pushed: false,
    dryRun: inputs.dryRun,
    superseded: [],
    ...note ? { overriddenHold: note } : {}
  };
  if (changed.length === 0) {
    info(`Every ${work.pins.length > 0 ? overlays.length > 0 ? "overlay and pin" : "pin" : "overlay"} already has these images; nothing to change.`);
    if (pullRequestEnvironment && !inputs.dryRun) {
      outcome.closed = await closeSettledSetImagePullRequest(
        await context.github.connect(),
        pullRequestEnvironment.name,
        (images) => planSetImage(work, snapshot.root, images, overlays)
      );
    }
    return outcome;
  }
  if (inputs.dryRun) {
    await showDiffs(changed);
    return outcome;
  }
  const changedFiles = new Set(changed.map((edit) => edit.overlay.file));
  const pinFiles = changed.filter((edit) => edit.pins).map((edit) => edit.overlay.absoluteFile);
  const [overlaysDirty, pinsDirty] = await Promise.all([uncommitted, opened.repo.uncommittedChanges(pinFiles)]);
  const dirty = [...overlaysDirty.filter((file) => changedFiles.has(file)), ...pinsDirty];
  if (dirty.length > 0) throw new InputError("path", `${dirty.join(", ")} has uncommitted changes; commit or discard them first.`);
  if (pullRequestEnvironment) {
    await checkEdits(snapshot.root, changed, work.checks);
    const landed2 = await landSetImagePullRequest({
      repo: opened.repo,
      github: await context.github.connect(),
      snapshot,
      base: branch,
      environment: pullRequestEnvironment,
      pullRequest: settings.pullRequest,
      images: inputs.images,
      plan: (images) => planSetImage(work, snapshot.root, images, overlays),
      check: (edited) => checkEdits(snapshot.root, edited, work.checks),
      message: (current) => renderCommitMessage(inputs.commitMessage, current, context.run),
      runUrl: context.run.runUrl,
      author: inputs.author,
      note
    });
    return { ...outcome, ...landed2 };
  }
  const landed = await landCommit({
    repo: opened.repo,
    snapshot,
    target: { branch, mode: "fast-forward" },
    author: inputs.author,
    apply: (current, attempt) => applyEdits(work, current, attempt === 1 ? changed : void 0),
    message: (current) => renderCommitMessage(inputs.commitMessage, current, context.run)
  });
  const { changes, superseded, commitSha, pushed } = landed;
  return { ...outcome, changes, superseded, commitSha, pushed };
}
function requirePullRequestEnvironment(environment) {
  if (environment) return environment;
  throw new InputError(
    "landing",
    "set-image lands through a pull request only into an environment of the promotion config (its branch and PR are per environment); set the environment input."
  );
}
async function applyEdits(work, snapshot, firstPlan) {
  const { inputs } = work;
  let edits = firstPlan ?? await planSetImage(work, snapshot.root, inputs.images, resolveOverlays(snapshot.root, work.overlayPaths));
  const superseded = [];
  if (!firstPlan && !inputs.allowDowngrade) {
    edits = await Promise.all(
      edits.map(async (edit) => {
        const lower = edit.changes.filter((change) => entryDowngrade(change, edit.entries));
        if (lower.length === 0) return edit;
        superseded.push(...overlayChanges([{ ...edit, changes: lower }]));
        const skip = new Set(lower.map((change) => change.name));
        const rest = inputs.images.filter((argument) => !skip.has(argument.name));
        if (!edit.pins) return planFileEdit(edit.overlay, edit.original, rest);
        const [replanned] = await planPinEdits(
          snapshot.root,
          edit.pins.map(({ pin }) => pin),
          rest
        );
        return replanned;
      })
    );
  }
  const changed = edits.filter((edit) => edit.changes.length > 0);
  await checkEdits(snapshot.root, changed, work.checks);
  return { files: changed.map((edit) => ({ path: edit.overlay.file, content: edit.text })), changes: overlayChanges(changed), superseded };
}
async function planSetImage(work, root, images, overlays) {
  const pinEdits = await planPinEdits(root, work.pins, images);
  const held = namesHeldByPins(pinEdits, images);
  const edits = planEdits(overlays, images);
  if (overlays.length === 0) refuseUnheld(images, held, pinEdits);
  const overlayEdits = work.inputs.verifyRender && overlays.length > 0 ? await (await import("./unused-entries-ZZ4OK6IC.js")).keepOnlyUsedNewEntries(edits, images, held) : edits;
  return [...overlayEdits, ...pinEdits];
}
function refuseUnheld(images, held, pinEdits) {
  const nowhere = images.filter((image) => !held.has(image.name));
  if (nowhere.length === 0) return;
  const where = pinEdits.map((edit) => edit.overlay.path).join("; ");
  throw new InputError(
    "images",
    `${nowhere.map((image) => `'${image.source}'`).join(", ")} matches no image of the pins (${where}); name the image as the app's images list it, or the repository the file holds.`
  );
}
function overlayChanges(edits) {
  return edits.flatMap((edit) => edit.changes.map((change) => toOverlayChange(edit.overlay.path, edit.overlay.file, change)));
}
export {
  runSetImage
};
