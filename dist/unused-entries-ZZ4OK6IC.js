const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  planFileEdit
} from "./chunk-QMXU5ZEZ.js";
import {
  isFirstMention
} from "./chunk-7ASTRFFL.js";
import {
  info
} from "./chunk-NZZWJ5E7.js";
import "./chunk-IOLMHO56.js";
import {
  suggestArgument
} from "./chunk-4AULBFMW.js";
import "./chunk-NELHJVCU.js";
import "./chunk-JBFM3YNM.js";
import "./chunk-6OONQOCK.js";
import {
  isImageMatched
} from "./chunk-TTI4HSH7.js";
import {
  UserError
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
import "./chunk-54KBGAUC.js";
import "./chunk-2QGGJF6Q.js";

// src/kustomize/unused-entries.ts
import { availableParallelism } from "node:os";
async function keepOnlyUsedNewEntries(edits, args, usedElsewhere = /* @__PURE__ */ new Set()) {
  const renderer = await findRenderer();
  if (!renderer) return [...edits];
  const used = new Set(usedElsewhere);
  const rendersByOverlay = /* @__PURE__ */ new Map();
  const pruned = await mapWithLimit(edits, availableParallelism(), async (edit) => {
    for (const entry of edit.entries) used.add(entry.name);
    const added = edit.changes.filter((change) => change.before === null);
    if (added.length === 0 || edit.isComponent) return edit;
    const render = await renderOverlay(renderer, edit.overlay.absolutePath);
    if (!render.ok) return edit;
    const images = collectRenderedImages(render.yaml);
    rendersByOverlay.set(edit.overlay.path, images);
    const unused = new Set(added.filter((change) => !images.some((image) => isImageMatched(image, change.name))).map((change) => change.name));
    for (const change of added) if (!unused.has(change.name)) used.add(change.name);
    if (unused.size === 0) return edit;
    const untold = edits.length > 1 ? [...unused].filter((name) => isFirstMention(`unused entry ${edit.overlay.path} ${name}`)) : [];
    if (untold.length > 0) info(`${edit.overlay.path} renders no image named ${untold.join(", ")}; not adding an entry for it there.`);
    return planFileEdit(
      edit.overlay,
      edit.original,
      args.filter((argument) => !unused.has(argument.name))
    );
  });
  const nowhere = args.filter((argument) => !used.has(argument.name));
  if (nowhere.length > 0) throw new UserError(describeUnmatched(nowhere, pruned, rendersByOverlay));
  return pruned;
}
function describeUnmatched(args, edits, renders) {
  const rendered = [...new Set([...renders.values()].flat())].sort();
  const where = edits.length === 1 ? edits[0].overlay.path : `any of ${edits.length} overlays`;
  return args.map((argument) => {
    const suggestion = suggestArgument(
      argument.name,
      argument.source,
      edits.flatMap((edit) => edit.entries)
    );
    const hint = suggestion ? ` Did you mean '${suggestion}'?` : "";
    return `'${argument.source}' matches no image in ${where}: kustomize matches image names exactly (no registry added), so '${argument.name}' would change nothing. Rendered images: ${rendered.length > 0 ? rendered.join(", ") : "none"}.${hint}`;
  }).join(" ");
}
export {
  keepOnlyUsedNewEntries
};
