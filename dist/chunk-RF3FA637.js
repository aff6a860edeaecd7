const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  formatHelmSetName,
  formatValuesPath,
  isIndex,
  parseValuesPath,
  sameValuesPath,
  tryParseValuesPath
} from "./chunk-PTHYVDCB.js";
import {
  pinLabel
} from "./chunk-BQBMBEAG.js";
import {
  applySplices,
  columnOf,
  detectLineEnding,
  formatScalar,
  lineEndAfter,
  trimLineBreak
} from "./chunk-NELHJVCU.js";
import {
  IMAGE_FIELDS,
  scalarText
} from "./chunk-JBFM3YNM.js";
import {
  KEEP,
  parseImageArgument
} from "./chunk-6OONQOCK.js";
import {
  formatImageReference,
  isImageMatched,
  splitImageReference
} from "./chunk-TTI4HSH7.js";
import {
  InputError,
  UserError,
  yamlErrorText
} from "./chunk-KBKTDO2V.js";
import {
  DEFAULT_IMAGE_PATHS
} from "./chunk-OKDCWDB5.js";
import {
  require_dist
} from "./chunk-54KBGAUC.js";
import {
  __toESM
} from "./chunk-2QGGJF6Q.js";

// src/pins/argocd-helm-parameters-editor.ts
var import_yaml5 = __toESM(require_dist(), 1);

// src/pins/yaml-source.ts
var import_yaml = __toESM(require_dist(), 1);
function yamlText(source, file, firstLine = 1) {
  const starts = [0];
  for (let at = source.indexOf("\n"); at >= 0; at = source.indexOf("\n", at + 1)) starts.push(at + 1);
  return {
    source,
    file,
    eol: detectLineEnding(source),
    lineOf(offset) {
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const middle = low + high + 1 >> 1;
        if (starts[middle] <= offset) low = middle;
        else high = middle - 1;
      }
      return firstLine + low;
    }
  };
}
var PARSE_OPTIONS = { keepSourceTokens: true, prettyErrors: true };
function parseYamlDocument(text, what = text.file) {
  const document = (0, import_yaml.parseDocument)(text.source, PARSE_OPTIONS);
  if (document.errors.length > 0) throw new UserError(`${what} is not valid YAML: ${yamlErrorText(document.errors[0])}.`);
  return document;
}
function parseYamlDocuments(text) {
  const documents = (0, import_yaml.parseAllDocuments)(text.source, PARSE_OPTIONS);
  if (!Array.isArray(documents)) return [];
  for (const document of documents) {
    if (document.errors.length > 0) throw new UserError(`${text.file} is not valid YAML: ${yamlErrorText(document.errors[0])}.`);
  }
  return documents;
}
function isEmptyDocument(document) {
  const contents = document.contents;
  return contents === null || (0, import_yaml.isScalar)(contents) && contents.value === null;
}
function stringField(document, ...path) {
  const value = document.getIn(path, true);
  return (0, import_yaml.isScalar)(value) && typeof value.value === "string" ? value.value : "";
}

