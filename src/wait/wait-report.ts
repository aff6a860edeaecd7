import type { WaitTarget } from '../controllers/controller-targets.js';
import { shortSha, type ObjectStatus } from '../controllers/wait-types.js';
import { codeCell, markdownTable, textCell } from '../text/markdown-table.js';

/** One object's end of the wait. */
export interface ObjectOutcome {
  target: WaitTarget;
  status: ObjectStatus;
  /** From the start of the step to the moment it was judged done. */
  timeToSyncMs?: number;
}

/** The comment wait left on the promotion or rollback PR that merged the commit. */
export interface PullRequestComment {
  number: number;
  kind: 'promotion' | 'rollback';
  url: string;
  action: 'created' | 'updated' | 'unchanged';
}

export interface WaitOutcome {
  expected: string;
  revisionSource: string;
  objects: ObjectOutcome[];
  timedOut: boolean;
  elapsedMs: number;
  deploymentUrl?: string;
  pullRequestComment?: PullRequestComment;
  /** Why the wait failed (an object failed, or the timeout passed), in one line; undefined when every object is done. */
  failure?: string;
}

const HEALTH_ORDER = ['Degraded', 'Missing', 'Unknown', 'Suspended', 'Progressing', 'Applied', 'Healthy'];

/** The worst health over all objects (Degraded before Progressing before Healthy). */
export function overallHealth(objects: readonly ObjectOutcome[]): string {
  const rank = (health: string): number => (HEALTH_ORDER.includes(health) ? HEALTH_ORDER.indexOf(health) : 0);
  return objects.map((object) => object.status.health).sort((a, b) => rank(a) - rank(b))[0] ?? 'Unknown';
}

/** The revision every object runs, when all are done (the expected one when they differ, all containing it). */
export function syncedRevision(outcome: WaitOutcome): string {
  if (outcome.objects.length === 0 || outcome.objects.some((object) => object.status.state !== 'done')) return '';
  const revisions = new Set(outcome.objects.map((object) => object.status.revision));
  const [only] = [...revisions];
  return revisions.size === 1 && only && /^[0-9a-f]{40}$/.test(only) ? only : outcome.expected;
}

export function appsOutput(objects: readonly ObjectOutcome[]): string {
  return JSON.stringify(
    objects.map(({ target, status, timeToSyncMs }) => ({
      name: target.label,
      controller: target.controller,
      state: status.state,
      sync: status.sync,
      health: status.health,
      revision: status.revision,
      message: status.message,
      ...(status.note ? { note: status.note } : {}),
      timeToSyncSeconds: timeToSyncMs === undefined ? null : Math.round(timeToSyncMs / 100) / 10,
    })),
  );
}

/** wait's outputs, as GitHub will read them. Pure. */
export function waitOutputs(outcome: WaitOutcome): Record<string, string> {
  return { 'synced-revision': syncedRevision(outcome), health: overallHealth(outcome.objects), apps: appsOutput(outcome.objects) };
}

/** One line per object: what it last showed. */
export function describeObjects(objects: readonly ObjectOutcome[]): string {
  return objects
    .map(
      ({ target, status }) =>
        `${target.label}: ${status.state}, sync ${status.sync}, health ${status.health}, revision ` +
        `${shortRevisions(status.revision) || 'none'}${status.message ? ` (${status.message})` : ''}`,
    )
    .join('; ');
}

const shortRevisions = (revision: string): string => revision.split(',').filter(Boolean).map(shortSha).join(', ');

const STATE_LABEL: Record<string, string> = { done: '✅ done', failed: '❌ failed', waiting: '⏳ waiting' };

/** wait's job summary. Pure: the outcome in, markdown out. */
export function waitSummaryMarkdown(outcome: WaitOutcome): string {
  const rows = outcome.objects.map(({ target, status, timeToSyncMs }) => [
    codeCell(target.label),
    target.controller === 'argocd' ? 'Argo CD' : 'Flux',
    STATE_LABEL[status.state] ?? textCell(status.state),
    textCell(status.sync),
    textCell(status.health),
    codeCell(shortRevisions(status.revision)),
    timeToSyncMs === undefined ? '' : `${(timeToSyncMs / 1000).toFixed(1)} s`,
    textCell([status.message, status.note].filter(Boolean).join(' — ')),
  ]);
  return [
    '## gitops-promote wait',
    '',
    `Commit ${codeCell(outcome.expected)} (${textCell(outcome.revisionSource)}).`,
    '',
    markdownTable(['Object', 'Controller', 'State', 'Sync', 'Health', 'Revision', 'Time to sync', 'Message'], rows),
    '',
    ...(outcome.timedOut ? [`Timed out after ${(outcome.elapsedMs / 1000).toFixed(0)} s.`, ''] : []),
    ...(outcome.deploymentUrl ? [`Recorded as a GitHub deployment: ${textCell(outcome.deploymentUrl)}`, ''] : []),
    ...(outcome.pullRequestComment ? [commentLine(outcome.pullRequestComment), ''] : []),
  ].join('\n');
}

const commentLine = ({ kind, number, url }: PullRequestComment): string => `The outcome is commented on ${kind} pull request #${number}: ${url}`;
