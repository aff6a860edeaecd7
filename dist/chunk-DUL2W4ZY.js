const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  CORE_SCHEMA,
  defineMappingTag,
  loadAll,
  mapTag
} from "./chunk-U6SD63CJ.js";
import {
  runProcess
} from "./chunk-QBU2F7BR.js";
import {
  require_dist
} from "./chunk-54KBGAUC.js";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-2QGGJF6Q.js";

// node_modules/isexe/dist/commonjs/index.min.js
var require_index_min = __commonJS({
  "node_modules/isexe/dist/commonjs/index.min.js"(exports) {
    "use strict";
    var a = (t, e) => () => (e || t((e = { exports: {} }).exports, e), e.exports);
    var _ = a((i) => {
      "use strict";
      Object.defineProperty(i, "__esModule", { value: true });
      i.sync = i.isexe = void 0;
      var M = __require("node:fs"), x = __require("node:fs/promises"), q = async (t, e = {}) => {
        let { ignoreErrors: r = false } = e;
        try {
          return d(await (0, x.stat)(t), e);
        } catch (s) {
          let n = s;
          if (r || n.code === "EACCES") return false;
          throw n;
        }
      };
      i.isexe = q;
      var m = (t, e = {}) => {
        let { ignoreErrors: r = false } = e;
        try {
          return d((0, M.statSync)(t), e);
        } catch (s) {
          let n = s;
          if (r || n.code === "EACCES") return false;
          throw n;
        }
      };
      i.sync = m;
      var d = (t, e) => t.isFile() && A(t, e), A = (t, e) => {
        let r = e.uid ?? process.getuid?.(), s = e.groups ?? process.getgroups?.() ?? [], n = e.gid ?? process.getgid?.() ?? s[0];
        if (r === void 0 || n === void 0) throw new Error("cannot get uid or gid");
        let u = /* @__PURE__ */ new Set([n, ...s]), c = t.mode, S = t.uid, P = t.gid, f = parseInt("100", 8), l = parseInt("010", 8), j = parseInt("001", 8), C = f | l;
        return !!(c & j || c & l && u.has(P) || c & f && S === r || c & C && r === 0);
      };
    });
    var g = a((o) => {
      "use strict";
      Object.defineProperty(o, "__esModule", { value: true });
      o.sync = o.isexe = void 0;
      var T = __require("node:fs"), I = __require("node:fs/promises"), D = __require("node:path"), F = async (t, e = {}) => {
        let { ignoreErrors: r = false } = e;
        try {
          return y(await (0, I.stat)(t), t, e);
        } catch (s) {
          let n = s;
          if (r || n.code === "EACCES") return false;
          throw n;
        }
      };
      o.isexe = F;
      var L = (t, e = {}) => {
        let { ignoreErrors: r = false } = e;
        try {
          return y((0, T.statSync)(t), t, e);
        } catch (s) {
          let n = s;
          if (r || n.code === "EACCES") return false;
          throw n;
        }
      };
      o.sync = L;
      var B = (t, e) => {
        let { pathExt: r = process.env.PATHEXT || "" } = e, s = r.split(D.delimiter);
        if (s.indexOf("") !== -1) return true;
        for (let n of s) {
          let u = n.toLowerCase(), c = t.substring(t.length - u.length).toLowerCase();
          if (u && c === u) return true;
        }
        return false;
      }, y = (t, e, r) => t.isFile() && B(e, r);
    });
    var p = a((h) => {
      "use strict";
      Object.defineProperty(h, "__esModule", { value: true });
    });
    var v = exports && exports.__createBinding || (Object.create ? (function(t, e, r, s) {
      s === void 0 && (s = r);
      var n = Object.getOwnPropertyDescriptor(e, r);
      (!n || ("get" in n ? !e.__esModule : n.writable || n.configurable)) && (n = { enumerable: true, get: function() {
        return e[r];
      } }), Object.defineProperty(t, s, n);
    }) : (function(t, e, r, s) {
      s === void 0 && (s = r), t[s] = e[r];
    }));
    var G = exports && exports.__setModuleDefault || (Object.create ? (function(t, e) {
      Object.defineProperty(t, "default", { enumerable: true, value: e });
    }) : function(t, e) {
      t.default = e;
    });
    var w = exports && exports.__importStar || /* @__PURE__ */ (function() {
      var t = function(e) {
        return t = Object.getOwnPropertyNames || function(r) {
          var s = [];
          for (var n in r) Object.prototype.hasOwnProperty.call(r, n) && (s[s.length] = n);
          return s;
        }, t(e);
      };
      return function(e) {
        if (e && e.__esModule) return e;
        var r = {};
        if (e != null) for (var s = t(e), n = 0; n < s.length; n++) s[n] !== "default" && v(r, e, s[n]);
        return G(r, e), r;
      };
    })();
    var X = exports && exports.__exportStar || function(t, e) {
      for (var r in t) r !== "default" && !Object.prototype.hasOwnProperty.call(e, r) && v(e, t, r);
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.sync = exports.isexe = exports.posix = exports.win32 = void 0;
    var E = w(_());
    exports.posix = E;
    var O = w(g());
    exports.win32 = O;
    X(p(), exports);
    var H = process.env._ISEXE_TEST_PLATFORM_ || process.platform;
    var b = H === "win32" ? O : E;
    exports.isexe = b.isexe;
    exports.sync = b.sync;
  }
});

// node_modules/which/lib/index.js
var require_lib = __commonJS({
  "node_modules/which/lib/index.js"(exports, module) {
    var { isexe, sync: isexeSync } = require_index_min();
    var { join, delimiter, sep, posix } = __require("path");
    var isWindows = process.platform === "win32";
    var rSlash = new RegExp(`[${posix.sep}${sep === posix.sep ? "" : sep}]`.replace(/(\\)/g, "\\$1"));
    var rRel = new RegExp(`^\\.${rSlash.source}`);
    var getNotFoundError = (cmd) => Object.assign(new Error(`not found: ${cmd}`), { code: "ENOENT" });
    var getPathInfo = (cmd, {
      path: optPath = process.env.PATH,
      pathExt: optPathExt = process.env.PATHEXT,
      delimiter: optDelimiter = delimiter
    }) => {
      const pathEnv = cmd.match(rSlash) ? [""] : [
        // windows always checks the cwd first
        ...isWindows ? [process.cwd()] : [],
        ...(optPath || /* istanbul ignore next: very unusual */
        "").split(optDelimiter)
      ];
      if (isWindows) {
        const pathExtExe = optPathExt || [".EXE", ".CMD", ".BAT", ".COM"].join(optDelimiter);
        const pathExt = pathExtExe.split(optDelimiter).flatMap((item) => [item, item.toLowerCase()]);
        if (cmd.includes(".") && pathExt[0] !== "") {
          pathExt.unshift("");
        }
        return { pathEnv, pathExt, pathExtExe };
      }
      return { pathEnv, pathExt: [""] };
    };
    var getPathPart = (raw, cmd) => {
      const pathPart = /^".*"$/.test(raw) ? raw.slice(1, -1) : raw;
      const prefix = !pathPart && rRel.test(cmd) ? cmd.slice(0, 2) : "";
      return prefix + join(pathPart, cmd);
    };
    var which2 = async (cmd, opt = {}) => {
      const { pathEnv, pathExt, pathExtExe } = getPathInfo(cmd, opt);
      const found = [];
      for (const envPart of pathEnv) {
        const p = getPathPart(envPart, cmd);
        for (const ext of pathExt) {
          const withExt = p + ext;
          const is = await isexe(withExt, { pathExt: pathExtExe, ignoreErrors: true });
          if (is) {
            if (!opt.all) {
              return withExt;
            }
            found.push(withExt);
          }
        }
      }
      if (opt.all && found.length) {
        return found;
      }
      if (opt.nothrow) {
        return null;
      }
      throw getNotFoundError(cmd);
    };
    var whichSync = (cmd, opt = {}) => {
      const { pathEnv, pathExt, pathExtExe } = getPathInfo(cmd, opt);
      const found = [];
      for (const pathEnvPart of pathEnv) {
        const p = getPathPart(pathEnvPart, cmd);
        for (const ext of pathExt) {
          const withExt = p + ext;
          const is = isexeSync(withExt, { pathExt: pathExtExe, ignoreErrors: true });
          if (is) {
            if (!opt.all) {
              return withExt;
            }
            found.push(withExt);
          }
        }
      }
      if (opt.all && found.length) {
        return found;
      }
      if (opt.nothrow) {
        return null;
      }
      throw getNotFoundError(cmd);
    };
    module.exports = which2;
    which2.sync = whichSync;
  }
});

// src/kustomize/render.ts
var import_which = __toESM(require_lib(), 1);

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
    if (await (0, import_which.default)("kustomize", { nothrow: true })) return { command: ["kustomize", "build"], describe: "kustomize build" };
    if (await (0, import_which.default)("kubectl", { nothrow: true })) return { command: ["kubectl", "kustomize"], describe: "kubectl kustomize" };
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
  require_lib,
  parseYamlStream,
  findRenderer,
  renderOverlay,
  collectRenderedImages,
  collectImageSites
};
