import { describeRefusal } from '../github/pull-requests.js';
import { codeCell } from '../text/markdown-table.js';
import { changedBy, changesTable, imagesOutput } from '../report/overlay-changes.js';
import type { PromoteOutcome } from './promotion-types.js';
import { gatesOutput, gatesSummaryMarkdown, statusDescription } from '../gates/gate-report.js';

/** promote's outputs, as GitHub will read them. Pure. */
export function promoteOutputs(outcome: PromoteOutcome): Record<string, string> {
  return {
    changed: String(changedBy(outcome)),
    'commit-sha': outcome.commitSha,
    'pull-request-number': outcome.pullRequest ? String(outcome.pullRequest.number) : '',
    'pull-request-url': outcome.pullRequest?.url ?? '',
    images: imagesOutput(outcome.changes, (change) => ({ app: change.app })),
    gated: outcome.gates?.state ?? '',
    gates: gatesOutput(outcome.gates),
  };
}

/** promote's job summary. Pure: the outcome in, markdown out. */
export function promotionSummaryMarkdown(outcome: PromoteOutcome): string {
  const lines = [`## gitops-promote promote: ${outcome.from} → ${outcome.to}${outcome.dryRun ? ' (dry run)' : ''}`, ''];
  if (outcome.overriddenHold) lines.push(outcome.overriddenHold, '');
  if (outcome.changes.length === 0) {
    lines.push(
      `${outcome.to} already runs what ${outcome.from} runs; nothing was ` +
        `promoted.${outcome.closed ? ` Closed the empty pull request #${outcome.closed}.` : ''}`,
      '',
    );
  } else {
    lines.push(changesTable(outcome.changes, 'Now → promoted'), '');
    if (outcome.pullRequest) {
      const { url, number, created, moved } = outcome.pullRequest;
      lines.push(`Pull request <a href="${url}">#${number}</a> ${created ? 'opened' : moved ? 'updated' : 'already carries this promotion'}.`, '');
    } else if (outcome.commitSha) {
      lines.push(`Commit ${codeCell(outcome.commitSha)}.`, '');
    }
  }
  if (outcome.gates) {
    lines.push(gatesSummaryMarkdown(outcome.gates));
    if (outcome.held) lines.push(`Not committed: the gates of ${outcome.to} are ${outcome.gates.state}.`, '');
  }
  for (const refusal of outcome.refusals) lines.push(`⚠️ ${describeRefusal(refusal)}`, '');
  if (outcome.requests) lines.push(`GitHub API requests: ${outcome.requests.reads} reads, ${outcome.requests.writes} writes.`, '');
  return lines.join('\n');
}

/** What the step says about the gates: a failure to throw, or a notice or warning to leave. Pure. */
export function gateAnnouncement(outcome: PromoteOutcome, failOnPending: boolean): { fail?: string; notice?: string; warning?: string } {
  const verdict = outcome.gates;
  if (!verdict || verdict.state === 'passed') return {};
  const why = statusDescription(verdict);
  if (outcome.held) {
    const text = `The promotion gates of ${outcome.to} are ${verdict.state} (${why}); nothing was committed.`;
    if (verdict.state === 'failed' || failOnPending) return { fail: text };
    return { notice: `${text} Run promote again once the gates can pass.` };
  }
  if (outcome.dryRun) return { notice: `The promotion gates of ${outcome.to} are ${verdict.state}: ${why}` };
  const where = outcome.pullRequest ? ` on pull request #${outcome.pullRequest.number}` : '';
  return { [verdict.state === 'failed' ? 'warning' : 'notice']: `The promotion gates of ${outcome.to} are ${verdict.state}${where}: ${why}` };
}
