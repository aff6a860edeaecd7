import * as core from '@actions/core';
import type { GitHubClient } from '../github/octokit-client.js';
import type { DriftItem } from './drift-types.js';
import { ISSUE_MARKER, itemKeysIn } from './report-markdown.js';

export interface ExistingIssue {
  number: number;
  body: string;
  url: string;
}

export type IssueAction =
  | { action: 'none' }
  | { action: 'create'; title: string; body: string }
  | { action: 'update'; number: number; body: string; comment?: string }
  | { action: 'close'; number: number; comment: string };

export const ISSUE_TITLE = 'GitOps drift: environments do not run what git says';

/**
 * What to do with the tracking issue: create it when drift appears, rewrite
 * its body while drift lasts (a comment only when the set of drifted items
 * changed, read from the previous body's hidden keys), close it with a comment
 * when everything is clean. No I/O.
 */
export function planTrackingIssue(existing: ExistingIssue | undefined, items: readonly DriftItem[], body: string, runUrl?: string): IssueAction {
  const drift = items.filter((item) => item.drift);
  const run = runUrl ? ` ([run](${runUrl}))` : '';
  if (drift.length === 0) {
    return existing ? { action: 'close', number: existing.number, comment: `✅ Every environment matches git again${run}. Closing.` } : { action: 'none' };
  }
  if (!existing) return { action: 'create', title: ISSUE_TITLE, body };
  const before = new Set(itemKeysIn(existing.body) ?? []);
  const now = new Set(drift.map((item) => item.key));
  const appeared = drift.filter((item) => !before.has(item.key));
  const resolved = [...before].filter((key) => !now.has(key)).sort();
  if (appeared.length === 0 && resolved.length === 0) return { action: 'update', number: existing.number, body };
  const lines = [
    'The drift changed' + run + ':',
    ...appeared.map((item) => `- 🆕 ${item.key}: ${item.message}`),
    ...resolved.map((key) => `- ✅ resolved: ${key}`),
  ];
  return { action: 'update', number: existing.number, body, comment: lines.join('\n') };
}

export interface IssueRepo {
  client: GitHubClient;
  owner: string;
  repo: string;
  label: string;
}

/** The open issue with the label whose body carries drift-check's marker (pull requests are left out). */
export async function findTrackingIssue({ client, owner, repo, label }: IssueRepo): Promise<ExistingIssue | undefined> {
  const issues = await client.paginate(client.rest.issues.listForRepo, { owner, repo, labels: label, state: 'open', per_page: 100 });
  const found = issues.find((issue) => !issue.pull_request && (issue.body ?? '').includes(ISSUE_MARKER));
  return found ? { number: found.number, body: found.body ?? '', url: found.html_url } : undefined;
}

/** Carries out the plan; returns the issue's URL (or '' when there is none). */
export async function applyTrackingIssue(target: IssueRepo, plan: IssueAction, existing: ExistingIssue | undefined): Promise<string> {
  const { client, owner, repo, label } = target;
  switch (plan.action) {
    case 'none':
      return '';
    case 'create': {
      const { data } = await client.rest.issues.create({ owner, repo, title: plan.title, body: plan.body, labels: [label] });
      core.info(`Opened tracking issue #${data.number}: ${data.html_url}`);
      return data.html_url;
    }
    case 'update':
      await client.rest.issues.update({ owner, repo, issue_number: plan.number, body: plan.body });
      if (plan.comment) await client.rest.issues.createComment({ owner, repo, issue_number: plan.number, body: plan.comment });
      core.info(`Updated tracking issue #${plan.number}${plan.comment ? ' (the drift changed: commented)' : ''}.`);
      return existing?.url ?? '';
    case 'close':
      await client.rest.issues.createComment({ owner, repo, issue_number: plan.number, body: plan.comment });
      await client.rest.issues.update({ owner, repo, issue_number: plan.number, state: 'closed', state_reason: 'completed' });
      core.info(`Closed tracking issue #${plan.number}: no drift left.`);
      return existing?.url ?? '';
  }
}
