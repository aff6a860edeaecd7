import { createRequire as __gitopsPromoteRequire } from 'node:module';
const require = __gitopsPromoteRequire(import.meta.url);
import {
  explainRefusedWrite
} from "./chunk-EGBC2XVV.js";
import {
  require_dist
} from "./chunk-LEXSCJCZ.js";
import {
  describeRequestError,
  isRequestError,
  statusOf
} from "./chunk-DYOLF7OW.js";
import {
  InputError,
  UserError,
  yamlErrorText
} from "./chunk-EVMGEMOW.js";
import {
  __toESM
} from "./chunk-NKRLB5FG.js";

// src/github/refused-read.ts
function explainRefusedRead(repository, error, permissions) {
  if (!isRequestError(error) || error.request === void 0) return void 0;
  const status = statusOf(error);
  const detail = describeRequestError(error);
  if (status === 401) return new InputError("token", `GitHub refused it (401 ${detail}): it is wrong or expired.`);
  if (status === 404) {
    return new InputError(
      "repository",
      `${repository} was not found with this token (404). A workflow's GITHUB_TOKEN reaches only its own repository; for another one use a GitHub App token or a fine-grained personal access token with access to it.`
    );
  }
  if ((status === 403 || status === 429) && /rate limit/i.test(detail)) {
    return new UserError(
      `GitHub's rate limit for this token is used up (${status} ${detail}); run again after it resets, or use a GitHub App token, whose limit is higher.`
    );
  }
  if (status === 403) return new InputError("token", `GitHub refused a read of ${repository} (403 ${detail}); the token needs ${permissions}.`);
  return new UserError(`Reading ${repository} through the GitHub API failed (${status} ${detail}).`);
}

// src/github/github-diagnosis.ts
async function withGitHubDiagnosis(github, use, work) {
  try {
    return await work();
  } catch (error) {
    throw await diagnose(github, use, error) ?? error;
  }
}
async function diagnose(github, use, error) {
  const connection = github.opened;
  if (!connection) return void 0;
  if (use.mode === "read") return explainRefusedRead(connection.repository, error, use.permissions);
  return [401, 403, 404].includes(statusOf(error) ?? 0) ? explainRefusedWrite(connection, error) : void 0;
}

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

export {
  IMAGE_FIELDS,
  fieldOfKey,
  pairKey,
  findFieldPair,
  parseKustomization,
  withGitHubDiagnosis
};
