const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  describeOverridingEntry,
  describeRenamedIntoNoOp,
  describeRenderedDowngrades,
  entryDowngrade,
  findOverridingEntry,
  findRenamedInto,
  refusedWhenNoOp,
  renderedDowngrades
} from "./chunk-HMRSIU4K.js";
import "./chunk-IWNANG2Q.js";
import {
  warningOnce
} from "./chunk-7ASTRFFL.js";
import {
  info
} from "./chunk-NZZWJ5E7.js";
import {
  describeExpected,
  expectedImageOf,
  rendersExpectedImage,
  suggestArgument
} from "./chunk-4AULBFMW.js";
import {
  RenderCache
} from "./chunk-OERJUKZP.js";
import {
  pairKey,
  parseKustomization
} from "./chunk-JBFM3YNM.js";
import "./chunk-6OONQOCK.js";
import {
  mayMatchSameImage,
  splitImageReference
} from "./chunk-TTI4HSH7.js";
import {
  InputError,
  UserError
} from "./chunk-KBKTDO2V.js";
import {
  collectImageSites,
  findRenderer,
  renderOverlay
} from "./chunk-DUL2W4ZY.js";
import "./chunk-U6SD63CJ.js";
import {
  mapWithLimit
} from "./chunk-QBU2F7BR.js";
import "./chunk-54KBGAUC.js";
import "./chunk-2QGGJF6Q.js";

