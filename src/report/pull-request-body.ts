import { parseAllDocuments, stringify } from 'yaml';
import { splitImageReference } from '../kustomize/image-reference.js';

/**
 * The body of a promotion pull request, built from plain data: a table per
 * app, compare links between app versions, the run, the checklist, a rollback
 * note and the folded rendered diff, kept under GitHub's body limit.
 */

/** GitHub refuses bodies over 65,536 characters; stay clear of it. */
export const MAX_BODY_LENGTH = 65_000;
/** Lines that change on every run (the run link) carry this, so a re-run with nothing new writes nothing. */
export const VOLATILE_LINE = '<!-- gitops-promote:run -->';

export interface PromotedImageRow {
  overlay: string;
  image: string;
  /** The target's value before ('' for a new entry). */
  current: string;
  promoted: string;
}

export interface AppSection {
  app: string;
  rows: PromotedImageRow[];
  /** The app repo's compare view between the two versions, when it could be resolved. */
  compareUrl?: string;
}

export interface ChecklistItem {
  text: string;
  /** Ticked only for a check this run made and passed. */
  checked: boolean;
  /** Why it is not ticked, for items the action itself checks. */
  note?: string;
}

export interface PromotionBody {
  marker: string;
  from: string;
  to: string;
  /** Web URL of the config repo, e.g. https://github.com/acme/config. */
  repositoryUrl: string;
  /** The config repo commit the source environment was read at. */
  sourceCommit: string;
  targetBranch: string;
  runUrl: string;
  apps: AppSection[];
  checklist: ChecklistItem[];
  /** Images not promoted, with why. */
  skipped: string[];
  /** Unified diff of the rendered target overlays, Secret data already redacted. */
  renderedDiff?: string;
}

export function buildPullRequestBody(body: PromotionBody): string {
  const head = [
    `Promotes what runs in **${body.from}** into **${body.to}**, as of ${commitLink(body.repositoryUrl, body.sourceCommit)} on \`${body.targetBranch}\`.`,
    '',
    ...body.apps.flatMap(appTable),
    ...(body.skipped.length > 0 ? ['Not promoted:', ...body.skipped.map((line) => `- ${line}`), ''] : []),
    ...(body.runUrl ? [`Opened by [this workflow run](${body.runUrl}). ${VOLATILE_LINE}`, ''] : []),
    ...(body.checklist.length > 0 ? ['### Checklist', '', ...body.checklist.map(checklistLine), ''] : []),
    ...rollbackNote(body),
  ].join('\n');
  const tail = `\n${body.marker}\n`;
  const diff = body.renderedDiff === undefined ? '' : foldedDiff(body.renderedDiff, MAX_BODY_LENGTH - head.length - tail.length);
  return fitBody(head + diff, tail);
}

/** Whether two bodies say the same, ignoring the run link. */
export function sameBody(a: string, b: string): boolean {
  const stable = (text: string) =>
    text
      .replace(/\r\n/g, '\n')
      .split('\n')
      .filter((line) => !line.includes(VOLATILE_LINE))
      .join('\n')
      .trim();
  return stable(a) === stable(b);
}

function appTable(section: AppSection): string[] {
  const title = section.app === '' ? '### Images' : `### ${section.app}`;
  return [
    title,
    '',
    '| Overlay | Image | Now in target | Promoted |',
    '| --- | --- | --- | --- |',
    ...section.rows.map((row) => `| \`${row.overlay}\` | \`${row.image}\` | ${row.current ? `\`${row.current}\`` : '_(new entry)_'} | \`${row.promoted}\` |`),
    '',
    ...(section.compareUrl ? [`Changes in the app: [compare](${section.compareUrl})`, ''] : []),
  ];
}

function checklistLine(item: ChecklistItem): string {
  return `- [${item.checked ? 'x' : ' '}] ${item.text}${!item.checked && item.note ? ` _(${item.note})_` : ''}`;
}

