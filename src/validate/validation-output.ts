import * as core from '@actions/core';
import { mkdir, writeFile } from 'node:fs/promises';
import { UserError } from '../errors.js';
import { dirname, relative, sep } from 'node:path';
import { setOutputs, writeSummary } from '../report/job-summary.js';
import { errorOnce, noticeOnce, warningOnce } from '../log/log-once.js';
import type { ValidationReport } from './findings.js';
import { toJUnitXml } from './junit-report.js';
import { validationSummaryMarkdown } from './validation-summary.js';
import { countOf } from '../text/wording.js';

/**
 * Shows a validation report the ways GitHub reads one: an annotation per
 * finding on its file and line, the job summary (validation-summary.ts), and
 * the `valid` and `report` outputs.
 */

/** The report output: per overlay, resources, errors, warnings and time. */
export function reportJson(report: ValidationReport): string {
  return JSON.stringify(
    report.overlays.map((overlay) => ({
      overlay: overlay.overlay,
      resources: overlay.resources,
      errors: overlay.errors,
      warnings: overlay.warnings,
      notices: overlay.notices,
      timeMs: {
        render: overlay.renderMs,
        validate: overlay.validateMs,
        validateCpu: overlay.validateCpuMs,
        ...(overlay.serverDryRunMs !== undefined ? { serverDryRun: overlay.serverDryRunMs } : {}),
      },
    })),
  );
}

/**
 * Annotation paths are relative to the workspace (the repository GitHub
 * checked out), which is not the config repo when `path` is a sub-folder.
 */
export function annotate(report: ValidationReport, repoRoot: string, workspace: string | undefined): void {
  annotateFindings(report, annotationPrefix(repoRoot, workspace));
}

/** The config repo's folder relative to the workspace ('' when it is the workspace, or unknown); `..` when outside it. */
export function annotationPrefix(repoRoot: string, workspace: string | undefined): string {
  return workspace ? relative(workspace, repoRoot).split(sep).join('/') : '';
}

/** One annotation per finding, its file put under `prefix` (merge-reports has the prefix from the shards' report files). */
export function annotateFindings(report: ValidationReport, prefix: string): void {
  const inWorkspace = prefix === '' || !prefix.startsWith('..');
  for (const overlay of report.overlays) {
    for (const finding of [...overlay.errors, ...overlay.warnings, ...overlay.notices]) {
      const file = finding.file && inWorkspace && !finding.file.startsWith('/') ? (prefix ? `${prefix}/${finding.file}` : finding.file) : finding.file;
      const properties: core.AnnotationProperties = { title: `validate ${overlay.overlay}: ${finding.rule}`, file, startLine: finding.line };
      const message = finding.resource ? `${finding.resource}: ${finding.message}` : finding.message;
      // A command may validate the same overlay twice in a run (set-image before GitHub is reached, then with a pull request's arguments).
      if (finding.severity === 'error') errorOnce(message, properties);
      else if (finding.severity === 'warning') warningOnce(message, properties);
      else noticeOnce(message, properties);
    }
  }
}

/** `scope` says which overlays the report covers when it is not the whole run's (a shard's, or the shards' merged). */
export async function writeValidationSummary(report: ValidationReport, scope?: string): Promise<void> {
  core.summary.addRaw(validationSummaryMarkdown(report, scope));
  await writeSummary();
}

export interface ShownValidation {
  /** The config repo's folder relative to the workspace (annotationPrefix). */
  annotationPrefix: string;
  junitFile: string;
  /** Which overlays the report covers, when not the whole run's (a shard's, or the shards' merged). */
  scope?: string;
  /** Outputs beside valid, report and junit. */
  outputs?: Readonly<Record<string, string>>;
}

/**
 * What validate (and merge-reports of validate shards) shows: the annotations,
 * the JUnit file, the valid / report / junit outputs, the job summary; then
 * throws the one line when the report is not valid.
 */
export async function showValidationReport(report: ValidationReport, shown: ShownValidation): Promise<void> {
  annotateFindings(report, shown.annotationPrefix);
  await mkdir(dirname(shown.junitFile), { recursive: true });
  await writeFile(shown.junitFile, toJUnitXml(report));
  setOutputs({ valid: String(report.valid), report: reportJson(report), junit: shown.junitFile, ...shown.outputs });
  await writeValidationSummary(report, shown.scope);
  const failure = validationFailure(report);
  if (failure) throw failure;
}

/** The one-line error for an invalid report (undefined when valid): what a command throws after showing the findings. */
export function validationFailure(report: ValidationReport): UserError | undefined {
  if (report.valid) return undefined;
  const failed = report.overlays.filter((overlay) => overlay.errors.length > 0);
  const errors = failed.reduce((sum, overlay) => sum + overlay.errors.length, 0);
  return new UserError(
    `${countOf(errors, 'validation error')} in ${failed.map((overlay) => overlay.overlay).join(', ')}; see the annotations and the job summary.`,
  );
}
