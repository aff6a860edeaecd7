import { ROLLBACK_BRANCH_PREFIX, ROLLBACK_MARKER_PREFIX } from '../github/pull-request-kinds.js';
import type { Hold } from '../holds/hold-file.js';
import { VOLATILE_LINE } from '../report/pull-request-body.js';
import { changedBy, changesTable, imagesOutput } from '../report/overlay-changes.js';
import { codeCell, markdownTable, textCell } from '../text/markdown-table.js';
import type { ControllerState } from './controller-states.js';
import type { ReleaseOutcome, RolledBackChange, RollbackOutcome } from './rollback-types.js';

/** The marker that finds a rollback PR again, and its branch: one open rollback per environment. */
export const rollbackMarker = (environment: string): string => `${ROLLBACK_MARKER_PREFIX}environment=${environment} -->`;
export const rollbackBranch = (environment: string): string => `${ROLLBACK_BRANCH_PREFIX}${environment}`;
export const releaseMarker = (environment: string): string => `<!-- gitops-promote:release environment=${environment} -->`;
export const releaseBranch = (environment: string): string => `release-hold/${environment}`;

/** The rollback PR's and commit's title. */
export function rollbackTitle(environment: string, changes: readonly RolledBackChange[]): string {
  const apps = [...new Set(changes.map((change) => change.app).filter(Boolean))];
  return `Roll back ${environment}${apps.length > 0 ? `: ${apps.join(', ')}` : ''}`;
}

export interface RollbackBody {
  environment: string;
  changes: readonly RolledBackChange[];
  restores: string;
  undoes?: string;
  /** What `to` named, in words. */
  target: string;
  hold: Hold;
  holdFile: string;
  controllers: readonly ControllerState[];
  repositoryUrl: string;
  branch: string;
  runUrl: string;
}

/** The rollback PR's body: what goes back from → to, which commit it restores, the controllers now, the hold. Pure. */
export function rollbackBodyMarkdown(body: RollbackBody): string {
  const undoes = body.undoes ? `, undoing ${commitLink(body.repositoryUrl, body.undoes)}` : '';
  const lines = [
    `Rolls **${body.environment}** back to ${body.target}: the images of ${commitLink(body.repositoryUrl, body.restores)} on \`${body.branch}\`${undoes}.`,
    '',
    ...(body.hold.why ? [`Why: ${body.hold.why}`, ''] : []),
    rollbackTable(body.changes),
    '',
  ];
  if (body.controllers.length > 0) {
    // The controllers' state moves on its own: marked volatile, so a re-run that finds it changed does not rewrite the PR for it.
    lines.push(
      `### ${body.environment} now ${VOLATILE_LINE}`,
      '',
      markdownTable(
        ['App', 'Controller object', 'State', 'Revision'],
        body.controllers.map((state) => [
          codeCell(state.app),
          codeCell(state.object),
          textCell(state.state),
          state.revision ? codeCell(state.revision.slice(0, 12)) : '–',
        ]),
      )
        .split('\n')
        .map((line) => `${line} ${VOLATILE_LINE}`)
        .join('\n'),
      '',
    );
  }
  lines.push(
    '### Hold',
    '',
    `Merging this also puts a hold on ${body.environment} (${codeCell(body.holdFile)}), ` +
      `by ${body.hold.who}${body.hold.until ? ` until ${body.hold.until}` : ''}: ` +
      `set-image and promote into ${body.environment} refuse while it stands (unless override-hold: true). The release command removes it.`,
    '',
  );
  if (body.runUrl) lines.push(`Opened by [this workflow run](${body.runUrl}). ${VOLATILE_LINE}`, '');
  lines.push(rollbackMarker(body.environment), '');
  return lines.join('\n');
}

/** The commit message of a rollback: its title, the images going back, and the hold. */
export function rollbackCommitMessage(title: string, changes: readonly RolledBackChange[], restores: string, holdFile: string, runUrl: string): string {
  const lines = changes.map((change) => `- ${change.overlay}: ${change.image} ${change.old} -> ${change.new}`);
  return [title, '', `Restores the images of ${restores.slice(0, 12)}.`, '', ...lines, '', `Puts a hold: ${holdFile}.`, ...(runUrl ? ['', runUrl] : [])].join(
    '\n',
  );
}

