const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  editorFor
} from "./chunk-RF3FA637.js";
import {
  shortenAtWord
} from "./chunk-BMJ2XMMR.js";
import {
  expandSchemaLocationTemplate,
  isSchemaLocationTemplate,
  parseKubernetesVersion,
  parseSchemaLocationTemplate,
  removedIn
} from "./chunk-ZPRKAVRY.js";
import {
  require_ajv
} from "./chunk-7NEIRWOQ.js";
import {
  RenderCache
} from "./chunk-OERJUKZP.js";
import "./chunk-PTHYVDCB.js";
import {
  pinLabel
} from "./chunk-BQBMBEAG.js";
import "./chunk-NELHJVCU.js";
import "./chunk-JBFM3YNM.js";
import "./chunk-6OONQOCK.js";
import {
  splitImageReference
} from "./chunk-TTI4HSH7.js";
import {
  InputError,
  UserError,
  messageOf
} from "./chunk-KBKTDO2V.js";
import {
  findRenderer,
  parseYamlStream,
  renderOverlay
} from "./chunk-DUL2W4ZY.js";
import "./chunk-U6SD63CJ.js";
import {
  mapWithLimit,
  runProcess
} from "./chunk-QBU2F7BR.js";
import {
  clearKustomizationCache,
  kustomizationClosure,
  kustomizationFileIn
} from "./chunk-C6M3IGDC.js";
import "./chunk-OKDCWDB5.js";
import {
  require_dist
} from "./chunk-54KBGAUC.js";
import {
  __toESM
} from "./chunk-2QGGJF6Q.js";

// src/validate/validate-overlays.ts
import { realpathSync } from "node:fs";
import { availableParallelism } from "node:os";
import { readFile } from "node:fs/promises";
import { dirname as dirname3, join as join5, relative as relative3, sep as sep2 } from "node:path";

// src/validate/findings.ts
function addFinding(report, finding) {
  if (finding.severity === "error") report.errors.push(finding);
  else if (finding.severity === "warning") report.warnings.push(finding);
  else report.notices.push(finding);
}
function emptyOverlayReport(overlay, file) {
  return { overlay, file, resources: 0, errors: [], warnings: [], notices: [], renderMs: 0, validateMs: 0, validateCpuMs: 0 };
}
function describeResource(object) {
  const kind = typeof object.kind === "string" ? object.kind : "(no kind)";
  const name = typeof object.metadata?.name === "string" ? object.metadata.name : "(no name)";
  const namespace = typeof object.metadata?.namespace === "string" ? object.metadata.namespace : "";
  return namespace ? `${kind}/${namespace}/${name}` : `${kind}/${name}`;
}