// src/pins/embedded-yaml.ts
function embeddedYaml(outer, pair, node, shownAs) {
  const refuse = () => {
    throw new UserError(
      `${outer.file}: ${shownAs} is a ${node.type === "BLOCK_FOLDED" ? "folded (>)" : "quoted or plain"} string; write it as a literal block (${shownAs.split(".").at(-1)}: |) to have it edited.`
    );
  };
  const range = node.range;
  if (node.type !== "BLOCK_LITERAL" || !range) {
    return { text: yamlText(typeof node.value === "string" ? node.value : "", outer.file, outer.lineOf(range?.[0] ?? 0)), toOuter: refuse };
  }
  const { source } = outer;
  const header = source.slice(range[0], source.indexOf("\n", range[0]) < 0 ? range[1] : source.indexOf("\n", range[0]));
  const contentStart = Math.min(range[1], header.length + range[0] + 1);
  const region = source.slice(contentStart, range[1]);
  const indicator = /[1-9]/.exec(/^[|][^#\s]*/.exec(header)?.[0] ?? "");
  const keyColumn = columnOf(source, pair.key.range?.[0] ?? 0);
  const firstContent = /^( *)\S/m.exec(region.replace(/\r/g, ""));
  const indent = indicator ? keyColumn + Number(indicator[0]) : firstContent?.[1].length ?? 0;
  const lines = [];
  const innerLines = [];
  let at = contentStart;
  for (const raw of region.split("\n")) {
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    const skip = Math.min(indent, line.length - line.trimStart().length, line.length);
    lines.push({ lineStart: at, contentStart: at + skip });
    innerLines.push(line.slice(skip));
    at += raw.length + 1;
  }
  const inner = innerLines.join("\n");
  const innerStarts = [];
  for (let offset = 0, index = 0; index < innerLines.length; index += 1) {
    innerStarts.push(offset);
    offset += innerLines[index].length + 1;
  }
  const pad = " ".repeat(indent);
  const lineIndexOf = (offset) => {
    let index = innerStarts.length - 1;
    while (index > 0 && innerStarts[index] > offset) index -= 1;
    return index;
  };
  const toOuter = (splices) => splices.map((splice) => {
    const index = lineIndexOf(splice.start);
    const column = splice.start - innerStarts[index];
    const end = lines[lineIndexOf(splice.end)].contentStart + (splice.end - innerStarts[lineIndexOf(splice.end)]);
    if (column === 0 && splice.start === splice.end && splice.text.endsWith("\n")) {
      const start2 = index < lines.length ? lines[index].lineStart : range[1];
      const text = splice.text.slice(0, -1).split("\n").map((line) => line === "" ? "" : pad + line).map((line) => line + outer.eol).join("");
      return { start: start2, end: start2, text };
    }
    const start = lines[index].contentStart + column;
    return { start, end: Math.max(start, end), text: splice.text.replace(/\n/g, `${outer.eol}${pad}`) };
  });
  return { text: yamlText(inner, outer.file, outer.lineOf(contentStart)), toOuter };
}

// src/pins/helm-image.ts
var ROLES = ["repository", "tag", "digest", "reference"];
var ROLE_WORDS = { repository: "the repository", tag: "the tag", digest: "the digest", reference: "the image reference" };
function pinnedImagesOf(pin) {
  return pin.images.length > 0 ? pin.images : [{ name: "", paths: {} }];
}
function imageLabel(pin, entry) {
  return `${pinLabel(pin)}: ${imageWords(entry)}`;
}
function imageWords(entry) {
  return `image ${entry.name ? `'${entry.name}'` : `at ${entry.paths.reference ?? entry.paths.tag ?? DEFAULT_IMAGE_PATHS.tag}`}`;
}
function resolveSlots(pin, entry) {
  const where = pin.origin ? `${pin.origin}: ${pin.file}: ${imageWords(entry)}` : imageLabel(pin, entry);
  const given = ROLES.filter((role) => entry.paths[role] !== void 0 && entry.paths[role] !== "");
  if (given.includes("reference") && given.length > 1) {
    throw new UserError(`${where}: a reference path holds the whole image; give either it or repository, tag and digest paths.`);
  }
  const source = given.length === 0 ? DEFAULT_IMAGE_PATHS : entry.paths;
  const paths = {};
  for (const role of ROLES) {
    const text = source[role];
    if (text) paths[role] = parseValuesPath(text, where);
  }
  return { paths, optionalDigest: given.length === 0 };
}
function slotPaths(slots) {
  return slots.flatMap((slot) => ROLES.flatMap((role) => slot.paths[role] ? [slot.paths[role]] : []));
}
function readHeldImage(entry, slots, read3) {
  const held = {};
  for (const role of ROLES) {
    const path = slots.paths[role];
    if (path) held[role] = read3(path, ROLE_WORDS[role]);
  }
  let values;
  if (held.reference) {
    const parts = splitImageReference(held.reference.value);
    values = { newName: parts.name, newTag: parts.tag, digest: parts.digest };
  } else {
    const [tag, tagDigest = ""] = (held.tag?.value ?? "").split("@", 2);
    values = { newName: held.repository?.value ?? "", newTag: tag, digest: held.digest?.value || tagDigest };
  }
  const main = held.reference ?? held.tag ?? held.repository ?? held.digest;
  return {
    entry,
    slots,
    held,
    values,
    present: Object.values(held).some((value) => value.exists),
    location: main?.location ?? "",
    line: main?.line ?? 1
  };
}
function pinnedImageOf(image) {
  return { name: image.entry.name || image.values.newName, values: image.values, location: image.location, line: image.line };
}
function argumentFor(image, args, only) {
  const { name } = image.entry;
  const repository = image.values.newName;
  const applies = (argument) => (name !== "" ? argument.name === name : namesRepository(repository, argument.name)) && (only === void 0 || only.includes(argument.name));
  return args.filter(applies).at(-1);
}
function namesRepository(repository, name) {
  return repository !== "" && (isImageMatched(repository, name) || repository.endsWith(`/${name}`));
}
function planImageEdit(pin, image, argument) {
  const before = image.values;
  const keep = (field) => argument[field] === KEEP ? before[field] : argument[field];
  const after = { newName: argument.newName === "" ? before.newName : keep("newName"), newTag: keep("newTag"), digest: keep("digest") };
  const writes = image.slots.paths.reference ? referenceWrites(image, after) : fieldWrites(pin, image, after);
  if (writes.length === 0) return { writes, change: null };
  const dropped = ["newName", "newTag", "digest"].filter((field) => before[field] !== "" && after[field] === "");
  const changed = writes.find((write) => write.role === ROLE_WORDS.tag || write.role === ROLE_WORDS.reference) ?? writes[0];
  const heldAt = image.held[ROLES.find((role) => ROLE_WORDS[role] === changed.role) ?? "tag"];
  return {
    writes,
    change: {
      name: image.entry.name || argument.name,
      argument: argument.source,
      before: image.present ? before : null,
      after,
      dropped,
      location: heldAt?.location ?? image.location,
      line: heldAt?.line ?? image.line
    }
  };
}
function referenceWrites(image, after) {
  const path = image.slots.paths.reference;
  const held = image.held.reference?.value ?? "";
  const name = after.newName || image.entry.name;
  const reference = formatImageReference({ name, tag: after.newTag, digest: after.digest });
  return reference === held || name === "" ? [] : [{ path, value: reference, role: ROLE_WORDS.reference }];
}
function fieldWrites(pin, image, after) {
  const { paths, optionalDigest } = image.slots;
  const { held } = image;
  const where = imageLabel(pin, image.entry);
  const writes = [];
  const write = (role, value) => {
    const path = paths[role];
    if (path && (held[role]?.value ?? "") !== value && (value !== "" || held[role]?.exists)) writes.push({ path, value, role: ROLE_WORDS[role] });
  };
  if (paths.repository) {
    write("repository", after.newName);
  } else if (after.newName !== image.values.newName && after.newName !== image.entry.name) {
    throw new UserError(`${where} has no repository path, so it cannot change the image to '${after.newName}'; add a repository path to the pin.`);
  } else {
    after.newName = image.values.newName;
  }
  const digestPath = paths.digest && (!optionalDigest || held.digest?.exists || after.digest !== "") ? paths.digest : void 0;
  let tagText = after.newTag;
  if (!digestPath && after.digest !== "") {
    if (!pin.digestInTag) {
      throw new UserError(
        `${where} has no digest path for ${after.digest.slice(0, 19)}\u2026; add a digest path to the pin, or set digest-in-tag to write it into the tag.`
      );
    }
    if (after.newTag === "") throw new UserError(`${where} writes its digest into the tag, so it needs a tag beside the digest.`);
    tagText = `${after.newTag}@${after.digest}`;
  }
  if (paths.tag) {
    write("tag", tagText);
  } else if (tagText !== "" && tagText !== image.values.newTag) {
    throw new UserError(`${where} has no tag path, so it cannot set the tag '${tagText}'; add a tag path to the pin.`);
  }
  if (digestPath) write("digest", after.digest);
  return writes;
}
function holdingsOf(pin, places) {
  return pinnedImagesOf(pin).map((entry) => {
    const slots = resolveSlots(pin, entry);
    const all = places.map((place, index) => ({ place: index, image: readHeldImage(entry, slots, place.read) }));
    const holding = all.filter(({ image }) => image.present);
    return holding.length > 0 || all.length !== 1 ? holding : all;
  });
}
function readPinnedImages(pin, places) {
  const entries = pinnedImagesOf(pin);
  return holdingsOf(pin, places).flatMap((holding, index) => {
    if (holding.length > 0 || places.length === 0) return holding.map(({ image }) => pinnedImageOf(image));
    return [pinnedImageOf(readHeldImage(entries[index], resolveSlots(pin, entries[index]), places[0].read))];
  });
}
function planPinEdit(pin, places, args) {
  const entries = pinnedImagesOf(pin);
  const writes = places.map(() => []);
  const changes = [];
  holdingsOf(pin, places).forEach((holding, index) => {
    if (holding.length === 0) refuseUnplaced(pin, places, entries[index], args);
    for (const { place, image } of holding) {
      const argument = argumentFor(image, args, pin.only);
      if (!argument) continue;
      if (image.entry.nameFromArgument) refuseAnotherImage(pin, image, argument);
      const plan = planImageEdit(pin, image, argument);
      if (!plan.change) continue;
      changes.push(plan.change);
      writes[place].push(...plan.writes);
    }
  });
  return { writes, changes };
}
function refuseAnotherImage(pin, image, argument) {
  const held = image.values.newName;
  if (held === "" || namesRepository(held, argument.name)) return;
  throw new UserError(
    `${pin.origin ?? pinLabel(pin)}: ${pin.file} holds ${held}, which '${argument.source}' does not name; if the file runs ${argument.name}, say so: ${argument.name}=${pin.file}.`
  );
}
function refuseUnplaced(pin, places, entry, args) {
  if (entry.name === "" || !args.some((argument) => argument.name === entry.name && (pin.only === void 0 || pin.only.includes(argument.name)))) return;
  const { paths } = resolveSlots(pin, entry);
  const path = formatValuesPath(paths.reference ?? paths.tag ?? paths.repository ?? []);
  const names = places.map((place) => place.name).join(", ");
  throw new UserError(
    places.length === 0 ? `${pinLabel(pin)}: there is nowhere to write image '${entry.name}'.` : `${pinLabel(pin)}: none of ${places.length} places (${names}) holds ${path} for image '${entry.name}'; add it to the one that runs the image.`
  );
}

// src/pins/yaml-insert.ts
var import_yaml2 = __toESM(require_dist(), 1);
var rangeOf = (node) => node?.range ?? null;
function keyStart(pair) {
  return rangeOf(pair.key)?.[0] ?? 0;
}
function pairEnd(source, pair) {
  const range = rangeOf(pair.value) ?? rangeOf(pair.key);
  return range ? trimLineBreak(source, range[1]) : 0;
}
function fileLayout(document, source) {
  let indent = 0;
  let sequenceIndent = -1;
  (0, import_yaml2.visit)(document, {
    Pair(_, pair) {
      const keyRange = rangeOf(pair.key);
      if (!keyRange) return;
      const keyColumn = columnOf(source, keyRange[0]);
      const value = pair.value;
      if (indent === 0 && (0, import_yaml2.isMap)(value) && !value.flow && value.items.length > 0) {
        const column = columnOf(source, keyStart(value.items[0]));
        if (column > keyColumn) indent = column - keyColumn;
      }
      if (sequenceIndent < 0 && (0, import_yaml2.isSeq)(value) && !value.flow && value.items.length > 0) {
        const first = rangeOf(value.items[0]);
        if (first) sequenceIndent = Math.max(0, columnOf(source, source.lastIndexOf("-", first[0])) - keyColumn);
      }
      return indent > 0 && sequenceIndent >= 0 ? import_yaml2.visit.BREAK : void 0;
    }
  });
  return { indent: indent || 2, sequenceIndent: Math.max(0, sequenceIndent) };
}
function siblingStyle(map) {
  const styles = new Set((map?.items ?? []).flatMap((pair) => (0, import_yaml2.isScalar)(pair.value) && typeof pair.value.value === "string" ? [String(pair.value.type)] : []));
  if (styles.size !== 1) return "PLAIN";
  const [style] = styles;
  return style === "QUOTE_DOUBLE" || style === "QUOTE_SINGLE" ? style : "PLAIN";
}
function keyText(key2) {
  return formatScalar(key2, "PLAIN");
}
function blockLines(keys, column, layout) {
  const pad = " ".repeat(column);
  const lines = [];
  for (const [key2, value] of keys) {
    if ("scalar" in value) {
      lines.push(`${pad}${keyText(key2)}: ${value.scalar}`);
    } else if ("keys" in value) {
      lines.push(`${pad}${keyText(key2)}:`, ...blockLines(value.keys, column + layout.indent, layout));
    } else {
      lines.push(`${pad}${keyText(key2)}:`);
      const dash = " ".repeat(column + layout.sequenceIndent);
      for (const item of value.items) {
        item.forEach(([field, text], index) => lines.push(`${index === 0 ? `${dash}- ` : `${dash}  `}${keyText(field)}: ${text}`));
      }
    }
  }
  return lines;
}
function flowText(keys) {
  return [...keys].map(([key2, value]) => {
    if ("scalar" in value) return `${keyText(key2)}: ${value.scalar}`;
    if ("keys" in value) return `${keyText(key2)}: {${flowText(value.keys)}}`;
    return `${keyText(key2)}: [${value.items.map((item) => `{${item.map(([field, text]) => `${keyText(field)}: ${text}`).join(", ")}}`).join(", ")}]`;
  }).join(", ");
}
function linesAt(source, at, lines, eol) {
  const atEndWithoutBreak = at === source.length && source.length > 0 && !source.endsWith("\n");
  return { start: at, end: at, text: atEndWithoutBreak ? eol + lines.join(eol) : lines.join(eol) + eol };
}
function insertKeys(text, document, container, keys, layout) {
  const { source, eol } = text;
  if (container.kind === "empty-document") {
    return [linesAt(source, document.range?.[1] ?? source.length, blockLines(keys, 0, layout), eol)];
  }
  if (container.kind === "empty-value") {
    const { pair, parent } = container;
    const value = pair.value;
    const valueRange = rangeOf(value);
    const nullStart = valueRange ? valueRange[0] - (source[valueRange[0] - 1] === " " ? 1 : 0) : 0;
    const removeNull = valueRange && valueRange[1] > valueRange[0] ? [{ start: nullStart, end: valueRange[1], text: "" }] : [];
    if (parent.flow) {
      const start = valueRange ? valueRange[0] : pairEnd(source, pair);
      const end = valueRange ? valueRange[1] : start;
      return [{ start, end, text: `${source[start - 1] === ":" ? " " : ""}{${flowText(keys)}}` }];
    }
    const lineEnd = lineEndAfter(source, valueRange ? valueRange[1] : pairEnd(source, pair));
    const column2 = columnOf(source, keyStart(pair)) + layout.indent;
    return [...removeNull, linesAt(source, lineEnd, blockLines(keys, column2, layout), eol)];
  }
  const { map } = container;
  const last = map.items.at(-1);
  if (map.flow) {
    if (last) return [{ start: pairEnd(source, last), end: pairEnd(source, last), text: `, ${flowText(keys)}` }];
    const open = source.indexOf("{", rangeOf(map)?.[0] ?? 0);
    return [{ start: open + 1, end: open + 1, text: flowText(keys) }];
  }
  if (!last) return [];
  const column = columnOf(source, keyStart(map.items[0]));
  return [linesAt(source, lineEndAfter(source, pairEnd(source, last)), blockLines(keys, column, layout), eol)];
}
function appendItems(text, seq, items) {
  const { source, eol } = text;
  const flowItem = (item) => `{${item.map(([field, value]) => `${keyText(field)}: ${value}`).join(", ")}}`;
  const last = seq.items.at(-1);
  if (seq.flow || !last) {
    if (last) return [{ start: pairEndOf(source, last), end: pairEndOf(source, last), text: `, ${items.map(flowItem).join(", ")}` }];
    const open = source.indexOf("[", rangeOf(seq)?.[0] ?? 0);
    return [{ start: open + 1, end: open + 1, text: items.map(flowItem).join(", ") }];
  }
  const first = seq.items[0];
  const dashColumn = columnOf(source, source.lastIndexOf("-", rangeOf(first)?.[0] ?? 0));
  const flowEntries = (0, import_yaml2.isMap)(first) && first.flow;
  const keyColumn = (0, import_yaml2.isMap)(first) && !first.flow && first.items.length > 0 ? columnOf(source, keyStart(first.items[0])) : dashColumn + 2;
  const lines = items.flatMap((item) => {
    if (flowEntries) return [`${" ".repeat(dashColumn)}- ${flowItem(item)}`];
    return item.map(([field, value], index) => {
      const lead = index === 0 ? `${" ".repeat(dashColumn)}-${" ".repeat(Math.max(1, keyColumn - dashColumn - 1))}` : " ".repeat(keyColumn);
      return `${lead}${keyText(field)}: ${value}`;
    });
  });
  return [linesAt(source, lineEndAfter(source, pairEndOf(source, last)), lines, eol)];
}
function pairEndOf(source, node) {
  const range = rangeOf(node);
  return range ? trimLineBreak(source, range[1]) : 0;
}

// src/pins/yaml-path.ts
var import_yaml4 = __toESM(require_dist(), 1);

// src/pins/yaml-anchors.ts
var import_yaml3 = __toESM(require_dist(), 1);
function keyText2(pair) {
  return (0, import_yaml3.isScalar)(pair.key) ? scalarText(pair.key) : "";
}
function isMergeKey(pair) {
  return (0, import_yaml3.isScalar)(pair.key) && pair.key.value === "<<" && pair.key.type === "PLAIN";
}
function resolved(node, document) {
  return (0, import_yaml3.isAlias)(node) ? node.resolve(document) : node;
}
function mergedMaps(pair, document) {
  const value = resolved(pair.value, document);
  const sources = (0, import_yaml3.isSeq)(value) ? value.items.map((item) => resolved(item, document)) : [value];
  return sources.filter((source) => (0, import_yaml3.isMap)(source));
}
function effectiveEntries(map, document, text, seen = /* @__PURE__ */ new Set()) {
  const entries = [];
  const keys = /* @__PURE__ */ new Set();
  for (const pair of map.items) {
    if (isMergeKey(pair)) continue;
    const key2 = keyText2(pair);
    keys.add(key2);
    entries.push({ key: key2, pair, mergedAt: null });
  }
  seen.add(map);
  for (const pair of map.items) {
    if (!isMergeKey(pair)) continue;
    const line = text.lineOf(pair.key.range?.[0] ?? 0);
    for (const source of mergedMaps(pair, document)) {
      if (seen.has(source)) continue;
      for (const entry of effectiveEntries(source, document, text, new Set(seen))) {
        if (keys.has(entry.key)) continue;
        keys.add(entry.key);
        entries.push({ ...entry, mergedAt: line });
      }
    }
  }
  return entries;
}
function hasAliases(document) {
  let found = false;
  (0, import_yaml3.visit)(document, {
    Alias() {
      found = true;
      return import_yaml3.visit.BREAK;
    }
  });
  return found;
}
function routesOfNodes(document, text) {
  const routes = /* @__PURE__ */ new Map();
  const lineOf2 = (node) => text.lineOf(node.range?.[0] ?? 0);
  const walk = (value, segments, alias, ancestors) => {
    if ((0, import_yaml3.isAlias)(value)) {
      const target = value.resolve(document);
      if (!target || ancestors.has(target)) return;
      walk(target, segments, alias ?? { name: value.source, line: lineOf2(target), at: lineOf2(value), scalar: (0, import_yaml3.isScalar)(target) }, ancestors);
      return;
    }
    if (!(0, import_yaml3.isScalar)(value) && !(0, import_yaml3.isMap)(value) && !(0, import_yaml3.isSeq)(value)) return;
    const node = value;
    const list = routes.get(node) ?? [];
    list.push({ path: formatValuesPath(segments), segments, line: alias ? alias.at : lineOf2(node), alias });
    routes.set(node, list);
    if ((0, import_yaml3.isScalar)(value)) return;
    ancestors.add(node);
    if ((0, import_yaml3.isSeq)(value)) {
      value.items.forEach((item, index) => {
        walk(item, [...segments, { index }], alias, ancestors);
      });
    }
    if ((0, import_yaml3.isMap)(value)) {
      for (const entry of effectiveEntries(value, document, text)) {
        const viaMerge = entry.mergedAt === null ? alias : alias ?? { name: "<<", line: entry.mergedAt, at: entry.mergedAt, scalar: false };
        walk(entry.pair.value, [...segments, { key: entry.key }], viaMerge, ancestors);
      }
    }
    ancestors.delete(node);
  };
  walk(document.contents, [], null, /* @__PURE__ */ new Set());
  return routes;
}

// src/pins/yaml-path.ts
function shownPath(root, path) {
  return formatValuesPath([...root.shownPrefix ?? [], ...path]);
}
function resolve(node, document) {
  return (0, import_yaml4.isAlias)(node) ? node.resolve(document) : node;
}
function isNullNode(node) {
  return node === null || node === void 0 || (0, import_yaml4.isScalar)(node) && node.value === null;
}
function describe(node) {
  if ((0, import_yaml4.isMap)(node)) return "a mapping";
  if ((0, import_yaml4.isSeq)(node)) return "a list";
  if ((0, import_yaml4.isScalar)(node) && node.value === null) return "empty (null)";
  const text = scalarText(node);
  return `'${text.length > 40 ? `${text.slice(0, 40)}\u2026` : text}'`;
}
function lookupPath(root, path, role) {
  const { document, text } = root;
  const fail = (problem) => {
    throw new UserError(`${text.file}: ${problem}`);
  };
  let node = document.contents;
  let holder = null;
  let inherited = null;
  for (let i = 0; i < path.length; i += 1) {
    node = resolve(node, document);
    const segment = path[i];
    const here = shownPath(root, path.slice(0, i));
    if (isNullNode(node)) {
      const container = holder ? { kind: "empty-value", ...holder } : { kind: "empty-document" };
      return { kind: "missing", container, rest: path.slice(i), inherited };
    }
    if (isIndex(segment)) {
      if (!(0, import_yaml4.isSeq)(node)) fail(`${here} is ${describe(node)}, not a list, so ${shownPath(root, path.slice(0, i + 1))} does not exist.`);
      const items = node.items;
      if (segment.index >= items.length) return { kind: "missing", container: { kind: "empty-document" }, rest: path.slice(i), inherited };
      node = items[segment.index];
      holder = null;
      continue;
    }
    if (!(0, import_yaml4.isMap)(node)) {
      const hint = (0, import_yaml4.isSeq)(node) ? `write ${here}[0] and the keys after it` : `name the path that holds ${role} (a whole image reference is a reference path)`;
      fail(`${here || "the top level"} is ${describe(node)}, not a mapping, so it has no key '${segment.key}'; ${hint}.`);
    }
    const map = node;
    const entry = effectiveEntries(map, document, text).find((candidate) => candidate.key === segment.key);
    if (!entry) return { kind: "missing", container: { kind: "map", map }, rest: path.slice(i), inherited };
    if (entry.mergedAt !== null && !inherited) inherited = { index: i, map, line: entry.mergedAt };
    holder = { pair: entry.pair, parent: map };
    node = entry.pair.value;
  }
  node = resolve(node, document);
  const where = shownPath(root, path);
  if ((0, import_yaml4.isMap)(node) || (0, import_yaml4.isSeq)(node)) fail(`${where} is ${describe(node)}, not a scalar; name the scalar that holds ${role}.`);
  if (!(0, import_yaml4.isScalar)(node)) fail(`${where} has a key but no value to replace; write it as 'key: value'.`);
  const at = holder?.pair.key?.range?.[0] ?? node.range?.[0] ?? 0;
  return { kind: "scalar", node, inherited, at };
}
function readValue(root, path, role) {
  const found = lookupPath(root, path, role);
  if (found.kind === "scalar") return { value: scalarText(found.node), exists: true, offset: found.at };
  return { value: "", exists: false, offset: containerOffset(found.container) };
}
function containerOffset(container) {
  if (container.kind === "map") return container.map.range?.[0] ?? 0;
  if (container.kind === "empty-value") return container.pair.key?.range?.[0] ?? 0;
  return 0;
}
function styleOf(node) {
  return node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE" ? node.type : "PLAIN";
}
function holds(node, write) {
  if (write.rawText !== void 0) return scalarText(node).toLowerCase() === write.rawText;
  return node.value === write.value || write.value === "" && node.value === null;
}
function replaceScalar(source, node, text) {
  const range = node.range ?? [0, 0, 0];
  if (range[1] > range[0]) return { start: range[0], end: trimLineBreak(source, range[1]), text };
  let colon = range[0];
  while (colon > 0 && (source[colon - 1] === " " || source[colon - 1] === "	")) colon -= 1;
  if (source[colon - 1] !== ":") return { start: range[0], end: range[0], text };
  const comment = source[range[0]] === "#";
  return { start: colon, end: colon, text: ` ${text}${comment && colon === range[0] ? " " : ""}` };
}
function writeValues(root, writes, protectedPaths = /* @__PURE__ */ new Set()) {
  const { text, document } = root;
  const byPath = /* @__PURE__ */ new Map();
  for (const write of writes) {
    const path = formatValuesPath(write.path);
    const earlier = byPath.get(path);
    if (earlier && earlier.value !== write.value) {
      throw new UserError(`${text.file}: ${shownPath(root, write.path)} would be set to both '${earlier.value}' and '${write.value}'; give it one value.`);
    }
    byPath.set(path, write);
  }
  const routes = hasAliases(document) ? routesOfNodes(document, text) : null;
  const scalars = /* @__PURE__ */ new Map();
  const additions = /* @__PURE__ */ new Map();
  for (const write of byPath.values()) {
    const found = lookupPath(root, write.path, write.role);
    if (write.items && found.kind === "scalar") {
      throw new UserError(
        `${text.file}: ${shownPath(root, write.path)} is ${describe(found.node)}, not a list; write it as a list (or remove it) to have entries added.`
      );
    }
    if (found.kind === "scalar" && found.inherited === null) {
      if (routes) checkShared(root, routes.get(found.node) ?? [], write, byPath, protectedPaths);
      const earlier = scalars.get(found.node);
      if (earlier && earlier.value !== write.value) {
        throw new UserError(
          `${text.file}: ${shownPath(root, write.path)} and ${shownPath(root, earlier.path)} are one value (an alias); they cannot be set to '${write.value}' and '${earlier.value}'.`
        );
      }
      if (!holds(found.node, write)) scalars.set(found.node, write);
      continue;
    }
    const { container, rest } = placeOfNewKey(root, write, found);
    if (routes) checkContainerShared(root, routes, container, write);
    const key2 = container.kind === "map" ? container.map : container.kind === "empty-value" ? container.pair : document;
    const addition = additions.get(key2) ?? {
      container,
      keys: /* @__PURE__ */ new Map(),
      style: siblingStyle(container.kind === "map" ? container.map : null)
    };
    addition.keys = mergeKeys(addition.keys, rest, write, addition.style);
    additions.set(key2, addition);
  }
  const splices = [];
  for (const [node, write] of scalars) splices.push(replaceScalar(text.source, node, write.rawText ?? formatScalar(write.value, styleOf(node))));
  if (additions.size > 0) {
    const layout = fileLayout(document, text.source);
    for (const { container, keys } of additions.values()) splices.push(...insertKeys(text, document, container, keys, layout));
  }
  return splices;
}
function placeOfNewKey(root, write, found) {
  const file = root.text.file;
  const where = shownPath(root, write.path);
  if (found.inherited) {
    if (found.inherited.index !== write.path.length - 1) {
      throw new UserError(
        `${file}: ${where} comes from the merge key (<<) on line ${found.inherited.line}; give ${shownPath(root, write.path.slice(0, found.inherited.index + 1))} its own keys to set it here.`
      );
    }
    return { container: { kind: "map", map: found.inherited.map }, rest: write.path.slice(-1) };
  }
  if (found.kind !== "missing") throw new Error("internal: a found scalar has no place for a new key");
  const index = found.rest.findIndex(isIndex);
  if (index >= 0) {
    const entry = write.path.slice(0, write.path.length - found.rest.length + index + 1);
    throw new UserError(`${file}: ${shownPath(root, entry)} does not exist, so ${where} cannot be set; add that list entry first.`);
  }
  return { container: found.container, rest: found.rest };
}
function mergeKeys(keys, rest, write, style) {
  const [first, ...more] = rest;
  if (more.length === 0) {
    keys.set(first.key, write.items ? { items: write.items } : { scalar: write.rawText ?? formatScalar(write.value, style) });
    return keys;
  }
  const existing = keys.get(first.key);
  const nested = existing && "keys" in existing ? existing.keys : /* @__PURE__ */ new Map();
  keys.set(first.key, { keys: mergeKeys(nested, more, write, style) });
  return keys;
}
function checkShared(root, routes, write, byPath, protectedPaths) {
  if (routes.length < 2) return;
  const own = formatValuesPath(write.path);
  const ownAlias = routes.find((route) => route.path === own)?.alias ?? null;
  for (const route of routes) {
    if (route.path === own || byPath.get(route.path)?.value === write.value) continue;
    if (route.alias === null && !protectedPaths.has(route.path) && ownAlias?.scalar !== false) continue;
    const where = shownPath(root, write.path);
    const anchor = ownAlias ?? route.alias;
    let subject = `${where} is one value with another path`;
    if (anchor?.name === "<<") subject = `${where} comes through the merge key on line ${anchor.at}`;
    else if (ownAlias) subject = `${where} is the alias *${ownAlias.name} (line ${ownAlias.at}) of the anchor &${ownAlias.name} on line ${ownAlias.line}`;
    else if (anchor) subject = `${where} holds the anchor &${anchor.name} (line ${anchor.line})`;
    throw new UserError(
      `${root.text.file}: ${subject}, which ${shownPath(root, route.segments)} (line ${route.line}) also uses; set both to the same value in this edit, or give ${where} its own value instead of the alias.`
    );
  }
}
function checkContainerShared(root, routes, container, write) {
  const map = container.kind === "map" ? container.map : container.kind === "empty-value" ? container.parent : null;
  const shared = map ? routes.get(map) ?? [] : [];
  if (shared.length < 2) return;
  const [first, second] = shared.map((route) => `${shownPath(root, route.segments) || "the top level"} (line ${route.line})`);
  throw new UserError(
    `${root.text.file}: ${shownPath(root, write.path)} would be added to a mapping that ${first} and ${second} share through an anchor; add the key there by hand, or give each its own mapping.`
  );
}

// src/pins/argocd-helm-parameters-editor.ts
var key = (name) => ({ key: name });
var PARAMETER_FIELDS = ["name", "value", "forceString"];
function appDocuments(text) {
  const apps = [];
  for (const document of parseYamlDocuments(text)) {
    if (!(0, import_yaml5.isMap)(document.contents) || !stringField(document, "apiVersion").startsWith("argoproj.io/")) continue;
    const kind = stringField(document, "kind");
    if (kind === "Application") apps.push({ root: { text, document }, spec: [key("spec")], kind });
    if (kind === "ApplicationSet") apps.push({ root: { text, document }, spec: [key("spec"), key("template"), key("spec")], kind });
  }
  if (apps.length === 0)
    throw new UserError(`${text.file} holds no Argo CD Application (apiVersion argoproj.io/v1alpha1, kind Application or ApplicationSet).`);
  return apps;
}
function nodeAt(app, path) {
  return app.root.document.getIn(
    path.map((segment) => "key" in segment ? segment.key : segment.index),
    true
  );
}
function helmSources(app) {
  const { file } = app.root.text;
  const sources = nodeAt(app, [...app.spec, key("sources")]);
  const paths = (0, import_yaml5.isSeq)(sources) && sources.items.length > 0 ? sources.items.map((_, index) => [...app.spec, key("sources"), { index }]) : [[...app.spec, key("source")]];
  const withHelm = paths.filter((path) => (0, import_yaml5.isMap)(nodeAt(app, [...path, key("helm")])));
  const withChart = paths.filter((path) => scalarText(nodeAt(app, [...path, key("chart")])) !== "");
  const chosen = withHelm.length > 0 ? withHelm : withChart;
  if (chosen.length === 0) {
    throw new UserError(`${file}: ${formatValuesPath(app.spec)} has no source with helm settings or a chart, so there are no Helm parameters to edit.`);
  }
  return chosen.map((path) => readSource(app, path));
}
function readSource(app, path) {
  const { file } = app.root.text;
  const helm = [...path, key("helm")];
  const parameters = nodeAt(app, [...helm, key("parameters")]);
  if (parameters !== void 0 && !(0, import_yaml5.isSeq)(parameters)) {
    throw new UserError(`${file}: ${formatValuesPath([...helm, key("parameters")])} is not a list; write it as a list of name and value (or remove it).`);
  }
  const list = (parameters?.items ?? []).flatMap((item, index) => {
    if (!(0, import_yaml5.isMap)(item)) return [];
    return [{ index, path: tryParseValuesPath(scalarText(item.get("name", true))), map: item }];
  });
  return { app, path, parameters: parameters ?? null, list, layer: valuesLayer(app, helm) };
}
function valuesLayer(app, helm) {
  const { text } = app.root;
  const object = nodeAt(app, [...helm, key("valuesObject")]);
  if ((0, import_yaml5.isMap)(object)) return { root: app.root, base: [...helm, key("valuesObject")], toOuter: (splices) => [...splices] };
  const valuesPath = [...helm, key("values")];
  const values = nodeAt(app, valuesPath);
  if (values === void 0 || values === null || (0, import_yaml5.isScalar)(values) && values.value === null) return null;
  const shown = formatValuesPath(valuesPath);
  if (!(0, import_yaml5.isScalar)(values) || typeof values.value !== "string") {
    throw new UserError(`${text.file}: ${shown} is not a string; Argo CD reads it as YAML text: write it as a block (values: |), or use valuesObject.`);
  }
  const pair = nodeAt(app, helm).items.find((item) => (0, import_yaml5.isScalar)(item.key) && item.key.value === "values");
  const embedded = embeddedYaml(text, pair, values, shown);
  const document = parseYamlDocument(embedded.text, `${text.file}: ${shown}`);
  if (!isEmptyDocument(document) && !(0, import_yaml5.isMap)(document.contents)) throw new UserError(`${text.file}: ${shown} holds YAML whose top level is not a mapping.`);
  return { root: { text: embedded.text, document, shownPrefix: valuesPath }, base: [], toOuter: embedded.toOuter };
}
function parametersPath(source) {
  return [...source.path, key("helm"), key("parameters")];
}
function parametersFor(source, path) {
  return source.list.filter((parameter) => parameter.path !== null && sameValuesPath(parameter.path, path));
}
function refuseTemplated(source, held) {
  if (source.app.kind === "ApplicationSet" && held.value.includes("{{")) {
    throw new UserError(
      `${source.app.root.text.file}: ${held.location} is '${held.value}', which the ApplicationSet's generators fill in; pin the image where the generator's value comes from.`
    );
  }
}
function readFromSource(source, path, role) {
  const { root } = source.app;
  const parameter = parametersFor(source, path).at(-1);
  if (parameter) {
    const at = [...parametersPath(source), { index: parameter.index }, key("value")];
    const held = readValue(root, at, role);
    return {
      ...held,
      location: `${shownPath(root, at.slice(0, -1))} (${formatHelmSetName(path)})`,
      line: root.text.lineOf(parameter.map.range?.[0] ?? 0),
      layer: false
    };
  }
  if (source.layer) {
    const full = [...source.layer.base, ...path];
    const held = readValue(source.layer.root, full, role);
    if (held.exists) return { ...held, location: shownPath(source.layer.root, full), line: source.layer.root.text.lineOf(held.offset), layer: true };
  }
  const helm = nodeAt(source.app, [...source.path, key("helm")]) ?? nodeAt(source.app, source.path);
  return {
    value: "",
    exists: false,
    location: formatValuesPath(parametersPath(source)),
    line: root.text.lineOf(helm?.range?.[0] ?? 0),
    layer: false
  };
}
function setWouldRetype(value) {
  if (/^(true|false|null|0)$/i.test(value)) return true;
  return /^[+-]?[1-9][0-9]*$/.test(value) && BigInt(value) <= 2n ** 63n - 1n && BigInt(value) >= -(2n ** 63n);
}
function planSourceWrites(source, writes) {
  const planned = { outer: [], layer: [], added: [] };
  const firstKeys = source.list[0]?.map.items.map((pair) => scalarText(pair.key)).filter((name) => PARAMETER_FIELDS.includes(name)) ?? [];
  const order = firstKeys.length >= 2 ? [...firstKeys, ...PARAMETER_FIELDS.filter((name) => !firstKeys.includes(name))] : PARAMETER_FIELDS;
  const valueStyle = parameterValueStyle(source.list);
  for (const write of writes) {
    const held = readFromSource(source, write.path, write.role);
    if (held.exists) refuseTemplated(source, held);
    const parameters = parametersFor(source, write.path);
    if (parameters.length > 0) {
      for (const parameter of parameters) {
        const at = [...parametersPath(source), { index: parameter.index }];
        planned.outer.push({ ...write, path: [...at, key("value")] });
        const forced = scalarText(parameter.map.get("forceString", true)).toLowerCase() === "true";
        if (!forced && setWouldRetype(write.value))
          planned.outer.push({ path: [...at, key("forceString")], value: "true", rawText: "true", role: "forceString" });
      }
    } else if (held.layer && source.layer) {
      planned.layer.push({ ...write, path: [...source.layer.base, ...write.path] });
    } else if (write.value !== "") {
      const fields = {
        name: formatScalar(formatHelmSetName(write.path), "PLAIN"),
        value: formatScalar(write.value, valueStyle),
        forceString: "true"
      };
      planned.added.push(order.map((name) => [name, fields[name]]));
    }
  }
  return planned;
}
function parameterValueStyle(list) {
  const styles = new Set(list.map((parameter) => parameter.map.get("value", true)).flatMap((node) => (0, import_yaml5.isScalar)(node) ? [String(node.type)] : []));
  const [style] = styles;
  return styles.size === 1 && (style === "QUOTE_SINGLE" || style === "QUOTE_DOUBLE") ? style : "PLAIN";
}
function sourcePlace(source) {
  return { name: formatValuesPath(source.path), read: (path, role) => readFromSource(source, path, role) };
}
function read(pin, source) {
  const sources = appDocuments(yamlText(source, pin.file)).flatMap(helmSources);
  return readPinnedImages(pin, sources.map(sourcePlace));
}
function edit(pin, text, args) {
  const apps = appDocuments(yamlText(text, pin.file));
  const sources = apps.flatMap(helmSources);
  const { writes, changes } = planPinEdit(pin, sources.map(sourcePlace), args);
  const slots = slotPaths(pinnedImagesOf(pin).map((entry) => resolveSlots(pin, entry)));
  const splices = [];
  for (const app of apps) {
    const outer = [];
    const protectedPaths = /* @__PURE__ */ new Set();
    sources.forEach((source, index) => {
      if (source.app !== app || writes[index].length === 0) return;
      const planned = planSourceWrites(source, writes[index]);
      outer.push(...planned.outer);
      if (source.layer) {
        for (const path of slots) protectedPaths.add(formatValuesPath([...source.layer.base, ...path]));
        if (source.layer.root.document === app.root.document) outer.push(...planned.layer);
        else if (planned.layer.length > 0)
          splices.push(...source.layer.toOuter(writeValues(source.layer.root, planned.layer, new Set(slots.map(formatValuesPath)))));
      }
      if (planned.added.length === 0) return;
      if (source.parameters) splices.push(...appendItems(app.root.text, source.parameters, planned.added));
      else outer.push({ path: parametersPath(source), value: "", items: planned.added, role: "the parameters" });
    });
    if (outer.length > 0) splices.push(...writeValues(app.root, outer, protectedPaths));
  }
  return { text: splices.length > 0 ? applySplices(text, splices) : text, changes };
}
var argocdHelmParametersEditor = { read, edit };

// src/pins/argocd-application-sources.ts
var import_yaml7 = __toESM(require_dist(), 1);

// src/pins/argocd-image-entry.ts
function imageArgumentOfEntry(entry, file, location) {
  try {
    return parseImageArgument(entry, location);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const problem = error.message.slice(`Input '${error.input}': `.length);
    throw new UserError(`${file}: ${location} ${problem}`);
  }
}
function holdsBuildVariable(entry) {
  return /\$(\{?)[A-Za-z_]/.test(entry);
}
function looseImageArgumentOfEntry(entry) {
  const source = entry.trim();
  const eq = source.indexOf("=");
  const value = eq < 0 ? source : source.slice(eq + 1);
  const parts = splitImageReference(value);
  return {
    source,
    name: eq < 0 ? parts.name : source.slice(0, eq),
    newName: eq < 0 ? "" : parts.name,
    newTag: parts.tag,
    digest: parts.digest
  };
}
function formatImageEntry(name, values) {
  const tag = values.newTag ? `:${values.newTag}` : "";
  const digest = values.digest ? `@${values.digest}` : "";
  return `${name}${values.newName ? `=${values.newName}` : ""}${tag}${digest}`;
}
function valuesOf(argument) {
  return { newName: argument.newName, newTag: argument.newTag, digest: argument.digest };
}

// src/pins/yaml-nodes.ts
var import_yaml6 = __toESM(require_dist(), 1);
function parseYamlStream(source, file) {
  const lineCounter = new import_yaml6.LineCounter();
  const parsed = (0, import_yaml6.parseAllDocuments)(source, { lineCounter, prettyErrors: true });
  const documents = Array.isArray(parsed) ? parsed : [];
  for (const document of documents) {
    if (document.errors.length > 0) throw new UserError(`${file} is not valid YAML: ${yamlErrorText(document.errors[0])}.`);
  }
  return { source, documents, lineCounter };
}
function lineOf(stream, offset) {
  return stream.lineCounter.linePos(offset).line;
}
function rangeOf2(node) {
  const range = node?.range;
  if (!range) throw new Error("internal: a parsed YAML node has no source range");
  return range;
}
function pairOf(map, key2) {
  return map.items.find((pair) => (0, import_yaml6.isScalar)(pair.key) && pair.key.value === key2);
}
function mapAt(map, key2) {
  const value = pairOf(map, key2)?.value;
  return (0, import_yaml6.isMap)(value) ? value : null;
}
function textAt(map, key2) {
  if (!map) return "";
  const value = pairOf(map, key2)?.value;
  return (0, import_yaml6.isScalar)(value) ? scalarText(value) : "";
}
function keyStart2(pair) {
  return rangeOf2(pair.key)[0];
}
function contentEnd(source, node) {
  if ((0, import_yaml6.isPair)(node)) {
    const empty = node.value === null || (0, import_yaml6.isScalar)(node.value) && node.value.value === null && rangeOf2(node.value)[1] <= rangeOf2(node.value)[0];
    return empty ? rangeOf2(node.key)[1] : contentEnd(source, node.value);
  }
  if (((0, import_yaml6.isMap)(node) || (0, import_yaml6.isSeq)(node)) && !node.flow && node.items.length > 0) return contentEnd(source, node.items.at(-1));
  return trimLineBreak(source, rangeOf2(node)[1]);
}
function scalarStyleOf(node) {
  if (node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE") return node.type;
  if (node.type === "BLOCK_LITERAL" || node.type === "BLOCK_FOLDED") return "BLOCK";
  return "PLAIN";
}
function describeNode(node) {
  if ((0, import_yaml6.isMap)(node)) return "a mapping";
  if ((0, import_yaml6.isSeq)(node)) return "a list";
  if ((0, import_yaml6.isAlias)(node)) return "an alias";
  if ((0, import_yaml6.isScalar)(node)) return node.value === null ? "empty" : `'${scalarText(node)}'`;
  return "something else";
}
function indentStyleOf(stream) {
  let map;
  let sequence;
  const visit4 = (node, keyColumn) => {
    if ((0, import_yaml6.isMap)(node) && !node.flow) {
      if (keyColumn !== null && node.items.length > 0) map ??= columnOf(stream.source, keyStart2(node.items[0])) - keyColumn;
      for (const pair of node.items) visit4(pair.value, columnOf(stream.source, keyStart2(pair)));
    } else if ((0, import_yaml6.isSeq)(node) && !node.flow) {
      const first = node.items[0];
      if (keyColumn !== null && first) {
        const dash = stream.source.lastIndexOf("-", rangeOf2(first)[0]);
        sequence ??= Math.max(0, columnOf(stream.source, dash) - keyColumn);
      }
      for (const item of node.items) visit4(item, null);
    }
  };
  for (const document of stream.documents) visit4(document.contents, null);
  return { map: map !== void 0 && map > 0 ? map : 2, sequence: sequence ?? 0 };
}

// src/pins/argocd-application-sources.ts
var ARGOCD_API_VERSION = "argoproj.io/v1alpha1";
function readApplicationFile(source, file) {
  const stream = parseYamlStream(source, file);
  const applications = stream.documents.flatMap((document) => isApplication(document.contents) ? [document.contents] : []);
  if (applications.length === 0) {
    throw new UserError(`${file} is not an Argo CD Application: no document has apiVersion ${ARGOCD_API_VERSION} and kind Application.`);
  }
  const named = applications.length > 1;
  const sources = applications.flatMap((application) => readSources(stream, file, application, named));
  return { stream, sources };
}
function isApplication(contents) {
  return (0, import_yaml7.isMap)(contents) && textAt(contents, "apiVersion") === ARGOCD_API_VERSION && textAt(contents, "kind") === "Application";
}
function readSources(stream, file, application, named) {
  const name = textAt(mapAt(application, "metadata"), "name");
  const where = (path) => named ? `${path} (Application ${name || "without a name"})` : path;
  const spec = mapAt(application, "spec");
  if (!spec) return [];
  const sources = pairOf(spec, "sources")?.value;
  if ((0, import_yaml7.isSeq)(sources) && sources.items.length > 0) {
    return sources.items.map((item, index) => {
      if (!(0, import_yaml7.isMap)(item)) throw new UserError(`${file}: ${where(`spec.sources[${index}]`)} is ${describeNode(item)}, not a mapping.`);
      return readSource2(stream, file, { application: name, index, yamlPath: `spec.sources[${index}]`, node: item }, where);
    });
  }
  const single = pairOf(spec, "source")?.value;
  if (single === void 0 || single === null || (0, import_yaml7.isScalar)(single) && single.value === null) return [];
  if (!(0, import_yaml7.isMap)(single)) throw new UserError(`${file}: ${where("spec.source")} is ${describeNode(single)}, not a mapping.`);
  return [readSource2(stream, file, { application: name, index: null, yamlPath: "spec.source", node: single }, where)];
}
function readSource2(stream, file, place, where) {
  const { node, yamlPath } = place;
  const kustomizePair = pairOf(node, "kustomize") ?? null;
  const kustomizeValue = kustomizePair?.value ?? null;
  if (kustomizeValue !== null && !(0, import_yaml7.isMap)(kustomizeValue) && !isEmptyScalar(kustomizeValue)) {
    throw new UserError(`${file}: ${where(`${yamlPath}.kustomize`)} is ${describeNode(kustomizeValue)}, not a mapping.`);
  }
  const kustomize = (0, import_yaml7.isMap)(kustomizeValue) ? kustomizeValue : null;
  const imagesPair = (kustomize && pairOf(kustomize, "images")) ?? null;
  const imagesValue = imagesPair?.value ?? null;
  if (imagesValue !== null && !(0, import_yaml7.isSeq)(imagesValue) && !isEmptyScalar(imagesValue)) {
    throw new UserError(`${file}: ${where(`${yamlPath}.kustomize.images`)} is ${describeNode(imagesValue)}, not a list of image strings.`);
  }
  const images = (0, import_yaml7.isSeq)(imagesValue) ? imagesValue : null;
  const entries = (images?.items ?? []).map((item, index) => readEntry(stream, file, item, where(`${yamlPath}.kustomize.images[${index}]`)));
  const chart = textAt(node, "chart");
  return {
    application: place.application,
    index: place.index,
    yamlPath,
    repoURL: textAt(node, "repoURL"),
    path: textAt(node, "path"),
    targetRevision: textAt(node, "targetRevision"),
    chart,
    node,
    kustomizePair,
    kustomize,
    imagesPair,
    images,
    entries,
    // Argo CD takes an explicit Helm, directory or plugin setting over the folder's kustomization, and a chart is never one.
    mayBuildWithKustomize: chart === "" && !["helm", "directory", "plugin"].some((key2) => pairOf(node, key2))
  };
}
function readEntry(stream, file, item, location) {
  if ((0, import_yaml7.isAlias)(item)) throw new UserError(`${file}: ${location} is an alias; write the image string out so it can be edited.`);
  if (!(0, import_yaml7.isScalar)(item) || item.value === null || typeof item.value === "object") {
    throw new UserError(`${file}: ${location} is ${describeNode(item)}, not a string such as web=ghcr.io/acme/web:1.4.2.`);
  }
  const text = scalarText(item);
  const substituted = holdsBuildVariable(text);
  const argument = substituted ? looseImageArgumentOfEntry(text) : imageArgumentOfEntry(text, file, location);
  return { text, node: item, argument, substituted, location, line: lineOf(stream, rangeOf2(item)[0]) };
}
function isEmptyScalar(node) {
  return (0, import_yaml7.isScalar)(node) && node.value === null;
}

// src/pins/argocd-kustomize-images-editor.ts
function argoCdKustomizeImagesEditor(options = {}) {
  return {
    read: readKustomizeImages,
    edit: (pin, source, args) => editKustomizeImages(pin, source, args, options)
  };
}
var argoCdKustomizeImages = argoCdKustomizeImagesEditor();
function mayChange(pin, name) {
  return pin.only === void 0 || pin.only.includes(name);
}
function readKustomizeImages(pin, source) {
  return readApplicationFile(source, pin.file).sources.flatMap((each) => each.entries).filter((entry) => mayChange(pin, entry.argument.name)).map((entry) => ({ name: entry.argument.name, values: valuesOf(entry.argument), location: entry.location, line: entry.line }));
}
function editKustomizeImages(pin, source, args, options) {
  const file = readApplicationFile(source, pin.file);
  const eol = detectLineEnding(source);
  const indent = indentStyleOf(file.stream);
  const wanted = args.filter((argument) => mayChange(pin, argument.name));
  const newStyle = entryStyle(file.sources.flatMap((each) => each.entries));
  const splices = [];
  const changes = [];
  const added = [];
  file.sources.forEach((each, sourceIndex) => {
    const additions = [];
    for (const argument of wanted) {
      const matches = each.entries.filter((entry) => entry.argument.name === argument.name);
      if (matches.length === 0) {
        if (!each.mayBuildWithKustomize || options.addMissing?.(argument.name, refOf(each)) !== true) continue;
        const values = mergedValues(argument, null);
        if (IMAGE_FIELDS.every((field) => values[field] === "")) continue;
        additions.push({ argument, values, text: entryText(pin.file, `${each.yamlPath}.kustomize.images`, argument, values) });
        continue;
      }
      for (const entry of matches) {
        const change = changeEntry(source, pin.file, entry, argument);
        if (!change) continue;
        splices.push(change.splice);
        changes.push(change.change);
      }
    }
    if (additions.length === 0) return;
    const style = entryStyle(each.entries) ?? newStyle ?? "PLAIN";
    const texts = additions.map((addition) => formatScalar(addition.text, style));
    splices.push(...addEntries(source, each, texts, indent, eol));
    additions.forEach((addition, index) => added.push({ sourceIndex, entryIndex: each.entries.length + index, addition }));
  });
  const text = splices.length > 0 ? applySplices(source, splices) : source;
  if (added.length > 0) changes.push(...addedChanges(text, pin.file, added));
  return { text, changes };
}
function refOf(each) {
  const { application, index, repoURL, path, targetRevision, chart } = each;
  return { application, index, repoURL, path, targetRevision, chart };
}
function changeEntry(source, file, entry, argument) {
  const before = valuesOf(entry.argument);
  const after = mergedValues(argument, before);
  if (IMAGE_FIELDS.every((field) => after[field] === before[field])) return null;
  if (entry.substituted) {
    throw new UserError(
      `${file}: ${entry.location} '${entry.text}' holds a variable Argo CD substitutes at build time; write the image out, or keep ${argument.name} out of this pin.`
    );
  }
  const text = entryText(file, entry.location, argument, after);
  const [start, end] = rangeOf2(entry.node);
  const style = scalarStyleOf(entry.node);
  const splice = { start, end: trimLineBreak(source, end), text: formatScalar(text, style === "BLOCK" ? "PLAIN" : style) };
  const dropped = IMAGE_FIELDS.filter((field) => before[field] !== "" && after[field] === "");
  return { splice, change: { name: argument.name, argument: argument.source, before, after, dropped, location: entry.location, line: entry.line } };
}
function mergedValues(argument, before) {
  const pick = (field) => argument[field] === KEEP ? before?.[field] ?? "" : argument[field];
  return { newName: pick("newName"), newTag: pick("newTag"), digest: pick("digest") };
}
function entryText(file, location, argument, values) {
  if (IMAGE_FIELDS.every((field) => values[field] === "")) {
    throw new UserError(
      `${file}: ${location}: '${argument.source}' leaves ${argument.name} with no new name, tag or digest, which is no argument for kustomize; remove the entry instead.`
    );
  }
  const text = formatImageEntry(argument.name, values);
  let reread = null;
  try {
    reread = parseImageArgument(text);
  } catch {
  }
  if (!reread || reread.name !== argument.name || IMAGE_FIELDS.some((field) => reread[field] !== values[field])) {
    throw new UserError(`${file}: ${location}: ${argument.name} with these values cannot be written as one image string ('${text}' reads otherwise).`);
  }
  return text;
}
function entryStyle(entries) {
  const first = entries.at(0);
  if (!first) return void 0;
  const style = scalarStyleOf(first.node);
  return style === "BLOCK" ? "PLAIN" : style;
}
function addedChanges(text, file, added) {
  const sources = readApplicationFile(text, file).sources;
  return added.map(({ sourceIndex, entryIndex, addition }) => {
    const entry = sources[sourceIndex].entries[entryIndex];
    return {
      name: addition.argument.name,
      argument: addition.argument.source,
      before: null,
      after: addition.values,
      dropped: [],
      location: entry.location,
      line: entry.line
    };
  });
}
function addEntries(source, each, texts, indent, eol) {
  const pad = (column2) => " ".repeat(column2);
  const listLines = (dashColumn, gap = 1) => texts.map((text) => `${pad(dashColumn)}-${pad(gap)}${text}`);
  const { images, imagesPair, kustomize, kustomizePair, node } = each;
  if (images?.flow) return [appendToFlowList(source, images, texts)];
  if (images) {
    const first = rangeOf2(images.items[0])[0];
    const dash = source.lastIndexOf("-", first);
    const gap = source.slice(dash + 1, first).includes("\n") ? 1 : first - dash - 1;
    return [insertLines(source, contentEnd(source, images), listLines(columnOf(source, dash), gap), eol)];
  }
  if (imagesPair) {
    const column2 = columnOf(source, keyStart2(imagesPair)) + indent.sequence;
    return [...dropNullValue(source, imagesPair), insertLines(source, rangeOf2(imagesPair.key)[1], listLines(column2), eol)];
  }
  if (kustomize?.flow) return [appendToFlowMap(source, kustomize, `images: [${texts.join(", ")}]`)];
  if (kustomize) {
    const column2 = columnOf(source, keyStart2(kustomize.items[0]));
    return [insertLines(source, contentEnd(source, kustomize), [`${pad(column2)}images:`, ...listLines(column2 + indent.sequence)], eol)];
  }
  if (kustomizePair) {
    const column2 = columnOf(source, keyStart2(kustomizePair)) + indent.map;
    const lines2 = [`${pad(column2)}images:`, ...listLines(column2 + indent.sequence)];
    return [...dropNullValue(source, kustomizePair), insertLines(source, rangeOf2(kustomizePair.key)[1], lines2, eol)];
  }
  if (node.flow) return [appendToFlowMap(source, node, `kustomize: {images: [${texts.join(", ")}]}`)];
  const column = columnOf(source, keyStart2(node.items[0]));
  const lines = [`${pad(column)}kustomize:`, `${pad(column + indent.map)}images:`, ...listLines(column + indent.map + indent.sequence)];
  return [insertLines(source, contentEnd(source, node), lines, eol)];
}
function insertLines(source, after, lines, eol) {
  const at = lineEndAfter(source, after);
  const atEndWithoutBreak = at === source.length && !source.endsWith("\n");
  return { start: at, end: at, text: atEndWithoutBreak ? eol + lines.join(eol) : lines.join(eol) + eol };
}
function dropNullValue(source, pair) {
  const value = pair.value;
  if (!value?.range || value.range[1] <= value.range[0]) return [];
  const colon = source.indexOf(":", rangeOf2(pair.key)[1]);
  return [{ start: colon + 1, end: value.range[1], text: "" }];
}
function appendToFlowList(source, list, texts) {
  const last = list.items.at(-1);
  if (last) return { start: rangeOf2(last)[1], end: rangeOf2(last)[1], text: `, ${texts.join(", ")}` };
  const close = source.lastIndexOf("]", rangeOf2(list)[1]);
  return { start: close, end: close, text: texts.join(", ") };
}
function appendToFlowMap(source, map, text) {
  const last = map.items.at(-1);
  if (last) {
    const end = contentEnd(source, last);
    return { start: end, end, text: `, ${text}` };
  }
  const close = source.lastIndexOf("}", rangeOf2(map)[1]);
  return { start: close, end: close, text };
}

// src/pins/helm-values-editor.ts
var import_yaml8 = __toESM(require_dist(), 1);
var VALUES_BASE = [{ key: "spec" }, { key: "values" }];
function valuesFilePlaces(text) {
  const document = parseYamlDocument(text);
  if (!isEmptyDocument(document) && !(0, import_yaml8.isMap)(document.contents)) {
    throw new UserError(`${text.file}: the top level is not a mapping, so it is not a Helm values file.`);
  }
  return [{ root: { text, document }, base: [], name: text.file }];
}
function isHelmRelease(document) {
  return (0, import_yaml8.isMap)(document.contents) && stringField(document, "apiVersion").startsWith("helm.toolkit.fluxcd.io/") && stringField(document, "kind") === "HelmRelease";
}
function helmReleasePlaces(text) {
  const releases = parseYamlDocuments(text).filter(isHelmRelease);
  if (releases.length === 0) {
    throw new UserError(
      `${text.file} holds no Flux HelmRelease (apiVersion helm.toolkit.fluxcd.io/*, kind HelmRelease); a plain values file is a helm-values pin.`
    );
  }
  return releases.map((document) => ({
    root: { text, document },
    base: VALUES_BASE,
    name: `HelmRelease ${stringField(document, "metadata", "name") || "(unnamed)"}`
  }));
}
function placesOf(pin, text) {
  return pin.kind === "helm-release" ? helmReleasePlaces(text) : valuesFilePlaces(text);
}
function imagePlace(place) {
  return {
    name: place.name,
    read: (path, role) => {
      const full = [...place.base, ...path];
      const held = readValue(place.root, full, role);
      return { ...held, location: shownPath(place.root, full), line: place.root.text.lineOf(held.offset) };
    }
  };
}
function read2(pin, source) {
  return readPinnedImages(pin, placesOf(pin, yamlText(source, pin.file)).map(imagePlace));
}
function edit2(pin, source, args) {
  const places = placesOf(pin, yamlText(source, pin.file));
  const { writes, changes } = planPinEdit(pin, places.map(imagePlace), args);
  const slots = slotPaths(pinnedImagesOf(pin).map((entry) => resolveSlots(pin, entry)));
  const splices = places.flatMap((place, index) => {
    if (writes[index].length === 0) return [];
    const protectedPaths = new Set(slots.map((path) => formatValuesPath([...place.base, ...path])));
    return writeValues(
      place.root,
      writes[index].map((write) => ({ ...write, path: [...place.base, ...write.path] })),
      protectedPaths
    );
  });
  return { text: splices.length > 0 ? applySplices(source, splices) : source, changes };
}
var helmValuesEditor = { read: read2, edit: edit2 };
var helmReleaseEditor = { read: read2, edit: edit2 };

// src/pins/image-setter-markers.ts
var import_yaml9 = __toESM(require_dist(), 1);
var SHORTHAND = "$imagepolicy";
var LONG_FORM_PREFIX = "#/definitions/io.k8s.cli.setters.";
var FIELDS = /* @__PURE__ */ new Map([
  ["tag", "tag"],
  ["name", "name"],
  ["digest", "digest"]
]);
function mayHoldImageSetters(text) {
  return text.includes(SHORTHAND) || text.includes(LONG_FORM_PREFIX);
}
function findImageSetters(text, file = "the file") {
  if (!mayHoldImageSetters(text)) return [];
  const stream = parseYamlStream(text, file);
  const markers = [];
  const visitor = {
    Scalar(key2, node) {
      if (key2 === "key") return;
      const marker = markerOf(text, node);
      if (marker) markers.push({ ...marker, line: lineOf(stream, marker.start) });
    }
  };
  for (const document of stream.documents) (0, import_yaml9.visit)(document, visitor);
  return markers.sort((a, b) => a.start - b.start);
}
function markerOf(text, node) {
  if (!(0, import_yaml9.isScalar)(node) || !node.range) return null;
  const [start, end] = rangeOf2(node);
  if (end <= start) return null;
  const style = scalarStyleOf(node);
  const comment = style === "BLOCK" ? blockHeaderComment(text, start) : lineCommentAfter(text, end);
  const setter = comment === null ? null : setterOf(comment);
  if (!setter) return null;
  return { ...setter, value: scalarText(node), start, end, style };
}
function lineCommentAfter(text, end) {
  const lineEnd = text.indexOf("\n", end);
  const rest = text.slice(end, lineEnd < 0 ? text.length : lineEnd).replace(/\r$/, "");
  const match = /^[ \t]+#(.*)$/.exec(rest);
  return match ? match[1] : null;
}
function blockHeaderComment(text, start) {
  const lineEnd = text.indexOf("\n", start);
  const header = text.slice(start, lineEnd < 0 ? text.length : lineEnd).replace(/\r$/, "");
  const match = /^[|>][0-9+-]*[ \t]+#(.*)$/.exec(header);
  return match ? match[1] : null;
}
function setterOf(comment) {
  let parsed;
  try {
    parsed = JSON.parse(comment.replace(/^#+/, ""));
  } catch {
    return null;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return null;
  const object = parsed;
  const allStrings = Object.values(object).every((value) => typeof value === "string");
  const shorthand = allStrings ? object[SHORTHAND] : void 0;
  if (typeof shorthand === "string" && shorthand !== "") return setterName(shorthand);
  const ref = object.$ref;
  return typeof ref === "string" && ref.startsWith(LONG_FORM_PREFIX) ? setterName(ref.slice(LONG_FORM_PREFIX.length)) : null;
}
function setterName(name) {
  const parts = name.split(":");
  if (parts.length < 2 || parts.length > 3 || parts[0] === "" || parts[1] === "") return null;
  const field = parts.length === 3 ? FIELDS.get(parts[2]) : "reference";
  if (field === void 0) return null;
  return { policy: `${parts[0]}:${parts[1]}`, namespace: parts[0], name: parts[1], field };
}

// src/pins/image-setters.ts
var imageSetters = { read: readImageSetters, edit: editImageSetters };
function readImageSetters(pin, source) {
  return groupsOf(findImageSetters(source, pin.file)).filter((group) => groupAllowed(pin, group)).map((group) => ({ name: group.imageName || group.name, values: group.values, location: group.location, line: group.line }));
}
function editImageSetters(pin, source, args) {
  const wanted = args.filter((argument) => pin.only === void 0 || pin.only.includes(argument.name));
  const splices = [];
  const changes = [];
  for (const group of groupsOf(findImageSetters(source, pin.file))) {
    const argument = wanted.findLast((each) => appliesTo(each, group));
    if (!argument) continue;
    refuseUnwritableDigest(pin.file, group, argument);
    const updated = group.markers.map((marker) => ({ ...marker, value: setValue(marker, group, argument) }));
    updated.forEach((marker, index) => {
      const old = group.markers[index];
      if (marker.value === old.value) return;
      if (old.style === "BLOCK") {
        throw new UserError(`${pin.file}: line ${old.line}: the value marked for ${group.policy} is a block scalar; write it on one line so it can be set.`);
      }
      splices.push({ start: old.start, end: old.end, text: formatScalar(marker.value, old.style) });
    });
    const after = valuesOf2(updated);
    if (IMAGE_FIELDS.every((field) => after[field] === group.values[field])) continue;
    const dropped = IMAGE_FIELDS.filter((field) => group.values[field] !== "" && after[field] === "");
    changes.push({ name: argument.name, argument: argument.source, before: group.values, after, dropped, location: group.location, line: group.line });
  }
  return { text: splices.length > 0 ? applySplices(source, splices) : source, changes };
}
function groupsOf(markers) {
  const byPolicy = /* @__PURE__ */ new Map();
  for (const marker of markers) byPolicy.set(marker.policy, [...byPolicy.get(marker.policy) ?? [], marker]);
  return [...byPolicy.entries()].map(([policy, own]) => {
    const values = valuesOf2(own);
    return { policy, name: own[0].name, markers: own, imageName: values.newName, values, location: `${policy} (line ${own[0].line})`, line: own[0].line };
  });
}
function valuesOf2(markers) {
  const reference = markers.find((marker) => marker.field === "reference");
  const parts = reference ? splitImageReference(reference.value) : { name: "", tag: "", digest: "" };
  const own = (field) => markers.find((marker) => marker.field === field)?.value;
  return { newName: own("name") ?? parts.name, newTag: own("tag") ?? parts.tag, digest: own("digest") ?? parts.digest };
}
function groupAllowed(pin, group) {
  if (pin.only === void 0) return true;
  return pin.only.some((name) => name === group.name || group.imageName !== "" && isImageMatched(group.imageName, name));
}
function appliesTo(argument, group) {
  return argument.name === group.name || group.imageName !== "" && isImageMatched(group.imageName, argument.name);
}
function isSet(part) {
  return part !== "" && part !== KEEP;
}
function refuseUnwritableDigest(file, group, argument) {
  if (!isSet(argument.digest) || group.markers.some((marker) => marker.field === "digest" || marker.field === "reference")) return;
  throw new UserError(
    `${file}: line ${group.line}: policy ${group.policy} marks no digest field for ${argument.digest}; mark one with {"$imagepolicy": "${group.policy}:digest"}, or give a tag only.`
  );
}
function setValue(marker, group, argument) {
  const tagOf = (current) => argument.newTag === KEEP ? current : argument.newTag;
  const digestOf = (current) => argument.digest === KEEP ? current : argument.digest;
  switch (marker.field) {
    case "reference": {
      const current = splitImageReference(marker.value);
      const name = isSet(argument.newName) ? argument.newName : current.name;
      let tag = tagOf(current.tag);
      let digest = digestOf(current.digest);
      if (tag === "" && digest === "") ({ tag, digest } = current);
      return formatImageReference({ name, tag, digest });
    }
    case "name":
      return isSet(argument.newName) ? argument.newName : marker.value;
    case "tag":
      return tagOf(marker.value) || marker.value;
    case "digest": {
      const digest = digestOf(marker.value);
      return digest === "" && tagOf(group.values.newTag) === "" ? marker.value : digest;
    }
  }
}

// src/pins/pin-editors.ts
var argocdApplicationEditor = {
  read: (pin, source) => argoCdKustomizeImages.read(pin, source),
  edit: (pin, source, args) => argoCdKustomizeImagesEditor({ addMissing: (name) => pin.only?.includes(name) ?? false }).edit(pin, source, args)
};
var imageSettersEditor = {
  read: (pin, source) => {
    const own = soleSetterGroup(pin, source);
    return own ? [{ ...own.group, name: own.app }] : imageSetters.read(pin, source);
  },
  edit: (pin, source, args) => {
    const own = soleSetterGroup(pin, source);
    if (!own) return imageSetters.edit(pin, source, args);
    const renamed = args.filter((argument) => argument.name === own.app).map((argument) => ({ ...argument, name: own.group.name }));
    const result = imageSetters.edit({ ...pin, only: void 0 }, source, renamed);
    return { text: result.text, changes: result.changes.map((change) => ({ ...change, name: own.app })) };
  }
};
function soleSetterGroup(pin, source) {
  if (pin.only?.length !== 1) return void 0;
  const groups = imageSetters.read({ ...pin, only: void 0 }, source);
  return groups.length === 1 ? { app: pin.only[0], group: groups[0] } : void 0;
}
var EDITORS = {
  "argocd-application": argocdApplicationEditor,
  "argocd-helm-parameters": argocdHelmParametersEditor,
  "helm-values": helmValuesEditor,
  "helm-release": helmReleaseEditor,
  "image-setters": imageSettersEditor
};
function editorFor(kind) {
  return EDITORS[kind];
}

export {
  namesRepository,
  mayHoldImageSetters,
  findImageSetters,
  editorFor
};