// src/kustomize/verify-render.ts
import { writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";

// src/kustomize/render-comparison.ts
function compareRenders(before, after) {
  const earlier = new Map(before.map((site) => [siteKey(site), site.reference]));
  const moves = [];
  for (const site of after) {
    const from = earlier.get(siteKey(site));
    if (from !== void 0 && from !== site.reference) moves.push({ resource: site.resource, field: site.field, from, to: site.reference });
  }
  return moves;
}
function siteKey(site) {
  return `${site.resource}\0${site.field}`;
}

// src/kustomize/render-before-needed.ts
var AFTER_IMAGES = /* @__PURE__ */ new Set(["replacements", "transformers"]);
var MODELLED_KEYS = /* @__PURE__ */ new Set(["name", "newname", "newtag", "digest"]);
var TAG = /^[\w][\w.-]{0,127}$/;
var DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
function whyRenderBefore(original, file, changes) {
  const { root, entries } = parseKustomization(original, file);
  if (root?.items.some((pair) => AFTER_IMAGES.has(pairKey(pair).toLowerCase()))) return "replacements or transformers run after images";
  for (const change of changes) {
    const reason = whyRenderBeforeChange(change, entries, changes);
    if (reason) return reason;
  }
  return void 0;
}
function whyRenderBeforeChange(change, entries, changes) {
  const { before, after } = change;
  if (!before) return "adds an entry";
  if (!setsTagOrDigest(before) || !setsTagOrDigest(after)) return "sets neither a tag nor a digest";
  const own = entries.findIndex((entry) => entry.name === change.name);
  if (own < 0) return "adds an entry";
  if (!entries[own].node.items.every((pair) => MODELLED_KEYS.has(pairKey(pair).toLowerCase()))) return "has a field the edit does not model";
  if (!splitsBack(before) || !splitsBack(after)) return "has a value that does not split back";
  const produced = [.../* @__PURE__ */ new Set([before.newName || change.name, after.newName || change.name])];
  for (const [index, other] of entries.entries()) {
    if (index === own) continue;
    const edited = changes.find((candidate) => candidate.name === other.name)?.after;
    const renamesInto = [other.newName, edited?.newName ?? ""].filter((name) => name !== "");
    if (renamesInto.some((name) => mayMatchSameImage(name, change.name))) return "another entry renames into its name";
    if ([change.name, ...produced].some((name) => mayMatchSameImage(other.name, name))) return "another entry applies to its image";
  }
  return void 0;
}
function setsTagOrDigest(values) {
  return values.newTag !== "" || values.digest !== "";
}
function splitsBack({ newName, newTag, digest }) {
  const name = splitImageReference(newName);
  const nameSplitsBack = newName === "" || name.name === newName && name.tag === "" && name.digest === "";
  return nameSplitsBack && (newTag === "" || TAG.test(newTag)) && (digest === "" || DIGEST.test(digest));
}

// src/kustomize/verify-render.ts
async function verifyRenderedImages(edits, guard, renders = new RenderCache()) {
  const changed = edits.filter((edit) => edit.changes.length > 0);
  if (changed.length === 0) return;
  const renderer = await findRenderer();
  if (!renderer) {
    warningOnce("Render check skipped: neither kustomize nor kubectl is on PATH. Install one, or set verify-render: false.");
    return;
  }
  const rendered = changed.filter((edit) => !edit.isComponent);
  await mapWithLimit(rendered, availableParallelism(), (edit) => renders.render(renderer, edit.overlay.absolutePath));
  const verdicts = await mapWithLimit(changed, availableParallelism(), (edit) => checkOverlay(renderer, renders, edit, guard));
  const failures = verdicts.flatMap((verdict) => verdict.failure ? [verdict.failure] : []);
  if (failures.length > 0) throw new UserError(failures.join(" "));
  const refusals = verdicts.flatMap((verdict) => verdict.refusal ? [verdict.refusal] : []);
  if (refusals.length > 0) throw new InputError("images", refusals.join(" "));
}
async function checkOverlay(renderer, renders, edit, guard) {
  const { overlay } = edit;
  if (edit.isComponent) {
    warningOnce(
      `Render check skipped for ${overlay.path}: it is a kustomize Component, which takes effect only where a Kustomization lists it under components:.`
    );
    return {};
  }
  const after = await renders.render(renderer, overlay.absolutePath);
  let before;
  const renderBefore = async () => before ??= await renderWithText(renderer, edit, edit.original);
  const skipped = (result) => {
    warningOnce(`Render check skipped for ${overlay.path}: it did not render before the edit either (${firstLine(result.error)}).`);
    return {};
  };
  if (!after.ok) {
    const earlier2 = await renderBefore();
    if (!earlier2.ok) return skipped(earlier2);
    return { failure: `${overlay.file}: the edited kustomization no longer renders: ${firstLine(after.error)}` };
  }
  const afterSites = collectImageSites(after.yaml);
  const rendered = [...new Set(afterSites.map((site) => site.reference))].sort();
  const missing = edit.changes.filter((change) => !rendersExpectedImage(rendered, expectedImageOf(change)));
  if (missing.length > 0) {
    const earlier2 = await renderBefore();
    if (!earlier2.ok) return skipped(earlier2);
    return { failure: missing.map((change) => describeMissing(edit, change, rendered)).join(" ") };
  }
  if (!guard) return {};
  const renamedInto = findRenamedInto(edit.changes, edit.entries);
  const noOpCandidates = renamedInto.filter(refusedWhenNoOp);
  if (guard.allowDowngrade && noOpCandidates.length === 0) return {};
  const lowersNoTag = edit.changes.every((change) => !entryDowngrade(change, edit.entries));
  if (noOpCandidates.length === 0 && lowersNoTag && !whyRenderBefore(edit.original, overlay.file, edit.changes)) return {};
  const earlier = await renderBefore();
  if (!earlier.ok) {
    info(`The downgrade check on the render is skipped for ${overlay.path}: it did not render before the edit (${firstLine(earlier.error)}).`);
    return {};
  }
  const moves = compareRenders(collectImageSites(earlier.yaml), afterSites);
  const refusals = [];
  const downgrades = guard.allowDowngrade ? [] : renderedDowngrades(moves);
  if (downgrades.length > 0) refusals.push(describeRenderedDowngrades(overlay.path, downgrades, renamedInto));
  for (const found of noOpCandidates) {
    const name = expectedImageOf(found.change).name;
    const named = (reference) => splitImageReference(reference).name === name;
    if (moves.some((move) => named(move.from) || named(move.to))) continue;
    refusals.push(describeRenamedIntoNoOp(found, overlay.path, rendered.filter(named)));
  }
  return refusals.length > 0 ? { refusal: refusals.join(" ") } : {};
}
function describeMissing(edit, change, rendered) {
  const { overlay } = edit;
  const renders = `The overlay renders: ${rendered.length > 0 ? rendered.join(", ") : "no images"}.`;
  const expected = `${overlay.path}: after setting '${change.argument}', no rendered image is ${describeExpected(expectedImageOf(change))}`;
  const overriding = findOverridingEntry(change, parseKustomization(edit.text, overlay.file).entries);
  if (overriding) return `${expected}. ${describeOverridingEntry(change, overriding)} ${renders}`;
  const hint = suggestArgument(change.name, change.argument, edit.entries);
  return `${expected}; kustomize matches image names exactly (no registry added), so '${change.name}' matched nothing. ${renders}` + (hint ? ` Did you mean '${hint}'?` : "");
}
async function renderWithText(renderer, edit, text) {
  await writeFile(edit.overlay.absoluteFile, text);
  try {
    return await renderOverlay(renderer, edit.overlay.absolutePath);
  } finally {
    await writeFile(edit.overlay.absoluteFile, edit.text);
  }
}
function firstLine(text) {
  return text.split("\n").find((line) => line.trim() !== "")?.trim() ?? text;
}
export {
  verifyRenderedImages
};
