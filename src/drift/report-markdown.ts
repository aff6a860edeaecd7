import { shortSha } from '../controllers/wait-types.js';
import { formatImageValue, type AppReport, type DriftItem, type DriftReport, type EnvironmentReport, type Skew } from './drift-types.js';
import { describeSkew } from './skew.js';
import { countOf } from '../text/wording.js';
import { codeCell, markdownTable, textCell } from '../text/markdown-table.js';

/**
 * The drift report as Markdown: a Mermaid diagram of the promotion chain, a
 * table per environment, and the tracking issue's body with hidden markers
 * (which issue this is, and which drift items it lists). No I/O.
 */

export const ISSUE_MARKER = '<!-- gitops-promote:drift-check -->';
const ITEMS_MARKER = /<!-- gitops-promote:drift-items (\[.*?\]) -->/;

const KIND_LABEL: Record<DriftItem['kind'], string> = {
  'missing-overlay': '📁 missing overlay',
  'unknown-app': '❓ unknown to the controller',
  unreachable: '🔌 controller unreachable',
  stale: '🕰️ stale',
  'out-of-sync': '🔀 out of sync',
  'not-applied': '⏳ not applied',
  degraded: '💔 degraded',
  'images-differ': '🖼️ images differ',
  skew: '📉 skew',
  pending: '🕓 pending',
};

/** Text for a cell, on one line: drift tables are read in issues and summaries, where a message wraps by itself. */
const cell = (text: string): string => textCell(text, Number.POSITIVE_INFINITY);

