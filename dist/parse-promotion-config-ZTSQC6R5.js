const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  GateConfigError,
  parseGates
} from "./chunk-O26QSKBE.js";
import {
  ENVIRONMENT_DEFAULTS
} from "./chunk-ZZABWA7U.js";
import {
  DEFAULT_CONFIG_FILE
} from "./chunk-42JSCESC.js";
import {
  require_ajv
} from "./chunk-7NEIRWOQ.js";
import {
  UserError,
  yamlErrorText
} from "./chunk-KBKTDO2V.js";
import {
  DEFAULT_IMAGE_PATHS,
  PIN_KINDS
} from "./chunk-OKDCWDB5.js";
import {
  require_dist
} from "./chunk-54KBGAUC.js";
import {
  __toESM
} from "./chunk-2QGGJF6Q.js";

// src/config/parse-promotion-config.ts
var import_ajv = __toESM(require_ajv(), 1);
var import_yaml = __toESM(require_dist(), 1);

// src/config/pin-config.ts
var imagePaths = {
  type: "object",
  additionalProperties: false,
  minProperties: 1,
  properties: {
    repository: { type: "string", minLength: 1 },
    tag: { type: "string", minLength: 1 },
    digest: { type: "string", minLength: 1 },
    reference: { type: "string", minLength: 1 }
  }
};
var PIN_SCHEMA = {
  type: "object",
  additionalProperties: false,
  minProperties: 1,
  properties: {
    ...Object.fromEntries(PIN_KINDS.map((kind) => [kind, { type: "string", minLength: 1 }])),
    image: imagePaths,
    images: { type: "object", minProperties: 1, additionalProperties: imagePaths },
    "digest-in-tag": { type: "boolean" }
  }
};
var SELF_DESCRIBING = ["argocd-application", "image-setters"];
function pinsOf(raw, appImages, where) {
  return raw.map((entry, index) => {
    const at = `${where} > pins[${index}]`;
    const kinds = PIN_KINDS.filter((kind2) => entry[kind2] !== void 0);
    if (kinds.length !== 1) {
      throw new UserError(
        kinds.length === 0 ? `${at} names no pin kind; give one of ${PIN_KINDS.join(", ")} with the file.` : `${at} names ${kinds.join(" and ")}; give one kind per entry (two entries may name the same file).`
      );
    }
    const [kind] = kinds;
    const file = entry[kind] ?? "";
    if (SELF_DESCRIBING.includes(kind) && (entry.image || entry.images)) {
      throw new UserError(`${at}: ${kind} says in its file which images it holds; remove image/images.`);
    }
    if (entry.image && entry.images) throw new UserError(`${at}: give image (the app's one image) or images (several, by name), not both.`);
    return {
      kind,
      file,
      images: SELF_DESCRIBING.includes(kind) ? [] : helmImages(entry, appImages, at),
      digestInTag: entry["digest-in-tag"] ?? false,
      origin: at,
      ...appImages.length > 0 ? { only: appImages } : {}
    };
  });
}
function helmImages(entry, appImages, at) {
  if (entry.images) {
    return Object.entries(entry.images).map(([name2, paths]) => {
      if (appImages.length > 0 && !appImages.includes(name2)) {
        throw new UserError(`${at} > images: '${name2}' is not an image of this app (its images: ${appImages.join(", ")}).`);
      }
      return { name: name2, paths };
    });
  }
  if (appImages.length > 1) {
    throw new UserError(`${at}: the app has ${appImages.length} images (${appImages.join(", ")}); say where each is with images: { <name>: { tag: \u2026 } }.`);
  }
  return [{ name: appImages[0] ?? "", paths: entry.image ?? DEFAULT_IMAGE_PATHS }];
}
function pinForApp(pin, app) {
  return { ...pin, file: pin.file.replaceAll("{app}", app) };
}

