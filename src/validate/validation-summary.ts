import { codeCell, markdownTable, textCell } from '../text/markdown-table.js';
import type { Finding, OverlayReport, ValidationReport } from './findings.js';
import { countOf as count } from '../text/wording.js';

/**
 * The job summary of a validation report, as Markdown: a headline, then per
 * overlay its status, counts and times, and a table of its findings (after a
 * `scope` line, when the report is a shard's or the shards' merged). A
 * function of its arguments alone (no I/O), so the commands that validate write
 * the same summary and tests can read it.
 */
export function validationSummaryMarkdown(report: ValidationReport, scope?: string): string {
  const overlays = report.overlays.length;
  const sections = [
    `## gitops-promote validate: ${report.valid ? 'valid' : 'invalid'}`,
    `Kubernetes ${report.kubernetesVersion} schemas${report.serverDryRun ? ', and a server dry-run' : ''}; ${count(overlays, 'overlay')}.`,
    ...(scope ? [scope] : []),
    ...report.overlays.flatMap(overlaySection),
  ];
  return `${sections.join('\n\n')}\n`;
}

function overlaySection(overlay: OverlayReport): string[] {
  const findings = [...overlay.errors, ...overlay.warnings, ...overlay.notices];
  const status = overlay.errors.length > 0 ? '❌' : overlay.warnings.length > 0 ? '⚠️' : '✅';
  const counts =
    `${count(overlay.resources, 'resource')}, ${count(overlay.errors.length, 'error')}, ${count(overlay.warnings.length, 'warning')}` +
    `; rendered in ${overlay.renderMs} ms, validated in ${Math.round(overlay.validateMs)} ms` +
    (overlay.serverDryRunMs !== undefined ? `, server dry-run in ${overlay.serverDryRunMs} ms` : '') +
    '.';
  const section = [`### ${status} ${overlay.overlay}`, counts];
  if (findings.length > 0) section.push(markdownTable(['Severity', 'Check', 'Resource', 'Where', 'Finding'], findings.map(findingRow)));
  return section;
}

function findingRow(finding: Finding): string[] {
  return [finding.severity, finding.rule, codeCell(finding.resource ?? ''), codeCell(location(finding)), textCell(finding.message)];
}

function location(finding: Finding): string {
  return finding.file ? `${finding.file}${finding.line ? `:${finding.line}` : ''}` : '';
}
