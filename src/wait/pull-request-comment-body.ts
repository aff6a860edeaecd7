import type { WaitTarget } from '../controllers/controller-targets.js';
import { shortSha } from '../controllers/wait-types.js';
import { codeCell, markdownTable, textCell } from '../text/markdown-table.js';
import { syncedRevision, type ObjectOutcome, type WaitOutcome } from './wait-report.js';

/**
 * The comment `wait` leaves on the promotion or rollback PR that merged the
 * commit it waited for: one line per app (synced and healthy at which
 * revision, or what the controller said went wrong) and a link to the run.
 * Pure: the outcome in, Markdown out.
 */

export interface WaitCommentDetails {
  /** The hidden marker that lets a re-run of the same run find this comment again. */
  marker: string;
  /** The environment waited on, when the workflow named one. */
  environment: string;
  /** The page of a config-repo commit. */
  commitUrl: (sha: string) => string;
  /** The run's page; '' outside Actions. */
  runUrl: string;
}

/**
 * `<!-- gitops-promote:wait run=42 objects=api-prod,web-prod -->`: one comment per run and set
 * of objects, so a re-run (same run id, a new attempt) updates it and a second wait of the same
 * run for other objects makes its own. Outside Actions there is no run id: `local` stands for it.
 */
export function waitCommentMarker(runId: string, targets: readonly WaitTarget[]): string {
  const objects = targets
    .map((target) => target.label)
    .sort()
    .join(',')
    .replace(/-->/g, '');
  return `<!-- gitops-promote:wait run=${runId || 'local'} objects=${objects} -->`;
}

export function waitCommentBody(outcome: WaitOutcome, details: WaitCommentDetails): string {
  const rows = outcome.objects.map((object) => [
    codeCell(object.target.label),
    object.target.controller === 'argocd' ? 'Argo CD' : 'Flux',
    objectCell(object, outcome, details),
  ]);
  const run = details.runUrl ? `[this workflow run](${details.runUrl})` : 'a run outside GitHub Actions';
  const deployment = outcome.deploymentUrl ? ` Recorded as a [GitHub deployment](${outcome.deploymentUrl}).` : '';
  return [
    details.marker,
    `### ${headline(outcome, details)}`,
    '',
    markdownTable(['App', 'Controller', 'Outcome'], rows),
    '',
    // No elapsed time here: a re-run that saw the same outcome then finds the comment saying it already, and writes nothing.
    `Judged by gitops-promote \`wait\` in ${run}.${deployment}`,
    '',
  ].join('\n');
}

function headline(outcome: WaitOutcome, details: WaitCommentDetails): string {
  const where = details.environment ? `${details.environment}: ` : '';
  const expected = commitLink(outcome.expected, details);
  if (!outcome.failure) return `✅ ${where}synced and healthy at ${commitLink(syncedRevision(outcome), details)}`;
  if (outcome.objects.some((object) => object.status.state === 'failed')) return `❌ ${where}${expected} did not become healthy`;
  return `⏳ ${where}${expected} was not synced and healthy after ${Math.round(outcome.elapsedMs / 1000)} s`;
}

function objectCell({ status }: ObjectOutcome, outcome: WaitOutcome, details: WaitCommentDetails): string {
  const at = revisionLinks(status.revision, details);
  const state = `${textCell(`${status.sync}, ${status.health}`)} at ${at}`;
  const note = status.note ? ` (${textCell(status.note)})` : '';
  if (status.state === 'done') return `✅ ${state}${note}`;
  if (status.state === 'failed') return `❌ ${textCell(status.message)}<br>${state}`;
  const why = outcome.timedOut ? 'timed out' : 'not finished: the wait stopped when another app failed';
  return `⏳ ${why}${status.message ? `: ${textCell(status.message)}` : ''}<br>${state}`;
}

function revisionLinks(revision: string, details: WaitCommentDetails): string {
  const revisions = revision.split(',').filter(Boolean);
  return revisions.length === 0 ? 'no revision' : revisions.map((sha) => commitLink(sha, details)).join(', ');
}

/** A full SHA links to its commit; anything else (a Helm chart version) is shown as it is. */
function commitLink(revision: string, details: WaitCommentDetails): string {
  return /^[0-9a-f]{40}$/.test(revision) ? `[${codeCell(shortSha(revision))}](${details.commitUrl(revision)})` : codeCell(revision);
}
