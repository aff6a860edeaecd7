const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  UserError,
  yamlErrorText
} from "./chunk-KBKTDO2V.js";
import {
  require_dist
} from "./chunk-54KBGAUC.js";
import {
  __toESM
} from "./chunk-2QGGJF6Q.js";

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
var CORE_SCHEMA = new import_yaml.Schema({ schema: "core", resolveKnownTags: true });
function parseKustomization(source, file) {
  const document = (0, import_yaml.parseDocument)(source, { prettyErrors: true, .../^%/m.test(source) ? {} : { schema: CORE_SCHEMA } });
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

export {
  IMAGE_FIELDS,
  fieldOfKey,
  scalarText,
  pairKey,
  findFieldPair,
  parseKustomization
};