function rollbackTable(changes: readonly RolledBackChange[]): string {
  return markdownTable(
    ['App', 'Overlay', 'Image', 'Now', 'Back to'],
    changes.map((change) => [
      change.app ? codeCell(change.app) : '–',
      codeCell(change.overlay),
      codeCell(change.image),
      codeCell(change.old),
      codeCell(change.new),
    ]),
  );
}

function commitLink(repositoryUrl: string, sha: string): string {
  return repositoryUrl ? `[\`${sha.slice(0, 7)}\`](${repositoryUrl}/commit/${sha})` : `\`${sha.slice(0, 7)}\``;
}

/** rollback's outputs. Pure. */
export function rollbackOutputs(outcome: RollbackOutcome): Record<string, string> {
  return {
    changed: String(changedBy(outcome)),
    'commit-sha': outcome.commitSha,
    'pull-request-number': outcome.pullRequest ? String(outcome.pullRequest.number) : '',
    'pull-request-url': outcome.pullRequest?.url ?? '',
    images: imagesOutput(outcome.changes, (change) => ({ app: change.app })),
  };
}

/** rollback's job summary. Pure. */
export function rollbackSummaryMarkdown(outcome: RollbackOutcome): string {
  const lines = [`## gitops-promote rollback: ${outcome.environment}${outcome.dryRun ? ' (dry run)' : ''}`, ''];
  if (outcome.changes.length === 0) {
    lines.push(
      `${outcome.environment} already runs the images of ${codeCell(outcome.restores.slice(0, 12))}; nothing was rolled back, and no hold was put.`,
      '',
    );
    return lines.join('\n');
  }
  lines.push(changesTable(outcome.changes, 'Now → back to'), '');
  lines.push(
    `Restores the images of ${codeCell(outcome.restores.slice(0, 12))}${outcome.undoes ? `, undoing ${codeCell(outcome.undoes.slice(0, 12))}` : ''}.`,
    '',
  );
  if (outcome.pullRequest) {
    const { url, number, created, moved } = outcome.pullRequest;
    lines.push(
      `Pull request <a href="${url}">#${number}</a> ${created ? 'opened' : moved ? 'updated' : 'already carries this rollback'}, ` +
        `with the hold ${codeCell(outcome.holdFile)}.`,
      '',
    );
  } else if (outcome.commitSha) {
    lines.push(`Commit ${codeCell(outcome.commitSha)}, with the hold ${codeCell(outcome.holdFile)}.`, '');
  }
  if (outcome.requests) lines.push(`GitHub API requests: ${outcome.requests.reads} reads, ${outcome.requests.writes} writes.`, '');
  return lines.join('\n');
}

/** release's outputs. Pure. */
export function releaseOutputs(outcome: ReleaseOutcome): Record<string, string> {
  return {
    changed: String(outcome.dryRun ? outcome.holdFile !== '' : outcome.pullRequest ? outcome.pullRequest.moved : outcome.commitSha !== ''),
    'commit-sha': outcome.commitSha,
    'pull-request-number': outcome.pullRequest ? String(outcome.pullRequest.number) : '',
    'pull-request-url': outcome.pullRequest?.url ?? '',
  };
}

/** release's job summary. Pure. */
export function releaseSummaryMarkdown(outcome: ReleaseOutcome): string {
  const head = `## gitops-promote release: ${outcome.environment}${outcome.dryRun ? ' (dry run)' : ''}`;
  if (!outcome.holdFile) return `${head}\n\n${outcome.environment} has no hold; nothing to release.\n`;
  const how = outcome.pullRequest
    ? `through pull request <a href="${outcome.pullRequest.url}">#${outcome.pullRequest.number}</a>`
    : outcome.commitSha
      ? `in commit ${codeCell(outcome.commitSha)}`
      : '(dry run: nothing written)';
  return `${head}\n\nRemoves the hold ${codeCell(outcome.holdFile)} ${how}.\n`;
}