// src/validate/render-errors.ts
var import_yaml = __toESM(require_dist(), 1);
import { existsSync, readFileSync, statSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
function locateRenderError(overlayDir, message) {
  let directory = overlayDir;
  for (const match of message.matchAll(/recursed accumulation of path '([^']+)'/g)) directory = resolve(directory, match[1]);
  const tail = message.slice(message.lastIndexOf("recursed accumulation of path") + 1);
  const malformed = /in File: ([^\s"']+)/.exec(tail) ?? /MalformedYAMLError[^']*'([^']+)'/.exec(tail);
  const entries = [...tail.matchAll(/(?:accumulating resources from|resource|path|file) '([^']+)'/g)].map((match) => match[1]);
  const brokenFile = malformed ? resolve(directory, malformed[1]) : void 0;
  if (brokenFile && existsSync(brokenFile) && statSync(brokenFile).isFile()) {
    return { file: brokenFile, line: firstYamlErrorLine(brokenFile) ?? kustomizeLine(message) ?? 1 };
  }
  const kustomization = kustomizationFileIn(directory);
  if (!kustomization) return void 0;
  const text = readFileSync(kustomization, "utf8").split("\n");
  for (const entry of entries.reverse()) {
    const index = text.findIndex((line) => line.includes(entry));
    if (index >= 0) return { file: kustomization, line: index + 1 };
  }
  return { file: kustomization, line: 1 };
}
function firstYamlErrorLine(file) {
  const lines = new import_yaml.LineCounter();
  for (const document of (0, import_yaml.parseAllDocuments)(readFileSync(file, "utf8"), { lineCounter: lines })) {
    const error = "errors" in document ? document.errors[0] : void 0;
    if (error) return lines.linePos(error.pos[0]).line;
  }
  return void 0;
}
function kustomizeLine(message) {
  const match = /yaml: line (\d+)/.exec(message);
  return match ? Number(match[1]) : void 0;
}
function describeRenderError(error, repoRoots) {
  let text = unwrapKubectlLog(error.trim()).replace(/^Error: /, "");
  for (const root of [...new Set(repoRoots.map((root2) => root2.replace(/\/+$/, "")))].sort((a, b) => b.length - a.length)) {
    if (!isAbsolute(root) || root === "/") continue;
    text = text.split(`${root}/`).join("").replace(new RegExp(`${escapeRegExp(root)}(?=['"\\s:]|$)`, "g"), ".");
  }
  text = text.replace(/evalsymlink failure on '([^']+)' : lstat \1: no such file or directory/g, "$1 does not exist").replace(/evalsymlink failure on '([^']+)' : lstat \1: /g, "$1: ");
  for (; ; ) {
    const attempt = /accumulation err='(.*?)': (must build at directory: |recursed accumulation of path )/.exec(text);
    if (!attempt) break;
    const [whole, asFile, folderAttempt] = attempt;
    text = folderAttempt.startsWith("must build") ? text.slice(0, attempt.index) + asFile : text.slice(0, attempt.index) + text.slice(attempt.index + whole.length - folderAttempt.length);
  }
  return text.replace(/recursed accumulation of path '([^']+)': /g, "in $1: ").replace(/accumulating resources: (?=accumulating resources from |in )/g, "").trim();
}
function unwrapKubectlLog(text) {
  const line = text.replace(/^E\d{4} [\d:.]+\s+\d+ \S+\] /, "");
  const quoted = /^"command failed" err="(.*)"$/s.exec(line);
  return quoted ? quoted[1].replace(/\\(["\\])/g, "$1") : line;
}
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// src/validate/render-with-origins.ts
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";

// src/validate/rendered-resources.ts
var import_yaml2 = __toESM(require_dist(), 1);
import { resolve as resolve2 } from "node:path";
var ORIGIN_ANNOTATION = "config.kubernetes.io/origin";
function parseRenderedResources(yaml) {
  const { values, problems } = parseYamlStream(yaml);
  const objects = [];
  for (const value of values) {
    if (typeof value !== "object" || value === null || Array.isArray(value)) problems.push("a rendered document is not a mapping");
    else objects.push(value);
  }
  return { objects, problems };
}
function renderedIdentity(object) {
  const metadata = typeof object.metadata === "object" && object.metadata !== null ? object.metadata : {};
  return [object.apiVersion, object.kind, metadata.namespace, metadata.name].map((part) => typeof part === "string" ? part : "").join("\0");
}
function readOrigins(tracedYaml, originBase) {
  const origins = /* @__PURE__ */ new Map();
  for (const object of parseRenderedResources(tracedYaml).objects) {
    const metadata = object.metadata;
    const text = metadata?.annotations?.[ORIGIN_ANNOTATION];
    if (typeof text !== "string") continue;
    const origin = (0, import_yaml2.parse)(text);
    if (!origin || origin.repo) continue;
    const file = typeof origin.path === "string" && origin.path !== "" ? origin.path : origin.configuredIn;
    if (typeof file === "string" && file !== "") origins.set(renderedIdentity(object), resolve2(originBase, file));
  }
  return origins;
}
function fieldText(value) {
  if (typeof value === "string") return value;
  return typeof value === "number" || typeof value === "boolean" || typeof value === "bigint" ? String(value) : "";
}

// src/validate/render-with-origins.ts
async function renderOrigins(renderer, overlayDir, extraArgs) {
  const wrapper = await mkdtemp(join(tmpdir(), "gitops-promote-render-"));
  try {
    const target = relative(wrapper, overlayDir).split(sep).join("/");
    await writeFile(join(wrapper, "kustomization.yaml"), `resources:
- ${JSON.stringify(target)}
buildMetadata: [originAnnotations]
`);
    const traced = await renderOverlay(renderer, wrapper, extraArgs);
    return traced.ok ? readOrigins(traced.yaml, wrapper) : void 0;
  } finally {
    await rm(wrapper, { recursive: true, force: true });
  }
}

// src/validate/policy-checks.ts
var CONTAINER_LISTS = /* @__PURE__ */ new Set(["containers", "initContainers", "ephemeralContainers"]);
var DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-fA-F0-9]{32,}$/;
function findImages(object) {
  const found = [];
  const path = [];
  const visit = (node, key) => {
    if (Array.isArray(node)) {
      const containers = CONTAINER_LISTS.has(key);
      node.forEach((item, index) => {
        if (typeof item !== "object" || item === null) return;
        path.push(String(index));
        if (containers && "image" in item) found.push({ pointer: pointerOf([...path, "image"]), image: imageText(item.image) });
        visit(item, "");
        path.pop();
      });
      return;
    }
    for (const [childKey, child] of Object.entries(node)) {
      if (typeof child !== "object" || child === null) continue;
      path.push(childKey);
      visit(child, childKey);
      path.pop();
    }
  };
  if (typeof object === "object" && object !== null) visit(object, "");
  return found;
}
function pointerOf(segments) {
  return segments.map((segment) => `/${segment.replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}
function imageText(value) {
  if (typeof value === "string") return value;
  if (value === null || value === void 0) return "";
  return typeof value === "number" || typeof value === "boolean" ? String(value) : JSON.stringify(value);
}
function checkImages(object, policy) {
  const issues = [];
  for (const { pointer, image } of findImages(object)) {
    const { name, tag, digest } = splitImageReference(image.trim());
    if (image.trim() === "") {
      issues.push({ rule: "image-reference", pointer, message: "a container has an empty image" });
      continue;
    }
    if (digest && !DIGEST.test(digest)) {
      issues.push({
        rule: "image-reference",
        pointer,
        message: `image '${image}' has a malformed digest '${digest}' (expected algorithm:hex, such as sha256:\u2026)`
      });
    }
    if (!tag && !digest) {
      issues.push({
        rule: "image-reference",
        pointer,
        message: `image '${image}' has neither a tag nor a digest, so it means whatever 'latest' is when pulled; pin a tag or a digest`
      });
      continue;
    }
    if (policy.protected && tag === "latest") {
      issues.push({
        rule: "latest-tag",
        image: name,
        pointer,
        message: `image '${image}' uses the 'latest' tag, which a protected environment does not allow; pin a version or a digest`
      });
    }
    if (policy.protected && policy.requireDigest && !digest) {
      issues.push({
        rule: "digest-required",
        image: name,
        pointer,
        message: `image '${image}' has no digest, which this protected environment requires (require-digest); set one with name@sha256:\u2026`
      });
    }
  }
  return issues;
}
function resourceIdentity(object) {
  const apiVersion = fieldText(object.apiVersion);
  const group = apiVersion.includes("/") ? apiVersion.split("/")[0] : "";
  const builtIn = !group.includes(".") || group.endsWith(".k8s.io");
  const metadata = object.metadata ?? {};
  const namespace = typeof metadata.namespace === "string" && metadata.namespace !== "" ? metadata.namespace : "default";
  return `${builtIn ? "" : group}|${fieldText(object.kind)}|${namespace}|${fieldText(metadata.name)}`;
}
function findDuplicates(objects) {
  const first = /* @__PURE__ */ new Map();
  const duplicates = [];
  objects.forEach((object, index) => {
    const identity = resourceIdentity(object);
    const seen = first.get(identity);
    if (seen === void 0) first.set(identity, index);
    else duplicates.push({ index, firstIndex: seen });
  });
  return duplicates;
}

// src/validate/kubernetes-quantity.ts
var QUANTITY_PATTERN = "^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([KMGTPE]i|[numkMGTPE]|[eE][+-]?[0-9]+)?$";

// src/validate/schema-validation.ts
function checkAgainstSchema(validate, object) {
  if (validate(withoutNulls(object))) return [];
  const errors = validate.errors ?? [];
  const specific = errors.filter((error) => !["anyOf", "oneOf"].includes(error.keyword));
  const issues = /* @__PURE__ */ new Map();
  for (const error of specific.length > 0 ? specific : errors) {
    const issue = describeError(error);
    issues.set(`${issue.pointer}\0${issue.message}`, issue);
  }
  return [...issues.values()];
}
function describeError(error) {
  const at = error.instancePath;
  const params = error.params;
  switch (error.keyword) {
    case "additionalProperties": {
      const pointer = `${at}/${escapePointer(String(params.additionalProperty))}`;
      return { pointer, message: `unknown field "${fieldPath(pointer)}"` };
    }
    case "required":
      return { pointer: at, message: `missing required field "${fieldPath(`${at}/${escapePointer(String(params.missingProperty))}`)}"` };
    case "type":
      return { pointer: at, message: `${fieldPath(at)}: expected ${String(params.type).replace(",", " or ")}, got ${typeName(error.data)}` };
    case "enum":
      return {
        pointer: at,
        message: `${fieldPath(at)}: ${JSON.stringify(error.data)} is not one of ${allowed(params.allowedValues)}`
      };
    case "pattern":
      return {
        pointer: at,
        message: params.pattern === QUANTITY_PATTERN ? `${fieldPath(at)}: ${JSON.stringify(error.data)} is not a quantity (such as 500m, 1Gi or 2)` : `${fieldPath(at)}: ${JSON.stringify(error.data)} does not match ${String(params.pattern)}`
      };
    default:
      return { pointer: at, message: `${fieldPath(at) || "(the object)"}: ${error.message ?? error.keyword}` };
  }
}
function fieldPath(pointer) {
  return splitPointer(pointer).reduce((path, segment) => /^\d+$/.test(segment) ? `${path}[${segment}]` : path ? `${path}.${segment}` : segment, "");
}
function splitPointer(pointer) {
  if (pointer === "") return [];
  return pointer.slice(1).split("/").map((segment) => segment.replace(/~1/g, "/").replace(/~0/g, "~"));
}
function allowed(values) {
  return values.map((value) => JSON.stringify(value)).join(", ");
}
function escapePointer(segment) {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}
function typeName(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value === "number" && Number.isInteger(value) ? "integer" : typeof value;
}
function withoutNulls(value) {
  return hasNullField(value) ? copyWithoutNulls(value) : value;
}
function hasNullField(value) {
  if (Array.isArray(value)) return value.some(hasNullField);
  if (typeof value !== "object" || value === null) return false;
  for (const key in value) {
    const child = value[key];
    if (child === null || hasNullField(child)) return true;
  }
  return false;
}
function copyWithoutNulls(value) {
  if (Array.isArray(value)) return value.map(copyWithoutNulls);
  if (typeof value !== "object" || value === null) return value;
  const result = {};
  for (const [key, child] of Object.entries(value)) if (child !== null) result[key] = copyWithoutNulls(child);
  return result;
}

// src/validate/resource-checks.ts
function checkResources(context, objects) {
  const pending = [];
  const bundle = context.catalog.bundleSchemas(objects);
  const about = (object, pointer, finding) => {
    pending.push({
      finding: { ...finding, resource: describeResource(object) },
      place: pointer === void 0 ? { kind: "resource", object } : { kind: "field", object, pointer }
    });
  };
  for (const object of objects) {
    const { apiVersion, kind } = object;
    if (typeof apiVersion !== "string" || typeof kind !== "string" || apiVersion === "" || kind === "") {
      about(object, void 0, { severity: "error", rule: "schema", message: "the resource has no apiVersion or no kind" });
      continue;
    }
    const removed = removedIn(apiVersion, kind, context.version);
    if (removed !== void 0) {
      about(object, "/apiVersion", { severity: "error", rule: "kubernetes-version", message: removedMessage(context, apiVersion, kind, removed) });
      continue;
    }
    const validate = context.catalog.validatorFor(apiVersion, kind, bundle);
    if (validate) {
      for (const issue of checkAgainstSchema(validate, object)) about(object, issue.pointer, { severity: "error", rule: "schema", message: issue.message });
    } else {
      const unknown = unknownKind(context, apiVersion, kind);
      about(object, unknown.pointer, {
        severity: context.ignoreMissingSchemas && !unknown.sameGroup ? "warning" : "error",
        rule: "unknown-kind",
        message: unknown.message
      });
    }
    for (const issue of checkImages(object, context.policy)) {
      const field = issue.rule === "digest-required" ? "digest" : "newTag";
      const entry = issue.image ? context.locator.locateImageEntry(context.overlayDir, issue.image, field) : void 0;
      if (entry) {
        pending.push({
          finding: { severity: "error", rule: issue.rule, message: issue.message, resource: describeResource(object) },
          place: { kind: "file", location: entry }
        });
      } else {
        about(object, issue.pointer, { severity: "error", rule: issue.rule, message: issue.message });
      }
    }
  }
  for (const { index, firstIndex } of findDuplicates(objects)) {
    pending.push({
      finding: {
        severity: "error",
        rule: "duplicate-resource",
        message: duplicateMessage(void 0),
        resource: describeResource(objects[index])
      },
      place: { kind: "duplicate", object: objects[index], first: objects[firstIndex] }
    });
  }
  return pending;
}
function duplicateMessage(firstAt) {
  const first = firstAt ? ` (first defined in ${firstAt})` : "";
  return `defined twice in the rendered overlay${first}; the second would overwrite the first in the cluster`;
}
function removedMessage(context, apiVersion, kind, removed) {
  const current = context.catalog.apiVersionsOf(kind).filter((candidate) => removedIn(candidate, kind, context.version) === void 0);
  const hint = current.length > 0 ? `; use ${current.join(" or ")}` : "";
  return `${apiVersion} ${kind} is no longer served since Kubernetes 1.${removed} (kubernetes-version is ${context.version.text})${hint}`;
}
function unknownKind(context, apiVersion, kind) {
  const group = (value) => value.includes("/") ? value.split("/")[0] : "";
  const elsewhere = context.catalog.apiVersionsOf(kind).filter((candidate) => removedIn(candidate, kind, context.version) === void 0);
  const sameGroup = elsewhere.filter((candidate) => group(candidate) === group(apiVersion));
  if (sameGroup.length > 0) {
    return {
      message: `unknown apiVersion '${apiVersion}' for kind ${kind}; the schemas know ${sameGroup.join(", ")}`,
      pointer: "/apiVersion",
      sameGroup: true
    };
  }
  const hint = elsewhere.length > 0 ? ` (the schemas know ${kind} as ${elsewhere.join(", ")})` : "";
  return {
    message: `no schema for ${apiVersion} ${kind}: an unknown kind, or a custom resource whose CRD schema is not given (add it to schema-locations, or set ignore-missing-schemas: true)${hint}`,
    pointer: "/kind",
    sameGroup: false
  };
}
function needsOrigins(pending) {
  return pending.place.kind !== "file";
}

// src/validate/schema-catalog.ts
var import_ajv = __toESM(require_ajv(), 1);
import { existsSync as existsSync4, readFileSync as readFileSync5 } from "node:fs";
import { dirname as dirname2, join as join4 } from "node:path";
import { fileURLToPath } from "node:url";

// src/validate/catalog-ajv-options.ts
var CATALOG_AJV_OPTIONS = {
  strict: false,
  allErrors: true,
  verbose: true,
  validateFormats: false,
  logger: false,
  inlineRefs: false
};
var CATALOG_ID = "gitops-promote-kubernetes";
var PRECOMPILED_CODE_FILE = "catalog-validators.js";
var PRECOMPILED_INDEX_FILE = "catalog-validators.json";

// src/validate/crd-schemas.ts
function isCustomResourceDefinition(object) {
  return object.kind === "CustomResourceDefinition" && typeof object.apiVersion === "string" && object.apiVersion.startsWith("apiextensions.k8s.io/");
}
function crdSchemas(objects, strict) {
  const schemas = /* @__PURE__ */ new Map();
  for (const object of objects) {
    if (!isCustomResourceDefinition(object)) continue;
    const spec = object.spec;
    const group = spec?.group;
    const kind = spec?.names?.kind;
    if (!group || !kind) continue;
    for (const version of spec.versions ?? []) {
      const schema = version.schema?.openAPIV3Schema ?? spec.validation?.openAPIV3Schema;
      if (!version.name || version.served === false || !schema) continue;
      schemas.set(`${group}/${version.name}/${kind}`, toResourceSchema(schema, strict));
    }
  }
  return schemas;
}
function toResourceSchema(openApi, strict) {
  const root = convert(openApi, strict);
  const properties = { ...root.properties ?? {} };
  properties.apiVersion ??= { type: "string" };
  properties.kind ??= { type: "string" };
  properties.metadata = { type: "object" };
  return { ...root, properties };
}
function convert(node, strict) {
  if (Array.isArray(node)) return node.map((item) => convert(item, strict));
  if (typeof node !== "object" || node === null) return node;
  const source = node;
  const result = {};
  for (const [key, value] of Object.entries(source)) {
    if (key === "properties" || key === "patternProperties" || key === "definitions") {
      result[key] = Object.fromEntries(Object.entries(value).map(([name, child]) => [name, convert(child, strict)]));
    } else if (["items", "additionalProperties", "not", "allOf", "anyOf", "oneOf"].includes(key)) {
      result[key] = typeof value === "boolean" ? value : convert(value, strict);
    } else {
      result[key] = value;
    }
  }
  if (source["x-kubernetes-int-or-string"] === true && !source.anyOf) {
    result.anyOf = [{ type: "integer" }, { type: "string" }];
    delete result.type;
  }
  const open = source["x-kubernetes-preserve-unknown-fields"] === true || source.additionalProperties !== void 0;
  if (strict && !open && source.properties && source.type === "object") result.additionalProperties = false;
  return result;
}

// src/validate/precompiled-validators.ts
import { closeSync, existsSync as existsSync2, openSync, readFileSync as readFileSync2, readSync } from "node:fs";
import { join as join2 } from "node:path";
var PrecompiledValidators = class _PrecompiledValidators {
  constructor(codeFile, index) {
    this.codeFile = codeFile;
    this.index = index;
  }
  codeFile;
  index;
  made = /* @__PURE__ */ new Map();
  /**
   * The validators beside catalog.json, when the build wrote them there. The code needs nothing of ajv at run time
   * (the build refuses code that requires a module), so it holds whichever ajv the bundle carries.
   */
  static load(schemaDirectory) {
    const indexFile = join2(schemaDirectory, PRECOMPILED_INDEX_FILE);
    const codeFile = join2(schemaDirectory, PRECOMPILED_CODE_FILE);
    if (!existsSync2(indexFile) || !existsSync2(codeFile)) return void 0;
    return new _PrecompiledValidators(codeFile, JSON.parse(readFileSync2(indexFile, "utf8")));
  }
  /** The validator of a catalog definition; undefined when the index has none for it. */
  validatorFor(definition) {
    const known = this.made.get(definition);
    if (known) return known;
    const root = this.index.definitions[definition];
    if (!root) return void 0;
    const [statement, name] = root;
    const make = new Function(`"use strict";
${this.codeOf(this.closureOf(statement))}
return ${name};`);
    const validate = make();
    this.made.set(definition, validate);
    return validate;
  }
  /** The statement and every one it needs, directly or not, in the order of the code. */
  closureOf(statement) {
    const needed = /* @__PURE__ */ new Set();
    const pending = [statement];
    for (let next = pending.pop(); next !== void 0; next = pending.pop()) {
      if (needed.has(next)) continue;
      needed.add(next);
      pending.push(...this.index.statements[next].slice(2));
    }
    return [...needed].sort((a, b) => a - b);
  }
  /**
   * The statements' text, read from the code file range by range (a Deployment needs about a twentieth of it).
   * Statements follow each other in the file, one a line, so a run of consecutive ones is one read.
   */
  codeOf(statements) {
    const ranges = [];
    for (const statement of statements) {
      const [start, end] = this.index.statements[statement];
      const last = ranges.at(-1);
      if (last && last[1] + 1 === start) last[1] = end;
      else ranges.push([start, end]);
    }
    const descriptor = openSync(this.codeFile, "r");
    try {
      return ranges.map(([start, end]) => {
        const bytes = Buffer.allocUnsafe(end - start);
        for (let read = 0; read < bytes.length; ) {
          const got = readSync(descriptor, bytes, read, bytes.length - read, start + read);
          if (got === 0) throw new Error(`${this.codeFile} ends before byte ${end}: rebuild dist/schemas`);
          read += got;
        }
        return bytes.toString("utf8");
      }).join("\n");
    } finally {
      closeSync(descriptor);
    }
  }
};

// src/validate/user-schemas.ts
import { existsSync as existsSync3, readFileSync as readFileSync4 } from "node:fs";
import { resolve as resolve3 } from "node:path";

// src/validate/schema-files.ts
var import_yaml3 = __toESM(require_dist(), 1);
import { readdirSync, readFileSync as readFileSync3, statSync as statSync2 } from "node:fs";
import { basename, dirname, extname, join as join3, relative as relative2 } from "node:path";
var VERSION = "v\\d+(?:(?:alpha|beta)\\d+)?";
var KIND_UNDERSCORE_VERSION = new RegExp(`^([a-z0-9]+)_(${VERSION})$`);
var KIND_VERSION = new RegExp(`^([a-z0-9]+)-(${VERSION})$`);
var KIND_GROUP_VERSION = new RegExp(`^([a-z0-9]+)-([a-z0-9][a-z0-9.-]*)-(${VERSION})$`);
var API_GROUP = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)+$/;
var SCHEMA_FILE_EXTENSIONS = [".json", ".yaml", ".yml"];
function schemaFileName(relativePath) {
  const name = basename(relativePath, extname(relativePath)).toLowerCase();
  const parent = basename(dirname(relativePath));
  let match = KIND_UNDERSCORE_VERSION.exec(name);
  if (match) return { kind: match[1], version: match[2], group: API_GROUP.test(parent) ? { exact: parent } : "any" };
  match = KIND_VERSION.exec(name);
  if (match) return { kind: match[1], version: match[2], group: "core" };
  match = KIND_GROUP_VERSION.exec(name);
  if (match) return { kind: match[1], version: match[3], group: match[2].includes(".") ? { exact: match[2] } : { firstLabel: match[2] } };
  return void 0;
}
function fileNameMatches(name, apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/", 2) : ["", apiVersion];
  if (name.kind !== kind.toLowerCase() || name.version !== version) return false;
  if (name.group === "any") return true;
  if (name.group === "core") return group === "";
  return "exact" in name.group ? group === name.group.exact : group !== "" && group.split(".")[0] === name.group.firstLabel;
}
function isResourceSchema(document) {
  if (typeof document.apiVersion === "string" && typeof document.kind === "string") return false;
  if ("x-kubernetes-group-version-kind" in document || document.type === "object") return true;
  return typeof document.properties === "object" && document.properties !== null && !Array.isArray(document.properties);
}
function groupVersionKinds(document) {
  const declared = document["x-kubernetes-group-version-kind"];
  const entries = Array.isArray(declared) ? declared : declared ? [declared] : [];
  const keys = [];
  for (const entry of entries) {
    const { group, version, kind } = entry ?? {};
    if (typeof kind !== "string" || typeof version !== "string") continue;
    keys.push(`${typeof group === "string" && group !== "" ? `${group}/` : ""}${version}/${kind}`);
  }
  return keys;
}
var SchemaFiles = class {
  byKey = /* @__PURE__ */ new Map();
  byFileName = [];
  /** `location` as given (for messages), `path` resolved. */
  constructor(location, path, strict) {
    const folder = statSync2(path).isDirectory();
    for (const file of folder ? filesIn(path) : [path]) {
      const origin = folder ? join3(location, relative2(path, file)) : location;
      this.addFile(file, origin, folder ? relative2(path, file) : basename(file), strict);
    }
    if (this.byKey.size === 0 && this.byFileName.length === 0) {
      throw new InputError(
        "schema-locations",
        `'${location}' holds no CustomResourceDefinition and no JSON Schema${folder ? " (in its .yaml, .yml or .json files)" : ""}.`
      );
    }
  }
  schemaFor(apiVersion, kind) {
    return this.byKey.get(`${apiVersion}/${kind}`) ?? this.byFileName.find((entry) => fileNameMatches(entry.name, apiVersion, kind));
  }
  addFile(file, origin, nameInFolder, strict) {
    const documents = readDocuments(file, origin);
    for (const [key, schema] of crdSchemas(documents, strict)) this.byKey.set(key, { schema, origin });
    const schemas = documents.filter((document) => !isCustomResourceDefinition(document) && isResourceSchema(document));
    for (const schema of schemas) {
      const keys = groupVersionKinds(schema);
      for (const key of keys) this.byKey.set(key, { schema, origin });
      if (keys.length > 0) continue;
      const name = schemas.length === 1 ? schemaFileName(nameInFolder) : void 0;
      if (!name) {
        throw new InputError(
          "schema-locations",
          `${origin} is a JSON Schema, but of which kind cannot be told: give it an x-kubernetes-group-version-kind, or name the file <kind>_<version>.json or <kind>-<group>-<version>.json.`
        );
      }
      this.byFileName.push({ name, schema, origin });
    }
  }
};
function filesIn(folder) {
  return readdirSync(folder).sort().flatMap((name) => {
    const full = join3(folder, name);
    if (statSync2(full).isDirectory()) return filesIn(full);
    return SCHEMA_FILE_EXTENSIONS.includes(extname(name).toLowerCase()) ? [full] : [];
  });
}
function readDocuments(file, origin) {
  const documents = [];
  for (const document of (0, import_yaml3.parseAllDocuments)(readFileSync3(file, "utf8"))) {
    if (!("contents" in document) || document.errors.length > 0) {
      throw new InputError("schema-locations", `${origin} is not valid YAML or JSON.`);
    }
    const value = document.toJS();
    if (value && typeof value === "object" && !Array.isArray(value)) documents.push(value);
  }
  return documents;
}

// src/validate/user-schemas.ts
var UserSchemaLocations = class {
  sources = [];
  found = /* @__PURE__ */ new Map();
  constructor(locations, strict, kubernetesVersion) {
    for (const location of locations) {
      if (isSchemaLocationTemplate(location)) {
        this.sources.push(new TemplateLocation(parseSchemaLocationTemplate(location), strict, kubernetesVersion));
        continue;
      }
      const path = resolve3(location);
      if (!existsSync3(path)) throw new InputError("schema-locations", `'${location}' does not exist.`);
      this.sources.push(new SchemaFiles(location, path, strict));
    }
  }
  schemaFor(apiVersion, kind) {
    const key = `${apiVersion}/${kind}`;
    if (!this.found.has(key)) {
      let schema;
      for (const source of this.sources) if (schema = source.schemaFor(apiVersion, kind)) break;
      this.found.set(key, schema);
    }
    return this.found.get(key);
  }
};
var TemplateLocation = class {
  constructor(template, strict, kubernetesVersion) {
    this.template = template;
    this.strict = strict;
    this.kubernetesVersion = kubernetesVersion;
  }
  template;
  strict;
  kubernetesVersion;
  files = /* @__PURE__ */ new Map();
  schemaFor(apiVersion, kind) {
    const file = resolve3(expandSchemaLocationTemplate(this.template, { apiVersion, kind, strict: this.strict, kubernetesVersion: this.kubernetesVersion }));
    let schema = this.files.get(file);
    if (!schema) {
      if (!existsSync3(file)) return void 0;
      try {
        schema = JSON.parse(readFileSync4(file, "utf8"));
      } catch (error) {
        throw new InputError("schema-locations", `${file} is not valid JSON (${error.message}).`);
      }
      this.files.set(file, schema);
    }
    return { schema, origin: file };
  }
};

// src/validate/schema-catalog.ts
var SchemaCatalog = class _SchemaCatalog {
  constructor(catalog, strict, options, precompiled) {
    this.catalog = catalog;
    this.strict = strict;
    this.precompiled = precompiled;
    this.kinds = new Map(Object.entries(catalog.kinds));
    this.builtInVersion = catalog.kubernetesVersion;
    this.packages = catalog.packages;
    this.userSchemas = new UserSchemaLocations(options.schemaLocations, strict, options.kubernetesVersion);
  }
  catalog;
  strict;
  precompiled;
  ajvInstance;
  compiled = /* @__PURE__ */ new Map();
  compiledUserSchemas = /* @__PURE__ */ new WeakMap();
  /** By the schema's text too: an overlay's CRDs are read anew from each render, and several overlays often carry the same ones. */
  compiledUserSchemaTexts = /* @__PURE__ */ new Map();
  userSchemas;
  kinds;
  builtInVersion;
  packages;
  static load(options) {
    const file = findCatalogFile(options.schemaDirectory);
    const catalog = JSON.parse(readFileSync5(file, "utf8"));
    return new _SchemaCatalog(catalog, options.strict, options, options.strict ? PrecompiledValidators.load(dirname2(file)) : void 0);
  }
  /**
   * ajv, made when a schema must be compiled in this run: a user's or an overlay's CRD schema, the relaxed catalog,
   * or a catalog kind the build did not precompile. Compiled without ajv's optimising pass over the generated code,
   * which would double the time to compile a Deployment's schema; checking is as fast.
   */
  get ajv() {
    if (!this.ajvInstance) {
      this.ajvInstance = new import_ajv.Ajv({ ...CATALOG_AJV_OPTIONS, code: { optimize: false } });
      const { definitions } = this.catalog;
      this.ajvInstance.addSchema({ $id: CATALOG_ID, definitions: this.strict ? definitions : relaxed(definitions) });
    }
    return this.ajvInstance;
  }
  /**
   * The validator for a kind, looked up in the overlay's own CRDs, then the
   * user's schema locations, then the shipped catalog; undefined when none has it.
   */
  validatorFor(apiVersion, kind, bundle) {
    const key = `${apiVersion}/${kind}`;
    const inBundle = bundle?.get(key);
    if (inBundle) return this.compileUserSchema(inBundle, `The CustomResourceDefinition of ${apiVersion} ${kind} in the overlay`);
    const located = this.userSchemas.schemaFor(apiVersion, kind);
    if (located) return this.compileUserSchema(located.schema, `The schema of ${apiVersion} ${kind} from ${located.origin}`);
    const definition = this.kinds.get(key);
    if (!definition) return void 0;
    let validate = this.compiled.get(definition);
    if (!validate) {
      validate = this.precompiled?.validatorFor(definition) ?? this.ajv.compile({ $ref: `${CATALOG_ID}#/definitions/${definition}` });
      this.compiled.set(definition, validate);
    }
    return validate;
  }
  /** The API versions the catalog knows for a kind, to suggest one when an apiVersion is unknown. */
  apiVersionsOf(kind) {
    return [...this.kinds.keys()].filter((key) => key.endsWith(`/${kind}`)).map((key) => key.slice(0, -kind.length - 1));
  }
  /** The schemas of the CustomResourceDefinitions among an overlay's rendered objects. */
  bundleSchemas(objects) {
    return crdSchemas(objects, this.strict);
  }
  compileUserSchema(schema, what) {
    const known = this.compiledUserSchemas.get(schema);
    if (known) return known;
    const withoutDraft = { ...schema };
    delete withoutDraft.$schema;
    const text = JSON.stringify(withoutDraft);
    let validate = this.compiledUserSchemaTexts.get(text);
    if (!validate) {
      try {
        validate = this.ajv.compile(withoutDraft);
      } catch (error) {
        throw new UserError(`${what} does not compile: ${error.message}`);
      }
      this.compiledUserSchemaTexts.set(text, validate);
    }
    this.compiledUserSchemas.set(schema, validate);
    return validate;
  }
};
function findCatalogFile(directory) {
  const name = ["catalog", "json"].join(".");
  const here = dirname2(fileURLToPath(import.meta.url));
  const candidates = directory ? [join4(directory, name)] : [join4(here, "schemas", name), join4(here, "..", "..", "dist", "schemas", name)];
  const found = candidates.find((candidate) => existsSync4(candidate));
  if (!found) {
    throw new UserError(`The schema catalog is missing (looked for ${candidates.join(", ")}); build it with: tsx scripts/build-schemas.ts dist/schemas`);
  }
  return found;
}
function relaxed(value) {
  if (Array.isArray(value)) return value.map(relaxed);
  if (typeof value !== "object" || value === null) return value;
  const result = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === "additionalProperties" && child === false) continue;
    result[key] = relaxed(child);
  }
  return result;
}