/** A Mermaid node id: letters, digits and underscores only. */
const nodeId = (name: string): string => `env_${name.replace(/[^A-Za-z0-9_]/g, '_')}`;
const mermaidText = (text: string): string => text.replace(/"/g, '#quot;').replace(/[<>]/g, (c) => (c === '<' ? '#lt;' : '#gt;'));

function appVersion(app: AppReport): string {
  const version = app.declared?.version;
  return version ? formatImageValue(version) : app.findings.some((finding) => finding.kind === 'missing-overlay') ? 'missing' : '?';
}

/** `flowchart LR` of the chain: each environment with its version of each app; edges say who lags. */
export function chainDiagram(report: DriftReport): string {
  const lines = ['```mermaid', 'flowchart LR'];
  const drifted = new Set(report.items.filter((item) => item.drift).map((item) => item.environment));
  for (const env of report.environments) {
    const versions = env.apps.map((app) => `${app.app} ${appVersion(app)}`);
    lines.push(`  ${nodeId(env.name)}["${[`<b>${mermaidText(env.name)}</b>`, ...versions.map(mermaidText)].join('<br/>')}"]`);
  }
  const shown = new Set(report.environments.map((env) => env.name));
  for (const env of report.environments) {
    if (!env.from || !shown.has(env.from)) continue;
    const lagging = env.apps.flatMap(({ app, skew }) => (skew && skew.status !== 'same' ? [`${app}: ${shortSkew(skew)}`] : []));
    const label = lagging.length ? `|"${mermaidText(lagging.join(', '))}"|` : '';
    lines.push(`  ${nodeId(env.from)} -->${label} ${nodeId(env.name)}`);
  }
  for (const env of report.environments) lines.push(`  class ${nodeId(env.name)} ${drifted.has(env.name) ? 'drifted' : 'clean'}`);
  lines.push('  classDef drifted fill:#fde2e1,stroke:#cf222e', '  classDef clean fill:#dafbe1,stroke:#1a7f37', '```');
  return lines.join('\n');
}

function shortSkew(skew: Skew): string {
  if (skew.status === 'behind') return `${skew.versionsBehind} behind`;
  if (skew.status === 'different-digest') return 'other digest';
  return skew.status;
}

function environmentTable(env: EnvironmentReport): string {
  const rows = env.apps.map((app) => {
    const controller = app.controller;
    const revision = controller?.revision ? codeCell(shortSha(controller.revision)) : '';
    const findings = app.findings.map((finding) => `${KIND_LABEL[finding.kind]}: ${cell(finding.message)}`).join('<br/>') || '✅';
    const skew = app.skew ? cell(describeSkew(app.skew)) + (app.skew.promotionPr ? ` (PR #${app.skew.promotionPr.number})` : '') : '';
    return [
      codeCell(app.app),
      cell(appVersion(app)),
      controller ? `${codeCell(controller.object)}${controller.found ? '' : ' (not found)'}` : '',
      cell(controller?.sync ?? ''),
      cell(controller?.health ?? ''),
      revision,
      skew,
      findings,
    ];
  });
  const heading = `### ${env.name}${env.from ? ` (from ${env.from}${env.maxSkew ? `, max-skew ${env.maxSkew}` : ''})` : ''}`;
  const branch = env.head ? `\n\nBranch \`${env.head.branch}\` at \`${shortSha(env.head.sha)}\`.` : '';
  const table = markdownTable(['App', 'Declared', 'Controller object', 'Sync', 'Health', 'Revision', 'Skew', 'Findings'], rows);
  return `${heading}${branch}${holdLine(env)}\n\n${table}`;
}

/** The environment's hold, when a rollback put one: set-image and promote refuse to move it while it stands. */
function holdLine(env: EnvironmentReport): string {
  const { hold } = env;
  if (!hold) return '';
  const why = hold.why ? `: ${hold.why}` : '';
  if (!hold.standing) return `\n\nThe hold \`${hold.file}\` lapsed at ${hold.until}; remove it with release.`;
  const until = hold.until ? ` (until ${hold.until})` : '';
  return (
    `\n\n🔒 **On hold** since ${hold.when} by ${hold.who}${why}${until}: ` + `set-image and promote refuse to move it until release removes \`${hold.file}\`.`
  );
}

function headline(report: DriftReport): string {
  const drift = report.items.filter((item) => item.drift).length;
  const pending = report.items.filter((item) => !item.drift).length;
  const state = drift ? `❌ **Drift: ${countOf(drift, 'item')}**` : '✅ **No drift**';
  const extra = pending ? `, ${pending} pending` : '';
  return `${state}${extra}. Branch \`${report.head.branch}\` at \`${shortSha(report.head.sha)}\`, checked ${report.generatedAt}.`;
}

/** The job summary: headline (and a `scope` line for a shard's report, or the shards' merged), chain diagram, one table per environment, notes. */
export function summaryMarkdown(report: DriftReport, scope?: string): string {
  return [
    '## gitops-promote drift-check',
    headline(report),
    ...(scope ? [scope] : []),
    chainDiagram(report),
    ...report.environments.map(environmentTable),
    ...report.notes.map((note) => `> [!WARNING]\n> ${note}`),
  ].join('\n\n');
}

/** The tracking issue's body: the drift items, with hidden markers the next run reads. */
export function issueBody(report: DriftReport, runUrl: string | undefined): string {
  const items = report.items.filter((item) => item.drift);
  const keys = items.map((item) => item.key).sort();
  const rows = items.map((item) => [cell(item.environment), codeCell(item.app), KIND_LABEL[item.kind], cell(item.message)]);
  const body = [
    ISSUE_MARKER,
    `<!-- gitops-promote:drift-items ${JSON.stringify(keys)} -->`,
    headline(report),
    markdownTable(['Environment', 'App', 'Drift', 'Details'], rows),
    chainDiagram(report),
    `Kept up to date by gitops-promote drift-check${runUrl ? ` ([latest run](${runUrl}))` : ''}; closed when every environment matches git again.`,
  ].join('\n\n');
  // GitHub refuses bodies over 65536 characters; the hidden keys at the top survive a cut.
  return body.length <= 65_000 ? body : `${body.slice(0, 64_900)}\n\n… (cut: see the job summary for the full report)`;
}

/** The drift item keys a previous body listed, or undefined when it has none (not written by drift-check). */
export function itemKeysIn(body: string | null | undefined): string[] | undefined {
  const match = ITEMS_MARKER.exec(body ?? '');
  if (!match) return undefined;
  try {
    const keys = JSON.parse(match[1]) as unknown;
    return Array.isArray(keys) ? keys.filter((key): key is string => typeof key === 'string') : undefined;
  } catch {
    return undefined;
  }
}