// src/config/config-schema.ts
var stringList = { type: "array", items: { type: "string", minLength: 1 } };
var stringOrList = { anyOf: [{ type: "string", minLength: 1 }, stringList] };
var name = { type: "string", pattern: "^[A-Za-z0-9][A-Za-z0-9_.-]*$" };
var pullRequest = {
  type: "object",
  additionalProperties: false,
  properties: {
    "auto-merge": { type: "boolean" },
    "merge-method": { enum: ["merge", "squash", "rebase"] },
    reviewers: stringList,
    "team-reviewers": stringList,
    labels: stringList,
    assignees: stringList,
    draft: { type: "boolean" },
    checklist: stringList,
    "title-template": { type: "string", minLength: 1 }
  }
};
var gates = {
  type: "object",
  additionalProperties: false,
  properties: {
    "source-healthy": { type: "boolean" },
    soak: { type: "string", minLength: 1 },
    windows: stringList,
    freeze: stringList
  }
};
var controllerRef = {
  type: "object",
  additionalProperties: false,
  properties: {
    controller: { enum: ["argocd", "flux"] },
    "argocd-app": { type: "string", minLength: 1 },
    "flux-kind": { enum: ["Kustomization", "HelmRelease"] },
    "flux-name": { type: "string", minLength: 1 },
    "flux-namespace": { type: "string", minLength: 1 },
    overlays: stringOrList,
    pins: { type: "array", items: PIN_SCHEMA }
  }
};
var PROMOTION_CONFIG_SCHEMA = {
  type: "object",
  additionalProperties: false,
  required: ["environments"],
  properties: {
    version: { const: 1 },
    branch: { type: "string", minLength: 1 },
    environments: {
      type: "array",
      minItems: 1,
      items: {
        type: "object",
        additionalProperties: false,
        // No overlays: the environment's apps pin their images only through pins.
        required: ["name"],
        properties: {
          name,
          overlays: stringOrList,
          from: name,
          branch: { type: "string", minLength: 1 },
          landing: { enum: ["commit", "pull-request"] },
          "pull-request": pullRequest,
          protected: { type: "boolean" },
          "require-digest": { type: "boolean" },
          controller: { enum: ["argocd", "flux"] },
          gates,
          "max-skew": {
            anyOf: [
              { type: "integer", minimum: 0 },
              { type: "string", pattern: "^\\d+(d|versions?)$" }
            ]
          }
        }
      }
    },
    apps: {
      type: "object",
      propertyNames: name,
      additionalProperties: {
        type: "object",
        additionalProperties: false,
        properties: {
          images: stringList,
          environments: { type: "object", propertyNames: name, additionalProperties: controllerRef }
        }
      }
    }
  }
};

