const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  setImagesInKustomization
} from "./chunk-IOLMHO56.js";
import {
  describeExpected,
  expectedImageOf,
  rendersExpectedImage
} from "./chunk-4AULBFMW.js";
import {
  isIndex,
  tryParseValuesPath
} from "./chunk-PTHYVDCB.js";
import {
  pinLabel
} from "./chunk-BQBMBEAG.js";
import "./chunk-NELHJVCU.js";
import "./chunk-JBFM3YNM.js";
import {
  parseImageArgument
} from "./chunk-6OONQOCK.js";
import {
  formatImageReference,
  splitImageReference
} from "./chunk-TTI4HSH7.js";
import {
  UserError,
  yamlErrorText
} from "./chunk-KBKTDO2V.js";
import {
  collectRenderedImages,
  findRenderer,
  parseYamlStream,
  renderOverlay,
  require_lib
} from "./chunk-DUL2W4ZY.js";
import "./chunk-U6SD63CJ.js";
import {
  runProcess
} from "./chunk-QBU2F7BR.js";
import {
  DEFAULT_IMAGE_PATHS,
  KUSTOMIZATION_FILE_NAMES
} from "./chunk-OKDCWDB5.js";
import {
  require_dist
} from "./chunk-54KBGAUC.js";
import {
  __toESM
} from "./chunk-2QGGJF6Q.js";

// src/pins/check-pin-effects.ts
import { writeFile as writeFile4 } from "node:fs/promises";
import { join as join12 } from "node:path";

// src/pins/argocd-application-effect.ts
import { readFile as readFile2, writeFile as writeFile2 } from "node:fs/promises";
import { join as join3 } from "node:path";

