import type { ChecklistItem } from '../report/pull-request-body.js';
import { MAX_BODY_LENGTH, VOLATILE_LINE } from '../report/pull-request-body.js';

/**
 * The body of a set-image pull request (an environment that lands through
 * PRs): the images it sets, the images it carries, the run, the checklist and
 * a rollback note. Pure, so tests build it from plain data.
 */

export interface SetImageRow {
  overlay: string;
  image: string;
  /** The value on the base branch ('' for a new entry). */
  current: string;
  next: string;
}

export interface SetImageBody {
  marker: string;
  environment: string;
  baseBranch: string;
  /** The set-image arguments this PR applies, in order; a later run re-applies them on the moved base. */
  arguments: string[];
  rows: SetImageRow[];
  runUrl: string;
  checklist: ChecklistItem[];
}

const CARRIED_PREFIX = '<!-- gitops-promote:set-image-arguments ';

export function buildSetImageBody(body: SetImageBody): string {
  const text = [
    `Sets images in **${body.environment}**, on \`${body.baseBranch}\` once merged. Later set-image runs for ${body.environment} update this pull request.`,
    '',
    '| Overlay | Image | Now | Set to |',
    '| --- | --- | --- | --- |',
    ...body.rows.map((row) => `| \`${row.overlay}\` | \`${row.image}\` | ${row.current ? `\`${row.current}\`` : '_(new entry)_'} | \`${row.next}\` |`),
    '',
    ...(body.runUrl ? [`Updated by [this workflow run](${body.runUrl}). ${VOLATILE_LINE}`, ''] : []),
    ...(body.checklist.length > 0
      ? [
          '### Checklist',
          '',
          ...body.checklist.map((item) => `- [${item.checked ? 'x' : ' '}] ${item.text}${!item.checked && item.note ? ` _(${item.note})_` : ''}`),
          '',
        ]
      : []),
    '### Rollback',
    '',
    `After merging, revert the merge commit, or set the previous values in ${body.environment}.`,
    '',
    `${CARRIED_PREFIX}${JSON.stringify(body.arguments).replace(/--/g, '-\\u002d')} -->`,
    body.marker,
    '',
  ].join('\n');
  return text.length <= MAX_BODY_LENGTH
    ? text
    : `${text.slice(0, MAX_BODY_LENGTH - 200)}\n\n… (cut to fit GitHub’s size limit)\n${CARRIED_PREFIX}[] -->\n${body.marker}\n`;
}

/** The arguments an existing set-image PR applies; none when the body carries none or was edited past reading. */
export function carriedArguments(body: string | undefined): string[] {
  const line = body?.split('\n').find((candidate) => candidate.startsWith(CARRIED_PREFIX));
  if (!line) return [];
  try {
    const value: unknown = JSON.parse(line.slice(CARRIED_PREFIX.length).replace(/\s*-->\s*$/, ''));
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}
