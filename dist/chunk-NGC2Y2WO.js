import { createRequire as __gitopsPromoteRequire } from 'node:module';
const require = __gitopsPromoteRequire(import.meta.url);
import {
  IMAGE_FIELDS,
  fieldOfKey,
  findFieldPair,
  pairKey,
  parseKustomization
} from "./chunk-TE4H5XYR.js";
import {
  isDowngrade
} from "./chunk-67GET7MB.js";
import {
  RenderCache,
  validateOverlays
} from "./chunk-W4PHNLVC.js";
import {
  collectImageSites,
  findRenderer,
  renderOverlay
} from "./chunk-UFHTZYH7.js";
import {
  mapWithLimit,
  runProcess
} from "./chunk-AFEMT3XH.js";
import {
  require_dist
} from "./chunk-7HOJAJTS.js";
import {
  annotate,
  validationFailure,
  warningOnce,
  writeValidationSummary
} from "./chunk-6PG4I2TJ.js";
import {
  KEEP
} from "./chunk-RGNCCORJ.js";
import {
  applyImageOverride,
  formatImageReference,
  isImageMatched,
  splitImageReference
} from "./chunk-VN7I4G2T.js";
import {
  InputError,
  UserError
} from "./chunk-EVMGEMOW.js";
import {
  endGroup,
  group,
  info,
  startGroup
} from "./chunk-IFQTFODU.js";
import {
  __toESM
} from "./chunk-NKRLB5FG.js";

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
import { writeFile as writeFile2 } from "node:fs/promises";

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

// src/checks/check-edits.ts
async function checkEdits(root, edits, checks, title = "Validating the edited overlays", renders = new RenderCache()) {
  const verified = { render: false, validation: false };
  if (edits.length === 0 || !checks.verifyRender && !checks.validation) return verified;
  await Promise.all(edits.map((edit) => writeFile2(edit.overlay.absoluteFile, edit.text)));
  try {
    if (checks.verifyRender) {
      await verifyRenderedImages(edits, checks.renderGuard, renders);
      verified.render = true;
    }
    if (checks.validation) {
      await validateOrFail(
        root,
        edits.map((edit) => edit.overlay),
        checks.validation,
        title,
        checks.workspace,
        renders
      );
      verified.validation = true;
    }
  } finally {
    await Promise.all(edits.map((edit) => writeFile2(edit.overlay.absoluteFile, edit.original)));
  }
  return verified;
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
import { readFile } from "node:fs/promises";

// src/kustomize/set-image-edit.ts
var import_yaml2 = __toESM(require_dist(), 1);

// src/kustomize/yaml-text.ts
var import_yaml = __toESM(require_dist(), 1);
function applySplices(source, splices) {
  const sorted = splices.map((splice, index) => ({ splice, index })).sort((a, b) => b.splice.start - a.splice.start || b.splice.end - a.splice.end || b.index - a.index).map(({ splice }) => splice);
  let result = source;
  let limit = Number.POSITIVE_INFINITY;
  for (const splice of sorted) {
    if (splice.end > limit) throw new Error("internal error: overlapping YAML edits");
    result = result.slice(0, splice.start) + splice.text + result.slice(splice.end);
    limit = splice.start;
  }
  return result;
}
function detectLineEnding(source) {
  return /\r\n/.test(source) ? "\r\n" : "\n";
}
function lineStartOf(source, offset) {
  return source.lastIndexOf("\n", offset - 1) + 1;
}
function lineEndAfter(source, offset) {
  const newline = source.indexOf("\n", offset);
  return newline < 0 ? source.length : newline + 1;
}
function trimLineBreak(source, end) {
  let at = end;
  while (at > 0 && (source[at - 1] === "\n" || source[at - 1] === "\r")) at -= 1;
  return at;
}
function columnOf(source, offset) {
  return offset - lineStartOf(source, offset);
}
function readsAsSameString(text) {
  for (const schema of ["core", "yaml-1.1"]) {
    try {
      if ((0, import_yaml.parse)(text, { schema }) !== text) return false;
    } catch {
      return false;
    }
  }
  return true;
}
function canBePlain(value) {
  if (value === "" || /^[0-9][0-9a-fA-F]*$/.test(value)) return false;
  if (/^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(value) || /\s$|:\s|\s#|[\n\r\t]/.test(value)) {
    return /^-[^\s]/.test(value) && readsAsSameString(value);
  }
  return readsAsSameString(value);
}
function formatScalar(value, style) {
  if (style === "QUOTE_SINGLE") return `'${value.replace(/'/g, "''")}'`;
  if (style === "PLAIN" && canBePlain(value)) return value;
  return JSON.stringify(value);
}

// src/kustomize/set-image-edit.ts
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
function keepFinalNewline(source, text, eol) {
  if (source === "" || source.endsWith("\n") || !text.endsWith("\n")) return text;
  return text.slice(0, text.endsWith(eol) ? -eol.length : -1);
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
  if ((0, import_yaml2.isScalar)(node) && node.range && node.range[1] > node.range[0]) {
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
    const text = source.slice(keyStart(pair), valueEnd(source, pair));
    if (field === void 0 || field === "name" || after[field] === entry[field]) {
      parts.push({ field, text });
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

// src/kustomize/plan-edits.ts
async function planEdits(overlays, args) {
  return Promise.all(
    overlays.map(async (overlay) => {
      const original = await readFile(overlay.absoluteFile, "utf8");
      return planFileEdit(overlay, original, args);
    })
  );
}
function planFileEdit(overlay, original, args) {
  const parsed = parseKustomization(original, overlay.file);
  const { text, changes } = setImagesInKustomization(original, args, overlay.file, parsed);
  const kind = parsed.root?.get("kind");
  return { overlay, original, text, changes, entries: parsed.entries, isComponent: kind === "Component" };
}

// src/report/text-diff.ts
import { mkdtemp, mkdir, rm, writeFile as writeFile3 } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
async function unifiedDiff(changes) {
  const scratch = await mkdtemp(join(tmpdir(), "gitops-promote-diff-"));
  try {
    for (const change of changes) {
      for (const [side, text] of [
        ["a", change.before],
        ["b", change.after]
      ]) {
        const target = join(scratch, side, change.file);
        await mkdir(dirname(target), { recursive: true });
        await writeFile3(target, text);
      }
    }
    const result = await runProcess("git", ["diff", "--no-index", "--no-color", "--no-prefix", "a", "b"], { cwd: scratch });
    return result.stdout.replace(/^(---|\+\+\+) [ab]\//gm, "$1 ");
  } finally {
    await rm(scratch, { recursive: true, force: true });
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
