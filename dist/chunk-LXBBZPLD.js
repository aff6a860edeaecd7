const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  isDowngrade
} from "./chunk-IWNANG2Q.js";
import {
  RenderCache,
  validateOverlays
} from "./chunk-VCWQG7Y2.js";
import {
  applySplices,
  collectImageSites,
  collectRenderedImages,
  columnOf,
  detectLineEnding,
  findRenderer,
  formatScalar,
  isIndex,
  lineEndAfter,
  lineStartOf,
  parseYamlStream,
  pinLabel,
  renderOverlay,
  trimLineBreak,
  tryParseValuesPath
} from "./chunk-4ZFFXSDR.js";
import {
  IMAGE_FIELDS,
  fieldOfKey,
  findFieldPair,
  pairKey,
  parseKustomization
} from "./chunk-4YU4CECX.js";
import {
  KEEP,
  parseImageArgument
} from "./chunk-6OONQOCK.js";
import {
  applyImageOverride,
  formatImageReference,
  isImageMatched,
  mayMatchSameImage,
  splitImageReference
} from "./chunk-TTI4HSH7.js";
import {
  canRun,
  mapWithLimit,
  runProcess
} from "./chunk-G2JO43PJ.js";
import {
  require_dist
} from "./chunk-54KBGAUC.js";
import {
  annotate,
  validationFailure,
  warningOnce,
  writeValidationSummary
} from "./chunk-2LMJVUMU.js";
import {
  endGroup,
  group,
  info,
  startGroup
} from "./chunk-NZZWJ5E7.js";
import {
  DEFAULT_IMAGE_PATHS,
  KUSTOMIZATION_FILE_NAMES
} from "./chunk-OKDCWDB5.js";
import {
  InputError,
  UserError,
  yamlErrorText
} from "./chunk-KBKTDO2V.js";
import {
  __toESM
} from "./chunk-2QGGJF6Q.js";

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
      const group2 = groups.get(key) ?? { found, overlays: [] };
      group2.overlays.push(edit.overlay.path);
      groups.set(key, group2);
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

// src/checks/check-edits.ts
import { writeFile as writeFile6 } from "node:fs/promises";

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

