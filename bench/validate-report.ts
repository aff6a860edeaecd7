/**
 * What a validate run reports about itself, read from the outside: its JSON report (the `report-file` when the
 * action has that input, else the `report` output), per overlay the resources and the time spent rendering and
 * checking them.
 */
import { existsSync, readFileSync } from 'node:fs';

export interface ValidateTotals {
  overlays: number;
  resources: number;
  findings: number;
  /** Summed over the overlays (they run side by side, so these add up to more than the wall time). */
  renderMs: number;
  /** Schema and policy checks, summed over the overlays: wall time. */
  validateMs: number;
  /** The same checks' CPU time on the thread that ran them (their own cost, whatever else shared the cores). */
  checksCpuMs: number;
}

export function readValidateReport(outputs: Record<string, string>, reportFile: string | undefined): ValidateTotals {
  const text = reportFile && existsSync(reportFile) ? readFileSync(reportFile, 'utf8') : outputs.report;
  if (!text) throw new Error('validate wrote no report (neither the report output nor a report-file)');
  const parsed: unknown = JSON.parse(text);
  // The report-file wraps the report with what a merge needs ({gitopsPromoteReport, shard, keys, report}); the output is the report itself.
  const report = isRecord(parsed) && 'gitopsPromoteReport' in parsed ? parsed.report : parsed;
  const overlays = Array.isArray(report) ? report : isRecord(report) && Array.isArray(report.overlays) ? report.overlays : undefined;
  if (!overlays) throw new Error(`validate's report is neither a list of overlays nor {overlays: [...]}: ${text.slice(0, 200)}`);
  const totals: ValidateTotals = { overlays: 0, resources: 0, findings: 0, renderMs: 0, validateMs: 0, checksCpuMs: 0 };
  for (const overlay of overlays as unknown[]) {
    if (!isRecord(overlay)) throw new Error(`an overlay of validate's report is not an object: ${JSON.stringify(overlay)}`);
    const time = isRecord(overlay.timeMs) ? overlay.timeMs : {};
    totals.overlays++;
    totals.resources += numberOf(overlay.resources, 'resources');
    totals.findings += lengthOf(overlay.errors) + lengthOf(overlay.warnings);
    totals.renderMs += numberOf(time.render ?? overlay.renderMs, 'timeMs.render');
    totals.validateMs += numberOf(time.validate ?? overlay.validateMs, 'timeMs.validate');
    totals.checksCpuMs += numberOf(time.validateCpu ?? overlay.validateCpuMs, 'timeMs.validateCpu');
  }
  return totals;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function numberOf(value: unknown, field: string): number {
  if (typeof value !== 'number') throw new Error(`validate's report has no number at ${field} (${JSON.stringify(value)})`);
  return value;
}

function lengthOf(value: unknown): number {
  return Array.isArray(value) ? value.length : 0;
}