// src/validate/server-dry-run.ts
async function serverDryRun(yaml, objects, options) {
  const args = ["apply", "--dry-run=server", "--validate=strict", "-o", "name", "-f", "-", "--kubeconfig", options.kubeconfigFile];
  if (options.context) args.push("--context", options.context);
  const result = await runProcess(options.kubectl ?? "kubectl", args, { input: yaml, env: { ...process.env, KUBECONFIG: options.kubeconfigFile } });
  if (result.exitCode === 0) return [];
  const blocks = splitErrors(result.stderr);
  if (blocks.length === 0) {
    return [
      {
        finding: {
          severity: "error",
          rule: "server-dry-run",
          message: `kubectl apply --dry-run=server failed: ${result.stderr.trim() || `exit code ${result.exitCode}`}`
        }
      }
    ];
  }
  return blocks.map((block) => judgeError(block, objects));
}
function splitErrors(stderr) {
  const blocks = [];
  let inWarning = false;
  for (const line of stderr.split("\n")) {
    if (/^Warning:/.test(line)) {
      inWarning = true;
    } else if (/^(Error from server|error|Error:|resource mapping not found|The \S+ "[^"]+" is invalid)/.test(line)) {
      inWarning = false;
      blocks.push(line);
    } else if (!inWarning && blocks.length > 0) {
      blocks[blocks.length - 1] += `
${line}`;
    }
  }
  return blocks.map((block) => block.trim()).filter((block) => block !== "");
}
function judgeError(block, objects) {
  const message = block.replace(/\s*\n\s*/g, " ");
  const resource = objectNamed(block, objects);
  const resourceName = resource ? describeResource(resource) : void 0;
  const base = { resource: resourceName };
  const notChecked = (why) => ({
    ...base,
    finding: { severity: "notice", rule: "server-dry-run", resource: resourceName, message: `not checked by the server: ${why}` }
  });
  const missingKind = /no matches for kind "([^"]+)" in version "([^"]+)"/.exec(block);
  if (missingKind && objects.some((object) => defines(object, missingKind[1], missingKind[2]))) {
    return notChecked(
      `its CRD (${missingKind[1]}, ${missingKind[2]}) is created by this same overlay, and a dry-run creates nothing, so the server cannot know the kind yet`
    );
  }
  const missingNamespace = /namespaces "([^"]+)" not found/.exec(block);
  if (missingNamespace && objects.some((object) => object.kind === "Namespace" && object.metadata?.name === missingNamespace[1])) {
    return notChecked(`namespace ${missingNamespace[1]} is created by this same overlay, and a dry-run creates nothing`);
  }
  if (/does not support dry run|sideEffects/i.test(block)) {
    return notChecked(`an admission webhook refuses dry-run requests because it does not declare sideEffects: None (${firstSentence(message)})`);
  }
  return {
    ...base,
    pointer: fieldPointer(block),
    finding: { severity: "error", rule: "server-dry-run", resource: resourceName, message: `server dry-run: ${stripPrefix(message)}` }
  };
}
function objectNamed(block, objects) {
  const kind = /Kind=(\w+)/.exec(block)?.[1] ?? /no matches for kind "([^"]+)"/.exec(block)?.[1] ?? /cannot be handled as a (\w+)/.exec(block)?.[1] ?? /(\w+)(?:\.[\w.-]+)? "[^"]+" is (?:invalid|forbidden)/.exec(block)?.[1];
  const name = /Name: "([^"]+)"/.exec(block)?.[1] ?? /for name: "([^"]+)"/.exec(block)?.[1] ?? /\w+(?:\.[\w.-]+)? "([^"]+)" is (?:invalid|forbidden)/.exec(block)?.[1];
  const ofKind = objects.filter((object) => !kind || object.kind === kind);
  if (name) return ofKind.find((object) => object.metadata?.name === name);
  const pointer = fieldPointer(block);
  const candidates = pointer ? ofKind.filter((object) => hasPointer(object, pointer)) : ofKind;
  return kind && candidates.length === 1 ? candidates[0] : void 0;
}
function hasPointer(object, pointer) {
  let value = object;
  for (const segment of pointer.split("/").slice(1)) {
    if (typeof value !== "object" || value === null || !(segment in value)) return false;
    value = value[segment];
  }
  return true;
}
function defines(object, kind, apiVersion) {
  if (object.kind !== "CustomResourceDefinition") return false;
  const spec = object.spec;
  const [group, version] = apiVersion.split("/");
  return spec?.group === group && spec.names?.kind === kind && (spec.versions ?? []).some((candidate) => candidate.name === version);
}
function fieldPointer(block) {
  const field = /unknown field "([^"]+)"/.exec(block)?.[1] ?? /is invalid: \[?([A-Za-z][\w.[\]-]*): /.exec(block)?.[1];
  if (!field) return void 0;
  return `/${field.replace(/\[(\d+)\]/g, ".$1").split(".").filter((segment) => segment !== "").join("/")}`;
}
function stripPrefix(message) {
  return message.replace(/^Error from server \((\w+)\): /, "$1: ").replace(/^The (\S+ "[^"]+" is invalid)/, "$1").replace(/error when (creating|patching|retrieving current configuration of)[^:]*"STDIN": /, "");
}
function firstSentence(text) {
  return shortenAtWord(text, 300);
}

// src/validate/source-lines.ts
var import_yaml4 = __toESM(require_dist(), 1);
import { readFileSync as readFileSync6 } from "node:fs";
var SourceLocator = class {
  files = /* @__PURE__ */ new Map();
  /** Where `pointer` of `rendered` comes from; undefined when nothing can be traced. */
  locate(overlayDir, rendered, originFile, pointer) {
    const segments = splitPointer(pointer);
    const { kind, name: renderedName, apiVersion } = identityOf(rendered);
    const origin = originFile ? this.findDocument(originFile, kind, renderedName, apiVersion) : void 0;
    const sourceName = origin ? nameOf(origin.document) : renderedName;
    if (segments.length > 0) {
      for (const kustomization of kustomizationClosure(overlayDir)) {
        for (const patch of [...kustomization.patches].reverse()) {
          if (patch.target?.kind && patch.target.kind !== kind) continue;
          if (patch.target?.name && patch.target.name !== sourceName && !renderedName.includes(patch.target.name)) continue;
          const found = this.inPatch(patch.file, kind, sourceName, rendered, segments, patch.target !== void 0);
          if (found) return found;
        }
      }
    }
    if (!origin || !originFile) return void 0;
    const node = deepestNode(origin.document, rendered, segments) ?? origin.document.contents;
    return { file: originFile, line: lineOf(origin.parsed, node) };
  }
  /** The line of a resource's first line in its file (for findings about a whole object). */
  locateResource(rendered, originFile) {
    if (!originFile) return void 0;
    const { kind, name, apiVersion } = identityOf(rendered);
    const found = this.findDocument(originFile, kind, name, apiVersion);
    return found ? { file: originFile, line: lineOf(found.parsed, found.document.contents) } : { file: originFile, line: 1 };
  }
  /**
   * The `images:` entry that sets a rendered image, in the outermost
   * kustomization that has one: where a tag or digest is chosen, so where a
   * finding about it belongs.
   */
  locateImageEntry(overlayDir, imageName, field) {
    for (const kustomization of kustomizationClosure(overlayDir)) {
      const parsed = this.read(kustomization.file);
      const images = parsed?.documents[0]?.get("images");
      if (!parsed || !(0, import_yaml4.isSeq)(images)) continue;
      for (const entry of images.items) {
        if (!(0, import_yaml4.isMap)(entry)) continue;
        const name = entry.get("newName") ?? entry.get("name");
        if (name !== imageName) continue;
        const pair = entry.items.find((item) => (0, import_yaml4.isScalar)(item.key) && item.key.value === field);
        return { file: kustomization.file, line: lineOf(parsed, pair?.key ?? entry) };
      }
    }
    return void 0;
  }
  inPatch(file, kind, name, rendered, segments, targeted) {
    const parsed = this.read(file);
    if (!parsed) return void 0;
    for (const document of parsed.documents) {
      const contents = document.contents;
      if ((0, import_yaml4.isSeq)(contents)) {
        const pointer = `/${segments.join("/")}`;
        for (const operation of contents.items) {
          if (!(0, import_yaml4.isMap)(operation)) continue;
          const path = operation.get("path");
          if (typeof path === "string" && (pointer === path || pointer.startsWith(`${path}/`))) return { file, line: lineOf(parsed, operation) };
        }
        continue;
      }
      if (!targeted && (document.getIn(["kind"]) !== kind || nameOf(document) !== name)) continue;
      const node = exactNode(document, rendered, segments);
      if (node) return { file, line: lineOf(parsed, node) };
    }
    return void 0;
  }
  findDocument(file, kind, renderedName, apiVersion) {
    const parsed = this.read(file);
    if (!parsed) return void 0;
    const sameKind = parsed.documents.filter((document2) => document2.getIn(["kind"]) === kind);
    const sameVersion = apiVersion === void 0 ? [] : sameKind.filter((document2) => document2.getIn(["apiVersion"]) === apiVersion);
    const candidates = sameVersion.length > 0 ? sameVersion : sameKind;
    const ranked = candidates.map((document2) => ({ document: document2, name: nameOf(document2) })).filter(({ name }) => name !== "" && renderedName.includes(name)).sort((a, b) => b.name.length - a.name.length);
    const document = ranked.length > 0 ? ranked[0].document : candidates.length === 1 ? candidates[0] : void 0;
    return document ? { parsed, document } : void 0;
  }
  read(file) {
    if (!this.files.has(file)) {
      try {
        const lines = new import_yaml4.LineCounter();
        const documents = (0, import_yaml4.parseAllDocuments)(readFileSync6(file, "utf8"), { lineCounter: lines });
        this.files.set(file, { documents, lines });
      } catch {
        this.files.set(file, void 0);
      }
    }
    return this.files.get(file);
  }
};
function identityOf(rendered) {
  const metadata = typeof rendered.metadata === "object" && rendered.metadata !== null ? rendered.metadata : {};
  return { kind: fieldText(rendered.kind), name: fieldText(metadata.name), apiVersion: fieldText(rendered.apiVersion) };
}
function nameOf(document) {
  const name = document.getIn(["metadata", "name"]);
  return typeof name === "string" ? name : "";
}
function exactNode(document, rendered, segments) {
  const walked = walk(document.contents, rendered, segments);
  return walked.depth === segments.length ? walked.node : void 0;
}
function deepestNode(document, rendered, segments) {
  return walk(document.contents, rendered, segments).node ?? void 0;
}
function walk(root, rendered, segments) {
  let node = root;
  let value = rendered;
  let depth = 0;
  for (const segment of segments) {
    let next;
    if ((0, import_yaml4.isMap)(node)) {
      const pair = node.items.find((item) => (0, import_yaml4.isScalar)(item.key) && String(item.key.value) === segment);
      const last = depth === segments.length - 1;
      next = pair ? last || !pair.value ? pair.key : pair.value : void 0;
    } else if ((0, import_yaml4.isSeq)(node) && /^\d+$/.test(segment)) {
      const item = Array.isArray(value) ? value[Number(segment)] : void 0;
      const byName = item && typeof item === "object" && typeof item.name === "string" ? node.items.find((candidate) => (0, import_yaml4.isMap)(candidate) && candidate.get("name") === item.name) : void 0;
      next = byName ?? node.items[Number(segment)];
    }
    if (!next) break;
    node = next;
    value = value && typeof value === "object" ? value[segment] : void 0;
    depth++;
  }
  return { node: depth > 0 ? node : void 0, depth };
}
function lineOf(parsed, node) {
  const offset = node?.range?.[0];
  return offset === void 0 ? 1 : parsed.lines.linePos(offset).line;
}

// src/validate/validate-overlays.ts
async function validateOverlays(overlays, given) {
  const options = { ...given, repoRoot: realpathSync(given.repoRoot) };
  const version = parseKubernetesVersion(options.kubernetesVersion);
  const renderer = await findRenderer();
  if (!renderer) throw new UserError("validate needs kustomize or kubectl on PATH to render overlays; install one (GitHub-hosted runners have both).");
  const catalog = SchemaCatalog.load({
    strict: options.strict,
    schemaDirectory: options.schemaDirectory,
    schemaLocations: options.schemaLocations,
    kubernetesVersion: version.text
  });
  clearKustomizationCache();
  const run = {
    options,
    givenRoot: given.repoRoot,
    version,
    catalog,
    locator: new SourceLocator(),
    renderer,
    renders: given.renders ?? new RenderCache()
  };
  const reports = await mapWithLimit(overlays, options.concurrency ?? availableParallelism(), (overlay) => validateOverlay(run, overlay));
  reports.push(...await Promise.all(pinFiles(options.pins ?? []).map((pins) => validatePinFile(run, pins))));
  return {
    valid: reports.every((report) => report.errors.length === 0),
    overlays: reports,
    kubernetesVersion: version.text,
    serverDryRun: options.serverDryRun !== void 0
  };
}
async function validateOverlay(run, overlay) {
  const { options } = run;
  const report = emptyOverlayReport(overlay.path, overlay.file);
  const started = Date.now();
  const rendered = await run.renders.render(run.renderer, overlay.absolutePath, options.kustomizeArgs);
  report.renderMs = Date.now() - started;
  if (!rendered.ok) {
    const at = locateRenderError(overlay.absolutePath, rendered.error);
    addFinding(report, {
      severity: "error",
      rule: /already registered id/.test(rendered.error) ? "duplicate-resource" : "render",
      message: `kustomize could not render ${overlay.path}: ${describeRenderError(rendered.error, [options.repoRoot, run.givenRoot])}`,
      ...place(options.repoRoot, at)
    });
    return report;
  }
  const validating = startChecks();
  const parsed = parseRenderedResources(rendered.yaml);
  for (const problem of parsed.problems) addFinding(report, { severity: "error", rule: "yaml", message: problem, file: overlay.file, line: 1 });
  report.resources = parsed.objects.length;
  const pending = checkResources(
    {
      version: run.version,
      catalog: run.catalog,
      locator: run.locator,
      ignoreMissingSchemas: options.ignoreMissingSchemas,
      policy: options.policyFor(overlay),
      overlayDir: overlay.absolutePath
    },
    parsed.objects
  );
  validating.addTo(report);
  if (options.serverDryRun) {
    const dryRunStarted = Date.now();
    pending.push(...await dryRunFindings(rendered.yaml, parsed.objects, overlay, options.serverDryRun));
    report.serverDryRunMs = Date.now() - dryRunStarted;
  }
  if (pending.length === 0) return report;
  const tracing = Date.now();
  const origins = pending.some(needsOrigins) ? await renderOrigins(run.renderer, overlay.absolutePath, options.kustomizeArgs) : void 0;
  report.renderMs += Date.now() - tracing;
  const placing = startChecks();
  const originOf = (object) => origins?.get(renderedIdentity(object));
  for (const finding of pending) addFinding(report, placeFinding(finding, { repoRoot: options.repoRoot, overlay, locator: run.locator, originOf }));
  placing.addTo(report);
  return report;
}
function pinFiles(pins) {
  const byFile = /* @__PURE__ */ new Map();
  for (const pin of pins) byFile.set(pin.file, [...byFile.get(pin.file) ?? [], pin]);
  return [...byFile.values()];
}
async function validatePinFile(run, pins) {
  const { repoRoot } = run.options;
  const [first] = pins;
  const absoluteFile = join5(repoRoot, first.file);
  const where = { path: pins.map(pinLabel).join(", "), file: first.file, absolutePath: dirname3(absoluteFile), absoluteFile };
  const report = emptyOverlayReport(where.path, where.file);
  const pinError = (message, line = 1) => {
    addFinding(report, { severity: "error", rule: "pin", message, file: first.file, line });
  };
  const checking = startChecks();
  const text = await readFile(absoluteFile, "utf8").catch(() => void 0);
  if (text === void 0) {
    pinError(`${first.origin ?? pinLabel(first)}: ${first.file} does not exist in the config repo.`);
    return report;
  }
  const parsed = parseRenderedResources(text);
  for (const problem of parsed.problems) addFinding(report, { severity: "error", rule: "yaml", message: problem, file: first.file, line: 1 });
  if (pins.some((pin) => pin.kind !== "helm-values" && pin.kind !== "image-setters")) {
    report.resources = parsed.objects.length;
    const pending = checkResources(
      {
        version: run.version,
        catalog: run.catalog,
        locator: run.locator,
        ignoreMissingSchemas: run.options.ignoreMissingSchemas,
        policy: run.options.policyFor(where),
        overlayDir: where.absolutePath
      },
      parsed.objects
    );
    for (const finding of pending) addFinding(report, placeFinding(finding, { repoRoot, overlay: where, locator: run.locator, originOf: () => absoluteFile }));
  }
  for (const pin of pins) for (const problem of pinnedPathProblems(pin, text)) pinError(problem.message, problem.line);
  checking.addTo(report);
  return report;
}
function pinnedPathProblems(pin, text) {
  let held;
  try {
    held = editorFor(pin.kind).read(pin, text);
  } catch (error) {
    return [{ message: `${pinLabel(pin)}: ${messageOf(error)}`, line: 1 }];
  }
  if (pin.images.length === 0) return held.length > 0 ? [] : [{ message: `${pinLabel(pin)}: the file pins no image.`, line: 1 }];
  return held.flatMap((image) => {
    const paths = pin.images.find((candidate) => candidate.name === image.name)?.paths ?? pin.images[0].paths;
    const missing = [
      paths.reference && !image.values.newTag && !image.values.digest ? `${paths.reference} (the reference)` : "",
      paths.tag && !image.values.newTag ? `${paths.tag} (the tag)` : "",
      paths.repository && !image.values.newName ? `${paths.repository} (the repository)` : ""
    ].filter(Boolean);
    return missing.length > 0 ? [{ message: `${pinLabel(pin)}: ${missing.join(" and ")} of image ${image.name || "(by repository)"} holds no value.`, line: image.line }] : [];
  });
}
async function dryRunFindings(yaml, objects, overlay, dryRun) {
  return (await serverDryRun(yaml, objects, dryRun)).map(({ resource, pointer, finding }) => {
    const object = objects.find((candidate) => describeResource(candidate) === resource);
    return {
      finding,
      place: object ? { kind: "field", object, pointer: pointer ?? "" } : { kind: "file", location: { file: overlay.absoluteFile, line: 1 } }
    };
  });
}
function placeFinding(pending, placing) {
  const { locator, overlay, originOf, repoRoot } = placing;
  const where = pending.place;
  let message = pending.finding.message;
  let at;
  if (where.kind === "file") {
    at = where.location;
  } else if (where.kind === "field") {
    at = locator.locate(overlay.absolutePath, where.object, originOf(where.object), where.pointer);
  } else {
    at = locator.locateResource(where.object, originOf(where.object));
    if (where.kind === "duplicate") {
      const firstAt = locator.locateResource(where.first, originOf(where.first));
      message = duplicateMessage(firstAt ? `${place(repoRoot, firstAt).file ?? firstAt.file}:${firstAt.line}` : void 0);
    }
  }
  return { ...pending.finding, message, ...place(repoRoot, at ?? { file: overlay.absoluteFile, line: 1 }) };
}
function place(repoRoot, at) {
  if (!at) return {};
  const file = relative3(repoRoot, at.file).split(sep2).join("/");
  return { file: file.startsWith("..") ? at.file : file, line: at.line };
}
function startChecks() {
  const wall = performance.now();
  const cpu = process.threadCpuUsage();
  return {
    addTo: (report) => {
      const used = process.threadCpuUsage(cpu);
      report.validateMs = hundredths(report.validateMs + performance.now() - wall);
      report.validateCpuMs = hundredths(report.validateCpuMs + (used.user + used.system) / 1e3);
    }
  };
}
var hundredths = (ms) => Math.round(ms * 100) / 100;
export {
  validateOverlays
};
