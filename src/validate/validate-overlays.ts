import { realpathSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { relative, sep } from 'node:path';
import { UserError } from '../errors.js';
import { findRenderer } from '../kustomize/render.js';
import { mapWithLimit } from '../process/run-process.js';

import { addFinding, describeResource, emptyOverlayReport, type Finding, type OverlayReport, type ValidationReport } from './findings.js';
import { clearKustomizationCache } from './kustomization-references.js';
import { parseKubernetesVersion, removedIn, type KubernetesVersion } from './kubernetes-versions.js';
import { checkImages, findDuplicates } from './policy-checks.js';
import type { EnvironmentPolicy } from '../types.js';
import { describeRenderError, locateRenderError } from './render-errors.js';
import { renderWithOrigins } from './render-with-origins.js';
import { parseRenderedResources, type RenderedResource } from './rendered-resources.js';
import { SchemaCatalog } from './schema-catalog.js';
import { checkAgainstSchema } from './schema-validation.js';
import { serverDryRun, type ServerDryRunOptions } from './server-dry-run.js';
import { SourceLocator, type SourceLocation } from './source-lines.js';
import type { Overlay } from '../types.js';

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
  const locator = new SourceLocator();
  const context: OverlayContext = { options, version, catalog, locator };

  const reports = await mapWithLimit(overlays, options.concurrency ?? availableParallelism(), async (overlay) => {
    const report = emptyOverlayReport(overlay.path, overlay.file);
    const started = Date.now();
    const traced = await renderWithOrigins(renderer, overlay.absolutePath, options.kustomizeArgs);
    report.renderMs = Date.now() - started;
    if (!traced.result.ok) {
      const at = locateRenderError(overlay.absolutePath, traced.result.error);
      addFinding(report, {
        severity: 'error',
        rule: /already registered id/.test(traced.result.error) ? 'duplicate-resource' : 'render',
        message: `kustomize could not render ${overlay.path}: ${describeRenderError(traced.result.error, [options.repoRoot, given.repoRoot])}`,
        ...place(options.repoRoot, at),
      });
      return report;
    }
    const validated = Date.now();
    const parsed = parseRenderedResources(traced.result.yaml, traced.originBase);
    for (const problem of parsed.problems) addFinding(report, { severity: 'error', rule: 'yaml', message: problem, file: overlay.file, line: 1 });
    report.resources = parsed.resources.length;
    checkResources(context, overlay, parsed.resources, report);
    report.validateMs = Date.now() - validated;
    if (options.serverDryRun) {
      const dryRunStarted = Date.now();
      for (const finding of await serverDryRun(traced.result.yaml, parsed.resources, options.serverDryRun)) {
        const resource = parsed.resources.find((candidate) => describeResource(candidate.object as never) === finding.resource);
        const at = resource ? locator.locate(overlay.absolutePath, resource.object, resource.originFile, finding.pointer ?? '') : undefined;
        addFinding(report, { ...finding.finding, ...place(options.repoRoot, at ?? { file: overlay.absoluteFile, line: 1 }) });
      }
      report.serverDryRunMs = Date.now() - dryRunStarted;
    }
    return report;
  });
  return {
    valid: reports.every((report) => report.errors.length === 0),
    overlays: reports,
    kubernetesVersion: version.text,
    serverDryRun: options.serverDryRun !== undefined,
  };
}

interface OverlayContext {
  options: ValidateOptions;
  version: KubernetesVersion;
  catalog: SchemaCatalog;
  locator: SourceLocator;
}

