const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  isDowngrade
} from "./chunk-IWNANG2Q.js";
import {
  KEEP
} from "./chunk-6OONQOCK.js";
import {
  applyImageOverride,
  formatImageReference,
  isImageMatched,
  splitImageReference
} from "./chunk-TTI4HSH7.js";

// src/kustomize/renamed-into.ts
function findRenamedInto(changes, entries) {
  const found = [];
  for (const change of changes) {
    const renamerIndex = entries.findIndex((entry) => entry.newName === change.name && entry.name !== change.name);
    if (renamerIndex < 0) continue;
    const renamer = entries[renamerIndex];
    const ownIndex = entries.findIndex((entry) => entry.name === change.name);
    const kind = change.before === null ? "adds-after" : ownIndex > renamerIndex ? "edits-overriding" : "edits-unreached";
    found.push({ change, kind, renamer, meant: meantArgument(change, renamer, kind) });
  }
  return found;
}
function meantArgument(change, renamer, kind) {
  const { newName, newTag, digest } = change.after;
  const keepRest = kind === "adds-after" && !newTag && !digest;
  const tag = newTag || (keepRest && renamer.newTag ? KEEP : "");
  const pin = digest || (keepRest && renamer.digest ? KEEP : "");
  return `${renamer.name}=${formatImageReference({ name: newName || KEEP, tag, digest: pin })}`;
}
function describeRenamedInto(found, where) {
  const { change, renamer, meant } = found;
  const renamerClause = `entry '${renamer.name}' (which renames ${renamer.name} into ${change.name})`;
  switch (found.kind) {
    case "adds-after":
      return `'${change.argument}' is named after ${change.name}, which entry '${renamer.name}' renames ${renamer.name} into in ${where}, so it adds a second entry, '${change.name}', after '${renamer.name}' (as kustomize edit set image does): it overrides '${renamer.name}', and a later '${renamer.name}=\u2026' changes nothing there. You probably meant '${meant}'.`;
    case "edits-overriding":
      return `'${change.argument}' sets entry '${change.name}' in ${where}, which comes after ${renamerClause} and overrides it, so what '${renamer.name}' sets there has no effect; remove one of the two entries so that one entry sets this image.`;
    case "edits-unreached":
      return `'${change.argument}' sets entry '${change.name}' in ${where}, which comes before ${renamerClause}: when it applies the image is still named ${renamer.name}, so it changes nothing. You probably meant '${meant}'.`;
  }
}
function refusedWhenNoOp(found) {
  return found.kind !== "edits-overriding";
}
function describeRenamedIntoNoOp(found, where, renders) {
  const { change, renamer, meant } = found;
  const effect = found.kind === "edits-unreached" ? `it sets entry '${change.name}', which applies before entry '${renamer.name}' renames ${renamer.name} into ${change.name}` : `entry '${renamer.name}' renames ${renamer.name} into ${change.name} and sets it already; the argument would only add an entry '${change.name}' that overrides '${renamer.name}'`;
  const running = renders.length > 0 ? ` (it runs ${renders.join(", ")})` : "";
  return `'${change.argument}' changes nothing that ${where} renders${running}: ${effect}. Write '${meant}' instead.`;
}
function findOverridingEntry(change, entries) {
  const own = entries.findLastIndex((entry) => entry.name === change.name);
  if (own < 0) return void 0;
  const produced = formatImageReference({ name: change.after.newName || change.name, tag: change.after.newTag, digest: change.after.digest });
  for (const entry of entries.slice(own + 1)) {
    if (!isImageMatched(produced, entry.name)) continue;
    const renders = applyImageOverride(produced, entry);
    if (renders !== produced) return { entry, renders };
  }
  return void 0;
}
function describeOverridingEntry(change, overriding) {
  const { entry, renders } = overriding;
  const { newTag, digest } = change.after;
  const through = newTag || digest ? `, or set the image through it with '${entry.name}=${formatImageReference({ name: KEEP, tag: newTag, digest })}'` : "";
  return `Entry '${entry.name}', later in images:, matches what '${change.name}' renders and sets it to ${renders}, so it wins (an earlier set-image given the full image name adds such an entry). Remove that entry${through}.`;
}
function renamedIntoWarnings(edits) {
  const groups = /* @__PURE__ */ new Map();
  for (const edit of edits) {
    for (const found of findRenamedInto(edit.changes, edit.entries)) {
      const key = [found.kind, found.change.argument, found.renamer.name, found.meant].join("\0");
      const group = groups.get(key) ?? { found, overlays: [] };
      group.overlays.push(edit.overlay.path);
      groups.set(key, group);
    }
  }
  return [...groups.values()].map(({ found, overlays }) => describeRenamedInto(found, overlays.join(", ")));
}

// src/kustomize/image-downgrades.ts
function entryDowngrade(change, entries) {
  if (change.before) {
    return isDowngrade(change.before.newTag, change.after.newTag) ? { from: change.before.newTag, to: change.after.newTag } : void 0;
  }
  const over = findRenamedInto([change], entries).find((found) => found.kind === "adds-after");
  if (over && isDowngrade(over.renamer.newTag, change.after.newTag)) return { from: over.renamer.newTag, to: change.after.newTag, over };
  return void 0;
}
function describeEntryDowngrade(change, downgrade, where) {
  const { from, to, over } = downgrade;
  if (!over) return `'${change.argument}' would downgrade ${change.name} in ${where} from ${from} to ${to}; set allow-downgrade: true to allow it.`;
  const renamer = over.renamer.name;
  return `'${change.argument}' would downgrade ${change.name} in ${where} from ${from} to ${to}: entry '${renamer}' renames ${renamer} into ${change.name} with tag ${from}, and the argument adds an entry '${change.name}' after it that overrides it. To set the image through '${renamer}', write '${over.meant}'; set allow-downgrade: true to allow the downgrade.`;
}
function renderedDowngrades(moves) {
  return moves.filter((move) => {
    const from = splitImageReference(move.from);
    const to = splitImageReference(move.to);
    return from.name === to.name && isDowngrade(from.tag, to.tag);
  });
}
function describeRenderedDowngrades(where, downgrades, renamedInto) {
  const byMove = /* @__PURE__ */ new Map();
  for (const move of downgrades) {
    const key = `${move.from} ${move.to}`;
    byMove.set(key, [...byMove.get(key) ?? [], move]);
  }
  return [...byMove.values()].map((moves) => {
    const { from, to } = moves[0];
    const resources = [...new Set(moves.map((move) => move.resource))].join(", ");
    const name = splitImageReference(to).name;
    const over = renamedInto.find((found) => found.kind === "adds-after" && found.change.name === name);
    const cause = over ? ` '${over.change.argument}' adds an entry '${name}' after entry '${over.renamer.name}', which renames ${over.renamer.name} into ${name}, and the new entry wins; to set the image through '${over.renamer.name}', write '${over.meant}'.` : "";
    return `${where} would run ${to} where ${from} runs now (${resources}): a semver downgrade.${cause} Set allow-downgrade: true to allow it.`;
  }).join(" ");
}

export {
  findRenamedInto,
  refusedWhenNoOp,
  describeRenamedIntoNoOp,
  findOverridingEntry,
  describeOverridingEntry,
  renamedIntoWarnings,
  entryDowngrade,
  describeEntryDowngrade,
  renderedDowngrades,
  describeRenderedDowngrades
};
