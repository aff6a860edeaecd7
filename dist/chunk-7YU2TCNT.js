const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  CORE_SCHEMA,
  defineMappingTag,
  loadAll,
  mapTag
} from "./chunk-U6SD63CJ.js";
import {
  canRun,
  runProcess
} from "./chunk-G2JO43PJ.js";
import {
  require_dist
} from "./chunk-54KBGAUC.js";
import {
  __toESM
} from "./chunk-2QGGJF6Q.js";

// src/kustomize/rendered-yaml.ts
var import_yaml = __toESM(require_dist(), 1);
var NEEDS_FULL_PARSER = /(?:^|[\s[{,])!|^%/m;
var mappingWithNullKeyAsEmpty = defineMappingTag("tag:yaml.org,2002:map", {
  create: mapTag.create,
  identify: mapTag.identify,
  represent: mapTag.represent,
  addPair: (map, key, value) => mapTag.addPair(map, key === null ? "" : key, value),
  has: (map, key) => mapTag.has(map, key === null ? "" : key),
  keys: mapTag.keys,
  get: mapTag.get
});
var SCHEMA = CORE_SCHEMA.withTags(mappingWithNullKeyAsEmpty);
var MAX_ALIASES = 100;
function parseYamlStream(text) {
  if (!NEEDS_FULL_PARSER.test(text)) {
    try {
      const values = [];
      for (const document of splitDocuments(text)) {
        for (const value of loadAll(document, { schema: SCHEMA, maxAliases: MAX_ALIASES })) if (value !== null && value !== void 0) values.push(value);
      }
      return { values, problems: [] };
    } catch {
    }
  }
  return parseWithDocuments(text);
}
function splitDocuments(text) {
  return /^(?:---[ \t]+\S|\.\.\.(?:\s|$))/m.test(text) ? [text] : text.split(/^---[ \t]*(?:\r?\n|$)/m);
}
function parseWithDocuments(text) {
  const values = [];
  const problems = [];
  for (const document of (0, import_yaml.parseAllDocuments)(text)) {
    if (!("contents" in document)) continue;
    if (document.errors.length > 0) {
      problems.push(document.errors[0].message);
      continue;
    }
    let value;
    try {
      value = document.toJS();
    } catch (error) {
      problems.push(error.message);
      continue;
    }
    if (value !== null && value !== void 0) values.push(value);
  }
  return { values, problems };
}

// src/kustomize/render.ts
var cachedRenderer;
function findRenderer() {
  cachedRenderer ??= (async () => {
    if (await canRun("kustomize", ["version"])) return { command: ["kustomize", "build"], describe: "kustomize build" };
    if (await canRun("kubectl", ["version", "--client"])) return { command: ["kubectl", "kustomize"], describe: "kubectl kustomize" };
    return null;
  })();
  return cachedRenderer;
}
async function renderOverlay(renderer, directory, extraArgs = []) {
  const [program, ...args] = renderer.command;
  const result = await runProcess(program, [...args, ...extraArgs, directory]);
  if (result.exitCode === 0) return { ok: true, yaml: result.stdout };
  const error = result.stderr.replace(/^E\d{4} [\d:.]+\s+\d+ \S+\] /gm, "").trim() || `exit code ${result.exitCode}`;
  return { ok: false, error };
}
function collectRenderedImages(yaml) {
  return [...new Set(collectImageSites(yaml).map((site) => site.reference))].sort();
}
function collectImageSites(yaml) {
  const sites = [];
  for (const root of parseYamlStream(yaml).values) {
    const resource = resourceName(root);
    const visit = (node, field) => {
      if (Array.isArray(node)) {
        node.forEach((item, index) => {
          visit(item, `${field}[${index}]`);
        });
      } else if (isRecord(node)) {
        for (const [key, value] of Object.entries(node)) {
          const path = field ? `${field}.${key}` : key;
          if (key === "image" && typeof value === "string") sites.push({ resource, field: path, reference: value });
          else if (key === "image" && isRecord(value) && typeof value.reference === "string")
            sites.push({ resource, field: `${path}.reference`, reference: value.reference });
          else visit(value, path);
        }
      }
    };
    visit(root, "");
  }
  return sites;
}
function resourceName(root) {
  if (!isRecord(root)) return "";
  const metadata = isRecord(root.metadata) ? root.metadata : {};
  const parts = [root.kind, metadata.namespace, metadata.name].filter((part) => typeof part === "string" && part !== "");
  return parts.join("/");
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export {
  parseYamlStream,
  findRenderer,
  renderOverlay,
  collectRenderedImages,
  collectImageSites
};
