import { createRequire as __gitopsPromoteRequire } from 'node:module';
const require = __gitopsPromoteRequire(import.meta.url);
import {
  require_picomatch
} from "./chunk-RVUGUYNP.js";
import {
  canRun,
  runProcess
} from "./chunk-KAEWAEI4.js";
import {
  require_dist
} from "./chunk-7HOJAJTS.js";
import {
  CORE_SCHEMA,
  defineMappingTag,
  loadAll,
  mapTag
} from "./chunk-ZIFJSN7V.js";
import {
  InputError,
  UserError
} from "./chunk-EVMGEMOW.js";
import {
  __toESM
} from "./chunk-NKRLB5FG.js";

// src/repo/overlay-paths.ts
var import_picomatch = __toESM(require_picomatch(), 1);
import { existsSync, readdirSync, realpathSync, statSync } from "node:fs";
import { isAbsolute, join, relative, sep } from "node:path";
var KUSTOMIZATION_FILE_NAMES = ["kustomization.yaml", "kustomization.yml", "Kustomization"];
var SKIPPED_FOLDERS = /* @__PURE__ */ new Set([".git", "node_modules"]);
function resolveOverlays(root, patterns, input = "overlays") {
  if (patterns.length === 0) throw new InputError(input, "no overlay folder given; name at least one, such as apps/web/overlays/dev.");
  const realRoot = realpathSync(root);
  const found = /* @__PURE__ */ new Map();
  for (const raw of patterns) {
    const pattern = raw.replace(/\\/g, "/").replace(/^\.\/+/, "").replace(/\/+$/, "") || ".";
    if (isAbsolute(pattern) || /^[a-zA-Z]:/.test(pattern)) throw new InputError(input, `'${raw}' is absolute; give a path relative to the config repo.`);
    if (pattern.split("/").includes("..")) throw new InputError(input, `'${raw}' leaves the config repo ('..' is not allowed).`);
    const folders = import_picomatch.default.scan(pattern).isGlob ? matchFolders(realRoot, pattern) : [pattern];
    if (folders.length === 0) throw new InputError(input, `'${raw}' matches no folder with a kustomization file.`);
    for (const folder of folders) {
      const overlay = describeOverlay(realRoot, folder, raw, input);
      found.set(overlay.path, overlay);
    }
  }
  return [...found.values()];
}
function matchFolders(root, pattern) {
  const isMatch = (0, import_picomatch.default)(pattern, { dot: false });
  const base = import_picomatch.default.scan(pattern).base || ".";
  const maxDepth = /\*\*|\{/.test(pattern) ? Infinity : pattern.split("/").length;
  const matches = [];
  const walk = (relativeDir, depth) => {
    const absolute = relativeDir === "." ? root : join(root, relativeDir);
    let entries;
    try {
      entries = readdirSync(absolute, { withFileTypes: true });
    } catch {
      return;
    }
    if (relativeDir !== "." && isMatch(relativeDir) && entries.some((entry) => isKustomizationFileName(entry.name))) matches.push(relativeDir);
    if (depth >= maxDepth) return;
    for (const entry of entries.filter((candidate) => candidate.isDirectory() && !SKIPPED_FOLDERS.has(candidate.name)).sort(byName)) {
      walk(relativeDir === "." ? entry.name : `${relativeDir}/${entry.name}`, depth + 1);
    }
  };
  walk(base, base === "." ? 0 : base.split("/").length);
  return matches;
}
function isKustomizationFileName(name) {
  return KUSTOMIZATION_FILE_NAMES.includes(name);
}
function byName(a, b) {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
function insideRoot(root, target) {
  return target === root || target.startsWith(root + sep);
}
function describeOverlay(root, folder, raw, input) {
  const absolute = join(root, folder);
  if (!existsSync(absolute)) throw new InputError(input, `'${raw}' does not exist in the config repo.`);
  const real = realpathSync(absolute);
  if (!insideRoot(root, real)) throw new InputError(input, `'${raw}' is a symlink that leaves the config repo.`);
  if (!statSync(real).isDirectory()) throw new InputError(input, `'${raw}' is not a folder.`);
  const present = KUSTOMIZATION_FILE_NAMES.filter((name) => readdirSync(real).includes(name));
  if (present.length === 0) {
    throw new InputError(input, `'${raw}' has no kustomization file (${KUSTOMIZATION_FILE_NAMES.join(", ")}).`);
  }
  if (present.length > 1) {
    throw new UserError(`${folder} has both ${present.join(" and ")}; kustomize refuses a folder with more than one kustomization file.`);
  }
  const fileName = present[0];
  const absoluteFile = join(absolute, fileName);
  if (!insideRoot(root, realpathSync(absoluteFile))) {
    throw new InputError(input, `'${folder}/${fileName}' is a symlink that leaves the config repo.`);
  }
  const path = relative(root, absolute).split(sep).join("/") || ".";
  return { path, file: path === "." ? fileName : `${path}/${fileName}`, absolutePath: absolute, absoluteFile };
}

// src/repo/environment-overlays.ts
var APP_PLACEHOLDER = "{app}";
function resolveEnvironmentOverlays(root, config, env, input = "environment") {
  const templated = env.overlays.some((pattern) => pattern.includes(APP_PLACEHOLDER));
  if (!templated) {
    const own = config.apps.filter((app) => app.environments[env.name]?.overlays);
    if (own.length === 0 && env.overlays.length > 0) return [{ app: "", overlays: resolveOverlays(root, env.overlays, input) }];
  }
  const appNames = config.apps.length > 0 ? config.apps.map((app) => app.name) : discoverApps(root, env.overlays, input);
  return appNames.map((app) => {
    const patterns = config.apps.find((candidate) => candidate.name === app)?.environments[env.name]?.overlays ?? env.overlays;
    if (patterns.length === 0) return { app, overlays: [] };
    try {
      return {
        app,
        overlays: resolveOverlays(
          root,
          patterns.map((pattern) => pattern.replaceAll(APP_PLACEHOLDER, app)),
          input
        )
      };
    } catch (error) {
      throw new UserError(`Environment '${env.name}', app '${app}': ${error.message}`);
    }
  });
}
function discoverApps(root, patterns, input) {
  const apps = /* @__PURE__ */ new Set();
  for (const pattern of patterns.filter((candidate) => candidate.includes(APP_PLACEHOLDER))) {
    const capture = templateMatcher(pattern);
    for (const overlay of resolveOverlays(root, [pattern.replaceAll(APP_PLACEHOLDER, "*")], input)) {
      const app = capture.exec(overlay.path)?.[1];
      if (app) apps.add(app);
    }
  }
  return [...apps].sort();
}
function templateMatcher(pattern) {
  const source = pattern.replace(/^\.\//, "").split(APP_PLACEHOLDER).map(
    (part) => part.replace(/[.+^$()|[\]\\]/g, "\\$&").replace(/\*\*/g, "\0").replace(/\*/g, "[^/]*").replace(/\?/g, "[^/]").replace(/\u0000/g, ".*")
  ).join("([^/]+)");
  return new RegExp(`^${source}$`);
}

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
  collectImageSites,
  KUSTOMIZATION_FILE_NAMES,
  resolveOverlays,
  resolveEnvironmentOverlays
};
