import { createRequire as __gitopsPromoteRequire } from 'node:module';
const require = __gitopsPromoteRequire(import.meta.url);
import {
  checkEdits,
  closeEmptyPromotion,
  landCommit,
  landPromotionPullRequest,
  planFileEdit,
  promotionBodyFor,
  promotionBranchName,
  promotionCommitMessage,
  promotionMarker,
  promotionTitle,
  redactSecrets,
  showDiffs,
  unifiedDiff
} from "./chunk-UHLYO3RE.js";
import {
  withPolicy
} from "./chunk-PSVKGEC3.js";
import {
  parseKustomization,
  withGitHubDiagnosis
} from "./chunk-AHHBC6QQ.js";
import {
  collectRenderedImages,
  findRenderer,
  renderOverlay,
  resolveEnvironmentOverlays
} from "./chunk-DJUGTKEB.js";
import {
  settingsFor
} from "./chunk-VAK3YKLZ.js";
import "./chunk-67GET7MB.js";
import {
  isFirstMention
} from "./chunk-6PG4I2TJ.js";
import {
  renderCommitMessage
} from "./chunk-F5Q5JQPA.js";
import {
  toOverlayChange
} from "./chunk-HFFNHH4P.js";
import "./chunk-JD54SNLE.js";
import {
  formatImageReference,
  isImageMatched
} from "./chunk-VN7I4G2T.js";
import "./chunk-2LG6PE6H.js";
import "./chunk-5F2GK5IQ.js";
import "./chunk-EGBC2XVV.js";
import {
  mapWithLimit,
  openConfigRepo,
  requirePromotionConfig
} from "./chunk-LEXSCJCZ.js";
import {
  describeRefusal
} from "./chunk-W4H2XYZO.js";
import "./chunk-DYOLF7OW.js";
import "./chunk-JMTLMK35.js";
import "./chunk-ZHINN24W.js";
import {
  InputError,
  UserError
} from "./chunk-EVMGEMOW.js";
import {
  info,
  notice,
  warning
} from "./chunk-IFQTFODU.js";
import "./chunk-NKRLB5FG.js";

// src/promote/plan-promotion.ts
import { readFile } from "node:fs/promises";

