import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parseYamlStream } from '../kustomize/rendered-yaml.js';
import { renderOverlay } from '../kustomize/render.js';
import { joinFailures } from './effect-messages.js';
import type { EffectContext, EffectPart } from './effect-types.js';
import { describeResource, findRenderedResource, isRecord, readDocuments, resourceIdOf, type ResourceId } from './effect-yaml.js';
import { judgeFailedRender } from './failed-render.js';
import { checkHeldValues, templateAndCheck } from './helm-value-checks.js';
import type { HelmTemplateCall } from './helm-template.js';
import { pinLabel, type PinEdit } from './pin-types.js';
import { heldReference, pathsOfChange } from './pinned-reference.js';
import { insideRepo, isChartFolder, isFile, kustomizationFileIn, listsResource, repoPath } from './repo-files.js';

/**
 * A Flux HelmRelease's spec.values. Flux applies what its kustomize-controller
 * renders of the folder, so when the folder has a kustomization, the check
 * renders it and reads the HelmRelease there: a patch of the kustomization
 * may set the same values, and then the file's edit changes nothing. A folder
 * without one gets a kustomization generated that applies the file as it is.
 * When the chart is a folder of this repository (a GitRepository source,
 * taken to be this repository when the path exists here) and helm is on
 * PATH, the chart is also templated with those values.
 */
export async function checkHelmRelease(context: EffectContext, edit: PinEdit): Promise<EffectPart[]> {
  const { pin } = edit;
  const label = pinLabel(pin);
  const releases = readDocuments(edit.text, pin.file).filter(isHelmRelease);
  if (releases.length === 0) return [{ verified: 'structural', details: '', failure: `${label}: the edited file holds no Flux HelmRelease.` }];
  const view = await asFluxApplies(context, edit, releases);
  if ('parts' in view) return view.parts;
  const { rendered, details } = view;
  const warnings = [...view.warnings, ...releases.flatMap((release) => overridesNotRead(label, release))];
  const parts: EffectPart[] = [];
  for (const [index, release] of releases.entries()) {
    const changes = releases.length === 1 ? edit.changes : changesHeldIn(edit, specValues(release));
    if (changes.length === 0) continue;
    const values = specValues(rendered?.[index] ?? release);
    const where = rendered ? `the values of ${describeResource(idOf(release))} in the render of ${view.folder}` : `the values in the edited ${pin.file}`;
    const verdict = checkHeldValues(pin, changes, [values], where, 'spec.values.');
    let failure = joinFailures(verdict.failures);
    // The file holds the new values, and the render does not: the kustomization sets them over.
    if (failure && rendered && checkHeldValues(pin, changes, [specValues(release)], '').failures.length === 0) {
      failure += ` The file holds the new values: ${view.kustomization} sets them over (a patch?).`;
    }
    parts.push({ verified: rendered ? 'render' : 'structural', details, warnings: [...warnings, ...verdict.warnings], failure });
    if (!failure) parts.push(await checkChart(context, { ...edit, changes }, release, values, parts[parts.length - 1].verified));
  }
  if (parts.length === 0) {
    parts.push({ verified: 'structural', details: '', failure: `${label}: no HelmRelease of the edited file holds values at the pin's paths.` });
  }
  return parts;
}

/** The file's HelmReleases as Flux applies them (rendered, when the folder has a kustomization that lists the file), or the part that ends the check. */
type FluxView =
  { parts: EffectPart[] } | { rendered?: Array<Record<string, unknown>>; details: string; warnings: string[]; folder: string; kustomization: string };

async function asFluxApplies(context: EffectContext, edit: PinEdit, releases: ReadonlyArray<Record<string, unknown>>): Promise<FluxView> {
  const label = pinLabel(edit.pin);
  const folder = dirname(join(context.root, edit.pin.file));
  const folderPath = repoPath(context.root, folder);
  const fileName = basename(edit.pin.file);
  const kustomization = await kustomizationFileIn(folder);
  if (!kustomization) {
    const details = `${folderPath} has no kustomization file: Flux's kustomize-controller generates one that applies ${fileName} as it is, so no render was needed; read the edited file.`;
    return { details, warnings: [], folder: folderPath, kustomization: '' };
  }
  const shown = repoPath(context.root, kustomization);
  if (!listsResource(await readFile(kustomization, 'utf8'), shown, fileName)) {
    const warning = `${label}: ${shown} does not list ${fileName} under resources:, so Flux applies this HelmRelease only if another kustomization includes it; not rendered.`;
    return { details: `Read the edited file: ${shown} does not list it under resources:.`, warnings: [warning], folder: folderPath, kustomization: shown };
  }
  if (!context.renderer) {
    const warning = `${label}: neither kustomize nor kubectl is on PATH, so ${folderPath} was not rendered: a patch of its kustomization could still set these values.`;
    return { details: 'Read the edited file.', warnings: [warning], folder: folderPath, kustomization: shown };
  }
  const renderer = context.renderer;
  const render = () => renderOverlay(renderer, folder);
  const result = await context.slots.shared(render);
  if (!result.ok) return { parts: [await judgeFailedRender(context, edit, result, render, folderPath, 'render')] };
  const documents = parseYamlStream(result.yaml).values;
  const found = releases.map((release) => findRenderedResource(documents, idOf(release)));
  const missing = releases.filter((_, index) => !found[index]).map((release) => describeResource(idOf(release)));
  if (missing.length > 0)
    return { parts: [{ verified: 'render', details: '', failure: `${label}: the render of ${folderPath} holds no ${missing.join(', ')}.` }] };
  return {
    rendered: found as Array<Record<string, unknown>>,
    details: `Rendered ${folderPath} as Flux's kustomize-controller does, and read the HelmRelease there.`,
    warnings: [],
    folder: folderPath,
    kustomization: shown,
  };
}

