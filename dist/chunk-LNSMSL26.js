import { createRequire as __gitopsPromoteRequire } from 'node:module';
const require = __gitopsPromoteRequire(import.meta.url);
import {
  require_dist
} from "./chunk-7HOJAJTS.js";
import {
  UserError,
  yamlErrorText
} from "./chunk-EVMGEMOW.js";
import {
  __toESM
} from "./chunk-NKRLB5FG.js";

// src/kustomize/kustomization-document.ts
var import_yaml = __toESM(require_dist(), 1);
var IMAGE_FIELDS = ["newName", "newTag", "digest"];
var FIELD_KEYS = {
  name: "name",
  newname: "newName",
  newtag: "newTag",
  digest: "digest",
  newdigest: "digest"
};
function fieldOfKey(key) {
  return typeof key === "string" ? FIELD_KEYS[key.toLowerCase()] : void 0;
}
function scalarText(node) {
  if (!(0, import_yaml.isScalar)(node) || node.value === null || node.value === void 0) return "";
  if (typeof node.value === "string") return node.value;
  if (typeof node.source === "string" && node.source !== "") return node.source;
  const { value } = node;
  return typeof value === "number" || typeof value === "boolean" || typeof value === "bigint" ? String(value) : JSON.stringify(value);
}
function pairKey(pair) {
  return (0, import_yaml.isScalar)(pair.key) ? String(pair.key.value) : "";
}
function findFieldPair(entry, field) {
  return entry.items.find((pair) => fieldOfKey(pairKey(pair)) === field);
}
function parseKustomization(source, file) {
  const document = (0, import_yaml.parseDocument)(source, { keepSourceTokens: true, prettyErrors: true });
  if (document.errors.length > 0) {
    throw new UserError(`${file} is not valid YAML: ${yamlErrorText(document.errors[0])}.`);
  }
  const contents = document.contents;
  if (contents !== null && !(0, import_yaml.isMap)(contents) && !((0, import_yaml.isScalar)(contents) && contents.value === null)) {
    throw new UserError(`${file} is not a kustomization: its top level is not a mapping.`);
  }
  const root = (0, import_yaml.isMap)(contents) ? contents : null;
  const imagesPair = root ? findImagesPair(root) : null;
  const value = imagesPair?.value ?? null;
  if (value !== null && !(0, import_yaml.isSeq)(value) && !((0, import_yaml.isScalar)(value) && value.value === null)) {
    throw new UserError(`${file}: 'images' must be a list of entries, found ${describeNode(value)}.`);
  }
  const images = (0, import_yaml.isSeq)(value) ? value : null;
  const entries = images ? images.items.map((item, index) => readEntry(item, index, file)) : [];
  return { source, file, document, root, imagesPair, images, entries };
}
function findImagesPair(root) {
  const pairs = root.items.filter((pair) => pairKey(pair).toLowerCase() === "images");
  return pairs.at(-1) ?? null;
}
function readEntry(item, index, file) {
  if (!(0, import_yaml.isMap)(item)) throw new UserError(`${file}: images[${index}] must be a mapping with a 'name'.`);
  const node = item;
  const entry = { name: "", newName: "", newTag: "", digest: "", node };
  for (const pair of node.items) {
    const field = fieldOfKey(pairKey(pair));
    if (field === void 0) continue;
    if (pair.value !== null && !(0, import_yaml.isScalar)(pair.value)) {
      throw new UserError(`${file}: images[${index}].${pairKey(pair)} must be a string, found ${describeNode(pair.value)}.`);
    }
    entry[field] = scalarText(pair.value);
  }
  if (entry.name === "") throw new UserError(`${file}: images[${index}] has no 'name'.`);
  return entry;
}
function describeNode(node) {
  if ((0, import_yaml.isMap)(node)) return "a mapping";
  if ((0, import_yaml.isSeq)(node)) return "a list";
  if ((0, import_yaml.isScalar)(node)) return `'${String(node.value)}'`;
  return "something else";
}

// src/pins/pin-types.ts
function pinLabel(pin) {
  return `${pin.kind}: ${pin.file}`;
}

// src/kustomize/yaml-text.ts
var import_yaml2 = __toESM(require_dist(), 1);
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
      if ((0, import_yaml2.parse)(text, { schema }) !== text) return false;
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

export {
  IMAGE_FIELDS,
  fieldOfKey,
  scalarText,
  pairKey,
  findFieldPair,
  parseKustomization,
  applySplices,
  detectLineEnding,
  lineStartOf,
  lineEndAfter,
  trimLineBreak,
  columnOf,
  formatScalar,
  pinLabel
};
