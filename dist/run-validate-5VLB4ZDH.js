const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  describeShard,
  takeShard
} from "./chunk-EUVYLUSK.js";
import {
  settingsFor
} from "./chunk-VMVPPYNY.js";
import {
  openConfigRepo
} from "./chunk-AFYX2MWJ.js";
import {
  environmentNamed
} from "./chunk-INDTGZUY.js";
import {
  Git,
  GitError
} from "./chunk-HUSS5IF7.js";
import {
  findEveryKustomization
} from "./chunk-FHCYASOH.js";
import {
  environmentPins
} from "./chunk-ZZABWA7U.js";
import "./chunk-42JSCESC.js";
import {
  countOf
} from "./chunk-WACLQDPL.js";
import {
  maskKubeconfig
} from "./chunk-WOKMQZGB.js";
import {
  group,
  info
} from "./chunk-NZZWJ5E7.js";
import {
  InputError,
  UserError
} from "./chunk-KBKTDO2V.js";
import "./chunk-OKDCWDB5.js";
import "./chunk-2QGGJF6Q.js";

// src/validate/run-validate.ts
import { existsSync, realpathSync as realpathSync2 } from "node:fs";
import { join as join2 } from "node:path";

// src/validate/kubeconfig-file.ts
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
async function withKubeconfigFile(kubeconfig, tempDir, work) {
  maskKubeconfig(kubeconfig);
  const folder = await mkdtemp(join(tempDir, "gitops-promote-kube-"));
  const file = join(folder, "kubeconfig");
  try {
    await writeFile(file, kubeconfig, { mode: 384 });
    return await work(file);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

// src/validate/overlay-discovery.ts
import { realpathSync } from "node:fs";
import { resolve } from "node:path";
async function discoverOverlays(root) {
  let all;
  try {
    all = findEveryKustomization(root, "path");
  } catch (error) {
    if (error instanceof InputError) throw new InputError("path", `'${root}' holds no kustomization; check out the config repo or name overlays.`);
    throw error;
  }
  const { readKustomizationReferences } = await import("./kustomization-references-M3M6OIKR.js");
  const used = /* @__PURE__ */ new Set();
  for (const overlay of all) {
    for (const folder of readKustomizationReferences(overlay.absolutePath)?.folders ?? []) used.add(realpathSync(folder));
  }
  return all.filter((overlay) => !used.has(realpathSync(overlay.absolutePath)) && readKustomizationReferences(overlay.absolutePath)?.kind !== "Component");
}
async function overlaysChangedSince(root, overlays, baseRef) {
  const changed = await changedFiles(root, baseRef);
  const { kustomizationClosure } = await import("./kustomization-references-M3M6OIKR.js");
  const realRoot = realpathSync(root);
  return overlays.filter(
    (overlay) => kustomizationClosure(overlay.absolutePath).some((kustomization) => {
      const folder = realpathSync(kustomization.directory);
      const touchesFolder = changed.some((file) => file.startsWith(`${folder}/`));
      const touchesFile = kustomization.files.some((file) => changed.includes(resolve(realRoot, realpathSync(file))));
      return touchesFolder || touchesFile;
    })
  );
}
async function changedFiles(root, baseRef) {
  const git = new Git(root);
  const top = await git.topLevel();
  if (!top) throw new InputError("path", `'${root}' is not inside a git repository, which changed-only needs.`);
  let base;
  let why = "it shares no history with HEAD";
  try {
    base = await git.mergeBase(baseRef, "HEAD");
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    why = error.result.stderr.trim().split("\n")[0] ?? "";
  }
  if (!base) throw new InputError("base-ref", `'${baseRef}' is not a commit of the checkout (${why}); fetch it first (actions/checkout with fetch-depth: 0).`);
  let changed;
  try {
    changed = await git.diffWorkTree(base);
  } catch (error) {
    if (error instanceof GitError) throw new UserError(`git diff against ${baseRef} failed: ${error.result.stderr.trim()}`);
    throw error;
  }
  const topLevel = realpathSync(top);
  return [...changed, ...await git.untrackedFiles()].map((line) => resolve(topLevel, line));
}

// src/validate/run-validate.ts
async function runValidate(inputs, context) {
  const opened = await openConfigRepo(inputs.location, { branch: "", push: false, readOnly: true, github: context.github, configFile: context.configFile });
  try {
    const root = opened.snapshot.root;
    const environment = environmentNamed(opened.config, inputs.environment);
    const policy = settingsFor(inputs.settings, environment).policy;
    let overlays = inputs.overlays.length > 0 ? (await import("./overlay-paths-YHWXNZI7.js")).resolveOverlays(root, inputs.overlays) : environment && opened.config ? (await import("./environment-overlays-WXNZGSJU.js")).resolveEnvironmentOverlays(root, opened.config, environment).flatMap((app) => app.overlays) : await discoverOverlays(root);
    if (inputs.changedOnly) {
      overlays = await overlaysChangedSince(root, overlays, inputs.baseRef);
      info(
        overlays.length > 0 ? `Changed since ${inputs.baseRef}: ${overlays.map((overlay) => overlay.path).join(", ")}` : `No overlay changed since ${inputs.baseRef}.`
      );
    }
    let pins = inputs.overlays.length > 0 || !opened.config ? [] : environment ? environmentPins(opened.config, environment.name) : allPins(opened.config);
    if (inputs.changedOnly && pins.length > 0) pins = await pinsChangedSince(root, pins, inputs.baseRef);
    const items = [
      ...overlays.map((overlay) => ({ key: overlay.path, overlay })),
      ...pins.map((pin) => ({ key: `${pin.kind}: ${pin.file}`, pin }))
    ];
    const sharded = takeShard(items, (item) => item.key, inputs.shard);
    if (inputs.shard) info(`${describeShard(inputs.shard, sharded.items.length, items.length, pins.length > 0 ? "overlay or pin file" : "overlay")}.`);
    overlays = sharded.items.flatMap((item) => item.overlay ? [item.overlay] : []);
    pins = sharded.items.flatMap((item) => item.pin ? [item.pin] : []);
    const [{ validateOverlays }, { withPolicy }] = await Promise.all([import("./validate-overlays-HKEEH7J3.js"), import("./validation-settings-UPPR2ES5.js")]);
    const settings = withPolicy(inputs.schema, policy);
    const options = { ...settings, repoRoot: root, policyFor: () => settings.policy, pins };
    const scope = pins.length > 0 ? `${countOf(overlays.length, "overlay")} and ${countOf(pins.length, "pin")}` : countOf(overlays.length, "overlay");
    const report = await group(
      `Validating ${scope}`,
      () => inputs.serverDryRun ? withKubeconfigFile(
        inputs.kubeconfig,
        context.run.tempDir,
        (file) => validateOverlays(overlays, { ...options, serverDryRun: { kubeconfigFile: file, context: inputs.kubeContext || void 0 } })
      ) : validateOverlays(overlays, options)
    );
    return { report, root, partition: sharded.partition };
  } finally {
    await opened.repo.dispose();
  }
}
function allPins(config) {
  const seen = /* @__PURE__ */ new Set();
  return config.environments.flatMap((env) => environmentPins(config, env.name)).filter((pin) => {
    const key = `${pin.kind}\0${pin.file}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
async function pinsChangedSince(root, pins, baseRef) {
  const changed = new Set(await changedFiles(root, baseRef));
  return pins.filter((pin) => {
    const file = join2(root, pin.file);
    return !existsSync(file) || changed.has(realpathSync2(file));
  });
}
export {
  runValidate
};
