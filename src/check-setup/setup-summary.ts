import type { SetupFinding } from '../github/setup-checks.js';
import { markdownTable, textCell } from '../text/markdown-table.js';

const MARK: Record<SetupFinding['level'], string> = { ok: '✅', warning: '⚠️', error: '❌' };

/** check-setup's job summary: every check with its verdict, problems first. No I/O. */
export function setupSummaryMarkdown(repository: string, configNote: string, findings: readonly SetupFinding[]): string {
  const problems = findings.filter((finding) => finding.level !== 'ok').length;
  const headline =
    problems === 0
      ? `✅ Everything checked is in order for ${repository}.`
      : `${problems === 1 ? '1 finding needs' : `${problems} findings need`} a look in ${repository}.`;
  const order: SetupFinding['level'][] = ['error', 'warning', 'ok'];
  const sorted = [...findings].sort((a, b) => order.indexOf(a.level) - order.indexOf(b.level));
  return [
    '## gitops-promote check-setup',
    '',
    headline,
    '',
    textCell(configNote, 200),
    '',
    markdownTable(
      ['', 'Check'],
      sorted.map((finding) => [MARK[finding.level], textCell(finding.message, 100)]),
    ),
    '',
  ].join('\n');
}