// src/config/parse-promotion-config.ts
var validator;
function parsePromotionConfig(text, file = DEFAULT_CONFIG_FILE) {
  let raw;
  try {
    raw = (0, import_yaml.parse)(text, { prettyErrors: true });
  } catch (error) {
    throw new UserError(`${file} is not valid YAML: ${yamlErrorText(error)}.`);
  }
  validator ??= new import_ajv.Ajv({ allErrors: true, strict: false }).compile(PROMOTION_CONFIG_SCHEMA);
  if (!validator(raw)) throw new UserError(`${file}: ${describeSchemaError(validator.errors ?? [], raw)}`);
  return normalise(raw, file);
}
function describeSchemaError(errors, raw) {
  const sorted = [...errors].sort(
    (a, b) => Number(b.keyword === "additionalProperties") - Number(a.keyword === "additionalProperties") || b.instancePath.length - a.instancePath.length
  );
  const error = sorted[0];
  const where = error.instancePath ? readablePath(error.instancePath, raw) : "the top level";
  if (error.keyword === "additionalProperties") {
    return `unknown key '${error.params.additionalProperty}' in ${where}.`;
  }
  if (error.keyword === "enum") return `${where} must be one of ${error.params.allowedValues.join(", ")}.`;
  return `${where} ${error.message ?? "is invalid"}.`;
}
function readablePath(pointer, raw) {
  const parts = pointer.slice(1).split("/");
  const [kind] = parts;
  const key = parts.at(1);
  if (kind === "environments" && key !== void 0) {
    const env = raw.environments?.[Number(key)];
    const label = typeof env?.name === "string" ? `environment '${env.name}'` : `environments[${key}]`;
    return [label, ...parts.slice(2)].join(" > ");
  }
  if (kind === "apps" && key !== void 0) return [`app '${key}'`, ...parts.slice(2)].join(" > ");
  return parts.join(" > ");
}
function normalise(raw, file) {
  const names = /* @__PURE__ */ new Set();
  const environments = raw.environments.map((env, index) => {
    if (names.has(env.name)) throw new UserError(`${file}: environment '${env.name}' is declared twice.`);
    names.add(env.name);
    const pr = env["pull-request"] ?? {};
    const defaults = ENVIRONMENT_DEFAULTS.pullRequest;
    return {
      name: env.name,
      overlays: env.overlays === void 0 ? [] : toList(env.overlays),
      from: env.from ?? (index > 0 ? raw.environments[index - 1].name : void 0),
      branch: env.branch,
      landing: env.landing ?? ENVIRONMENT_DEFAULTS.landing,
      pullRequest: {
        autoMerge: pr["auto-merge"] ?? defaults.autoMerge,
        mergeMethod: pr["merge-method"] ?? defaults.mergeMethod,
        reviewers: pr.reviewers ?? [],
        teamReviewers: pr["team-reviewers"] ?? [],
        labels: pr.labels ?? [],
        assignees: pr.assignees ?? [],
        draft: pr.draft ?? defaults.draft,
        checklist: pr.checklist ?? [],
        titleTemplate: pr["title-template"]
      },
      protected: env.protected ?? ENVIRONMENT_DEFAULTS.protected,
      requireDigest: env["require-digest"] ?? ENVIRONMENT_DEFAULTS.requireDigest,
      controller: env.controller,
      maxSkew: env["max-skew"],
      gates: env.gates && gatesOf(env.gates, env.name, file)
    };
  });
  for (const env of environments) {
    if (env.from !== void 0 && !names.has(env.from)) {
      throw new UserError(`${file}: environment '${env.name}' promotes from '${env.from}', which is not declared.`);
    }
  }
  refuseCycles(environments, file);
  const apps = Object.entries(raw.apps ?? {}).map(([name2, app]) => {
    const refs = {};
    for (const [envName, ref] of Object.entries(app.environments ?? {})) {
      if (!names.has(envName)) throw new UserError(`${file}: app '${name2}' names environment '${envName}', which is not declared.`);
      refs[envName] = {
        controller: ref.controller,
        argocdApp: ref["argocd-app"],
        fluxKind: ref["flux-kind"],
        fluxName: ref["flux-name"],
        fluxNamespace: ref["flux-namespace"],
        overlays: ref.overlays === void 0 ? void 0 : toList(ref.overlays),
        pins: pinsOf(ref.pins ?? [], app.images ?? [], `${file}: app '${name2}' > environments > ${envName}`).map((pin) => pinForApp(pin, name2))
      };
    }
    return { name: name2, images: app.images ?? [], environments: refs };
  });
  return { branch: raw.branch, environments, apps };
}
function gatesOf(raw, env, file) {
  try {
    return parseGates(raw);
  } catch (error) {
    if (error instanceof GateConfigError) throw new UserError(`${file}: environment '${env}' > gates > ${error.key}: ${error.message}`);
    throw error;
  }
}
function toList(value) {
  return Array.isArray(value) ? value : [value];
}
function refuseCycles(environments, file) {
  const byName = new Map(environments.map((env) => [env.name, env]));
  for (const start of environments) {
    const seen = [start.name];
    for (let env = start; env.from !== void 0; ) {
      const next = byName.get(env.from);
      if (!next) throw new Error(`internal: environment '${env.from}' is not declared`);
      env = next;
      if (seen.includes(env.name)) {
        throw new UserError(`${file}: environments promote in a cycle: ${[...seen.slice(seen.indexOf(env.name)), env.name].join(" \u2192 ")}.`);
      }
      seen.push(env.name);
    }
  }
}
export {
  parsePromotionConfig
};