function checkResources(context: OverlayContext, overlay: Overlay, resources: readonly RenderedResource[], report: OverlayReport): void {
  const { options, catalog, locator } = context;
  const objects = resources.map((resource) => resource.object);
  const bundle = catalog.bundleSchemas(objects);
  const policy = options.policyFor(overlay);
  const add = (resource: RenderedResource, pointer: string | undefined, finding: Omit<Finding, 'resource' | 'file' | 'line'>): void => {
    const at =
      pointer === undefined
        ? locator.locateResource(resource.object, resource.originFile)
        : locator.locate(overlay.absolutePath, resource.object, resource.originFile, pointer);
    addFinding(report, {
      ...finding,
      resource: describeResource(resource.object),
      ...place(options.repoRoot, at ?? { file: overlay.absoluteFile, line: 1 }),
    });
  };

  for (const resource of resources) {
    const { apiVersion, kind } = resource.object;
    if (typeof apiVersion !== 'string' || typeof kind !== 'string' || apiVersion === '' || kind === '') {
      add(resource, undefined, { severity: 'error', rule: 'schema', message: 'the resource has no apiVersion or no kind' });
      continue;
    }
    const removed = removedIn(apiVersion, kind, context.version);
    if (removed !== undefined) {
      const current = catalog.apiVersionsOf(kind).filter((candidate) => removedIn(candidate, kind, context.version) === undefined);
      const hint = current.length > 0 ? `; use ${current.join(' or ')}` : '';
      add(resource, '/apiVersion', {
        severity: 'error',
        rule: 'kubernetes-version',
        message: `${apiVersion} ${kind} is no longer served since Kubernetes 1.${removed} (kubernetes-version is ${context.version.text})${hint}`,
      });
      continue;
    }
    const validate = catalog.validatorFor(apiVersion, kind, bundle);
    if (!validate) {
      // Another version of the same group's kind is a typo or an old version; a kind of another group is a different kind.
      const group = (value: string): string => (value.includes('/') ? value.split('/')[0] : '');
      const elsewhere = catalog.apiVersionsOf(kind).filter((candidate) => removedIn(candidate, kind, context.version) === undefined);
      const sameGroup = elsewhere.filter((candidate) => group(candidate) === group(apiVersion));
      const hint = elsewhere.length > 0 ? ` (the schemas know ${kind} as ${elsewhere.join(', ')})` : '';
      const message =
        sameGroup.length > 0
          ? `unknown apiVersion '${apiVersion}' for kind ${kind}; the schemas know ${sameGroup.join(', ')}`
          : `no schema for ${apiVersion} ${kind}: an unknown kind, or a custom resource whose CRD schema is not given (add it to schema-locations, or set ignore-missing-schemas: true)${hint}`;
      add(resource, sameGroup.length > 0 ? '/apiVersion' : '/kind', {
        severity: options.ignoreMissingSchemas && sameGroup.length === 0 ? 'warning' : 'error',
        rule: 'unknown-kind',
        message,
      });
    } else {
      for (const issue of checkAgainstSchema(validate, resource.object))
        add(resource, issue.pointer, { severity: 'error', rule: 'schema', message: issue.message });
    }
    for (const issue of checkImages(resource.object, policy)) {
      const entry = issue.image
        ? locator.locateImageEntry(overlay.absolutePath, issue.image, issue.rule === 'digest-required' ? 'digest' : 'newTag')
        : undefined;
      if (entry)
        addFinding(report, {
          severity: 'error',
          rule: issue.rule,
          message: issue.message,
          resource: describeResource(resource.object),
          ...place(options.repoRoot, entry),
        });
      else add(resource, issue.pointer, { severity: 'error', rule: issue.rule, message: issue.message });
    }
  }
  for (const { index, firstIndex } of findDuplicates(objects)) {
    const first = resources[firstIndex];
    const firstAt = locator.locateResource(first.object, first.originFile);
    const firstPlace = firstAt ? ` (first defined in ${place(options.repoRoot, firstAt).file}:${firstAt.line})` : '';
    add(resources[index], undefined, {
      severity: 'error',
      rule: 'duplicate-resource',
      message: `defined twice in the rendered overlay${firstPlace}; the second would overwrite the first in the cluster`,
    });
  }
}

/** A location as repo-relative file and line. */
function place(repoRoot: string, at: SourceLocation | undefined): { file?: string; line?: number } {
  if (!at) return {};
  const file = relative(repoRoot, at.file).split(sep).join('/');
  return { file: file.startsWith('..') ? at.file : file, line: at.line };
}
