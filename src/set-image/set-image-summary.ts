import { describeRefusal } from '../github/pull-requests.js';
import { codeCell } from '../text/markdown-table.js';
import { changedBy, changesTable, imagesOutput } from '../report/overlay-changes.js';
import type { SetImageOutcome } from './set-image-types.js';

/** set-image's outputs, as GitHub will read them. Pure. */
export function setImageOutputs(outcome: SetImageOutcome): Record<string, string> {
  return {
    changed: String(changedBy(outcome)),
    'commit-sha': outcome.commitSha,
    'pull-request-number': outcome.pullRequest ? String(outcome.pullRequest.number) : '',
    'pull-request-url': outcome.pullRequest?.url ?? '',
    images: imagesOutput(outcome.changes),
  };
}

/** set-image's job summary. Pure: the outcome in, markdown out. */
export function setImageSummaryMarkdown(outcome: SetImageOutcome): string {
  const lines = [`## gitops-promote set-image${outcome.dryRun ? ' (dry run)' : ''}`, ''];
  if (outcome.overriddenHold) lines.push(outcome.overriddenHold, '');
  if (outcome.changes.length === 0) {
    lines.push('Every overlay already has these images; nothing was changed.', '');
  } else {
    lines.push(changesTable(outcome.changes, 'Old → new'), '');
    lines.push(landingSentence(outcome), '');
  }
  if (outcome.superseded.length > 0) {
    lines.push(
      `Skipped, a concurrent run had already set a higher version: ` +
        `${outcome.superseded.map((change) => `${codeCell(change.overlay)} ${codeCell(change.image)}`).join(', ')}.`,
      '',
    );
  }
  if (outcome.closed) lines.push(`Closed pull request #${outcome.closed}: everything it set is already in the environment.`, '');
  for (const refusal of outcome.refusals ?? []) lines.push(`⚠️ ${describeRefusal(refusal)}`, '');
  return lines.join('\n');
}

function landingSentence(outcome: SetImageOutcome): string {
  if (outcome.dryRun) return 'Dry run: nothing was written.';
  if (outcome.pullRequest) {
    const { number, url, created, moved } = outcome.pullRequest;
    const what = created ? 'opened' : moved ? 'updated' : 'already carries these images';
    return `Pull request <a href="${url}">#${number}</a> ${what} (commit ${codeCell(outcome.commitSha)}), into ${codeCell(outcome.branch)}.`;
  }
  return `Commit ${codeCell(outcome.commitSha)} on ${codeCell(outcome.branch)}${outcome.pushed ? ', pushed.' : ', not pushed (push: false).'}`;
}