function rollbackNote(body: PromotionBody): string[] {
  const rows = body.apps.flatMap((section) => section.rows);
  if (rows.length === 0) return [];
  const lines = rows.map((row) =>
    row.current ? `- \`${row.overlay}\`: \`${row.image}\` back to \`${row.current}\`` : `- \`${row.overlay}\`: remove the new \`${row.image}\` entry`,
  );
  return ['### Rollback', '', `After merging, revert the merge commit, or set the previous values in ${body.to}:`, '', ...lines, ''];
}

function commitLink(repositoryUrl: string, sha: string): string {
  return repositoryUrl ? `[\`${sha.slice(0, 7)}\`](${repositoryUrl}/commit/${sha})` : `\`${sha.slice(0, 7)}\``;
}

/** The rendered diff in a folded section, cut to `room` characters with a note. */
export function foldedDiff(diff: string, room: number): string {
  // The blank line keeps GitHub from reading the folded block as part of a list above it.
  const open = '\n<details><summary>Rendered diff of the target overlays (kustomize build, before → after)</summary>\n\n```diff\n';
  const close = '\n```\n\n</details>\n';
  if (diff.trim() === '') return `${open}(the rendered manifests are unchanged apart from the image fields kustomize writes)${close}`;
  const fence = diff.replace(/```/g, '`\u200b``');
  const budget = room - open.length - close.length;
  if (fence.length <= budget) return `${open}${fence.replace(/\n$/, '')}${close}`;
  const note = '\n… (cut to fit GitHub’s size limit for a pull request body; run kustomize build on both branches for the whole diff)';
  if (budget <= note.length + 200) return '\n_The rendered diff is too large to show here._\n';
  const cut = fence.slice(0, budget - note.length);
  return `${open}${cut.slice(0, cut.lastIndexOf('\n') + 1)}${note}${close}`;
}

function fitBody(text: string, tail: string): string {
  if (text.length + tail.length <= MAX_BODY_LENGTH) return text + tail;
  const note = '\n\n… (cut to fit GitHub’s size limit for a pull request body)\n';
  return text.slice(0, MAX_BODY_LENGTH - tail.length - note.length) + note + tail;
}

/** Replaces every value under a Secret's `data` and `stringData` so no secret reaches a PR. */
export function redactSecrets(yaml: string): string {
  const documents = parseAllDocuments(yaml);
  if (!Array.isArray(documents)) return yaml;
  return documents
    .map((document) => {
      const value = document.toJS() as Record<string, unknown> | null;
      if (value && value.kind === 'Secret') {
        for (const field of ['data', 'stringData']) {
          const map = value[field];
          if (map && typeof map === 'object') for (const key of Object.keys(map)) (map as Record<string, unknown>)[key] = '<redacted>';
        }
      }
      return value === null ? '' : stringify(value, { lineWidth: 0 });
    })
    .filter((text) => text !== '')
    .join('---\n');
}

/**
 * The app repo's compare view between two image versions, when both tags name
 * something git knows: a version tag (1.4.2, v1.4.2) or a commit (sha-abc1234,
 * or bare hex). `latest` and other moving tags cannot be resolved.
 */
export function compareUrl(serverUrl: string, sourceRepository: string, before: string, after: string): string | undefined {
  if (!sourceRepository || !before || !after) return undefined;
  const from = gitRefOf(splitImageReference(before).tag);
  const to = gitRefOf(splitImageReference(after).tag);
  if (!from || !to || from === to) return undefined;
  return `${serverUrl.replace(/\/+$/, '')}/${sourceRepository}/compare/${encodeURIComponent(from)}...${encodeURIComponent(to)}`;
}

export function gitRefOf(tag: string): string | undefined {
  const sha = /^(?:sha-|git-)?([0-9a-f]{7,40})$/.exec(tag);
  if (sha) return sha[1];
  if (/^v?\d+\.\d+(\.\d+)?([-+][0-9A-Za-z.-]+)?$/.test(tag)) return tag;
  return undefined;
}