// src/pins/effect-yaml.ts
var import_yaml = __toESM(require_dist(), 1);
function valuesPathSteps(path) {
  const segments = tryParseValuesPath(path);
  return segments ? segments.map((segment) => isIndex(segment) ? segment.index : segment.key) : [path];
}
function valueAtPath(root, path) {
  let node = root;
  for (const step of typeof path === "string" ? valuesPathSteps(path) : path) {
    if (typeof step === "number") node = Array.isArray(node) ? node[step] : void 0;
    else node = isRecord(node) ? node[step] : void 0;
    if (node === void 0) return void 0;
  }
  return node;
}
function scalarText(value) {
  if (value === null || value === void 0) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  return void 0;
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function readDocuments(text2, file) {
  const values = [];
  for (const document of (0, import_yaml.parseAllDocuments)(text2)) {
    if (!("contents" in document)) continue;
    if (document.errors.length > 0) throw new UserError(`${file} is not valid YAML: ${yamlErrorText(document.errors[0])}.`);
    const value = document.toJS({ maxAliasCount: 100 });
    if (value !== null && value !== void 0) values.push(value);
  }
  return values;
}
function resourceIdOf(value) {
  if (!isRecord(value) || typeof value.kind !== "string") return void 0;
  const metadata = isRecord(value.metadata) ? value.metadata : {};
  return {
    kind: value.kind,
    name: typeof metadata.name === "string" ? metadata.name : "",
    namespace: typeof metadata.namespace === "string" ? metadata.namespace : ""
  };
}
function describeResource(id) {
  return [id.kind, id.namespace, id.name].filter((part) => part !== "").join("/");
}
function findRenderedResource(rendered, wanted) {
  const ofKind = rendered.filter((value) => resourceIdOf(value)?.kind === wanted.kind);
  const named = ofKind.filter((value) => resourceIdOf(value)?.name === wanted.name);
  const candidates = named.length > 0 ? named : ofKind.filter((value) => wanted.name !== "" && (resourceIdOf(value)?.name ?? "").includes(wanted.name));
  return candidates.find((value) => resourceIdOf(value)?.namespace === wanted.namespace) ?? (candidates.length === 1 ? candidates[0] : void 0);
}

// src/pins/argocd-sources.ts
function isArgoApplication(value) {
  return isRecord(value) && value.kind === "Application" && typeof value.apiVersion === "string" && value.apiVersion.startsWith("argoproj.io/");
}
function readApplications(text2, file) {
  return readDocuments(text2, file).filter(isArgoApplication).map((value) => applicationOf(value, file));
}
function applicationOf(value, file) {
  const metadata = isRecord(value.metadata) ? value.metadata : {};
  const spec = isRecord(value.spec) ? value.spec : {};
  const destination = isRecord(spec.destination) ? spec.destination : {};
  const name = text(metadata.name);
  const sources = [];
  if (isRecord(spec.source)) sources.push(sourceOf(spec.source, "spec.source", name, file));
  if (Array.isArray(spec.sources)) {
    spec.sources.forEach((source, index) => {
      if (isRecord(source)) sources.push(sourceOf(source, `spec.sources[${index}]`, name, file));
    });
  }
  return { name, namespace: text(metadata.namespace), destinationNamespace: text(destination.namespace), sources };
}
function sourceOf(source, location, applicationName, file) {
  const kustomize = isRecord(source.kustomize) ? source.kustomize : {};
  const images = Array.isArray(kustomize.images) ? kustomize.images.map(text).filter((image) => image !== "") : [];
  return {
    location,
    repoURL: text(source.repoURL),
    path: text(source.path),
    chart: text(source.chart),
    ref: text(source.ref),
    kustomizeImages: images,
    kustomizeImageAffecting: ["patches", "components"].filter((option) => Array.isArray(kustomize[option]) && kustomize[option].length > 0),
    helm: isRecord(source.helm) ? helmOf(source.helm, applicationName, `${file} (${location}.helm.values)`) : null
  };
}
function helmOf(helm, applicationName, valuesWhere) {
  const parameters = Array.isArray(helm.parameters) ? helm.parameters.filter(isRecord) : [];
  let values = helm.valuesObject;
  if (!isRecord(values) && typeof helm.values === "string" && helm.values.trim() !== "") {
    values = readDocuments(helm.values, valuesWhere)[0];
  } else if (!isRecord(values) && isRecord(helm.values)) {
    values = helm.values;
  }
  return {
    // Argo CD names the release after the Application unless releaseName says otherwise.
    releaseName: text(helm.releaseName) || applicationName,
    valueFiles: Array.isArray(helm.valueFiles) ? helm.valueFiles.map(text).filter((file) => file !== "") : [],
    values: isRecord(values) ? values : void 0,
    parameters: parameters.map((parameter) => ({ name: text(parameter.name), value: text(parameter.value), forceString: parameter.forceString === true })),
    ignoreMissingValueFiles: helm.ignoreMissingValueFiles === true
  };
}
function text(value) {
  return scalarText(value) ?? "";
}

// src/pins/effect-messages.ts
function notInEffect(pin, expected, instead) {
  return `${pinLabel(pin)}: ${describeExpected(expected)} does not take effect: ${instead}.`;
}
function describeRenderedImages(where, rendered, expected) {
  const same = rendered.filter((reference) => splitImageReference(reference).name === expected.name);
  if (same.length > 0) return `${where} renders ${same.join(", ")}`;
  if (rendered.length === 0) return `${where} renders no images`;
  return `${where} renders no ${expected.name} image (it renders ${rendered.join(", ")})`;
}
function firstLine(text2) {
  return text2.split("\n").find((line) => line.trim() !== "")?.trim() ?? text2;
}
function joinFailures(failures) {
  return failures.length > 0 ? failures.join(" ") : void 0;
}

// src/pins/failed-render.ts
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
async function judgeFailedRender(context, edit, after, render, what, verified) {
  const file = join(context.root, edit.pin.file);
  const before = await context.slots.alone(async () => {
    await writeFile(file, edit.original);
    try {
      return await render();
    } finally {
      await writeFile(file, edit.text);
    }
  });
  if (!before.ok) {
    return {
      verified: "not-verifiable",
      details: `${what} does not render, with or without the edit.`,
      warnings: [`${pinLabel(edit.pin)}: ${what} did not render before the edit either (${firstLine(before.error)}), so the edit's effect is not checked.`]
    };
  }
  return { verified, details: "", failure: `${pinLabel(edit.pin)}: ${what} no longer renders after the edit: ${firstLine(after.error)}.` };
}

// src/pins/repo-files.ts
import { readFile, stat } from "node:fs/promises";
import { dirname, isAbsolute, join as join2, posix, relative } from "node:path";
function insideRepo(root, path) {
  const absolute = join2(root, path);
  const back = relative(root, absolute);
  return back.startsWith("..") || isAbsolute(back) ? null : absolute;
}
function repoPath(root, absolute) {
  return relative(root, absolute).split("\\").join("/") || ".";
}
async function isFolder(path) {
  return (await stat(path).catch(() => null))?.isDirectory() ?? false;
}
async function isFile(path) {
  return (await stat(path).catch(() => null))?.isFile() ?? false;
}
async function kustomizationFileIn(folder) {
  for (const name of KUSTOMIZATION_FILE_NAMES) if (await isFile(join2(folder, name))) return join2(folder, name);
  return null;
}
function listsResource(kustomizationText, kustomizationFile, fileName) {
  const root = readDocuments(kustomizationText, kustomizationFile)[0];
  const resources = isRecord(root) && Array.isArray(root.resources) ? root.resources : [];
  return resources.some((entry) => typeof entry === "string" && posix.normalize(entry) === fileName);
}
async function chartFolderAbove(root, file) {
  let folder = dirname(join2(root, file));
  for (; ; ) {
    if (await isFile(join2(folder, "Chart.yaml"))) return folder;
    if (relative(root, folder) === "" || relative(root, folder).startsWith("..")) return null;
    folder = dirname(folder);
  }
}
async function isChartFolder(folder) {
  return isFile(join2(folder, "Chart.yaml"));
}
async function chartDefaults(chartFolder, root) {
  const file = join2(chartFolder, "values.yaml");
  const text2 = await readFile(file, "utf8").catch(() => "");
  return readDocuments(text2, repoPath(root, file))[0] ?? {};
}

// src/pins/argocd-application-effect.ts
async function checkArgoKustomizeImages(context, edit) {
  const parts = [];
  const covered = /* @__PURE__ */ new Set();
  for (const application of readApplications(edit.text, edit.pin.file)) {
    for (const source of application.sources) {
      const names = new Set(source.kustomizeImages.map((image) => argumentNameOf(image)));
      const changes = edit.changes.filter((change) => names.has(change.name));
      if (changes.length === 0) continue;
      changes.forEach((change) => covered.add(change));
      parts.push(await checkSource(context, edit, application, source, changes));
    }
  }
  const strays = edit.changes.filter((change) => !covered.has(change));
  if (strays.length > 0) {
    const images = strays.map((change) => describeExpected(expectedImageOf(change))).join(", ");
    parts.push({
      verified: "structural",
      details: "",
      failure: `${pinLabel(edit.pin)}: no source of the edited Application holds kustomize images for ${images}.`
    });
  }
  return parts;
}
async function checkSource(context, edit, application, source, changes) {
  const label = pinLabel(edit.pin);
  const where = `${application.name} ${source.location}`;
  if (source.chart) {
    return notVerifiable(
      label,
      `${where} is the chart ${source.chart} of ${source.repoURL}, not a kustomization of this repository; its kustomize images are not checked.`
    );
  }
  const folder = source.path ? insideRepo(context.root, source.path) : null;
  if (!folder || !await isFolder(folder)) {
    return notVerifiable(
      label,
      `${where} renders '${source.path}' of ${source.repoURL || "its repository"}, which is not a folder of this repository (another repository's source?); its kustomize images are not checked.`
    );
  }
  const kustomization = await kustomizationFileIn(folder);
  if (!kustomization) {
    return {
      verified: "render",
      details: "",
      failure: `${label}: ${where} sets kustomize images, but ${source.path} has no kustomization file: Argo CD cannot apply them (kustomize edit set image needs one).`
    };
  }
  if (!context.renderer) return notVerifiable(label, `neither kustomize nor kubectl is on PATH, so ${source.path} is not rendered with ${where}'s images.`);
  if (source.kustomizeImages.some((image) => image.includes("$"))) {
    return notVerifiable(
      label,
      `${where}'s kustomize images use build environment variables ($ARGOCD_APP_\u2026), which only Argo CD fills in; they are not checked.`
    );
  }
  const unparsed = source.kustomizeImages.find((image) => argumentNameOf(image) === "");
  if (unparsed !== void 0) {
    return {
      verified: "render",
      details: "",
      failure: `${label}: ${where}.kustomize.images: '${unparsed}' is not an argument kustomize edit set image takes.`
    };
  }
  const renderer = context.renderer;
  const render = async () => {
    const now = readApplications(await readFile2(join3(context.root, edit.pin.file), "utf8"), edit.pin.file);
    const images = now.find((app) => app.name === application.name)?.sources.find((other) => other.location === source.location)?.kustomizeImages ?? [];
    return withImagesApplied(kustomization, repoPath(context.root, kustomization), images.map(toArgument), () => renderOverlay(renderer, folder));
  };
  const result = await context.slots.alone(render);
  const what = `${source.path} with ${where}'s images`;
  if (!result.ok) return judgeFailedRender(context, edit, result, render, what, "render");
  const rendered = collectRenderedImages(result.yaml);
  const failures = changes.map(expectedImageOf).filter((expected) => !rendersExpectedImage(rendered, expected)).map(
    (expected) => notInEffect(edit.pin, expected, describeRenderedImages(what, rendered, expected)) + " kustomize matches image names exactly (no registry added), so an entry whose name is in no manifest of the source changes nothing."
  );
  const warnings = source.kustomizeImageAffecting.map(
    (option) => `${label}: ${where} also sets kustomize ${option}, which the check does not apply; they could change an image too.`
  );
  const shown = changes.map((change) => describeExpected(expectedImageOf(change))).join(", ");
  return {
    verified: "render",
    details: `Rendered ${source.path} after kustomize edit set image with ${where}'s images, as Argo CD does: ${shown} in the render.`,
    warnings,
    failure: failures.length > 0 ? failures.join(" ") : void 0
  };
}
async function withImagesApplied(file, shownFile, args, work) {
  const text2 = await readFile2(file, "utf8");
  await writeFile2(file, setImagesInKustomization(text2, args, shownFile).text);
  try {
    return await work();
  } finally {
    await writeFile2(file, text2);
  }
}
function toArgument(image) {
  return parseImageArgument(image, "kustomize.images");
}
function argumentNameOf(image) {
  try {
    return toArgument(image).name;
  } catch {
    return "";
  }
}
function notVerifiable(label, sentence) {
  return { verified: "not-verifiable", details: sentence, warnings: [`${label}: ${sentence}`] };
}

// src/pins/argocd-helm-parameters-effect.ts
import { readFile as readFile4 } from "node:fs/promises";
import { join as join6 } from "node:path";

// src/pins/argocd-helm-plan.ts
import { readFile as readFile3 } from "node:fs/promises";
import { basename, join as join4 } from "node:path";
async function planArgoHelmSource(root, application, source) {
  const where = `${application.name} ${source.location}`;
  if (source.chart) return { notLocal: `${where} takes the chart ${source.chart} from ${source.repoURL || "a Helm repository"}` };
  const chart = source.path ? insideRepo(root, source.path) : null;
  if (!chart || !await isChartFolder(chart)) {
    return { notLocal: `${where} renders '${source.path}' of ${source.repoURL || "its repository"}, which is no chart folder of this repository` };
  }
  const warnings = [];
  const valueFiles = [];
  const helm = source.helm;
  for (const entry of helm?.valueFiles ?? []) {
    const resolved = resolveValueFile(root, chart, application, entry);
    if (typeof resolved !== "string") {
      warnings.push(`${where}: the values file '${entry}' ${resolved.problem}; the check leaves it out.`);
    } else if (await isFile(resolved)) {
      valueFiles.push(resolved);
    } else if (!helm?.ignoreMissingValueFiles) {
      warnings.push(`${where}: the values file '${entry}' does not exist (${repoPath(root, resolved)}); Argo CD fails to render without it.`);
    }
  }
  return {
    plan: {
      where,
      chartPath: repoPath(root, chart),
      call: {
        release: helm?.releaseName || application.name || basename(chart),
        chart,
        namespace: application.destinationNamespace,
        valueFiles,
        inlineValues: helm?.values === void 0 ? [] : [helm.values],
        parameters: helm?.parameters ?? []
      },
      warnings
    }
  };
}
function resolveValueFile(root, chart, application, entry) {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(entry)) return { problem: "is a URL, which the check does not fetch" };
  if (/[*?[]/.test(entry)) return { problem: "is a glob pattern, which the check does not expand" };
  let resolved;
  const ref = /^\$([^/]+)\/(.*)$/.exec(entry);
  if (ref) {
    if (!application.sources.some((source) => source.ref === ref[1])) return { problem: `names $${ref[1]}, which no source of the Application is the ref of` };
    resolved = insideRepo(root, ref[2]);
  } else {
    resolved = entry.startsWith("/") ? insideRepo(root, entry.slice(1)) : insideRepo(root, repoPath(root, join4(chart, entry)));
  }
  return resolved ?? { problem: "is outside this repository" };
}
async function planValueLayers(root, plan, defaultsOf) {
  const files = await Promise.all(plan.call.valueFiles.map(async (file) => readDocuments(await readFile3(file, "utf8"), repoPath(root, file))[0] ?? {}));
  return [parametersAsValues(plan.call.parameters), ...plan.call.inlineValues, ...files.reverse(), await defaultsOf(plan.call.chart)];
}
function parametersAsValues(parameters) {
  const values = {};
  for (const { name, value } of parameters) {
    const steps = valuesPathSteps(name);
    let node = values;
    steps.forEach((step, index) => {
      const last = index === steps.length - 1;
      const container = node;
      if (last) {
        container[step] = value;
        return;
      }
      const existing = container[step];
      if (!isRecord(existing) && !Array.isArray(existing)) container[step] = typeof steps[index + 1] === "number" ? [] : {};
      node = container[step];
    });
  }
  return values;
}

// src/pins/helm-template.ts
var import_which = __toESM(require_lib(), 1);
import { mkdtemp, rm, writeFile as writeFile3 } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join as join5 } from "node:path";
function escapeSetValue(value) {
  if (value.startsWith("{") && value.endsWith("}")) return value;
  let escaped = "";
  for (let index = 0; index < value.length; index++) {
    escaped += value[index] === "," && value[index - 1] !== "\\" ? "\\," : value[index];
  }
  return escaped;
}
function helmTemplateArgs(call, inlineFiles) {
  const args = ["template", call.release, call.chart];
  if (call.namespace) args.push("--namespace", call.namespace);
  for (const file of [...call.valueFiles, ...inlineFiles]) args.push("--values", file);
  const byName = /* @__PURE__ */ new Map();
  for (const parameter of call.parameters) {
    byName.delete(parameter.name);
    byName.set(parameter.name, parameter);
  }
  for (const parameter of byName.values()) {
    args.push(parameter.forceString ? "--set-string" : "--set", `${parameter.name}=${escapeSetValue(parameter.value)}`);
  }
  return args;
}
async function templateChart(helm, call) {
  const folder = await mkdtemp(join5(tmpdir(), "gitops-promote-values-"));
  try {
    const inlineFiles = call.inlineValues.map((_, index) => join5(folder, `inline-${index}.yaml`));
    await Promise.all(call.inlineValues.map((values, index) => writeFile3(inlineFiles[index], JSON.stringify(values ?? {}))));
    const result = await runProcess(helm, helmTemplateArgs(call, inlineFiles));
    if (result.exitCode === 0) return { ok: true, yaml: result.stdout };
    return { ok: false, error: result.stderr.trim() || `helm exited with code ${result.exitCode}` };
  } catch (error) {
    return { ok: false, error: error.message };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
async function findHelm() {
  return await (0, import_which.default)("helm", { nothrow: true }) ? "helm" : null;
}

// src/pins/pinned-reference.ts
function valueIn(roots, path) {
  for (const root of roots) {
    const value = valueAtPath(root, path);
    if (value !== void 0) return scalarText(value);
  }
  return void 0;
}
function heldReference(roots, paths) {
  if (paths.reference) {
    const text2 = valueIn(roots, paths.reference);
    return text2 ? splitImageReference(text2) : void 0;
  }
  const read = (path) => path ? valueIn(roots, path) ?? "" : "";
  const [repository, tag, digest] = [read(paths.repository), read(paths.tag), read(paths.digest)];
  if (repository === "" && tag === "" && digest === "") return void 0;
  return splitImageReference(`${repository}${tag ? `:${tag}` : ""}${digest ? `@${digest}` : ""}`);
}
function pathsOfChange(pin, change, roots) {
  const images = pin.images.length > 0 ? pin.images : [{ name: "", paths: DEFAULT_IMAGE_PATHS }];
  const named = images.find((image) => image.name === change.name);
  if (named) return named.paths;
  const names = new Set([change.name, change.before?.newName, change.after.newName].filter((name) => name));
  const holding = images.filter((image) => image.name === "" && names.has(heldReference(roots, image.paths)?.name ?? ""));
  if (holding.length === 1) return holding[0].paths;
  return images.length === 1 ? images[0].paths : void 0;
}
function expectedOfChange(change, held) {
  const expected = expectedImageOf(change);
  if (change.after.newName) return { ...expected, anyName: false };
  if (held?.name) return { ...expected, name: held.name, anyName: false };
  return { ...expected, anyName: held !== void 0 };
}
function rendersPinnedExpected(rendered, expected) {
  const candidates = expected.anyName ? rendered.map((reference) => formatImageReference({ ...splitImageReference(reference), name: expected.name })) : rendered;
  return rendersExpectedImage(candidates, expected);
}
function holdsExpected(held, expected) {
  return held !== void 0 && rendersPinnedExpected([formatImageReference(held)], expected);
}
function describeHeld(roots, paths, prefix = "") {
  const parts = [paths.reference, paths.repository, paths.tag, paths.digest].filter((path) => path !== void 0 && path !== "").flatMap((path) => {
    const value = valueIn(roots, path);
    return value ? [`${prefix}${path}=${value}`] : [];
  });
  return parts.join(", ");
}

// src/pins/helm-value-checks.ts
function checkHeldValues(pin, changes, layers, where, prefix = "") {
  const verdict = { failures: [], warnings: [] };
  for (const change of changes) {
    const paths = pathsOfChange(pin, change, layers);
    if (!paths) {
      verdict.warnings.push(`${pinLabel(pin)}: which values hold ${change.name} is not known (name it in the pin's images:), so it is not checked.`);
      continue;
    }
    const held = heldReference(layers, paths);
    const expected = expectedOfChange(change, held);
    if (!holdsExpected(held, expected)) verdict.failures.push(notInEffect(pin, expected, `${where} hold ${describeHeld(layers, paths, prefix) || "nothing"}`));
  }
  return verdict;
}
function undeclaredAddedPaths(pin, changes, original, edited, defaults, chartPath) {
  const warnings = [];
  for (const change of changes) {
    const paths = pathsOfChange(pin, change, [edited, original]);
    for (const path of pathsOf(paths)) {
      if (valueAtPath(original, path) !== void 0 || valueAtPath(edited, path) === void 0 || valueAtPath(defaults, path) !== void 0) continue;
      warnings.push(`${pinLabel(pin)}: the edit adds ${path}, which ${chartPath}/values.yaml does not declare; check that the chart reads it.`);
    }
  }
  return warnings;
}
function pathsOf(paths) {
  if (!paths) return [];
  return [paths.reference, paths.repository, paths.tag, paths.digest].filter((path) => path !== void 0 && path !== "");
}
async function templateAndCheck(context, edit, helm, makeCall, layers, what) {
  const render = async () => templateChart(helm, await makeCall());
  const result = await context.slots.shared(render);
  if (!result.ok) return judgeFailedRender(context, edit, result, render, what, "helm-template");
  const rendered = collectRenderedImages(result.yaml);
  const failures = [];
  const shown = [];
  for (const change of edit.changes) {
    const paths = pathsOfChange(edit.pin, change, layers);
    const expected = expectedOfChange(change, paths ? heldReference(layers, paths) : void 0);
    shown.push(describeExpected(expected));
    if (!rendersPinnedExpected(rendered, expected)) failures.push(notInEffect(edit.pin, expected, describeRenderedImages(what, rendered, expected)));
  }
  return {
    verified: "helm-template",
    details: `helm template of ${what}: ${shown.join(", ")} among its images.`,
    failure: failures.length > 0 ? failures.join(" ") : void 0
  };
}

// src/pins/argocd-helm-parameters-effect.ts
async function checkArgoHelmParameters(context, edit) {
  const { pin } = edit;
  const helmSources = readApplications(edit.text, pin.file).flatMap(
    (application) => application.sources.filter((source) => source.helm !== null).map((source) => ({ application, source }))
  );
  if (helmSources.length === 0) {
    return [
      {
        verified: "structural",
        details: "",
        failure: `${pinLabel(pin)}: the edited Application has no source with helm: settings, so its parameters set nothing.`
      }
    ];
  }
  const naming = helmSources.filter(({ source }) => edit.changes.some((change) => ownLayerHolds(pin, change, source)));
  return Promise.all((naming.length > 0 ? naming : helmSources).map(({ application, source }) => checkSource2(context, edit, application, source)));
}
function ownLayerHolds(pin, change, source) {
  const layers = ownLayers(source);
  const paths = pathsOfChange(pin, change, layers);
  return paths !== void 0 && [paths.reference, paths.repository, paths.tag, paths.digest].some((path) => path && valueIn(layers, path) !== void 0);
}
function ownLayers(source) {
  return [parametersAsValues(source.helm?.parameters ?? []), ...source.helm?.values === void 0 ? [] : [source.helm.values]];
}
async function checkSource2(context, edit, application, source) {
  const { pin } = edit;
  const label = pinLabel(pin);
  const where = `${application.name} ${source.location}`;
  const outcome = await planArgoHelmSource(context.root, application, source);
  if ("notLocal" in outcome) {
    const verdict2 = checkHeldValues(pin, edit.changes, ownLayers(source), `the values ${where} passes`);
    return {
      verified: "structural",
      details: `Read the parameters and values ${where} passes: they hold the new values at the pin's paths.`,
      warnings: [
        `${label}: the chart is not in this repository (${outcome.notLocal}), so whether it prints these values into an image is not verified.`,
        ...verdict2.warnings
      ],
      failure: joinFailures(verdict2.failures)
    };
  }
  const { plan } = outcome;
  const layers = await planValueLayers(context.root, plan, context.chartDefaults);
  if (context.helm) {
    const makeCall = async () => {
      const now = readApplications(await readFile4(join6(context.root, pin.file), "utf8"), pin.file).find((other) => other.name === application.name);
      const again = now?.sources.find((other) => other.location === source.location);
      const replanned = now && again ? await planArgoHelmSource(context.root, now, again) : outcome;
      return "plan" in replanned ? replanned.plan.call : plan.call;
    };
    const part = await templateAndCheck(context, edit, context.helm, makeCall, layers, `${plan.chartPath} templated as ${where} templates it`);
    return { ...part, warnings: [...part.warnings ?? [], ...plan.warnings] };
  }
  const verdict = checkHeldValues(pin, edit.changes, layers, `the values ${where} passes to ${plan.chartPath}`);
  return {
    verified: "structural",
    details: `Read the values ${where} passes to ${plan.chartPath} (parameters over valuesObject/values over valueFiles over the chart's values.yaml): they hold the new values at the pin's paths.`,
    warnings: [
      `${label}: helm is not on PATH, so ${plan.chartPath} was not templated with the edited parameters: that the chart prints them into an image is not verified.`,
      ...plan.warnings,
      ...verdict.warnings
    ],
    failure: joinFailures(verdict.failures)
  };
}

// src/pins/effect-types.ts
var STRENGTH = { "not-verifiable": 0, structural: 1, render: 2, "helm-template": 2 };
function weakestVerification(parts) {
  let weakest;
  for (const part of parts) if (weakest === void 0 || STRENGTH[part.verified] <= STRENGTH[weakest]) weakest = part.verified;
  return weakest ?? "not-verifiable";
}

// src/pins/helm-release-effect.ts
import { readFile as readFile5 } from "node:fs/promises";
import { basename as basename2, dirname as dirname2, join as join7 } from "node:path";
async function checkHelmRelease(context, edit) {
  const { pin } = edit;
  const label = pinLabel(pin);
  const releases = readDocuments(edit.text, pin.file).filter(isHelmRelease);
  if (releases.length === 0) return [{ verified: "structural", details: "", failure: `${label}: the edited file holds no Flux HelmRelease.` }];
  const view = await asFluxApplies(context, edit, releases);
  if ("parts" in view) return view.parts;
  const { rendered, details } = view;
  const warnings = [...view.warnings, ...releases.flatMap((release) => overridesNotRead(label, release))];
  const parts = [];
  for (const [index, release] of releases.entries()) {
    const changes = releases.length === 1 ? edit.changes : changesHeldIn(edit, specValues(release));
    if (changes.length === 0) continue;
    const values = specValues(rendered?.[index] ?? release);
    const where = rendered ? `the values of ${describeResource(idOf(release))} in the render of ${view.folder}` : `the values in the edited ${pin.file}`;
    const verdict = checkHeldValues(pin, changes, [values], where, "spec.values.");
    let failure = joinFailures(verdict.failures);
    if (failure && rendered && checkHeldValues(pin, changes, [specValues(release)], "").failures.length === 0) {
      failure += ` The file holds the new values: ${view.kustomization} sets them over (a patch?).`;
    }
    parts.push({ verified: rendered ? "render" : "structural", details, warnings: [...warnings, ...verdict.warnings], failure });
    if (!failure) parts.push(await checkChart(context, { ...edit, changes }, release, values, parts[parts.length - 1].verified));
  }
  if (parts.length === 0) {
    parts.push({ verified: "structural", details: "", failure: `${label}: no HelmRelease of the edited file holds values at the pin's paths.` });
  }
  return parts;
}
async function asFluxApplies(context, edit, releases) {
  const label = pinLabel(edit.pin);
  const folder = dirname2(join7(context.root, edit.pin.file));
  const folderPath = repoPath(context.root, folder);
  const fileName = basename2(edit.pin.file);
  const kustomization = await kustomizationFileIn(folder);
  if (!kustomization) {
    const details = `${folderPath} has no kustomization file: Flux's kustomize-controller generates one that applies ${fileName} as it is, so no render was needed; read the edited file.`;
    return { details, warnings: [], folder: folderPath, kustomization: "" };
  }
  const shown = repoPath(context.root, kustomization);
  if (!listsResource(await readFile5(kustomization, "utf8"), shown, fileName)) {
    const warning = `${label}: ${shown} does not list ${fileName} under resources:, so Flux applies this HelmRelease only if another kustomization includes it; not rendered.`;
    return { details: `Read the edited file: ${shown} does not list it under resources:.`, warnings: [warning], folder: folderPath, kustomization: shown };
  }
  if (!context.renderer) {
    const warning = `${label}: neither kustomize nor kubectl is on PATH, so ${folderPath} was not rendered: a patch of its kustomization could still set these values.`;
    return { details: "Read the edited file.", warnings: [warning], folder: folderPath, kustomization: shown };
  }
  const renderer = context.renderer;
  const render = () => renderOverlay(renderer, folder);
  const result = await context.slots.shared(render);
  if (!result.ok) return { parts: [await judgeFailedRender(context, edit, result, render, folderPath, "render")] };
  const documents = parseYamlStream(result.yaml).values;
  const found = releases.map((release) => findRenderedResource(documents, idOf(release)));
  const missing = releases.filter((_, index) => !found[index]).map((release) => describeResource(idOf(release)));
  if (missing.length > 0)
    return { parts: [{ verified: "render", details: "", failure: `${label}: the render of ${folderPath} holds no ${missing.join(", ")}.` }] };
  return {
    rendered: found,
    details: `Rendered ${folderPath} as Flux's kustomize-controller does, and read the HelmRelease there.`,
    warnings: [],
    folder: folderPath,
    kustomization: shown
  };
}
function changesHeldIn(edit, values) {
  return edit.changes.filter((change) => {
    const paths = pathsOfChange(edit.pin, change, [values]);
    return paths !== void 0 && heldReference([values], paths) !== void 0;
  });
}
async function checkChart(context, edit, release, values, valuesVerified) {
  const label = pinLabel(edit.pin);
  const spec = isRecord(release.spec) ? release.spec : {};
  const chartSpec = isRecord(spec.chart) && isRecord(spec.chart.spec) ? spec.chart.spec : {};
  const sourceRef = isRecord(chartSpec.sourceRef) ? chartSpec.sourceRef : {};
  const chartPath = typeof chartSpec.chart === "string" ? chartSpec.chart : "";
  const chart = sourceRef.kind === "GitRepository" && chartPath ? insideRepo(context.root, chartPath) : null;
  if (!chart || !await isChartFolder(chart)) {
    const ref = isRecord(spec.chartRef) ? spec.chartRef : sourceRef;
    const from = typeof ref.kind === "string" && typeof ref.name === "string" ? `${ref.kind}/${ref.name}` : "a source of Flux";
    return { verified: valuesVerified, details: `The chart comes from ${from}, outside this repository: the check ends at the values.` };
  }
  const shownChart = repoPath(context.root, chart);
  if (!context.helm) {
    return {
      verified: valuesVerified,
      details: "",
      warnings: [
        `${label}: helm is not on PATH, so the chart ${shownChart} was not templated with the HelmRelease's values: that it prints them into an image is not verified.`
      ]
    };
  }
  const valueFiles = [];
  const warnings = [];
  for (const entry of valuesFilesOf(chartSpec)) {
    const candidates = [insideRepo(context.root, entry), insideRepo(context.root, repoPath(context.root, join7(chart, entry)))];
    const file = (await Promise.all(candidates.map(async (candidate) => candidate && await isFile(candidate) ? candidate : null))).find(Boolean);
    if (file) valueFiles.push(file);
    else warnings.push(`${label}: spec.chart.spec.valuesFiles names ${entry}, which is not a file of this repository; the check leaves it out.`);
  }
  const id = idOf(release);
  const targetNamespace = typeof spec.targetNamespace === "string" ? spec.targetNamespace : "";
  const call = {
    release: typeof spec.releaseName === "string" && spec.releaseName ? spec.releaseName : targetNamespace ? `${targetNamespace}-${id.name}` : id.name,
    chart,
    namespace: targetNamespace || id.namespace,
    valueFiles,
    inlineValues: [values],
    parameters: []
  };
  const files = await Promise.all(valueFiles.map(async (file) => readDocuments(await readFile5(file, "utf8"), repoPath(context.root, file))[0] ?? {}));
  const layers = [values, ...files.reverse(), await context.chartDefaults(chart)];
  const part = await templateAndCheck(
    context,
    edit,
    context.helm,
    () => Promise.resolve(call),
    layers,
    `${shownChart} templated with ${describeResource(id)}'s values`
  );
  return { ...part, warnings: [...part.warnings ?? [], ...warnings] };
}
function overridesNotRead(label, release) {
  const spec = isRecord(release.spec) ? release.spec : {};
  const warnings = [];
  const valuesFrom = Array.isArray(spec.valuesFrom) ? spec.valuesFrom.filter(isRecord) : [];
  for (const entry of valuesFrom.filter((item) => typeof item.targetPath === "string" && item.targetPath !== "")) {
    warnings.push(
      `${label}: spec.valuesFrom takes ${String(entry.targetPath)} from ${String(entry.kind)}/${String(entry.name)}, over spec.values; the check does not read the cluster's ConfigMaps and Secrets.`
    );
  }
  if (Array.isArray(spec.postRenderers) && spec.postRenderers.length > 0) {
    warnings.push(`${label}: spec.postRenderers change the chart's output after it is templated; the check does not apply them.`);
  }
  return warnings;
}
function valuesFilesOf(chartSpec) {
  const files = [chartSpec.valuesFile, ...Array.isArray(chartSpec.valuesFiles) ? chartSpec.valuesFiles : []];
  return files.filter((file) => typeof file === "string" && file !== "");
}
function isHelmRelease(value) {
  return isRecord(value) && value.kind === "HelmRelease" && typeof value.apiVersion === "string" && value.apiVersion.startsWith("helm.toolkit.fluxcd.io/");
}
function idOf(release) {
  return resourceIdOf(release) ?? { kind: "HelmRelease", name: "", namespace: "" };
}
function specValues(release) {
  return isRecord(release.spec) && isRecord(release.spec.values) ? release.spec.values : {};
}

// src/pins/values-file-charts.ts
import { basename as basename3, join as join9 } from "node:path";

// src/pins/values-file-users.ts
import { join as join8 } from "node:path";
async function indexValuesFileUsers(root, applications) {
  const sources = applications.flatMap(
    ({ file, application }) => application.sources.filter((source) => source.helm && source.helm.valueFiles.length > 0).map((source) => ({ file, application, source }))
  );
  const outcomes = await Promise.all(
    sources.map(async ({ application, source }) => source.chart ? void 0 : planArgoHelmSource(root, application, source))
  );
  const plans = /* @__PURE__ */ new Map();
  const notLocal = /* @__PURE__ */ new Map();
  sources.forEach(({ file, application, source }, index) => {
    if (source.chart) {
      const passed = (source.helm?.valueFiles ?? []).filter((entry) => /^\$[^/]+\//.test(entry)).map((entry) => entry.slice(entry.indexOf("/") + 1));
      const why = `${file} (${application.name}) takes the chart ${source.chart} from ${source.repoURL || "a Helm repository"}`;
      for (const valuesFile of new Set(passed)) add(notLocal, valuesFile, why);
      return;
    }
    const outcome = outcomes[index];
    if (outcome && "plan" in outcome) for (const valuesFile of new Set(outcome.plan.call.valueFiles)) add(plans, valuesFile, outcome.plan);
  });
  return { plans, notLocal };
}
function usersOfValuesFile(users, root, file) {
  return { plans: [...users.plans.get(join8(root, file)) ?? []], notLocal: [...users.notLocal.get(file) ?? []] };
}
function add(map, key, value) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

// src/pins/values-file-charts.ts
async function chartsOfValuesFile(context, file) {
  const { root } = context;
  const named = Object.hasOwn(context.charts, file) ? context.charts[file] : void 0;
  if (named !== void 0) {
    const chart2 = insideRepo(root, named);
    if (chart2 && await isChartFolder(chart2)) return { plans: [planOfChart(root, chart2, file)], notLocal: [] };
    return { plans: [], notLocal: [`the pin names the chart ${named}, which is no chart folder of this repository (no Chart.yaml)`] };
  }
  const found = usersOfValuesFile(await context.valuesFileUsers(), root, file);
  if (found.plans.length > 0 || found.notLocal.length > 0) return found;
  const chart = await chartFolderAbove(root, file);
  return chart ? { plans: [planOfChart(root, chart, file)], notLocal: [] } : found;
}
function planOfChart(root, chart, file) {
  const absolute = join9(root, file);
  const isDefaults = absolute === join9(chart, "values.yaml");
  return {
    where: file,
    chartPath: repoPath(root, chart),
    call: { release: basename3(chart), chart, namespace: "", valueFiles: isDefaults ? [] : [absolute], inlineValues: [], parameters: [] },
    warnings: []
  };
}

// src/pins/helm-values-effect.ts
async function checkHelmValues(context, edit) {
  const { pin } = edit;
  const label = pinLabel(pin);
  const edited = readDocuments(edit.text, pin.file)[0] ?? {};
  const original = readDocuments(edit.original, pin.file)[0] ?? {};
  const charts = await chartsOfValuesFile(context, pin.file);
  if (charts.plans.length === 0) {
    const why = charts.notLocal.length > 0 ? charts.notLocal.join("; ") : "no Chart.yaml above the file, and no Argo CD Application of the repo passes it";
    const verdict = checkHeldValues(pin, edit.changes, [edited], `the values in the edited ${pin.file}`);
    return [
      {
        verified: "structural",
        details: `Read the edited ${pin.file}: it holds the new values at the pin's paths.`,
        warnings: [
          `${label}: the chart is not in this repository (${why}), so whether it prints these values into an image is not verified.`,
          ...verdict.warnings
        ],
        failure: joinFailures(verdict.failures)
      }
    ];
  }
  return Promise.all(charts.plans.map((plan) => checkWithChart(context, edit, plan, original, edited)));
}
async function checkWithChart(context, edit, plan, original, edited) {
  const { pin } = edit;
  const layers = await planValueLayers(context.root, plan, context.chartDefaults);
  const added = undeclaredAddedPaths(pin, edit.changes, original, edited, layers.at(-1), plan.chartPath);
  if (context.helm) {
    const part = await templateAndCheck(
      context,
      edit,
      context.helm,
      () => Promise.resolve(plan.call),
      layers,
      `${plan.chartPath} templated with ${plan.where}`
    );
    return { ...part, warnings: [...part.warnings ?? [], ...plan.warnings, ...added] };
  }
  const verdict = checkHeldValues(pin, edit.changes, layers, `the values ${plan.where} passes to ${plan.chartPath}`);
  return {
    verified: "structural",
    details: `Read the values ${plan.where} passes to ${plan.chartPath}, merged as Helm merges them: they hold the new values at the pin's paths.`,
    warnings: [
      `${pinLabel(pin)}: helm is not on PATH, so ${plan.chartPath} was not templated with the edited values: that the chart prints them into an image is not verified.`,
      ...plan.warnings,
      ...added,
      ...verdict.warnings
    ],
    failure: joinFailures(verdict.failures)
  };
}

// src/pins/image-setters-effect.ts
import { readFile as readFile6 } from "node:fs/promises";
import { basename as basename4, dirname as dirname3, join as join10 } from "node:path";

// src/pins/setter-fields.ts
var import_yaml2 = __toESM(require_dist(), 1);
var MARKER = /\{\s*"\$imagepolicy"\s*:\s*"([^"]+)"\s*\}/;
function findSetterFields(text2, file) {
  const fields = [];
  let index = 0;
  for (const document of (0, import_yaml2.parseAllDocuments)(text2)) {
    if (!("contents" in document)) continue;
    if (document.errors.length > 0) throw new UserError(`${file} is not valid YAML: ${yamlErrorText(document.errors[0])}.`);
    if (document.contents === null) continue;
    const resource = resourceIdOf(document.toJS({ maxAliasCount: 100 }));
    const visit = (node, path) => {
      if ((0, import_yaml2.isMap)(node)) {
        for (const pair of node.items) visit(pair.value, [...path, (0, import_yaml2.isScalar)(pair.key) ? String(pair.key.value) : ""]);
      } else if ((0, import_yaml2.isSeq)(node)) {
        node.items.forEach((item, at) => {
          visit(item, [...path, at]);
        });
      } else if ((0, import_yaml2.isScalar)(node)) {
        const marker = MARKER.exec(node.comment ?? "");
        if (marker) fields.push({ document: index, resource, path, value: scalarText(node.value) ?? "", policy: marker[1], part: partOf(marker[1]) });
      }
    };
    visit(document.contents, []);
    index += 1;
  }
  return fields;
}
function partOf(policy) {
  const suffix = policy.split(":")[2];
  return suffix === "tag" || suffix === "name" || suffix === "digest" ? suffix : "reference";
}
function changedSetterFields(original, edited) {
  const before = new Map(original.map((field) => [keyOf(field), field.value]));
  return edited.filter((field) => before.get(keyOf(field)) !== field.value);
}
function keyOf(field) {
  return JSON.stringify([field.document, field.path]);
}
function describePath(path) {
  return path.map((step, index) => typeof step === "number" ? `[${step}]` : index === 0 ? step : `.${step}`).join("");
}

// src/pins/image-setters-effect.ts
async function checkImageSetters(context, edit) {
  const { pin } = edit;
  const label = pinLabel(pin);
  const changed = changedSetterFields(findSetterFields(edit.original, pin.file), findSetterFields(edit.text, pin.file));
  const unheld = edit.changes.map(expectedImageOf).filter((expected) => !changed.some((field) => fieldHolds(field, expected)));
  if (unheld.length > 0) {
    const held = changed.length > 0 ? changed.map((field) => `${describePath(field.path)}=${field.value}`).join(", ") : "nothing";
    const failure = `${label}: ${unheld.map(describeExpected).join(", ")} is in no setter field of the edited file (its changed setter fields hold ${held}).`;
    return [{ verified: "structural", details: "", failure }];
  }
  const folder = dirname3(join10(context.root, pin.file));
  const folderPath = repoPath(context.root, folder);
  const kustomization = await kustomizationFileIn(folder);
  const structural = (details, warnings2 = []) => [
    { verified: "structural", details: `${details} The edited file re-parses, and its setter fields hold the new values.`, warnings: warnings2 }
  ];
  if (!kustomization) return structural(`${folderPath} has no kustomization file: Flux applies ${basename4(pin.file)} as it is, so no render was needed.`);
  const kustomizationPath = repoPath(context.root, kustomization);
  if (!listsResource(await readFile6(kustomization, "utf8"), kustomizationPath, basename4(pin.file))) {
    return structural(`${kustomizationPath} does not list ${basename4(pin.file)} under resources:.`, [
      `${label}: ${kustomizationPath} does not list ${basename4(pin.file)} under resources:, so Flux applies it only if another kustomization includes it; not rendered.`
    ]);
  }
  if (!context.renderer) {
    return structural("Not rendered.", [
      `${label}: neither kustomize nor kubectl is on PATH, so ${folderPath} was not rendered: its kustomization could still set these fields over.`
    ]);
  }
  const renderer = context.renderer;
  const render = () => renderOverlay(renderer, folder);
  const result = await context.slots.shared(render);
  if (!result.ok) return [await judgeFailedRender(context, edit, result, render, folderPath, "render")];
  const documents = parseYamlStream(result.yaml).values;
  const failures = [];
  const warnings = [];
  for (const field of changed) {
    const where = describePath(field.path);
    if (!field.resource) {
      warnings.push(`${label}: the setter field ${where} is in a document that is no Kubernetes resource (no kind), so it is not looked for in the render.`);
      continue;
    }
    const resource = findRenderedResource(documents, field.resource);
    if (!resource) {
      failures.push(`${label}: the render of ${folderPath} holds no ${describeResource(field.resource)}, where ${field.value} was set.`);
      continue;
    }
    const rendered = scalarText(valueAtPath(resource, field.path));
    if (rendered !== field.value) {
      failures.push(
        `${label}: ${field.value} does not take effect: the render of ${folderPath} holds ${rendered || "nothing"} at ${describeResource(field.resource)} ${where} (${kustomizationPath} sets it over: an images: entry or a patch?).`
      );
    }
  }
  return [
    {
      verified: "render",
      details: `Rendered ${folderPath}: each changed setter field comes out of the render as the edited file has it.`,
      warnings,
      failure: joinFailures(failures)
    }
  ];
}
function fieldHolds(field, expected) {
  switch (field.part) {
    case "reference":
      return rendersExpectedImage([field.value], expected);
    case "tag":
      return field.value === expected.tag;
    case "name":
      return field.value === expected.name;
    case "digest":
      return field.value === expected.digest;
  }
}

// src/pins/render-slots.ts
var RenderSlots = class {
  constructor(limit = 2) {
    this.limit = limit;
  }
  limit;
  running = 0;
  aloneRunning = false;
  waiting = [];
  /** Runs `work` beside at most limit − 1 others that leave the tree as it is. */
  shared(work) {
    return this.take(false, work);
  }
  /** Runs `work` with no other render running: it may change files of the tree, if it puts them back. */
  alone(work) {
    return this.take(true, work);
  }
  take(alone, work) {
    return new Promise((resolve, reject) => {
      this.waiting.push({
        alone,
        start: () => {
          Promise.resolve().then(work).then(resolve, reject).finally(() => {
            this.running -= 1;
            if (alone) this.aloneRunning = false;
            this.next();
          });
        }
      });
      this.next();
    });
  }
  next() {
    while (this.waiting.length > 0 && !this.aloneRunning) {
      const head = this.waiting[0];
      if (head.alone ? this.running > 0 : this.running >= this.limit) return;
      this.waiting.shift();
      this.running += 1;
      if (head.alone) this.aloneRunning = true;
      head.start();
    }
  }
};

// src/pins/repo-applications.ts
import { readdir, readFile as readFile7 } from "node:fs/promises";
import { join as join11 } from "node:path";
var MAX_FILES = 5e3;
async function findRepoApplications(root) {
  const files = await yamlFilesUnder(root);
  const texts = await Promise.all(files.map((file) => readFile7(file, "utf8")));
  const found = [];
  files.forEach((file, index) => {
    const text2 = texts[index];
    if (!text2.includes("argoproj.io/") || !/kind:\s*Application\b/.test(text2)) return;
    try {
      for (const application of readApplications(text2, repoPath(root, file))) found.push({ file: repoPath(root, file), application });
    } catch {
      return;
    }
  });
  return found;
}
async function yamlFilesUnder(root) {
  const files = [];
  let level = [root];
  while (level.length > 0 && files.length < MAX_FILES) {
    const listings = await Promise.all(level.map((folder) => readdir(folder, { withFileTypes: true }).catch(() => [])));
    const next = [];
    listings.forEach((entries, index) => {
      for (const entry of entries.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) {
        if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
        if (entry.isDirectory()) next.push(join11(level[index], entry.name));
        else if (entry.isFile() && /\.ya?ml$/.test(entry.name)) files.push(join11(level[index], entry.name));
      }
    });
    level = next;
  }
  return files.slice(0, MAX_FILES);
}

// src/pins/check-pin-effects.ts
var CHECKS = {
  "argocd-application": checkArgoKustomizeImages,
  "argocd-helm-parameters": checkArgoHelmParameters,
  "helm-values": checkHelmValues,
  "helm-release": checkHelmRelease,
  "image-setters": checkImageSetters
};
var RENDERS_AT_ONCE = 2;
async function checkPinEffects(root, edits, options = {}) {
  const changed = edits.filter((edit) => edit.changes.length > 0);
  if (changed.length === 0) return { pins: [] };
  const context = await contextFor(root, options);
  const outcomes = [];
  try {
    await Promise.all(changed.map((edit) => writeFile4(join12(root, edit.pin.file), edit.text)));
    outcomes.push(...await Promise.allSettled(changed.map((edit) => CHECKS[edit.pin.kind](context, edit))));
  } finally {
    await Promise.all(changed.map((edit) => writeFile4(join12(root, edit.pin.file), edit.original)));
  }
  const rejected = outcomes.find((outcome) => outcome.status === "rejected");
  if (rejected) throw rejected.reason;
  const parts = outcomes.map((outcome) => outcome.value);
  const failures = parts.flat().flatMap((part) => part.failure ? [part.failure] : []);
  if (failures.length > 0) throw new UserError(failures.join(" "));
  return { pins: changed.map((edit, index) => effectOf(edit, parts[index])) };
}
async function contextFor(root, options) {
  let valuesFileUsers;
  const defaults = /* @__PURE__ */ new Map();
  const [helm, renderer] = await Promise.all([options.helm === void 0 ? findHelm() : Promise.resolve(options.helm), findRenderer()]);
  return {
    root,
    helm,
    renderer,
    slots: new RenderSlots(RENDERS_AT_ONCE),
    charts: options.charts ?? {},
    valuesFileUsers: () => valuesFileUsers ??= findRepoApplications(root).then((found) => indexValuesFileUsers(root, found)),
    // The edited files are in the tree before any check reads them, and stay until every check is done: one reading holds for the run.
    chartDefaults: (chartFolder) => {
      let values = defaults.get(chartFolder);
      if (!values) defaults.set(chartFolder, values = chartDefaults(chartFolder, root));
      return values;
    }
  };
}
function effectOf(edit, parts) {
  return {
    pin: edit.pin,
    verified: weakestVerification(parts),
    details: parts.map((part) => part.details).filter((details) => details !== "").join(" "),
    warnings: [...new Set(parts.flatMap((part) => part.warnings ?? []))]
  };
}
export {
  checkPinEffects
};
