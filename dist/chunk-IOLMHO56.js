const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  applySplices,
  columnOf,
  detectLineEnding,
  formatScalar,
  lineEndAfter,
  lineStartOf,
  trimLineBreak
} from "./chunk-NELHJVCU.js";
import {
  IMAGE_FIELDS,
  fieldOfKey,
  findFieldPair,
  pairKey,
  parseKustomization
} from "./chunk-JBFM3YNM.js";
import {
  KEEP
} from "./chunk-6OONQOCK.js";
import {
  require_dist
} from "./chunk-54KBGAUC.js";
import {
  __toESM
} from "./chunk-2QGGJF6Q.js";

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

export {
  setImagesInKustomization
};
