const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  gateChecklist
} from "./chunk-OMG7UWO7.js";
import {
  buildPullRequestBody,
  compareUrl
} from "./chunk-Y3AGFE2I.js";
import {
  toOverlayChange
} from "./chunk-VG2LPK36.js";
import {
  editorFor,
  findImageSetters,
  mayHoldImageSetters,
  namesRepository
} from "./chunk-RF3FA637.js";
import {
  pinLabel
} from "./chunk-BQBMBEAG.js";
import {
  UserError
} from "./chunk-KBKTDO2V.js";

// src/pins/plan-pin-edits.ts
import { readFile, readdir } from "node:fs/promises";
import { dirname, join } from "node:path";
async function planPinEdits(root, pins, args) {
  const byFile = /* @__PURE__ */ new Map();
  for (const pin of pins) byFile.set(pin.file, [...byFile.get(pin.file) ?? [], pin]);
  return Promise.all(
    [...byFile].map(async ([file, filePins]) => {
      const original = await readPinFile(root, filePins[0]);
      let text = original;
      const edited = filePins.map((pin) => {
        const result = editorFor(pin.kind).edit(pin, text, args);
        text = result.text;
        return { pin, changes: result.changes };
      });
      return pinFileEdit(root, file, original, text, edited);
    })
  );
}
function pinFileEdit(root, file, original, text, pins) {
  const overlay = {
    path: pins.map(({ pin }) => pinLabel(pin)).join(", "),
    file,
    absolutePath: dirname(join(root, file)),
    absoluteFile: join(root, file)
  };
  return { overlay, original, text, changes: pins.flatMap((pin) => pin.changes), entries: [], isComponent: false, pins };
}
async function readPinFile(root, pin) {
  if (pin.file.split("/").includes("..") || pin.file.startsWith("/")) {
    throw new UserError(`${pin.origin ?? pinLabel(pin)}: ${pin.file} leaves the config repo; give a path relative to its root.`);
  }
  try {
    return await readFile(join(root, pin.file), "utf8");
  } catch (error) {
    const code = error.code;
    const why = code === "ENOENT" ? "does not exist" : code === "EISDIR" ? "is a folder, not a file" : `cannot be read (${code ?? String(error)})`;
    throw new UserError(`${pin.origin ?? pinLabel(pin)}: ${pin.file} ${why} in the config repo.`);
  }
}
async function discoverSetterPins(root, overlays, named) {
  const known = new Set(named.map((pin) => pin.file));
  const found = await Promise.all(
    overlays.map(async (overlay) => {
      const names = await readdir(overlay.absolutePath).catch(() => []);
      const candidates = names.filter((name) => /\.ya?ml$/i.test(name) && !/^kustomization\.ya?ml$/i.test(name)).map((name) => overlay.path === "." ? name : `${overlay.path}/${name}`).filter((file) => !known.has(file));
      const withSetters = await Promise.all(
        candidates.map(async (file) => {
          const text = await readFile(join(root, file), "utf8").catch(() => "");
          return holdsSetters(text, file) ? file : void 0;
        })
      );
      return withSetters.filter((file) => file !== void 0);
    })
  );
  return [...new Set(found.flat())].map((file) => ({ kind: "image-setters", file, images: [], digestInTag: false, origin: `setter comments in ${file}` }));
}
function namesHeldByPins(edits, args) {
  const held = /* @__PURE__ */ new Set();
  for (const edit of edits) {
    for (const { pin, changes } of edit.pins ?? []) {
      for (const change of changes) held.add(change.name);
      if (args.every((argument) => held.has(argument.name))) return held;
      for (const image of editorFor(pin.kind).read(pin, edit.text)) {
        for (const argument of args) if (image.name === argument.name || namesRepository(image.values.newName, argument.name)) held.add(argument.name);
      }
    }
  }
  return held;
}
function holdsSetters(text, file) {
  if (!mayHoldImageSetters(text)) return false;
  try {
    return findImageSetters(text, file).length > 0;
  } catch {
    return false;
  }
}

