import * as core from '@actions/core';
import { writeSummary } from '../report/job-summary.js';
import { shortSha, type ObjectStatus } from './wait-types.js';
import type { WaitTarget } from './wait-targets.js';

/** One object's end of the wait. */
export interface ObjectOutcome {
  target: WaitTarget;
  status: ObjectStatus;
  /** From the start of the step to the moment it was judged done. */
  timeToSyncMs?: number;
}

export interface WaitOutcome {
  expected: string;
  revisionSource: string;
  objects: ObjectOutcome[];
  timedOut: boolean;
  elapsedMs: number;
  deploymentUrl?: string;
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

export function setWaitOutputs(outcome: WaitOutcome): void {
  core.setOutput('synced-revision', syncedRevision(outcome));
  core.setOutput('health', overallHealth(outcome.objects));
  core.setOutput('apps', appsOutput(outcome.objects));
}

/** One line per object: what it last showed. */
export function describeObjects(objects: readonly ObjectOutcome[]): string {
  return objects
    .map(({ target, status }) => `${target.label}: ${status.state}, sync ${status.sync}, health ${status.health}, revision ${shortRevisions(status.revision) || 'none'}${status.message ? ` (${status.message})` : ''}`)
    .join('; ');
}

const shortRevisions = (revision: string): string => revision.split(',').filter(Boolean).map(shortSha).join(', ');

function cell(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '&#124;');
}

const STATE_LABEL: Record<string, string> = { done: '✅ done', failed: '❌ failed', waiting: '⏳ waiting' };

export async function writeWaitSummary(outcome: WaitOutcome): Promise<void> {
  const summary = core.summary.addHeading('gitops-promote wait', 2);
  summary.addRaw(`Commit <code>${cell(outcome.expected)}</code> (${cell(outcome.revisionSource)}).`, true);
  summary.addTable([
    ['Object', 'Controller', 'State', 'Sync', 'Health', 'Revision', 'Time to sync', 'Message'].map((data) => ({ data, header: true })),
    ...outcome.objects.map(({ target, status, timeToSyncMs }) => [
      `<code>${cell(target.label)}</code>`,
      target.controller === 'argocd' ? 'Argo CD' : 'Flux',
      STATE_LABEL[status.state] ?? status.state,
      cell(status.sync),
      cell(status.health),
      status.revision ? `<code>${cell(shortRevisions(status.revision))}</code>` : '',
      timeToSyncMs === undefined ? '' : `${(timeToSyncMs / 1000).toFixed(1)} s`,
      cell([status.message, status.note].filter(Boolean).join(' — ')),
    ]),
  ]);
  if (outcome.timedOut) summary.addRaw(`Timed out after ${(outcome.elapsedMs / 1000).toFixed(0)} s.`, true);
  if (outcome.deploymentUrl) summary.addRaw(`Recorded as a GitHub deployment: ${cell(outcome.deploymentUrl)}`, true);
  await writeSummary();
}