/** In a file of several HelmReleases, the changes whose paths this one's values hold. */
function changesHeldIn(edit: PinEdit, values: unknown): PinEdit['changes'] {
  return edit.changes.filter((change) => {
    const paths = pathsOfChange(edit.pin, change, [values]);
    return paths !== undefined && heldReference([values], paths) !== undefined;
  });
}

/** The chart's template, when the chart is a folder of this repository. */
async function checkChart(
  context: EffectContext,
  edit: PinEdit,
  release: Record<string, unknown>,
  values: unknown,
  valuesVerified: EffectPart['verified'],
): Promise<EffectPart> {
  const label = pinLabel(edit.pin);
  const spec = isRecord(release.spec) ? release.spec : {};
  const chartSpec = isRecord(spec.chart) && isRecord(spec.chart.spec) ? spec.chart.spec : {};
  const sourceRef = isRecord(chartSpec.sourceRef) ? chartSpec.sourceRef : {};
  const chartPath = typeof chartSpec.chart === 'string' ? chartSpec.chart : '';
  const chart = sourceRef.kind === 'GitRepository' && chartPath ? insideRepo(context.root, chartPath) : null;
  if (!chart || !(await isChartFolder(chart))) {
    const ref = isRecord(spec.chartRef) ? spec.chartRef : sourceRef;
    const from = typeof ref.kind === 'string' && typeof ref.name === 'string' ? `${ref.kind}/${ref.name}` : 'a source of Flux';
    return { verified: valuesVerified, details: `The chart comes from ${from}, outside this repository: the check ends at the values.` };
  }
  const shownChart = repoPath(context.root, chart);
  if (!context.helm) {
    return {
      verified: valuesVerified,
      details: '',
      warnings: [
        `${label}: helm is not on PATH, so the chart ${shownChart} was not templated with the HelmRelease's values: that it prints them into an image is not verified.`,
      ],
    };
  }
  const valueFiles: string[] = [];
  const warnings: string[] = [];
  // Flux merges valuesFiles into the chart's values in place of its values.yaml; passed with --values, they go over it:
  // the same for every path they set, and the image paths of a pinned release are set.
  for (const entry of valuesFilesOf(chartSpec)) {
    // Relative to the source's root (this repository), as Flux reads them; some repos write them relative to the chart.
    const candidates = [insideRepo(context.root, entry), insideRepo(context.root, repoPath(context.root, join(chart, entry)))];
    const file = (await Promise.all(candidates.map(async (candidate) => (candidate && (await isFile(candidate)) ? candidate : null)))).find(Boolean);
    if (file) valueFiles.push(file);
    else warnings.push(`${label}: spec.chart.spec.valuesFiles names ${entry}, which is not a file of this repository; the check leaves it out.`);
  }
  const id = idOf(release);
  const targetNamespace = typeof spec.targetNamespace === 'string' ? spec.targetNamespace : '';
  const call: HelmTemplateCall = {
    release: typeof spec.releaseName === 'string' && spec.releaseName ? spec.releaseName : targetNamespace ? `${targetNamespace}-${id.name}` : id.name,
    chart,
    namespace: targetNamespace || id.namespace,
    valueFiles,
    inlineValues: [values],
    parameters: [],
  };
  const files = await Promise.all(valueFiles.map(async (file) => readDocuments(await readFile(file, 'utf8'), repoPath(context.root, file))[0] ?? {}));
  const layers = [values, ...files.reverse(), await context.chartDefaults(chart)];
  const part = await templateAndCheck(
    context,
    edit,
    context.helm,
    () => Promise.resolve(call),
    layers,
    `${shownChart} templated with ${describeResource(id)}'s values`,
  );
  return { ...part, warnings: [...(part.warnings ?? []), ...warnings] };
}

/** What Flux merges over spec.values, or changes after the template, that the check cannot see. */
function overridesNotRead(label: string, release: Record<string, unknown>): string[] {
  const spec = isRecord(release.spec) ? release.spec : {};
  const warnings: string[] = [];
  const valuesFrom = Array.isArray(spec.valuesFrom) ? spec.valuesFrom.filter(isRecord) : [];
  for (const entry of valuesFrom.filter((item) => typeof item.targetPath === 'string' && item.targetPath !== '')) {
    warnings.push(
      `${label}: spec.valuesFrom takes ${String(entry.targetPath)} from ${String(entry.kind)}/${String(entry.name)}, over spec.values; the check does not read the cluster's ConfigMaps and Secrets.`,
    );
  }
  if (Array.isArray(spec.postRenderers) && spec.postRenderers.length > 0) {
    warnings.push(`${label}: spec.postRenderers change the chart's output after it is templated; the check does not apply them.`);
  }
  return warnings;
}

function valuesFilesOf(chartSpec: Record<string, unknown>): string[] {
  // The deprecated valuesFile is merged before valuesFiles.
  const files: unknown[] = [chartSpec.valuesFile, ...(Array.isArray(chartSpec.valuesFiles) ? (chartSpec.valuesFiles as unknown[]) : [])];
  return files.filter((file): file is string => typeof file === 'string' && file !== '');
}

function isHelmRelease(value: unknown): value is Record<string, unknown> {
  return isRecord(value) && value.kind === 'HelmRelease' && typeof value.apiVersion === 'string' && value.apiVersion.startsWith('helm.toolkit.fluxcd.io/');
}

function idOf(release: Record<string, unknown>): ResourceId {
  return resourceIdOf(release) ?? { kind: 'HelmRelease', name: '', namespace: '' };
}

function specValues(release: Record<string, unknown>): unknown {
  return isRecord(release.spec) && isRecord(release.spec.values) ? release.spec.values : {};
}
