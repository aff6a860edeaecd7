import { realpathSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { messageOf, UserError } from '../errors.js';
import { editorFor } from '../pins/pin-editors.js';
import { pinLabel, type PinnedImage } from '../pins/pin-types.js';
import { findRenderer, type Renderer } from '../kustomize/render.js';
import { RenderCache } from '../kustomize/render-cache.js';
import { mapWithLimit } from '../process/run-process.js';
import { addFinding, describeResource, emptyOverlayReport, type Finding, type OverlayReport, type ValidationReport } from './findings.js';
import { clearKustomizationCache } from './kustomization-references.js';
import { parseKubernetesVersion, type KubernetesVersion } from './kubernetes-versions.js';
import type { EnvironmentPolicy, Overlay, Pin } from '../types.js';
import { describeRenderError, locateRenderError } from './render-errors.js';
import { renderOrigins } from './render-with-origins.js';
import { parseRenderedResources, renderedIdentity, type RenderedObject } from './rendered-resources.js';
import { checkResources, duplicateMessage, needsOrigins, type PendingFinding } from './resource-checks.js';
import { SchemaCatalog } from './schema-catalog.js';
import { serverDryRun, type ServerDryRunOptions } from './server-dry-run.js';
import { SourceLocator, type SourceLocation } from './source-lines.js';

export interface ValidateOptions {
  /** The config repo checkout; finding paths are relative to it. */
  repoRoot: string;
  kubernetesVersion: string;
  /** Reject fields a schema does not know. */
  strict: boolean;
  /** A kind with no schema is a warning instead of an error. */
  ignoreMissingSchemas: boolean;
  /** Extra flags for the renderer, such as --enable-helm. */
  kustomizeArgs: readonly string[];
  /** The user's own CRD schemas (see user-schemas.ts). */
  schemaLocations: readonly string[];
  /** The environment policy of each overlay; the promotion config will supply it per environment. */
  policyFor: (overlay: Overlay) => EnvironmentPolicy;
  /** Also run `kubectl apply --dry-run=server` when given. */
  serverDryRun?: ServerDryRunOptions;
  /** Where the schema catalog is (default: dist/schemas beside the bundle). */
  schemaDirectory?: string;
  /** Overlays rendered at once (default: the CPU count). */
  concurrency?: number;
  /** Renders this run already made of the same files (the render check's), used instead of rendering again. */
  renders?: RenderCache;
  /** The pins besides overlays to check: their files exist and parse, their Applications and HelmReleases are valid resources, their paths hold images. */
  pins?: readonly Pin[];
}

/**
 * Renders each overlay with the real kustomize and validates every resource:
 * schemas offline, policy checks, and optionally a server dry-run. Never
 * throws for a broken overlay (that is a finding); throws only when validation
 * itself cannot run (no kustomize, no schema catalog).
 */
export async function validateOverlays(overlays: readonly Overlay[], given: ValidateOptions): Promise<ValidationReport> {
  // Overlay paths are real paths (resolveOverlays); so must the root be, for relative file names.
  const options = { ...given, repoRoot: realpathSync(given.repoRoot) };
  const version = parseKubernetesVersion(options.kubernetesVersion);
  const renderer = await findRenderer();
  if (!renderer) throw new UserError('validate needs kustomize or kubectl on PATH to render overlays; install one (GitHub-hosted runners have both).');
  const catalog = SchemaCatalog.load({
    strict: options.strict,
    schemaDirectory: options.schemaDirectory,
    schemaLocations: options.schemaLocations,
    kubernetesVersion: version.text,
  });
  clearKustomizationCache();
  const run: ValidationRun = {
    options,
    givenRoot: given.repoRoot,
    version,
    catalog,
    locator: new SourceLocator(),
    renderer,
    renders: given.renders ?? new RenderCache(),
  };
  const reports = await mapWithLimit(overlays, options.concurrency ?? availableParallelism(), (overlay) => validateOverlay(run, overlay));
  reports.push(...(await Promise.all(pinFiles(options.pins ?? []).map((pins) => validatePinFile(run, pins)))));
  return {
    valid: reports.every((report) => report.errors.length === 0),
    overlays: reports,
    kubernetesVersion: version.text,
    serverDryRun: options.serverDryRun !== undefined,
  };
}

interface ValidationRun {
  options: ValidateOptions;
  /** The repo root as given, before realpath: render errors may name it either way. */
  givenRoot: string;
  version: KubernetesVersion;
  catalog: SchemaCatalog;
  locator: SourceLocator;
  renderer: Renderer;
  renders: RenderCache;
}

/**
 * One overlay: rendered plainly, checked, and only when a finding needs a
 * file and line rendered again with origin annotations, to know which file
 * each resource came from.
 */
async function validateOverlay(run: ValidationRun, overlay: Overlay): Promise<OverlayReport> {
  const { options } = run;
  const report = emptyOverlayReport(overlay.path, overlay.file);
  const started = Date.now();
  const rendered = await run.renders.render(run.renderer, overlay.absolutePath, options.kustomizeArgs);
  report.renderMs = Date.now() - started;
  if (!rendered.ok) {
    const at = locateRenderError(overlay.absolutePath, rendered.error);
    addFinding(report, {
      severity: 'error',
      rule: /already registered id/.test(rendered.error) ? 'duplicate-resource' : 'render',
      message: `kustomize could not render ${overlay.path}: ${describeRenderError(rendered.error, [options.repoRoot, run.givenRoot])}`,
      ...place(options.repoRoot, at),
    });
    return report;
  }
  const validating = startChecks();
  const parsed = parseRenderedResources(rendered.yaml);
  for (const problem of parsed.problems) addFinding(report, { severity: 'error', rule: 'yaml', message: problem, file: overlay.file, line: 1 });
  report.resources = parsed.objects.length;
  const pending = checkResources(
    {
      version: run.version,
      catalog: run.catalog,
      locator: run.locator,
      ignoreMissingSchemas: options.ignoreMissingSchemas,
      policy: options.policyFor(overlay),
      overlayDir: overlay.absolutePath,
    },
    parsed.objects,
  );
  validating.addTo(report);
  if (options.serverDryRun) {
    const dryRunStarted = Date.now();
    pending.push(...(await dryRunFindings(rendered.yaml, parsed.objects, overlay, options.serverDryRun)));
    report.serverDryRunMs = Date.now() - dryRunStarted;
  }
  if (pending.length === 0) return report;

  const tracing = Date.now();
  const origins = pending.some(needsOrigins) ? await renderOrigins(run.renderer, overlay.absolutePath, options.kustomizeArgs) : undefined;
  report.renderMs += Date.now() - tracing;
  const placing = startChecks();
  const originOf = (object: RenderedObject): string | undefined => origins?.get(renderedIdentity(object));
  for (const finding of pending) addFinding(report, placeFinding(finding, { repoRoot: options.repoRoot, overlay, locator: run.locator, originOf }));
  placing.addTo(report);
  return report;
}

/** The pins grouped by file: a file is read and checked once, whatever pins share it. */
function pinFiles(pins: readonly Pin[]): Pin[][] {
  const byFile = new Map<string, Pin[]>();
  for (const pin of pins) byFile.set(pin.file, [...(byFile.get(pin.file) ?? []), pin]);
  return [...byFile.values()];
}

/**
 * One pin's file, as validate sees it: it must exist and parse; an Argo CD
 * Application or a Flux HelmRelease in it is a resource, checked against the
 * catalog as a rendered one is; and each Helm path the pin names must hold
 * the image's part (a typo in `image.tag` would pin nothing).
 */
async function validatePinFile(run: ValidationRun, pins: readonly Pin[]): Promise<OverlayReport> {
  const { repoRoot } = run.options;
  const [first] = pins;
  const absoluteFile = join(repoRoot, first.file);
  const where: Overlay = { path: pins.map(pinLabel).join(', '), file: first.file, absolutePath: dirname(absoluteFile), absoluteFile };
  const report = emptyOverlayReport(where.path, where.file);
  const pinError = (message: string, line = 1): void => {
    addFinding(report, { severity: 'error', rule: 'pin', message, file: first.file, line });
  };
  const checking = startChecks();
  const text = await readFile(absoluteFile, 'utf8').catch(() => undefined);
  if (text === undefined) {
    pinError(`${first.origin ?? pinLabel(first)}: ${first.file} does not exist in the config repo.`);
    return report;
  }
  const parsed = parseRenderedResources(text);
  for (const problem of parsed.problems) addFinding(report, { severity: 'error', rule: 'yaml', message: problem, file: first.file, line: 1 });
  if (pins.some((pin) => pin.kind !== 'helm-values' && pin.kind !== 'image-setters')) {
    report.resources = parsed.objects.length;
    const pending = checkResources(
      {
        version: run.version,
        catalog: run.catalog,
        locator: run.locator,
        ignoreMissingSchemas: run.options.ignoreMissingSchemas,
        policy: run.options.policyFor(where),
        overlayDir: where.absolutePath,
      },
      parsed.objects,
    );
    for (const finding of pending) addFinding(report, placeFinding(finding, { repoRoot, overlay: where, locator: run.locator, originOf: () => absoluteFile }));
  }
  for (const pin of pins) for (const problem of pinnedPathProblems(pin, text)) pinError(problem.message, problem.line);
  checking.addTo(report);
  return report;
}

/** Where a pin names a place that holds nothing: a Helm path with no value, an Application or setter file that pins no image. */
function pinnedPathProblems(pin: Pin, text: string): Array<{ message: string; line: number }> {
  let held: PinnedImage[];
  try {
    held = editorFor(pin.kind).read(pin, text);
  } catch (error) {
    return [{ message: `${pinLabel(pin)}: ${messageOf(error)}`, line: 1 }];
  }
  if (pin.images.length === 0) return held.length > 0 ? [] : [{ message: `${pinLabel(pin)}: the file pins no image.`, line: 1 }];
  return held.flatMap((image) => {
    const paths = pin.images.find((candidate) => candidate.name === image.name)?.paths ?? pin.images[0].paths;
    const missing = [
      paths.reference && !image.values.newTag && !image.values.digest ? `${paths.reference} (the reference)` : '',
      paths.tag && !image.values.newTag ? `${paths.tag} (the tag)` : '',
      paths.repository && !image.values.newName ? `${paths.repository} (the repository)` : '',
    ].filter(Boolean);
    return missing.length > 0
      ? [{ message: `${pinLabel(pin)}: ${missing.join(' and ')} of image ${image.name || '(by repository)'} holds no value.`, line: image.line }]
      : [];
  });
}

/** The server's answers, each about the rendered object it names, if it names one. */
async function dryRunFindings(yaml: string, objects: readonly RenderedObject[], overlay: Overlay, dryRun: ServerDryRunOptions): Promise<PendingFinding[]> {
  return (await serverDryRun(yaml, objects, dryRun)).map(({ resource, pointer, finding }) => {
    const object = objects.find((candidate) => describeResource(candidate) === resource);
    return {
      finding,
      place: object ? { kind: 'field', object, pointer: pointer ?? '' } : { kind: 'file', location: { file: overlay.absoluteFile, line: 1 } },
    };
  });
}

interface Placing {
  repoRoot: string;
  overlay: Overlay;
  locator: SourceLocator;
  /** The file a rendered object was read from, when known. */
  originOf: (object: RenderedObject) => string | undefined;
}

/** A finding on its file and line: those of the field or object it is about, else the overlay's kustomization. */
function placeFinding(pending: PendingFinding, placing: Placing): Finding {
  const { locator, overlay, originOf, repoRoot } = placing;
  const where = pending.place;
  let message = pending.finding.message;
  let at: SourceLocation | undefined;
  if (where.kind === 'file') {
    at = where.location;
  } else if (where.kind === 'field') {
    at = locator.locate(overlay.absolutePath, where.object, originOf(where.object), where.pointer);
  } else {
    at = locator.locateResource(where.object, originOf(where.object));
    if (where.kind === 'duplicate') {
      const firstAt = locator.locateResource(where.first, originOf(where.first));
      message = duplicateMessage(firstAt ? `${place(repoRoot, firstAt).file ?? firstAt.file}:${firstAt.line}` : undefined);
    }
  }
  return { ...pending.finding, message, ...place(repoRoot, at ?? { file: overlay.absoluteFile, line: 1 }) };
}

/** A location as repo-relative file and line. */
function place(repoRoot: string, at: SourceLocation | undefined): { file?: string; line?: number } {
  if (!at) return {};
  const file = relative(repoRoot, at.file).split(sep).join('/');
  return { file: file.startsWith('..') ? at.file : file, line: at.line };
}

/**
 * Times a stretch of checks, by the clock and by the CPU time of the thread running them (they run on the main
 * thread, synchronously, while other overlays' renders run as child processes), and adds both to the report.
 */
function startChecks(): { addTo: (report: OverlayReport) => void } {
  const wall = performance.now();
  const cpu = process.threadCpuUsage();
  return {
    addTo: (report) => {
      const used = process.threadCpuUsage(cpu);
      report.validateMs = hundredths(report.validateMs + performance.now() - wall);
      report.validateCpuMs = hundredths(report.validateCpuMs + (used.user + used.system) / 1000);
    },
  };
}

const hundredths = (ms: number): number => Math.round(ms * 100) / 100;
