import * as core from '@actions/core';
import { UserError } from '../errors.js';
import { relative, sep } from 'node:path';
import { writeSummary } from '../report/job-summary.js';
import type { Finding, ValidationReport } from './findings.js';

/**
 * Shows a validation report the ways GitHub reads one: an annotation per
 * finding on its file and line, a table per overlay in the job summary, and
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
      timeMs: { render: overlay.renderMs, validate: overlay.validateMs, ...(overlay.serverDryRunMs !== undefined ? { serverDryRun: overlay.serverDryRunMs } : {}) },
    })),
  );
}

/**
 * Annotation paths are relative to the workspace (the repository GitHub
 * checked out), which is not the config repo when `path` is a sub-folder.
 */
export function annotate(report: ValidationReport, repoRoot: string, workspace = process.env.GITHUB_WORKSPACE): void {
  const prefix = workspace ? relative(workspace, repoRoot).split(sep).join('/') : '';
  const inWorkspace = prefix === '' || !prefix.startsWith('..');
  for (const overlay of report.overlays) {
    for (const finding of [...overlay.errors, ...overlay.warnings, ...overlay.notices]) {
      const file = finding.file && inWorkspace && !finding.file.startsWith('/') ? (prefix ? `${prefix}/${finding.file}` : finding.file) : finding.file;
      const properties: core.AnnotationProperties = { title: `validate ${overlay.overlay}: ${finding.rule}`, file, startLine: finding.line };
      const message = finding.resource ? `${finding.resource}: ${finding.message}` : finding.message;
      if (finding.severity === 'error') core.error(message, properties);
      else if (finding.severity === 'warning') core.warning(message, properties);
      else core.notice(message, properties);
    }
  }
}

export async function writeValidationSummary(report: ValidationReport): Promise<void> {
  const summary = core.summary.addHeading(`gitops-promote validate: ${report.valid ? 'valid' : 'invalid'}`, 2);
  summary.addRaw(
    `Kubernetes ${report.kubernetesVersion} schemas${report.serverDryRun ? ', and a server dry-run' : ''}; ${report.overlays.length} overlay${report.overlays.length === 1 ? '' : 's'}.`,
    true,
  );
  for (const overlay of report.overlays) {
    const findings = [...overlay.errors, ...overlay.warnings, ...overlay.notices];
    const status = overlay.errors.length > 0 ? '❌' : overlay.warnings.length > 0 ? '⚠️' : '✅';
    summary.addHeading(`${status} ${overlay.overlay}`, 3);
    summary.addRaw(
      `${overlay.resources} resources, ${overlay.errors.length} errors, ${overlay.warnings.length} warnings; rendered in ${overlay.renderMs} ms, validated in ${overlay.validateMs} ms.`,
      true,
    );
    if (findings.length === 0) continue;
    summary.addTable([
      [
        { data: 'Severity', header: true },
        { data: 'Check', header: true },
        { data: 'Resource', header: true },
        { data: 'Where', header: true },
        { data: 'Finding', header: true },
      ],
      ...findings.map((finding) => [finding.severity, finding.rule, code(finding.resource ?? ''), code(location(finding)), escapeCell(finding.message)]),
    ]);
  }
  await writeSummary();
}

function location(finding: Finding): string {
  return finding.file ? `${finding.file}${finding.line ? `:${finding.line}` : ''}` : '';
}

function code(text: string): string {
  return text ? `<code>${escapeCell(text)}</code>` : '';
}

function escapeCell(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '&#124;');
}

/** The one-line error for an invalid report (undefined when valid): what a command throws after showing the findings. */
export function validationFailure(report: ValidationReport): UserError | undefined {
  if (report.valid) return undefined;
  const failed = report.overlays.filter((overlay) => overlay.errors.length > 0);
  const errors = failed.reduce((sum, overlay) => sum + overlay.errors.length, 0);
  return new UserError(
    `${errors} validation error${errors === 1 ? '' : 's'} in ${failed.map((overlay) => overlay.overlay).join(', ')}; see the annotations and the job summary.`,
  );
}