// src/promote/promotion-names.ts
import { createHash } from "node:crypto";
var MAX_TITLE_LENGTH = 250;
var MAX_BRANCH_LENGTH = 250;
function promotionBranchName(key) {
  const base = `promote/${refPart(key.from)}-to-${refPart(key.to)}`;
  const apps = [...key.apps].sort().map(refPart);
  const name = apps.length === 0 ? base : `${base}/${apps.join("+")}`;
  if (name.length <= MAX_BRANCH_LENGTH) return name;
  const digest = createHash("sha256").update(name).digest("hex").slice(0, 12);
  return `${name.slice(0, MAX_BRANCH_LENGTH - 13).replace(/[./+-]+$/, "")}-${digest}`;
}
function refPart(text) {
  return text.replace(/[\s~^:?*[\\\x00-\x1f\x7f]+/g, "-").replace(/\.{2,}/g, ".").replace(/^[.-]+|[.]+$/g, "").replace(/\.lock$/i, "") || "x";
}
function promotionMarker(key) {
  const apps = key.apps.length === 0 ? "*" : [...key.apps].sort().join(",");
  return `<!-- gitops-promote:promotion from=${key.from} to=${key.to} apps=${apps} -->`;
}
var DEFAULT_TITLE_TEMPLATE = "Promote {apps} from {from} to {to}";
function promotionTitle(template, values) {
  const list = (items, noun) => items.length <= 3 ? items.join(", ") : `${items.length} ${noun}`;
  const apps = values.apps.filter((app) => app !== "");
  const filled = (template || DEFAULT_TITLE_TEMPLATE).replace(/\{(from|to|apps|images)\}/g, (_whole, name) => {
    if (name === "from") return values.from;
    if (name === "to") return values.to;
    if (name === "apps") return apps.length > 0 ? list(apps, "apps") : "images";
    return list(values.images, "images");
  });
  const title = filled.replace(/\s+/g, " ").trim();
  return title.length <= MAX_TITLE_LENGTH ? title : `${title.slice(0, MAX_TITLE_LENGTH - 1)}\u2026`;
}

// src/promote/promotion-body.ts
function promotionBodyFor(context) {
  const { serverUrl, runUrl } = context.run;
  const sections = context.apps.map((app) => {
    const changes = app.edits.flatMap((edit) => edit.changes.map((change) => toOverlayChange(edit.overlay.path, edit.overlay.file, change)));
    const repository = context.sourceRepositories.get(app.app) ?? context.sourceRepositories.get("*") ?? "";
    const link = changes.map((change) => compareUrl(serverUrl, repository, change.old, change.new)).find(Boolean);
    return {
      app: app.app,
      rows: changes.map((change) => ({ overlay: change.overlay, image: change.image, current: change.old, promoted: change.new })),
      compareUrl: link
    };
  }).filter((section) => section.rows.length > 0);
  return buildPullRequestBody({
    marker: promotionMarker(context.key),
    from: context.key.from,
    to: context.key.to,
    repositoryUrl: `${serverUrl}/${context.github.repository}`,
    sourceCommit: context.snapshot.commit,
    targetBranch: context.branch,
    runUrl,
    apps: sections,
    checklist: checklist(context.target, context.verified, context.gates),
    skipped: context.apps.flatMap((app) => app.skipped ?? []),
    renderedDiff: context.renderedDiff
  });
}
function checklist(target, verified, gates) {
  return [
    ...target.pullRequest.checklist.map((text) => ({ text, checked: false })),
    ...gates ? gateChecklist(gates) : [],
    {
      text: "Every promoted image renders in the target overlays (kustomize build)",
      checked: verified.render,
      note: verified.renderNote ?? "not checked by this run"
    },
    { text: `The ${target.name} overlays validate (schemas and policy)`, checked: verified.validation, note: "not checked by this run; set validate: true" }
  ];
}
function promotionCommitMessage(title, changes, runUrl) {
  const lines = changes.map((change) => `- ${change.overlay}: ${change.image} ${change.old || "(new entry)"} -> ${change.new}`);
  return [title, "", ...lines, ...runUrl ? ["", `Run: ${runUrl}`] : []].join("\n") + "\n";
}

export {
  planPinEdits,
  readPinFile,
  discoverSetterPins,
  namesHeldByPins,
  MAX_BRANCH_LENGTH,
  promotionBranchName,
  refPart,
  promotionMarker,
  promotionTitle,
  promotionBodyFor,
  checklist,
  promotionCommitMessage
};
