import * as core from '@actions/core';
import { UserError } from '../errors.js';
import { relative, sep } from 'node:path';
import { writeSummary } from '../report/job-summary.js';
import { errorOnce, noticeOnce, warningOnce } from '../log/log-once.js';
import type { ValidationReport } from './findings.js';
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
  const prefix = workspace ? relative(workspace, repoRoot).split(sep).join('/') : '';
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

export async function writeValidationSummary(report: ValidationReport): Promise<void> {
  core.summary.addRaw(validationSummaryMarkdown(report));
  await writeSummary();
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