// src/promote/unrendered-entries.ts
import { availableParallelism } from "node:os";
async function dropUnrenderedNewEntries(apps) {
  const renderer = await findRenderer();
  if (!renderer) return [...apps];
  return Promise.all(
    apps.map(async (app) => {
      const skipped = [];
      const edits = await mapWithLimit(app.edits, availableParallelism(), async (edit) => {
        const added = edit.changes.filter((change) => change.before === null);
        if (added.length === 0 || edit.isComponent) return edit;
        const render = await renderOverlay(renderer, edit.overlay.absolutePath);
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
  const known = new Set(source.map((group) => group.app).filter((app) => target.some((other) => other.app === app)));
  const unknown = wanted.filter((app) => !known.has(app));
  if (unknown.length > 0) {
    const names = [...known].filter(Boolean);
    throw new InputError(
      "apps",
      `${unknown.map((app) => `'${app}'`).join(", ")} matches no app of both environments; known apps: ${names.length > 0 ? names.join(", ") : "none (the overlays have no {app} placeholder)"}.`
    );
  }
  return source.flatMap((group) => {
    const other = target.find((candidate) => candidate.app === group.app);
    return other && (wanted.length === 0 || wanted.includes(group.app)) ? [{ app: group.app, source: group.overlays, target: other.overlays }] : [];
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
      const sources = await Promise.all(
        pair.source.map(async (overlay) => ({ overlay, entries: parseKustomization(await readFile(overlay.absoluteFile, "utf8"), overlay.file).entries }))
      );
      const images = sourceImages(pair.app, sources);
      const texts = new Map(await Promise.all(pair.target.map(async (overlay) => [overlay.file, await readFile(overlay.absoluteFile, "utf8")])));
      return planAppPromotion(pair, images, texts);
    })
  );
  return options.renderCheck ? dropUnrenderedNewEntries(planned) : planned;
}

// src/promote/promotion-route.ts
function resolvePromotionRoute(config, from, to) {
  const names = config.environments.map((env) => env.name).join(", ");
  const find = (name, input) => {
    const env = config.environments.find((candidate) => candidate.name === name);
    if (!env) throw new InputError(input, `unknown environment '${name}'; the promotion config declares ${names}.`);
    return env;
  };
  if (from === "" && to === "") throw new InputError("to", "name the environment to promote into (and optionally from), such as to: production.");
  if (to === "") {
    const source2 = find(from, "from");
    const next = config.environments.filter((env) => env.from === source2.name);
    if (next.length !== 1) {
      throw new InputError(
        "to",
        `'${from}' is followed by ${next.length === 0 ? "no environment" : next.map((env) => env.name).join(" and ")}; name the environment to promote into.`
      );
    }
    return { source: source2, target: next[0] };
  }
  const target = find(to, "to");
  if (from === "") {
    if (target.from === void 0)
      throw new InputError("to", `'${to}' is the first environment of the chain; nothing promotes into it. Name from as well, or use set-image.`);
    return { source: find(target.from, "from"), target };
  }
  const source = find(from, "from");
  if (source.name === target.name) throw new InputError("from", `'${from}' is also the target; from and to must differ.`);
  if (!upstreamOf(config, target).includes(source.name)) {
    const after = upstreamOf(config, source).includes(target.name);
    throw new InputError(
      "from",
      after ? `'${from}' comes after '${to}' in the promotion chain; images move ${chainText(config, target, source)}, so swap from and to.` : `'${from}' is not upstream of '${to}' in the promotion chain (${to} receives from ${upstreamOf(config, target).join(" \u2190 ") || "nothing"}).`
    );
  }
  return { source, target };
}
function upstreamOf(config, env) {
  const chain = [];
  for (let name = env.from; name !== void 0 && !chain.includes(name); ) {
    chain.push(name);
    name = config.environments.find((candidate) => candidate.name === name)?.from;
  }
  return chain;
}
function chainText(config, first, last) {
  return [
    ...upstreamOf(config, last).slice(0, upstreamOf(config, last).indexOf(first.name) + 1).reverse(),
    last.name
  ].join(" \u2192 ");
}

// src/promote/rendered-diff.ts
import { availableParallelism as availableParallelism2 } from "node:os";
import { writeFile } from "node:fs/promises";
async function renderedDiff(edits) {
  const renderer = await findRenderer();
  if (!renderer) return void 0;
  const changed = edits.filter((edit) => edit.changes.length > 0 && !edit.isComponent);
  const before = await mapWithLimit(changed, availableParallelism2(), (edit) => renderOverlay(renderer, edit.overlay.absolutePath));
  await Promise.all(changed.map((edit) => writeFile(edit.overlay.absoluteFile, edit.text)));
  try {
    const after = await mapWithLimit(changed, availableParallelism2(), (edit) => renderOverlay(renderer, edit.overlay.absolutePath));
    const files = changed.map((edit, index) => ({
      file: `${edit.overlay.path}.rendered.yaml`,
      before: textOf(before[index]),
      after: textOf(after[index])
    }));
    return await unifiedDiff(files);
  } finally {
    await Promise.all(changed.map((edit) => writeFile(edit.overlay.absoluteFile, edit.original)));
  }
}
function textOf(result) {
  return result.ok ? redactSecrets(result.yaml) : `# kustomize build failed: ${result.error.split("\n")[0]}
`;
}

// src/promote/run-promotion.ts
async function runPromotion(inputs, context) {
  return withGitHubDiagnosis(context.github, { mode: "write" }, async () => {
    const opened = await openConfigRepo(inputs.location, {
      branch: inputs.branch,
      push: true,
      github: context.github,
      configFile: context.configFile,
      environmentBranch: (config) => config ? resolvePromotionRoute(config, inputs.from, inputs.to).target.branch : void 0
    });
    try {
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
    } finally {
      await opened.repo.dispose();
    }
  });
}
async function promoteIn(work, snapshot) {
  const { inputs, route, context } = work;
  const { landing } = work.settings;
  const apps = await plan(work, snapshot);
  const changes = promotedChanges(apps);
  const key = { from: route.source.name, to: route.target.name, apps: inputs.apps };
  const outcome = { from: key.from, to: key.to, landing, changes, commitSha: "", refusals: [], dryRun: inputs.dryRun };
  if (changes.length === 0) {
    info(`${key.to} already runs what ${key.from} runs; nothing to promote.`);
    if (landing === "pull-request" && !inputs.dryRun) {
      const reason = `Nothing left to promote: ${key.to} already runs what ${key.from} runs (as of ${snapshot.commit.slice(0, 7)} on ${work.branch}). Closing this pull request.`;
      outcome.closed = await closeEmptyPromotion(await context.github.connect(), promotionBranchName(key), promotionMarker(key), reason);
    }
    return outcome;
  }
  const edits = changedEdits(apps);
  if (inputs.dryRun) {
    await showDiffs(edits);
    return outcome;
  }
  if (landing === "commit") {
    const landed2 = await landCommit({
      repo: work.repo,
      snapshot,
      target: { branch: work.branch, mode: "fast-forward" },
      author: inputs.author,
      apply: async (current, attempt) => {
        const planned = attempt === 1 ? apps : await plan(work, current);
        const changed = changedEdits(planned);
        await checkEdits(current.root, changed, work.checks, "Validating the promoted overlays");
        return { files: changed.map((edit) => ({ path: edit.overlay.file, content: edit.text })), changes: promotedChanges(planned), superseded: [] };
      },
      message: (current) => commitMessage(work, key, current)
    });
    return { ...outcome, changes: landed2.changes, commitSha: landed2.commitSha };
  }
  const github = await context.github.connect();
  const diff = await renderedDiff(edits);
  const verified = await checkEdits(snapshot.root, edits, work.checks, "Validating the promoted overlays");
  const promotedApps = apps.filter((app) => app.edits.some((edit) => edit.changes.length > 0)).map((app) => app.app);
  const title = promotionTitle(route.target.pullRequest.titleTemplate, {
    from: key.from,
    to: key.to,
    apps: promotedApps,
    images: [...new Set(changes.map((change) => change.new))]
  });
  const body = promotionBodyFor({
    apps,
    key,
    snapshot,
    branch: work.branch,
    github,
    target: route.target,
    verified,
    renderedDiff: diff,
    sourceRepositories: inputs.sourceRepositories,
    run: context.run
  });
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
  return {
    ...outcome,
    commitSha: landed.commitSha,
    pullRequest: { number: landed.pull.number, url: landed.pull.url, created: landed.created, moved: landed.moved },
    refusals: landed.refusals
  };
}
function plan(work, snapshot) {
  return planPromotion(snapshot.root, work.config, work.route, { apps: work.inputs.apps, renderCheck: work.inputs.verifyRender });
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
  runPromotion
};
