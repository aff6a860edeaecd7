import { shortenAtWord } from '../text/shorten-at-word.js';
import { countOf } from '../text/wording.js';
import type { GateResult, GateState, GateVerdict } from './gate-types.js';

/** The commit status's context: what a ruleset or branch protection requires. */
export const GATES_CONTEXT = 'gitops-promote/gates';

/** GitHub refuses a commit status description over 140 characters. */
export const MAX_STATUS_DESCRIPTION = 140;

export type CommitState = 'success' | 'pending' | 'failure';

export const COMMIT_STATE: Record<GateState, CommitState> = { passed: 'success', pending: 'pending', failed: 'failure' };

/** One short line: every gate met, or the first gate that holds the promotion back and why. */
export function statusDescription(verdict: GateVerdict): string {
  const blocking = verdict.gates.find((gate) => gate.state === 'failed') ?? verdict.gates.find((gate) => gate.state === 'pending');
  const text = blocking
    ? `${blocking.gate}: ${blocking.reason}`
    : `${countOf(verdict.gates.length, 'gate')} met: ${verdict.gates.map((gate) => gate.gate).join(', ')}`;
  return shortenAtWord(text, MAX_STATUS_DESCRIPTION);
}

/** A checklist item per gate, ticked only when this run verified it, saying what it saw. */
export function gateChecklist(verdict: GateVerdict): Array<{ text: string; checked: boolean; note?: string }> {
  return verdict.gates.map((gate) => ({
    text: `Gate ${gate.gate}: ${gate.title}${gate.details.length > 0 ? ` (${gate.details.join('; ')})` : ''}`,
    checked: gate.state === 'passed',
    note: gate.state === 'passed' ? undefined : `${gate.state}: ${gate.reason}`,
  }));
}

const ICON: Record<GateState, string> = { passed: '✅', pending: '⏳', failed: '❌' };

/** The job summary's table of the gates. Pure. */
export function gatesSummaryMarkdown(verdict: GateVerdict): string {
  const rows = verdict.gates.map((gate) => `| ${gate.gate} | ${ICON[gate.state]} ${gate.state} | ${cell(gate.reason)} | ${cell(gate.details.join('<br>'))} |`);
  return [`### Gates: ${verdict.state}`, '', '| Gate | State | Reason | Seen |', '| --- | --- | --- | --- |', ...rows, ''].join('\n');
}

/** The `gates` output: each gate's state, reason and what it saw, as JSON. */
export function gatesOutput(verdict: GateVerdict | undefined): string {
  if (!verdict) return '[]';
  return JSON.stringify(verdict.gates.map(({ gate, state, reason, details }: GateResult) => ({ gate, state, reason, seen: details })));
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