// src/kustomize/render-check.ts
function expectedImageOf(change) {
  return { name: change.after.newName || change.name, tag: change.after.newTag, digest: change.after.digest };
}
function describeExpected(expected) {
  return formatImageReference(expected);
}
function rendersExpectedImage(rendered, expected) {
  return rendered.some((reference) => {
    const actual = splitImageReference(reference);
    if (actual.name !== expected.name) return false;
    if (expected.tag && !(actual.tag === expected.tag || actual.tag.startsWith(expected.tag))) return false;
    if (expected.digest && actual.digest !== expected.digest) return false;
    return true;
  });
}
function suggestArgument(name, source, entries) {
  const owner = entries.find((entry) => entry.newName === name && entry.name !== name);
  if (!owner) return void 0;
  const value = source.includes("=") ? source.slice(source.indexOf("=") + 1) : source;
  return `${owner.name}=${value}`;
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
async function renderWithText(renderer, edit, text2) {
  await writeFile(edit.overlay.absoluteFile, text2);
  try {
    return await renderOverlay(renderer, edit.overlay.absolutePath);
  } finally {
    await writeFile(edit.overlay.absoluteFile, edit.text);
  }
}
function firstLine(text2) {
  return text2.split("\n").find((line) => line.trim() !== "")?.trim() ?? text2;
}

// src/pins/check-pin-effects.ts
import { writeFile as writeFile5 } from "node:fs/promises";
import { join as join12 } from "node:path";

// src/pins/argocd-application-effect.ts
import { readFile as readFile2, writeFile as writeFile3 } from "node:fs/promises";
import { join as join3 } from "node:path";

// src/kustomize/set-image-edit.ts
var import_yaml = __toESM(require_dist(), 1);
function setImagesInKustomization(source, args, file, doc = parseKustomization(source, file)) {
  const eol = detectLineEnding(source);
  const splices = [];
  const changes = [];
  const added = [];
  for (const argument of args) {
    const matches = doc.entries.filter((entry) => entry.name === argument.name);
    if (matches.length === 0) {
      const after = resolveValues(argument, null);
      if (IMAGE_FIELDS.every((field) => after[field] === "")) continue;
      added.push({ name: argument.name, values: after });
      changes.push({ name: argument.name, argument: argument.source, before: null, after, dropped: [] });
      continue;
    }
    for (const entry of matches) {
      const after = resolveValues(argument, entry);
      if (IMAGE_FIELDS.every((field) => after[field] === entry[field])) continue;
      splices.push(...editEntry(doc, entry, after, eol));
      const dropped = IMAGE_FIELDS.filter((field) => entry[field] !== "" && after[field] === "");
      changes.push({ name: argument.name, argument: argument.source, before: pickValues(entry), after, dropped });
    }
  }
  added.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  if (added.length > 0) splices.push(...addEntries(doc, added, eol));
  return { text: splices.length > 0 ? keepFinalNewline(source, applySplices(source, splices), eol) : source, changes };
}
function keepFinalNewline(source, text2, eol) {
  if (source === "" || source.endsWith("\n") || !text2.endsWith("\n")) return text2;
  return text2.slice(0, text2.endsWith(eol) ? -eol.length : -1);
}
function pickValues(values) {
  return { newName: values.newName, newTag: values.newTag, digest: values.digest };
}
function resolveValues(argument, entry) {
  const resolve = (field) => argument[field] === KEEP ? entry?.[field] ?? "" : argument[field];
  return { newName: resolve("newName"), newTag: resolve("newTag"), digest: resolve("digest") };
}
var ALPHABETICAL = ["digest", "name", "newName", "newTag"];
var NAME_FIRST = ["name", "newName", "newTag", "digest"];
function fieldOrderOf(doc) {
  const firstKeys = doc.entries.map((entry) => fieldOfKey(pairKey(entry.node.items[0])));
  return firstKeys.length > 0 && firstKeys.every((key) => key === "name") ? NAME_FIRST : ALPHABETICAL;
}
function editEntry(doc, entry, after, eol) {
  if (entry.node.flow) return [rewriteFlowEntry(doc, entry, after)];
  const { source } = doc;
  const splices = [];
  const order = fieldOrderOf(doc);
  const pairs = entry.node.items;
  const keyColumn = columnOf(source, keyStart(pairs[0]));
  for (const field of IMAGE_FIELDS) {
    if (after[field] === entry[field]) continue;
    const pair = findFieldPair(entry.node, field);
    if (pair && after[field] !== "") {
      splices.push(replaceValue(source, pair, after[field]));
    } else if (pair) {
      splices.push(removePair(source, pairs, pair));
    } else {
      const line = `${field}: ${formatScalar(after[field], "PLAIN")}`;
      splices.push(insertPair(source, entry.node, field, line, order, keyColumn, after, eol));
    }
  }
  return splices;
}
function parsedRange(node) {
  if (!node.range) throw new Error("internal: a parsed YAML node has no source range");
  return node.range;
}
function keyStart(pair) {
  return pair.key.range[0];
}
function valueEnd(source, pair) {
  const value = pair.value;
  return trimLineBreak(source, value?.range ? value.range[1] : pair.key.range[1]);
}
function replaceValue(source, pair, value) {
  const node = pair.value;
  if ((0, import_yaml.isScalar)(node) && node.range && node.range[1] > node.range[0]) {
    const style = ["QUOTE_DOUBLE", "QUOTE_SINGLE"].includes(node.type ?? "") ? node.type : "PLAIN";
    return { start: node.range[0], end: trimLineBreak(source, node.range[1]), text: formatScalar(value, style) };
  }
  const colon = source.indexOf(":", pair.key.range[1]);
  return { start: colon + 1, end: colon + 1, text: ` ${formatScalar(value, "PLAIN")}` };
}
function removePair(source, pairs, pair) {
  const index = pairs.indexOf(pair);
  const next = pairs.at(index + 1);
  if (index === 0 && next) {
    return { start: keyStart(pair), end: keyStart(next), text: "" };
  }
  return { start: lineStartOf(source, keyStart(pair)), end: lineEndAfter(source, valueEnd(source, pair)), text: "" };
}
function insertPair(source, entry, field, line, order, keyColumn, after, eol) {
  const pairs = entry.items;
  const rank = order.indexOf(field);
  const staying = pairs.filter((pair) => {
    const key = fieldOfKey(pairKey(pair));
    return key === "name" || key === void 0 || after[key] !== "";
  });
  const anchor = [...staying].reverse().find((pair) => {
    const key = fieldOfKey(pairKey(pair));
    return key !== void 0 && order.indexOf(key) < rank;
  });
  if (anchor) {
    const at = lineEndAfter(source, valueEnd(source, anchor));
    const lead = at === source.length && !source.endsWith("\n") ? eol : "";
    return { start: at, end: at, text: `${lead}${" ".repeat(keyColumn)}${line}${lead ? "" : eol}` };
  }
  const first = keyStart(pairs[0]);
  return { start: first, end: first, text: `${line}${eol}${" ".repeat(keyColumn)}` };
}
function rewriteFlowEntry(doc, entry, after) {
  const { source } = doc;
  const order = fieldOrderOf(doc);
  const parts = [];
  for (const pair of entry.node.items) {
    const field = fieldOfKey(pairKey(pair));
    const text2 = source.slice(keyStart(pair), valueEnd(source, pair));
    if (field === void 0 || field === "name" || after[field] === entry[field]) {
      parts.push({ field, text: text2 });
    } else if (after[field] !== "") {
      const value = replaceValue(source, pair, after[field]);
      parts.push({ field, text: source.slice(keyStart(pair), value.start) + value.text });
    }
  }
  for (const field of IMAGE_FIELDS) {
    if (after[field] === "" || findFieldPair(entry.node, field)) continue;
    const rank = order.indexOf(field);
    const before = parts.findLastIndex((part) => part.field !== void 0 && order.indexOf(part.field) < rank);
    parts.splice(before + 1, 0, { field, text: `${field}: ${formatScalar(after[field], "PLAIN")}` });
  }
  const range = parsedRange(entry.node);
  const padded = source[range[0] + 1] === " ";
  const inner = parts.map((part) => part.text).join(", ");
  return { start: range[0], end: range[1], text: padded ? `{ ${inner} }` : `{${inner}}` };
}
function entryLines(name, values, order) {
  const all = { name, ...values };
  return order.filter((field) => all[field] !== "").map((field) => `${field}: ${formatScalar(all[field], "PLAIN")}`);
}
function addEntries(doc, added, eol) {
  const { source } = doc;
  const order = fieldOrderOf(doc);
  const images = doc.images;
  const flowEntries = added.map(({ name, values }) => `{${entryLines(name, values, order).join(", ")}}`);
  if (images && images.flow) {
    const last2 = images.items.at(-1);
    if (last2?.range) return [{ start: last2.range[1], end: last2.range[1], text: `, ${flowEntries.join(", ")}` }];
    const close = source.lastIndexOf("]", parsedRange(images)[1]);
    return [{ start: close, end: close, text: flowEntries.join(", ") }];
  }
  if (!doc.imagesPair && doc.root?.flow) {
    const last2 = doc.root.items.at(-1);
    const at2 = last2 ? valueEnd(source, last2) : source.lastIndexOf("}", parsedRange(doc.root)[1]);
    return [{ start: at2, end: at2, text: `${last2 ? ", " : ""}images: [${flowEntries.join(", ")}]` }];
  }
  const splices = [];
  let dashColumn;
  let keyColumn;
  let at;
  let header = "";
  if (images && images.items.length > 0) {
    const firstKey = keyStart(images.items[0].items[0]);
    dashColumn = columnOf(source, source.lastIndexOf("-", firstKey));
    keyColumn = columnOf(source, firstKey);
    const lastEntry = images.items.at(-1);
    at = lineEndAfter(source, valueEnd(source, lastEntry.items.at(-1)));
  } else {
    const base = doc.imagesPair ? columnOf(source, keyStart(doc.imagesPair)) : 0;
    dashColumn = base + sequenceIndent(doc);
    keyColumn = dashColumn + 2;
    if (doc.imagesPair) {
      const keyEnd = doc.imagesPair.key.range[1];
      at = lineEndAfter(source, keyEnd);
      const nullValue = doc.imagesPair.value;
      if (nullValue?.range && nullValue.range[1] > nullValue.range[0]) {
        const colon = source.indexOf(":", keyEnd);
        splices.push({ start: colon + 1, end: nullValue.range[1], text: "" });
      }
    } else {
      header = `images:${eol}`;
      const last2 = doc.root?.items.at(-1);
      at = last2 ? lineEndAfter(source, valueEnd(source, last2)) : source.length;
    }
  }
  const linesOf = (entries) => entries.flatMap(
    ({ name, values }) => entryLines(name, values, order).map(
      (line, index) => index === 0 ? `${" ".repeat(dashColumn)}-${" ".repeat(keyColumn - dashColumn - 1)}${line}` : `${" ".repeat(keyColumn)}${line}`
    )
  );
  const { before, last } = sortedInsertionPoints(doc, added);
  for (const [position, entries] of before) splices.push({ start: position, end: position, text: linesOf(entries).join(eol) + eol });
  if (last.length === 0) return splices;
  const atEndWithoutNewline = at === source.length && source.length > 0 && !source.endsWith("\n");
  const body = header + linesOf(last).join(eol);
  splices.push(atEndWithoutNewline ? { start: at, end: at, text: eol + body } : { start: at, end: at, text: body + eol });
  return splices;
}
function sortedInsertionPoints(doc, added) {
  const names = doc.entries.map((entry) => entry.name);
  const before = /* @__PURE__ */ new Map();
  const sorted = names.length > 0 && names.every((name, index) => index === 0 || names[index - 1] <= name);
  if (!sorted || !doc.images || doc.images.flow) return { before, last: added };
  const last = [];
  for (const entry of added) {
    const next = names.findIndex((name) => name > entry.name);
    const renamedInto = doc.entries.some((existing) => existing.newName === entry.name);
    if (next < 0 || renamedInto) {
      last.push(entry);
      continue;
    }
    const position = entryBlockStart(doc.source, doc.images.items[next]);
    before.set(position, [...before.get(position) ?? [], entry]);
  }
  return { before, last };
}
function entryBlockStart(source, entry) {
  let start = lineStartOf(source, source.lastIndexOf("-", keyStart(entry.items[0])));
  while (start > 0) {
    const previous = lineStartOf(source, start - 1);
    if (!/^[ \t]*#/.test(source.slice(previous, start))) break;
    start = previous;
  }
  return start;
}
function sequenceIndent(doc) {
  const { source } = doc;
  for (const pair of doc.root?.items ?? []) {
    const value = pair.value;
    if (!value?.items || value.flow || value.items.length === 0 || !value.range) continue;
    const dash = source.lastIndexOf("-", value.items[0].range?.[0] ?? value.range[0]);
    return Math.max(0, columnOf(source, dash) - columnOf(source, keyStart(pair)));
  }
  return 0;
}

// src/pins/effect-yaml.ts
var import_yaml2 = __toESM(require_dist(), 1);
function valuesPathSteps(path) {
  const segments = tryParseValuesPath(path);
  return segments ? segments.map((segment) => isIndex(segment) ? segment.index : segment.key) : [path];
}
function valueAtPath(root, path) {
  let node = root;
  for (const step of typeof path === "string" ? valuesPathSteps(path) : path) {
    if (typeof step === "number") node = Array.isArray(node) ? node[step] : void 0;
    else node = isRecord(node) ? node[step] : void 0;
    if (node === void 0) return void 0;
  }
  return node;
}
function scalarText(value) {
  if (value === null || value === void 0) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  return void 0;
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function readDocuments(text2, file) {
  const values = [];
  for (const document of (0, import_yaml2.parseAllDocuments)(text2)) {
    if (!("contents" in document)) continue;
    if (document.errors.length > 0) throw new UserError(`${file} is not valid YAML: ${yamlErrorText(document.errors[0])}.`);
    const value = document.toJS({ maxAliasCount: 100 });
    if (value !== null && value !== void 0) values.push(value);
  }
  return values;
}
function resourceIdOf(value) {
  if (!isRecord(value) || typeof value.kind !== "string") return void 0;
  const metadata = isRecord(value.metadata) ? value.metadata : {};
  return {
    kind: value.kind,
    name: typeof metadata.name === "string" ? metadata.name : "",
    namespace: typeof metadata.namespace === "string" ? metadata.namespace : ""
  };
}
function describeResource(id) {
  return [id.kind, id.namespace, id.name].filter((part) => part !== "").join("/");
}
function findRenderedResource(rendered, wanted) {
  const ofKind = rendered.filter((value) => resourceIdOf(value)?.kind === wanted.kind);
  const named = ofKind.filter((value) => resourceIdOf(value)?.name === wanted.name);
  const candidates = named.length > 0 ? named : ofKind.filter((value) => wanted.name !== "" && (resourceIdOf(value)?.name ?? "").includes(wanted.name));
  return candidates.find((value) => resourceIdOf(value)?.namespace === wanted.namespace) ?? (candidates.length === 1 ? candidates[0] : void 0);
}

// src/pins/argocd-sources.ts
function isArgoApplication(value) {
  return isRecord(value) && value.kind === "Application" && typeof value.apiVersion === "string" && value.apiVersion.startsWith("argoproj.io/");
}
function readApplications(text2, file) {
  return readDocuments(text2, file).filter(isArgoApplication).map((value) => applicationOf(value, file));
}
function applicationOf(value, file) {
  const metadata = isRecord(value.metadata) ? value.metadata : {};
  const spec = isRecord(value.spec) ? value.spec : {};
  const destination = isRecord(spec.destination) ? spec.destination : {};
  const name = text(metadata.name);
  const sources = [];
  if (isRecord(spec.source)) sources.push(sourceOf(spec.source, "spec.source", name, file));
  if (Array.isArray(spec.sources)) {
    spec.sources.forEach((source, index) => {
      if (isRecord(source)) sources.push(sourceOf(source, `spec.sources[${index}]`, name, file));
    });
  }
  return { name, namespace: text(metadata.namespace), destinationNamespace: text(destination.namespace), sources };
}
function sourceOf(source, location, applicationName, file) {
  const kustomize = isRecord(source.kustomize) ? source.kustomize : {};
  const images = Array.isArray(kustomize.images) ? kustomize.images.map(text).filter((image) => image !== "") : [];
  return {
    location,
    repoURL: text(source.repoURL),
    path: text(source.path),
    chart: text(source.chart),
    ref: text(source.ref),
    kustomizeImages: images,
    kustomizeImageAffecting: ["patches", "components"].filter((option) => Array.isArray(kustomize[option]) && kustomize[option].length > 0),
    helm: isRecord(source.helm) ? helmOf(source.helm, applicationName, `${file} (${location}.helm.values)`) : null
  };
}
function helmOf(helm, applicationName, valuesWhere) {
  const parameters = Array.isArray(helm.parameters) ? helm.parameters.filter(isRecord) : [];
  let values = helm.valuesObject;
  if (!isRecord(values) && typeof helm.values === "string" && helm.values.trim() !== "") {
    values = readDocuments(helm.values, valuesWhere)[0];
  } else if (!isRecord(values) && isRecord(helm.values)) {
    values = helm.values;
  }
  return {
    // Argo CD names the release after the Application unless releaseName says otherwise.
    releaseName: text(helm.releaseName) || applicationName,
    valueFiles: Array.isArray(helm.valueFiles) ? helm.valueFiles.map(text).filter((file) => file !== "") : [],
    values: isRecord(values) ? values : void 0,
    parameters: parameters.map((parameter) => ({ name: text(parameter.name), value: text(parameter.value), forceString: parameter.forceString === true })),
    ignoreMissingValueFiles: helm.ignoreMissingValueFiles === true
  };
}
function text(value) {
  return scalarText(value) ?? "";
}

// src/pins/effect-messages.ts
function notInEffect(pin, expected, instead) {
  return `${pinLabel(pin)}: ${describeExpected(expected)} does not take effect: ${instead}.`;
}
function describeRenderedImages(where, rendered, expected) {
  const same = rendered.filter((reference) => splitImageReference(reference).name === expected.name);
  if (same.length > 0) return `${where} renders ${same.join(", ")}`;
  if (rendered.length === 0) return `${where} renders no images`;
  return `${where} renders no ${expected.name} image (it renders ${rendered.join(", ")})`;
}
function firstLine2(text2) {
  return text2.split("\n").find((line) => line.trim() !== "")?.trim() ?? text2;
}
function joinFailures(failures) {
  return failures.length > 0 ? failures.join(" ") : void 0;
}

// src/pins/failed-render.ts
import { writeFile as writeFile2 } from "node:fs/promises";
import { join } from "node:path";
async function judgeFailedRender(context, edit, after, render, what, verified) {
  const file = join(context.root, edit.pin.file);
  const before = await context.slots.alone(async () => {
    await writeFile2(file, edit.original);
    try {
      return await render();
    } finally {
      await writeFile2(file, edit.text);
    }
  });
  if (!before.ok) {
    return {
      verified: "not-verifiable",
      details: `${what} does not render, with or without the edit.`,
      warnings: [`${pinLabel(edit.pin)}: ${what} did not render before the edit either (${firstLine2(before.error)}), so the edit's effect is not checked.`]
    };
  }
  return { verified, details: "", failure: `${pinLabel(edit.pin)}: ${what} no longer renders after the edit: ${firstLine2(after.error)}.` };
}

// src/pins/repo-files.ts
import { readFile, stat } from "node:fs/promises";
import { dirname, isAbsolute, join as join2, posix, relative } from "node:path";
function insideRepo(root, path) {
  const absolute = join2(root, path);
  const back = relative(root, absolute);
  return back.startsWith("..") || isAbsolute(back) ? null : absolute;
}
function repoPath(root, absolute) {
  return relative(root, absolute).split("\\").join("/") || ".";
}
async function isFolder(path) {
  return (await stat(path).catch(() => null))?.isDirectory() ?? false;
}
async function isFile(path) {
  return (await stat(path).catch(() => null))?.isFile() ?? false;
}
async function kustomizationFileIn(folder) {
  for (const name of KUSTOMIZATION_FILE_NAMES) if (await isFile(join2(folder, name))) return join2(folder, name);
  return null;
}
function listsResource(kustomizationText, kustomizationFile, fileName) {
  const root = readDocuments(kustomizationText, kustomizationFile)[0];
  const resources = isRecord(root) && Array.isArray(root.resources) ? root.resources : [];
  return resources.some((entry) => typeof entry === "string" && posix.normalize(entry) === fileName);
}
async function chartFolderAbove(root, file) {
  let folder = dirname(join2(root, file));
  for (; ; ) {
    if (await isFile(join2(folder, "Chart.yaml"))) return folder;
    if (relative(root, folder) === "" || relative(root, folder).startsWith("..")) return null;
    folder = dirname(folder);
  }
}
async function isChartFolder(folder) {
  return isFile(join2(folder, "Chart.yaml"));
}
async function chartDefaults(chartFolder, root) {
  const file = join2(chartFolder, "values.yaml");
  const text2 = await readFile(file, "utf8").catch(() => "");
  return readDocuments(text2, repoPath(root, file))[0] ?? {};
}

// src/pins/argocd-application-effect.ts
async function checkArgoKustomizeImages(context, edit) {
  const parts = [];
  const covered = /* @__PURE__ */ new Set();
  for (const application of readApplications(edit.text, edit.pin.file)) {
    for (const source of application.sources) {
      const names = new Set(source.kustomizeImages.map((image) => argumentNameOf(image)));
      const changes = edit.changes.filter((change) => names.has(change.name));
      if (changes.length === 0) continue;
      changes.forEach((change) => covered.add(change));
      parts.push(await checkSource(context, edit, application, source, changes));
    }
  }
  const strays = edit.changes.filter((change) => !covered.has(change));
  if (strays.length > 0) {
    const images = strays.map((change) => describeExpected(expectedImageOf(change))).join(", ");
    parts.push({
      verified: "structural",
      details: "",
      failure: `${pinLabel(edit.pin)}: no source of the edited Application holds kustomize images for ${images}.`
    });
  }
  return parts;
}
async function checkSource(context, edit, application, source, changes) {
  const label = pinLabel(edit.pin);
  const where = `${application.name} ${source.location}`;
  if (source.chart) {
    return notVerifiable(
      label,
      `${where} is the chart ${source.chart} of ${source.repoURL}, not a kustomization of this repository; its kustomize images are not checked.`
    );
  }
  const folder = source.path ? insideRepo(context.root, source.path) : null;
  if (!folder || !await isFolder(folder)) {
    return notVerifiable(
      label,
      `${where} renders '${source.path}' of ${source.repoURL || "its repository"}, which is not a folder of this repository (another repository's source?); its kustomize images are not checked.`
    );
  }
  const kustomization = await kustomizationFileIn(folder);
  if (!kustomization) {
    return {
      verified: "render",
      details: "",
      failure: `${label}: ${where} sets kustomize images, but ${source.path} has no kustomization file: Argo CD cannot apply them (kustomize edit set image needs one).`
    };
  }
  if (!context.renderer) return notVerifiable(label, `neither kustomize nor kubectl is on PATH, so ${source.path} is not rendered with ${where}'s images.`);
  if (source.kustomizeImages.some((image) => image.includes("$"))) {
    return notVerifiable(
      label,
      `${where}'s kustomize images use build environment variables ($ARGOCD_APP_\u2026), which only Argo CD fills in; they are not checked.`
    );
  }
  const unparsed = source.kustomizeImages.find((image) => argumentNameOf(image) === "");
  if (unparsed !== void 0) {
    return {
      verified: "render",
      details: "",
      failure: `${label}: ${where}.kustomize.images: '${unparsed}' is not an argument kustomize edit set image takes.`
    };
  }
  const renderer = context.renderer;
  const render = async () => {
    const now = readApplications(await readFile2(join3(context.root, edit.pin.file), "utf8"), edit.pin.file);
    const images = now.find((app) => app.name === application.name)?.sources.find((other) => other.location === source.location)?.kustomizeImages ?? [];
    return withImagesApplied(kustomization, repoPath(context.root, kustomization), images.map(toArgument), () => renderOverlay(renderer, folder));
  };
  const result = await context.slots.alone(render);
  const what = `${source.path} with ${where}'s images`;
  if (!result.ok) return judgeFailedRender(context, edit, result, render, what, "render");
  const rendered = collectRenderedImages(result.yaml);
  const failures = changes.map(expectedImageOf).filter((expected) => !rendersExpectedImage(rendered, expected)).map(
    (expected) => notInEffect(edit.pin, expected, describeRenderedImages(what, rendered, expected)) + " kustomize matches image names exactly (no registry added), so an entry whose name is in no manifest of the source changes nothing."
  );
  const warnings = source.kustomizeImageAffecting.map(
    (option) => `${label}: ${where} also sets kustomize ${option}, which the check does not apply; they could change an image too.`
  );
  const shown = changes.map((change) => describeExpected(expectedImageOf(change))).join(", ");
  return {
    verified: "render",
    details: `Rendered ${source.path} after kustomize edit set image with ${where}'s images, as Argo CD does: ${shown} in the render.`,
    warnings,
    failure: failures.length > 0 ? failures.join(" ") : void 0
  };
}
async function withImagesApplied(file, shownFile, args, work) {
  const text2 = await readFile2(file, "utf8");
  await writeFile3(file, setImagesInKustomization(text2, args, shownFile).text);
  try {
    return await work();
  } finally {
    await writeFile3(file, text2);
  }
}
function toArgument(image) {
  return parseImageArgument(image, "kustomize.images");
}
function argumentNameOf(image) {
  try {
    return toArgument(image).name;
  } catch {
    return "";
  }
}
function notVerifiable(label, sentence) {
  return { verified: "not-verifiable", details: sentence, warnings: [`${label}: ${sentence}`] };
}

// src/pins/argocd-helm-parameters-effect.ts
import { readFile as readFile4 } from "node:fs/promises";
import { join as join6 } from "node:path";

// src/pins/argocd-helm-plan.ts
import { readFile as readFile3 } from "node:fs/promises";
import { basename, join as join4 } from "node:path";
async function planArgoHelmSource(root, application, source) {
  const where = `${application.name} ${source.location}`;
  if (source.chart) return { notLocal: `${where} takes the chart ${source.chart} from ${source.repoURL || "a Helm repository"}` };
  const chart = source.path ? insideRepo(root, source.path) : null;
  if (!chart || !await isChartFolder(chart)) {
    return { notLocal: `${where} renders '${source.path}' of ${source.repoURL || "its repository"}, which is no chart folder of this repository` };
  }
  const warnings = [];
  const valueFiles = [];
  const helm = source.helm;
  for (const entry of helm?.valueFiles ?? []) {
    const resolved = resolveValueFile(root, chart, application, entry);
    if (typeof resolved !== "string") {
      warnings.push(`${where}: the values file '${entry}' ${resolved.problem}; the check leaves it out.`);
    } else if (await isFile(resolved)) {
      valueFiles.push(resolved);
    } else if (!helm?.ignoreMissingValueFiles) {
      warnings.push(`${where}: the values file '${entry}' does not exist (${repoPath(root, resolved)}); Argo CD fails to render without it.`);
    }
  }
  return {
    plan: {
      where,
      chartPath: repoPath(root, chart),
      call: {
        release: helm?.releaseName || application.name || basename(chart),
        chart,
        namespace: application.destinationNamespace,
        valueFiles,
        inlineValues: helm?.values === void 0 ? [] : [helm.values],
        parameters: helm?.parameters ?? []
      },
      warnings
    }
  };
}
function resolveValueFile(root, chart, application, entry) {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(entry)) return { problem: "is a URL, which the check does not fetch" };
  if (/[*?[]/.test(entry)) return { problem: "is a glob pattern, which the check does not expand" };
  let resolved;
  const ref = /^\$([^/]+)\/(.*)$/.exec(entry);
  if (ref) {
    if (!application.sources.some((source) => source.ref === ref[1])) return { problem: `names $${ref[1]}, which no source of the Application is the ref of` };
    resolved = insideRepo(root, ref[2]);
  } else {
    resolved = entry.startsWith("/") ? insideRepo(root, entry.slice(1)) : insideRepo(root, repoPath(root, join4(chart, entry)));
  }
  return resolved ?? { problem: "is outside this repository" };
}
async function planValueLayers(root, plan, defaultsOf) {
  const files = await Promise.all(plan.call.valueFiles.map(async (file) => readDocuments(await readFile3(file, "utf8"), repoPath(root, file))[0] ?? {}));
  return [parametersAsValues(plan.call.parameters), ...plan.call.inlineValues, ...files.reverse(), await defaultsOf(plan.call.chart)];
}
function parametersAsValues(parameters) {
  const values = {};
  for (const { name, value } of parameters) {
    const steps = valuesPathSteps(name);
    let node = values;
    steps.forEach((step, index) => {
      const last = index === steps.length - 1;
      const container = node;
      if (last) {
        container[step] = value;
        return;
      }
      const existing = container[step];
      if (!isRecord(existing) && !Array.isArray(existing)) container[step] = typeof steps[index + 1] === "number" ? [] : {};
      node = container[step];
    });
  }
  return values;
}

// src/pins/helm-template.ts
import { mkdtemp, rm, writeFile as writeFile4 } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join as join5 } from "node:path";
function escapeSetValue(value) {
  if (value.startsWith("{") && value.endsWith("}")) return value;
  let escaped = "";
  for (let index = 0; index < value.length; index++) {
    escaped += value[index] === "," && value[index - 1] !== "\\" ? "\\," : value[index];
  }
  return escaped;
}
function helmTemplateArgs(call, inlineFiles) {
  const args = ["template", call.release, call.chart];
  if (call.namespace) args.push("--namespace", call.namespace);
  for (const file of [...call.valueFiles, ...inlineFiles]) args.push("--values", file);
  const byName = /* @__PURE__ */ new Map();
  for (const parameter of call.parameters) {
    byName.delete(parameter.name);
    byName.set(parameter.name, parameter);
  }
  for (const parameter of byName.values()) {
    args.push(parameter.forceString ? "--set-string" : "--set", `${parameter.name}=${escapeSetValue(parameter.value)}`);
  }
  return args;
}
async function templateChart(helm, call) {
  const folder = await mkdtemp(join5(tmpdir(), "gitops-promote-values-"));
  try {
    const inlineFiles = call.inlineValues.map((_, index) => join5(folder, `inline-${index}.yaml`));
    await Promise.all(call.inlineValues.map((values, index) => writeFile4(inlineFiles[index], JSON.stringify(values ?? {}))));
    const result = await runProcess(helm, helmTemplateArgs(call, inlineFiles));
    if (result.exitCode === 0) return { ok: true, yaml: result.stdout };
    return { ok: false, error: result.stderr.trim() || `helm exited with code ${result.exitCode}` };
  } catch (error) {
    return { ok: false, error: error.message };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
async function findHelm() {
  return await canRun("helm", ["version", "--short"]) ? "helm" : null;
}

// src/pins/pinned-reference.ts
function valueIn(roots, path) {
  for (const root of roots) {
    const value = valueAtPath(root, path);
    if (value !== void 0) return scalarText(value);
  }
  return void 0;
}
function heldReference(roots, paths) {
  if (paths.reference) {
    const text2 = valueIn(roots, paths.reference);
    return text2 ? splitImageReference(text2) : void 0;
  }
  const read = (path) => path ? valueIn(roots, path) ?? "" : "";
  const [repository, tag, digest] = [read(paths.repository), read(paths.tag), read(paths.digest)];
  if (repository === "" && tag === "" && digest === "") return void 0;
  return splitImageReference(`${repository}${tag ? `:${tag}` : ""}${digest ? `@${digest}` : ""}`);
}
function pathsOfChange(pin, change, roots) {
  const images = pin.images.length > 0 ? pin.images : [{ name: "", paths: DEFAULT_IMAGE_PATHS }];
  const named = images.find((image) => image.name === change.name);
  if (named) return named.paths;
  const names = new Set([change.name, change.before?.newName, change.after.newName].filter((name) => name));
  const holding = images.filter((image) => image.name === "" && names.has(heldReference(roots, image.paths)?.name ?? ""));
  if (holding.length === 1) return holding[0].paths;
  return images.length === 1 ? images[0].paths : void 0;
}
function expectedOfChange(change, held) {
  const expected = expectedImageOf(change);
  if (change.after.newName) return { ...expected, anyName: false };
  if (held?.name) return { ...expected, name: held.name, anyName: false };
  return { ...expected, anyName: held !== void 0 };
}
function rendersPinnedExpected(rendered, expected) {
  const candidates = expected.anyName ? rendered.map((reference) => formatImageReference({ ...splitImageReference(reference), name: expected.name })) : rendered;
  return rendersExpectedImage(candidates, expected);
}
function holdsExpected(held, expected) {
  return held !== void 0 && rendersPinnedExpected([formatImageReference(held)], expected);
}
function describeHeld(roots, paths, prefix = "") {
  const parts = [paths.reference, paths.repository, paths.tag, paths.digest].filter((path) => path !== void 0 && path !== "").flatMap((path) => {
    const value = valueIn(roots, path);
    return value ? [`${prefix}${path}=${value}`] : [];
  });
  return parts.join(", ");
}

// src/pins/helm-value-checks.ts
function checkHeldValues(pin, changes, layers, where, prefix = "") {
  const verdict = { failures: [], warnings: [] };
  for (const change of changes) {
    const paths = pathsOfChange(pin, change, layers);
    if (!paths) {
      verdict.warnings.push(`${pinLabel(pin)}: which values hold ${change.name} is not known (name it in the pin's images:), so it is not checked.`);
      continue;
    }
    const held = heldReference(layers, paths);
    const expected = expectedOfChange(change, held);
    if (!holdsExpected(held, expected)) verdict.failures.push(notInEffect(pin, expected, `${where} hold ${describeHeld(layers, paths, prefix) || "nothing"}`));
  }
  return verdict;
}
function undeclaredAddedPaths(pin, changes, original, edited, defaults, chartPath) {
  const warnings = [];
  for (const change of changes) {
    const paths = pathsOfChange(pin, change, [edited, original]);
    for (const path of pathsOf(paths)) {
      if (valueAtPath(original, path) !== void 0 || valueAtPath(edited, path) === void 0 || valueAtPath(defaults, path) !== void 0) continue;
      warnings.push(`${pinLabel(pin)}: the edit adds ${path}, which ${chartPath}/values.yaml does not declare; check that the chart reads it.`);
    }
  }
  return warnings;
}
function pathsOf(paths) {
  if (!paths) return [];
  return [paths.reference, paths.repository, paths.tag, paths.digest].filter((path) => path !== void 0 && path !== "");
}
async function templateAndCheck(context, edit, helm, makeCall, layers, what) {
  const render = async () => templateChart(helm, await makeCall());
  const result = await context.slots.shared(render);
  if (!result.ok) return judgeFailedRender(context, edit, result, render, what, "helm-template");
  const rendered = collectRenderedImages(result.yaml);
  const failures = [];
  const shown = [];
  for (const change of edit.changes) {
    const paths = pathsOfChange(edit.pin, change, layers);
    const expected = expectedOfChange(change, paths ? heldReference(layers, paths) : void 0);
    shown.push(describeExpected(expected));
    if (!rendersPinnedExpected(rendered, expected)) failures.push(notInEffect(edit.pin, expected, describeRenderedImages(what, rendered, expected)));
  }
  return {
    verified: "helm-template",
    details: `helm template of ${what}: ${shown.join(", ")} among its images.`,
    failure: failures.length > 0 ? failures.join(" ") : void 0
  };
}

// src/pins/argocd-helm-parameters-effect.ts
async function checkArgoHelmParameters(context, edit) {
  const { pin } = edit;
  const helmSources = readApplications(edit.text, pin.file).flatMap(
    (application) => application.sources.filter((source) => source.helm !== null).map((source) => ({ application, source }))
  );
  if (helmSources.length === 0) {
    return [
      {
        verified: "structural",
        details: "",
        failure: `${pinLabel(pin)}: the edited Application has no source with helm: settings, so its parameters set nothing.`
      }
    ];
  }
  const naming = helmSources.filter(({ source }) => edit.changes.some((change) => ownLayerHolds(pin, change, source)));
  return Promise.all((naming.length > 0 ? naming : helmSources).map(({ application, source }) => checkSource2(context, edit, application, source)));
}
function ownLayerHolds(pin, change, source) {
  const layers = ownLayers(source);
  const paths = pathsOfChange(pin, change, layers);
  return paths !== void 0 && [paths.reference, paths.repository, paths.tag, paths.digest].some((path) => path && valueIn(layers, path) !== void 0);
}
function ownLayers(source) {
  return [parametersAsValues(source.helm?.parameters ?? []), ...source.helm?.values === void 0 ? [] : [source.helm.values]];
}
async function checkSource2(context, edit, application, source) {
  const { pin } = edit;
  const label = pinLabel(pin);
  const where = `${application.name} ${source.location}`;
  const outcome = await planArgoHelmSource(context.root, application, source);
  if ("notLocal" in outcome) {
    const verdict2 = checkHeldValues(pin, edit.changes, ownLayers(source), `the values ${where} passes`);
    return {
      verified: "structural",
      details: `Read the parameters and values ${where} passes: they hold the new values at the pin's paths.`,
      warnings: [
        `${label}: the chart is not in this repository (${outcome.notLocal}), so whether it prints these values into an image is not verified.`,
        ...verdict2.warnings
      ],
      failure: joinFailures(verdict2.failures)
    };
  }
  const { plan } = outcome;
  const layers = await planValueLayers(context.root, plan, context.chartDefaults);
  if (context.helm) {
    const makeCall = async () => {
      const now = readApplications(await readFile4(join6(context.root, pin.file), "utf8"), pin.file).find((other) => other.name === application.name);
      const again = now?.sources.find((other) => other.location === source.location);
      const replanned = now && again ? await planArgoHelmSource(context.root, now, again) : outcome;
      return "plan" in replanned ? replanned.plan.call : plan.call;
    };
    const part = await templateAndCheck(context, edit, context.helm, makeCall, layers, `${plan.chartPath} templated as ${where} templates it`);
    return { ...part, warnings: [...part.warnings ?? [], ...plan.warnings] };
  }
  const verdict = checkHeldValues(pin, edit.changes, layers, `the values ${where} passes to ${plan.chartPath}`);
  return {
    verified: "structural",
    details: `Read the values ${where} passes to ${plan.chartPath} (parameters over valuesObject/values over valueFiles over the chart's values.yaml): they hold the new values at the pin's paths.`,
    warnings: [
      `${label}: helm is not on PATH, so ${plan.chartPath} was not templated with the edited parameters: that the chart prints them into an image is not verified.`,
      ...plan.warnings,
      ...verdict.warnings
    ],
    failure: joinFailures(verdict.failures)
  };
}

// src/pins/effect-types.ts
var STRENGTH = { "not-verifiable": 0, structural: 1, render: 2, "helm-template": 2 };
function weakestVerification(parts) {
  let weakest;
  for (const part of parts) if (weakest === void 0 || STRENGTH[part.verified] <= STRENGTH[weakest]) weakest = part.verified;
  return weakest ?? "not-verifiable";
}

// src/pins/helm-release-effect.ts
import { readFile as readFile5 } from "node:fs/promises";
import { basename as basename2, dirname as dirname2, join as join7 } from "node:path";
async function checkHelmRelease(context, edit) {
  const { pin } = edit;
  const label = pinLabel(pin);
  const releases = readDocuments(edit.text, pin.file).filter(isHelmRelease);
  if (releases.length === 0) return [{ verified: "structural", details: "", failure: `${label}: the edited file holds no Flux HelmRelease.` }];
  const view = await asFluxApplies(context, edit, releases);
  if ("parts" in view) return view.parts;
  const { rendered, details } = view;
  const warnings = [...view.warnings, ...releases.flatMap((release) => overridesNotRead(label, release))];
  const parts = [];
  for (const [index, release] of releases.entries()) {
    const changes = releases.length === 1 ? edit.changes : changesHeldIn(edit, specValues(release));
    if (changes.length === 0) continue;
    const values = specValues(rendered?.[index] ?? release);
    const where = rendered ? `the values of ${describeResource(idOf(release))} in the render of ${view.folder}` : `the values in the edited ${pin.file}`;
    const verdict = checkHeldValues(pin, changes, [values], where, "spec.values.");
    let failure = joinFailures(verdict.failures);
    if (failure && rendered && checkHeldValues(pin, changes, [specValues(release)], "").failures.length === 0) {
      failure += ` The file holds the new values: ${view.kustomization} sets them over (a patch?).`;
    }
    parts.push({ verified: rendered ? "render" : "structural", details, warnings: [...warnings, ...verdict.warnings], failure });
    if (!failure) parts.push(await checkChart(context, { ...edit, changes }, release, values, parts[parts.length - 1].verified));
  }
  if (parts.length === 0) {
    parts.push({ verified: "structural", details: "", failure: `${label}: no HelmRelease of the edited file holds values at the pin's paths.` });
  }
  return parts;
}
async function asFluxApplies(context, edit, releases) {
  const label = pinLabel(edit.pin);
  const folder = dirname2(join7(context.root, edit.pin.file));
  const folderPath = repoPath(context.root, folder);
  const fileName = basename2(edit.pin.file);
  const kustomization = await kustomizationFileIn(folder);
  if (!kustomization) {
    const details = `${folderPath} has no kustomization file: Flux's kustomize-controller generates one that applies ${fileName} as it is, so no render was needed; read the edited file.`;
    return { details, warnings: [], folder: folderPath, kustomization: "" };
  }
  const shown = repoPath(context.root, kustomization);
  if (!listsResource(await readFile5(kustomization, "utf8"), shown, fileName)) {
    const warning = `${label}: ${shown} does not list ${fileName} under resources:, so Flux applies this HelmRelease only if another kustomization includes it; not rendered.`;
    return { details: `Read the edited file: ${shown} does not list it under resources:.`, warnings: [warning], folder: folderPath, kustomization: shown };
  }
  if (!context.renderer) {
    const warning = `${label}: neither kustomize nor kubectl is on PATH, so ${folderPath} was not rendered: a patch of its kustomization could still set these values.`;
    return { details: "Read the edited file.", warnings: [warning], folder: folderPath, kustomization: shown };
  }
  const renderer = context.renderer;
  const render = () => renderOverlay(renderer, folder);
  const result = await context.slots.shared(render);
  if (!result.ok) return { parts: [await judgeFailedRender(context, edit, result, render, folderPath, "render")] };
  const documents = parseYamlStream(result.yaml).values;
  const found = releases.map((release) => findRenderedResource(documents, idOf(release)));
  const missing = releases.filter((_, index) => !found[index]).map((release) => describeResource(idOf(release)));
  if (missing.length > 0)
    return { parts: [{ verified: "render", details: "", failure: `${label}: the render of ${folderPath} holds no ${missing.join(", ")}.` }] };
  return {
    rendered: found,
    details: `Rendered ${folderPath} as Flux's kustomize-controller does, and read the HelmRelease there.`,
    warnings: [],
    folder: folderPath,
    kustomization: shown
  };
}
function changesHeldIn(edit, values) {
  return edit.changes.filter((change) => {
    const paths = pathsOfChange(edit.pin, change, [values]);
    return paths !== void 0 && heldReference([values], paths) !== void 0;
  });
}
async function checkChart(context, edit, release, values, valuesVerified) {
  const label = pinLabel(edit.pin);
  const spec = isRecord(release.spec) ? release.spec : {};
  const chartSpec = isRecord(spec.chart) && isRecord(spec.chart.spec) ? spec.chart.spec : {};
  const sourceRef = isRecord(chartSpec.sourceRef) ? chartSpec.sourceRef : {};
  const chartPath = typeof chartSpec.chart === "string" ? chartSpec.chart : "";
  const chart = sourceRef.kind === "GitRepository" && chartPath ? insideRepo(context.root, chartPath) : null;
  if (!chart || !await isChartFolder(chart)) {
    const ref = isRecord(spec.chartRef) ? spec.chartRef : sourceRef;
    const from = typeof ref.kind === "string" && typeof ref.name === "string" ? `${ref.kind}/${ref.name}` : "a source of Flux";
    return { verified: valuesVerified, details: `The chart comes from ${from}, outside this repository: the check ends at the values.` };
  }
  const shownChart = repoPath(context.root, chart);
  if (!context.helm) {
    return {
      verified: valuesVerified,
      details: "",
      warnings: [
        `${label}: helm is not on PATH, so the chart ${shownChart} was not templated with the HelmRelease's values: that it prints them into an image is not verified.`
      ]
    };
  }
  const valueFiles = [];
  const warnings = [];
  for (const entry of valuesFilesOf(chartSpec)) {
    const candidates = [insideRepo(context.root, entry), insideRepo(context.root, repoPath(context.root, join7(chart, entry)))];
    const file = (await Promise.all(candidates.map(async (candidate) => candidate && await isFile(candidate) ? candidate : null))).find(Boolean);
    if (file) valueFiles.push(file);
    else warnings.push(`${label}: spec.chart.spec.valuesFiles names ${entry}, which is not a file of this repository; the check leaves it out.`);
  }
  const id = idOf(release);
  const targetNamespace = typeof spec.targetNamespace === "string" ? spec.targetNamespace : "";
  const call = {
    release: typeof spec.releaseName === "string" && spec.releaseName ? spec.releaseName : targetNamespace ? `${targetNamespace}-${id.name}` : id.name,
    chart,
    namespace: targetNamespace || id.namespace,
    valueFiles,
    inlineValues: [values],
    parameters: []
  };
  const files = await Promise.all(valueFiles.map(async (file) => readDocuments(await readFile5(file, "utf8"), repoPath(context.root, file))[0] ?? {}));
  const layers = [values, ...files.reverse(), await context.chartDefaults(chart)];
  const part = await templateAndCheck(
    context,
    edit,
    context.helm,
    () => Promise.resolve(call),
    layers,
    `${shownChart} templated with ${describeResource(id)}'s values`
  );
  return { ...part, warnings: [...part.warnings ?? [], ...warnings] };
}
function overridesNotRead(label, release) {
  const spec = isRecord(release.spec) ? release.spec : {};
  const warnings = [];
  const valuesFrom = Array.isArray(spec.valuesFrom) ? spec.valuesFrom.filter(isRecord) : [];
  for (const entry of valuesFrom.filter((item) => typeof item.targetPath === "string" && item.targetPath !== "")) {
    warnings.push(
      `${label}: spec.valuesFrom takes ${String(entry.targetPath)} from ${String(entry.kind)}/${String(entry.name)}, over spec.values; the check does not read the cluster's ConfigMaps and Secrets.`
    );
  }
  if (Array.isArray(spec.postRenderers) && spec.postRenderers.length > 0) {
    warnings.push(`${label}: spec.postRenderers change the chart's output after it is templated; the check does not apply them.`);
  }
  return warnings;
}
function valuesFilesOf(chartSpec) {
  const files = [chartSpec.valuesFile, ...Array.isArray(chartSpec.valuesFiles) ? chartSpec.valuesFiles : []];
  return files.filter((file) => typeof file === "string" && file !== "");
}
function isHelmRelease(value) {
  return isRecord(value) && value.kind === "HelmRelease" && typeof value.apiVersion === "string" && value.apiVersion.startsWith("helm.toolkit.fluxcd.io/");
}
function idOf(release) {
  return resourceIdOf(release) ?? { kind: "HelmRelease", name: "", namespace: "" };
}
function specValues(release) {
  return isRecord(release.spec) && isRecord(release.spec.values) ? release.spec.values : {};
}

// src/pins/values-file-charts.ts
import { basename as basename3, join as join9 } from "node:path";

// src/pins/values-file-users.ts
import { join as join8 } from "node:path";
async function indexValuesFileUsers(root, applications) {
  const sources = applications.flatMap(
    ({ file, application }) => application.sources.filter((source) => source.helm && source.helm.valueFiles.length > 0).map((source) => ({ file, application, source }))
  );
  const outcomes = await Promise.all(
    sources.map(async ({ application, source }) => source.chart ? void 0 : planArgoHelmSource(root, application, source))
  );
  const plans = /* @__PURE__ */ new Map();
  const notLocal = /* @__PURE__ */ new Map();
  sources.forEach(({ file, application, source }, index) => {
    if (source.chart) {
      const passed = (source.helm?.valueFiles ?? []).filter((entry) => /^\$[^/]+\//.test(entry)).map((entry) => entry.slice(entry.indexOf("/") + 1));
      const why = `${file} (${application.name}) takes the chart ${source.chart} from ${source.repoURL || "a Helm repository"}`;
      for (const valuesFile of new Set(passed)) add(notLocal, valuesFile, why);
      return;
    }
    const outcome = outcomes[index];
    if (outcome && "plan" in outcome) for (const valuesFile of new Set(outcome.plan.call.valueFiles)) add(plans, valuesFile, outcome.plan);
  });
  return { plans, notLocal };
}
function usersOfValuesFile(users, root, file) {
  return { plans: [...users.plans.get(join8(root, file)) ?? []], notLocal: [...users.notLocal.get(file) ?? []] };
}
function add(map, key, value) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

// src/pins/values-file-charts.ts
async function chartsOfValuesFile(context, file) {
  const { root } = context;
  const named = Object.hasOwn(context.charts, file) ? context.charts[file] : void 0;
  if (named !== void 0) {
    const chart2 = insideRepo(root, named);
    if (chart2 && await isChartFolder(chart2)) return { plans: [planOfChart(root, chart2, file)], notLocal: [] };
    return { plans: [], notLocal: [`the pin names the chart ${named}, which is no chart folder of this repository (no Chart.yaml)`] };
  }
  const found = usersOfValuesFile(await context.valuesFileUsers(), root, file);
  if (found.plans.length > 0 || found.notLocal.length > 0) return found;
  const chart = await chartFolderAbove(root, file);
  return chart ? { plans: [planOfChart(root, chart, file)], notLocal: [] } : found;
}
function planOfChart(root, chart, file) {
  const absolute = join9(root, file);
  const isDefaults = absolute === join9(chart, "values.yaml");
  return {
    where: file,
    chartPath: repoPath(root, chart),
    call: { release: basename3(chart), chart, namespace: "", valueFiles: isDefaults ? [] : [absolute], inlineValues: [], parameters: [] },
    warnings: []
  };
}

// src/pins/helm-values-effect.ts
async function checkHelmValues(context, edit) {
  const { pin } = edit;
  const label = pinLabel(pin);
  const edited = readDocuments(edit.text, pin.file)[0] ?? {};
  const original = readDocuments(edit.original, pin.file)[0] ?? {};
  const charts = await chartsOfValuesFile(context, pin.file);
  if (charts.plans.length === 0) {
    const why = charts.notLocal.length > 0 ? charts.notLocal.join("; ") : "no Chart.yaml above the file, and no Argo CD Application of the repo passes it";
    const verdict = checkHeldValues(pin, edit.changes, [edited], `the values in the edited ${pin.file}`);
    return [
      {
        verified: "structural",
        details: `Read the edited ${pin.file}: it holds the new values at the pin's paths.`,
        warnings: [
          `${label}: the chart is not in this repository (${why}), so whether it prints these values into an image is not verified.`,
          ...verdict.warnings
        ],
        failure: joinFailures(verdict.failures)
      }
    ];
  }
  return Promise.all(charts.plans.map((plan) => checkWithChart(context, edit, plan, original, edited)));
}
async function checkWithChart(context, edit, plan, original, edited) {
  const { pin } = edit;
  const layers = await planValueLayers(context.root, plan, context.chartDefaults);
  const added = undeclaredAddedPaths(pin, edit.changes, original, edited, layers.at(-1), plan.chartPath);
  if (context.helm) {
    const part = await templateAndCheck(
      context,
      edit,
      context.helm,
      () => Promise.resolve(plan.call),
      layers,
      `${plan.chartPath} templated with ${plan.where}`
    );
    return { ...part, warnings: [...part.warnings ?? [], ...plan.warnings, ...added] };
  }
  const verdict = checkHeldValues(pin, edit.changes, layers, `the values ${plan.where} passes to ${plan.chartPath}`);
  return {
    verified: "structural",
    details: `Read the values ${plan.where} passes to ${plan.chartPath}, merged as Helm merges them: they hold the new values at the pin's paths.`,
    warnings: [
      `${pinLabel(pin)}: helm is not on PATH, so ${plan.chartPath} was not templated with the edited values: that the chart prints them into an image is not verified.`,
      ...plan.warnings,
      ...added,
      ...verdict.warnings
    ],
    failure: joinFailures(verdict.failures)
  };
}

// src/pins/image-setters-effect.ts
import { readFile as readFile6 } from "node:fs/promises";
import { basename as basename4, dirname as dirname3, join as join10 } from "node:path";

// src/pins/setter-fields.ts
var import_yaml3 = __toESM(require_dist(), 1);
var MARKER = /\{\s*"\$imagepolicy"\s*:\s*"([^"]+)"\s*\}/;
function findSetterFields(text2, file) {
  const fields = [];
  let index = 0;
  for (const document of (0, import_yaml3.parseAllDocuments)(text2)) {
    if (!("contents" in document)) continue;
    if (document.errors.length > 0) throw new UserError(`${file} is not valid YAML: ${yamlErrorText(document.errors[0])}.`);
    if (document.contents === null) continue;
    const resource = resourceIdOf(document.toJS({ maxAliasCount: 100 }));
    const visit = (node, path) => {
      if ((0, import_yaml3.isMap)(node)) {
        for (const pair of node.items) visit(pair.value, [...path, (0, import_yaml3.isScalar)(pair.key) ? String(pair.key.value) : ""]);
      } else if ((0, import_yaml3.isSeq)(node)) {
        node.items.forEach((item, at) => {
          visit(item, [...path, at]);
        });
      } else if ((0, import_yaml3.isScalar)(node)) {
        const marker = MARKER.exec(node.comment ?? "");
        if (marker) fields.push({ document: index, resource, path, value: scalarText(node.value) ?? "", policy: marker[1], part: partOf(marker[1]) });
      }
    };
    visit(document.contents, []);
    index += 1;
  }
  return fields;
}
function partOf(policy) {
  const suffix = policy.split(":")[2];
  return suffix === "tag" || suffix === "name" || suffix === "digest" ? suffix : "reference";
}
function changedSetterFields(original, edited) {
  const before = new Map(original.map((field) => [keyOf(field), field.value]));
  return edited.filter((field) => before.get(keyOf(field)) !== field.value);
}
function keyOf(field) {
  return JSON.stringify([field.document, field.path]);
}
function describePath(path) {
  return path.map((step, index) => typeof step === "number" ? `[${step}]` : index === 0 ? step : `.${step}`).join("");
}

// src/pins/image-setters-effect.ts
async function checkImageSetters(context, edit) {
  const { pin } = edit;
  const label = pinLabel(pin);
  const changed = changedSetterFields(findSetterFields(edit.original, pin.file), findSetterFields(edit.text, pin.file));
  const unheld = edit.changes.map(expectedImageOf).filter((expected) => !changed.some((field) => fieldHolds(field, expected)));
  if (unheld.length > 0) {
    const held = changed.length > 0 ? changed.map((field) => `${describePath(field.path)}=${field.value}`).join(", ") : "nothing";
    const failure = `${label}: ${unheld.map(describeExpected).join(", ")} is in no setter field of the edited file (its changed setter fields hold ${held}).`;
    return [{ verified: "structural", details: "", failure }];
  }
  const folder = dirname3(join10(context.root, pin.file));
  const folderPath = repoPath(context.root, folder);
  const kustomization = await kustomizationFileIn(folder);
  const structural = (details, warnings2 = []) => [
    { verified: "structural", details: `${details} The edited file re-parses, and its setter fields hold the new values.`, warnings: warnings2 }
  ];
  if (!kustomization) return structural(`${folderPath} has no kustomization file: Flux applies ${basename4(pin.file)} as it is, so no render was needed.`);
  const kustomizationPath = repoPath(context.root, kustomization);
  if (!listsResource(await readFile6(kustomization, "utf8"), kustomizationPath, basename4(pin.file))) {
    return structural(`${kustomizationPath} does not list ${basename4(pin.file)} under resources:.`, [
      `${label}: ${kustomizationPath} does not list ${basename4(pin.file)} under resources:, so Flux applies it only if another kustomization includes it; not rendered.`
    ]);
  }
  if (!context.renderer) {
    return structural("Not rendered.", [
      `${label}: neither kustomize nor kubectl is on PATH, so ${folderPath} was not rendered: its kustomization could still set these fields over.`
    ]);
  }
  const renderer = context.renderer;
  const render = () => renderOverlay(renderer, folder);
  const result = await context.slots.shared(render);
  if (!result.ok) return [await judgeFailedRender(context, edit, result, render, folderPath, "render")];
  const documents = parseYamlStream(result.yaml).values;
  const failures = [];
  const warnings = [];
  for (const field of changed) {
    const where = describePath(field.path);
    if (!field.resource) {
      warnings.push(`${label}: the setter field ${where} is in a document that is no Kubernetes resource (no kind), so it is not looked for in the render.`);
      continue;
    }
    const resource = findRenderedResource(documents, field.resource);
    if (!resource) {
      failures.push(`${label}: the render of ${folderPath} holds no ${describeResource(field.resource)}, where ${field.value} was set.`);
      continue;
    }
    const rendered = scalarText(valueAtPath(resource, field.path));
    if (rendered !== field.value) {
      failures.push(
        `${label}: ${field.value} does not take effect: the render of ${folderPath} holds ${rendered || "nothing"} at ${describeResource(field.resource)} ${where} (${kustomizationPath} sets it over: an images: entry or a patch?).`
      );
    }
  }
  return [
    {
      verified: "render",
      details: `Rendered ${folderPath}: each changed setter field comes out of the render as the edited file has it.`,
      warnings,
      failure: joinFailures(failures)
    }
  ];
}
function fieldHolds(field, expected) {
  switch (field.part) {
    case "reference":
      return rendersExpectedImage([field.value], expected);
    case "tag":
      return field.value === expected.tag;
    case "name":
      return field.value === expected.name;
    case "digest":
      return field.value === expected.digest;
  }
}

// src/pins/render-slots.ts
var RenderSlots = class {
  constructor(limit = 2) {
    this.limit = limit;
  }
  limit;
  running = 0;
  aloneRunning = false;
  waiting = [];
  /** Runs `work` beside at most limit − 1 others that leave the tree as it is. */
  shared(work) {
    return this.take(false, work);
  }
  /** Runs `work` with no other render running: it may change files of the tree, if it puts them back. */
  alone(work) {
    return this.take(true, work);
  }
  take(alone, work) {
    return new Promise((resolve, reject) => {
      this.waiting.push({
        alone,
        start: () => {
          Promise.resolve().then(work).then(resolve, reject).finally(() => {
            this.running -= 1;
            if (alone) this.aloneRunning = false;
            this.next();
          });
        }
      });
      this.next();
    });
  }
  next() {
    while (this.waiting.length > 0 && !this.aloneRunning) {
      const head = this.waiting[0];
      if (head.alone ? this.running > 0 : this.running >= this.limit) return;
      this.waiting.shift();
      this.running += 1;
      if (head.alone) this.aloneRunning = true;
      head.start();
    }
  }
};

// src/pins/repo-applications.ts
import { readdir, readFile as readFile7 } from "node:fs/promises";
import { join as join11 } from "node:path";
var MAX_FILES = 5e3;
async function findRepoApplications(root) {
  const files = await yamlFilesUnder(root);
  const texts = await Promise.all(files.map((file) => readFile7(file, "utf8")));
  const found = [];
  files.forEach((file, index) => {
    const text2 = texts[index];
    if (!text2.includes("argoproj.io/") || !/kind:\s*Application\b/.test(text2)) return;
    try {
      for (const application of readApplications(text2, repoPath(root, file))) found.push({ file: repoPath(root, file), application });
    } catch {
      return;
    }
  });
  return found;
}
async function yamlFilesUnder(root) {
  const files = [];
  let level = [root];
  while (level.length > 0 && files.length < MAX_FILES) {
    const listings = await Promise.all(level.map((folder) => readdir(folder, { withFileTypes: true }).catch(() => [])));
    const next = [];
    listings.forEach((entries, index) => {
      for (const entry of entries.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) {
        if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
        if (entry.isDirectory()) next.push(join11(level[index], entry.name));
        else if (entry.isFile() && /\.ya?ml$/.test(entry.name)) files.push(join11(level[index], entry.name));
      }
    });
    level = next;
  }
  return files.slice(0, MAX_FILES);
}

// src/pins/check-pin-effects.ts
var CHECKS = {
  "argocd-application": checkArgoKustomizeImages,
  "argocd-helm-parameters": checkArgoHelmParameters,
  "helm-values": checkHelmValues,
  "helm-release": checkHelmRelease,
  "image-setters": checkImageSetters
};
var RENDERS_AT_ONCE = 2;
async function checkPinEffects(root, edits, options = {}) {
  const changed = edits.filter((edit) => edit.changes.length > 0);
  if (changed.length === 0) return { pins: [] };
  const context = await contextFor(root, options);
  const outcomes = [];
  try {
    await Promise.all(changed.map((edit) => writeFile5(join12(root, edit.pin.file), edit.text)));
    outcomes.push(...await Promise.allSettled(changed.map((edit) => CHECKS[edit.pin.kind](context, edit))));
  } finally {
    await Promise.all(changed.map((edit) => writeFile5(join12(root, edit.pin.file), edit.original)));
  }
  const rejected = outcomes.find((outcome) => outcome.status === "rejected");
  if (rejected) throw rejected.reason;
  const parts = outcomes.map((outcome) => outcome.value);
  const failures = parts.flat().flatMap((part) => part.failure ? [part.failure] : []);
  if (failures.length > 0) throw new UserError(failures.join(" "));
  return { pins: changed.map((edit, index) => effectOf(edit, parts[index])) };
}
async function contextFor(root, options) {
  let valuesFileUsers;
  const defaults = /* @__PURE__ */ new Map();
  const [helm, renderer] = await Promise.all([options.helm === void 0 ? findHelm() : Promise.resolve(options.helm), findRenderer()]);
  return {
    root,
    helm,
    renderer,
    slots: new RenderSlots(RENDERS_AT_ONCE),
    charts: options.charts ?? {},
    valuesFileUsers: () => valuesFileUsers ??= findRepoApplications(root).then((found) => indexValuesFileUsers(root, found)),
    // The edited files are in the tree before any check reads them, and stay until every check is done: one reading holds for the run.
    chartDefaults: (chartFolder) => {
      let values = defaults.get(chartFolder);
      if (!values) defaults.set(chartFolder, values = chartDefaults(chartFolder, root));
      return values;
    }
  };
}
function effectOf(edit, parts) {
  return {
    pin: edit.pin,
    verified: weakestVerification(parts),
    details: parts.map((part) => part.details).filter((details) => details !== "").join(" "),
    warnings: [...new Set(parts.flatMap((part) => part.warnings ?? []))]
  };
}

// src/checks/check-edits.ts
async function checkEdits(root, edits, checks, title = "Validating the edited overlays", renders = new RenderCache()) {
  const verified = { render: false, validation: false };
  if (edits.length === 0 || !checks.verifyRender && !checks.validation) return verified;
  const overlayEdits = edits.filter((edit) => !edit.pins);
  const unrendered = checks.verifyRender ? await checkPinEffectsOf(root, edits) : [];
  await Promise.all(overlayEdits.map((edit) => writeFile6(edit.overlay.absoluteFile, edit.text)));
  try {
    if (checks.verifyRender) {
      await verifyRenderedImages(overlayEdits, checks.renderGuard, renders);
      verified.render = unrendered.length === 0;
      if (unrendered.length > 0) verified.renderNote = `${namePins(unrendered)}: checked without a render; see the run's warnings`;
    }
    if (checks.validation && overlayEdits.length > 0) {
      await validateOrFail(
        root,
        overlayEdits.map((edit) => edit.overlay),
        checks.validation,
        title,
        checks.workspace,
        renders
      );
      verified.validation = true;
    }
  } finally {
    await Promise.all(overlayEdits.map((edit) => writeFile6(edit.overlay.absoluteFile, edit.original)));
  }
  return verified;
}
async function checkPinEffectsOf(root, edits) {
  const pinEdits = edits.flatMap((edit) => (edit.pins ?? []).map(({ pin, changes }) => ({ pin, original: edit.original, text: edit.text, changes })));
  if (pinEdits.length === 0) return [];
  const report = await checkPinEffects(root, pinEdits);
  for (const warning of groupedWarnings(report.pins)) warningOnce(warning);
  return report.pins.filter((effect) => effect.verified !== "render" && effect.verified !== "helm-template").map((effect) => pinLabel(effect.pin));
}
var NAMED_PINS = 3;
function groupedWarnings(effects) {
  const byRest = /* @__PURE__ */ new Map();
  const lines = [];
  for (const effect of effects) {
    const label = pinLabel(effect.pin);
    for (const warning of effect.warnings) {
      if (!warning.startsWith(`${label}: `)) {
        lines.push(warning);
        continue;
      }
      const rest = warning.slice(label.length + 2);
      byRest.set(rest, [...byRest.get(rest) ?? [], label]);
    }
  }
  for (const [rest, labels] of byRest) lines.push(`${namePins(labels)}: ${rest}`);
  return lines;
}
function namePins(labels) {
  if (labels.length <= NAMED_PINS) return labels.length === 1 ? labels[0] : `${labels.slice(0, -1).join(", ")} and ${labels.at(-1) ?? ""}`;
  return `${labels.slice(0, NAMED_PINS).join(", ")} and ${labels.length - NAMED_PINS} more pins`;
}
async function validateOrFail(root, overlays, settings, title, workspace, renders) {
  const report = await group(title, () => validateOverlays(overlays, { ...settings, repoRoot: root, policyFor: () => settings.policy, renders }));
  annotate(report, root, workspace);
  const failure = validationFailure(report);
  if (failure) {
    await writeValidationSummary(report);
    throw failure;
  }
}

// src/kustomize/plan-edits.ts
import { readFile as readFile8 } from "node:fs/promises";
async function planEdits(overlays, args) {
  return Promise.all(
    overlays.map(async (overlay) => {
      const original = await readFile8(overlay.absoluteFile, "utf8");
      return planFileEdit(overlay, original, args);
    })
  );
}
function planFileEdit(overlay, original, args) {
  const parsed = parseKustomization(original, overlay.file);
  const { text: text2, changes } = setImagesInKustomization(original, args, overlay.file, parsed);
  const kind = parsed.root?.get("kind");
  return { overlay, original, text: text2, changes, entries: parsed.entries, isComponent: kind === "Component" };
}

// src/report/text-diff.ts
import { mkdtemp as mkdtemp2, mkdir, rm as rm2, writeFile as writeFile7 } from "node:fs/promises";
import { tmpdir as tmpdir2 } from "node:os";
import { dirname as dirname4, join as join13 } from "node:path";
async function unifiedDiff(changes) {
  const scratch = await mkdtemp2(join13(tmpdir2(), "gitops-promote-diff-"));
  try {
    for (const change of changes) {
      for (const [side, text2] of [
        ["a", change.before],
        ["b", change.after]
      ]) {
        const target = join13(scratch, side, change.file);
        await mkdir(dirname4(target), { recursive: true });
        await writeFile7(target, text2);
      }
    }
    const result = await runProcess("git", ["diff", "--no-index", "--no-color", "--no-prefix", "a", "b"], { cwd: scratch });
    return result.stdout.replace(/^(---|\+\+\+) [ab]\//gm, "$1 ");
  } finally {
    await rm2(scratch, { recursive: true, force: true });
  }
}
async function showDiffs(edits) {
  const diff = await unifiedDiff(edits.map((edit) => ({ file: edit.overlay.file, before: edit.original, after: edit.text })));
  startGroup("Changes (dry run, nothing written)");
  info(diff);
  endGroup();
}

export {
  renamedIntoWarnings,
  entryDowngrade,
  describeEntryDowngrade,
  suggestArgument,
  checkEdits,
  planEdits,
  planFileEdit,
  unifiedDiff,
  showDiffs
};
