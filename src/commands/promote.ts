import * as core from '@actions/core';
import { InputError } from '../errors.js';
import { readBoolean, readList, readString } from '../inputs/read-inputs.js';
import { promote } from '../promote/run-promotion.js';
import { readWorkflowSettings } from '../inputs/environment-settings.js';
import { readSchemaSettings } from '../validate/validation-settings.js';
import type { PromoteInputs, PromoteOutcome } from '../promote/promotion-types.js';
import { readRepoLocation } from '../repo/open-config-repo.js';
import { writeSummary } from '../report/job-summary.js';
import { changedBy } from '../report/set-image-report.js';
import { describeRefusal } from '../github/pull-requests.js';

/** `acme/web` for every app, or `web=acme/web` lines per app. */
export function parseSourceRepositories(items: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const item of items) {
    const [app, repository] = item.includes('=') ? (item.split('=', 2) as [string, string]) : ['*', item];
    if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository.trim())) {
      throw new InputError('source-repository', `'${item}' is not owner/name (or app=owner/name).`);
    }
    map.set(app.trim(), repository.trim());
  }
  return map;
}

export function readPromoteInputs(): PromoteInputs {
  return {
    location: readRepoLocation(),
    from: readString('from').trim(),
    to: readString('to').trim(),
    apps: readList('apps'),
    sourceRepositories: parseSourceRepositories(readList('source-repository')),
    branch: readString('branch'),
    settings: readWorkflowSettings(),
    verifyRender: readBoolean('verify-render', true),
    validation: readBoolean('validate', false) ? readSchemaSettings() : undefined,
    dryRun: readBoolean('dry-run', false),
    author: {
      name: readString('author-name', 'github-actions[bot]'),
      email: readString('author-email', '41898282+github-actions[bot]@users.noreply.github.com'),
    },
    commitMessage: readString('commit-message'),
  };
}

export async function runPromote(): Promise<void> {
  const outcome = await promote(readPromoteInputs());
  setPromoteOutputs(outcome);
  await writePromoteSummary(outcome);
}

export function setPromoteOutputs(outcome: PromoteOutcome): void {
  core.setOutput('changed', String(changedBy(outcome)));
  core.setOutput('commit-sha', outcome.commitSha);
  core.setOutput('pull-request-number', outcome.pullRequest ? String(outcome.pullRequest.number) : '');
  core.setOutput('pull-request-url', outcome.pullRequest?.url ?? '');
  core.setOutput('images', JSON.stringify(outcome.changes.map(({ app, overlay, file, image, old, new: next }) => ({ app, overlay, file, image, old, new: next }))));
}

function code(text: string): string {
  return text ? `<code>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</code>` : '<em>(new entry)</em>';
}

async function writePromoteSummary(outcome: PromoteOutcome): Promise<void> {
  const summary = core.summary.addHeading(`gitops-promote promote: ${outcome.from} → ${outcome.to}${outcome.dryRun ? ' (dry run)' : ''}`, 2);
  if (outcome.changes.length === 0) {
    summary.addRaw(`${outcome.to} already runs what ${outcome.from} runs; nothing was promoted.${outcome.closed ? ` Closed the empty pull request #${outcome.closed}.` : ''}`, true);
  } else {
    summary.addTable([
      [{ data: 'Overlay', header: true }, { data: 'Image', header: true }, { data: 'Now → promoted', header: true }],
      ...outcome.changes.map((change) => [code(change.overlay), code(change.image), `${code(change.old)} → ${code(change.new)}`]),
    ]);
    if (outcome.pullRequest) summary.addRaw(`Pull request <a href="${outcome.pullRequest.url}">#${outcome.pullRequest.number}</a> ${outcome.pullRequest.created ? 'opened' : outcome.pullRequest.moved ? 'updated' : 'already carries this promotion'}.`, true);
    else if (outcome.commitSha) summary.addRaw(`Commit ${code(outcome.commitSha)}.`, true);
  }
  for (const refusal of outcome.refusals) summary.addRaw(`⚠️ ${describeRefusal(refusal)}`, true);
  if (outcome.requests) summary.addRaw(`GitHub API requests: ${outcome.requests.reads} reads, ${outcome.requests.writes} writes.`, true);
  await writeSummary();
}
