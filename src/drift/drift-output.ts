import * as core from '@actions/core';
import { UserError } from '../errors.js';
import { setOutputs, writeSummary } from '../report/job-summary.js';
import { countOf } from '../text/wording.js';
import type { DriftReport } from './drift-types.js';
import { summaryMarkdown } from './report-markdown.js';

/**
 * Shows a drift report the ways GitHub reads one: the `report` and `drifted`
 * outputs, the job summary, a warning per drift item and note; throws the one
 * line when drift is found and `failOnDrift`. drift-check and merge-reports
 * (of drift-check shards) show their reports alike.
 */
export async function showDriftReport(report: DriftReport, failOnDrift: boolean, scope?: string): Promise<void> {
  setOutputs({ report: JSON.stringify(report), drifted: String(report.drifted) });
  await writeSummary(summaryMarkdown(report, scope));
  const drift = report.items.filter((item) => item.drift);
  for (const item of drift) core.warning(`${item.environment} / ${item.app}: ${item.kind}: ${item.message}`);
  for (const note of report.notes) core.warning(note);
  core.info(report.drifted ? `Drift: ${countOf(drift.length, 'item')}.` : 'No drift: every environment runs what git says.');
  if (report.drifted && failOnDrift) {
    throw new UserError(`Drift found (${drift.length}): ${drift.map((item) => `${item.environment}/${item.app} ${item.kind}`).join(', ')}.`);
  }
}
