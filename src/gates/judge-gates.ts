import type { GateConfig } from '../config/gate-config.js';
import { countOf } from '../text/wording.js';
import { worstOf, type GateResult, type GateState, type GateVerdict, type SourceObservation } from './gate-types.js';
import { freezesAt, isInWindow, nextOpening } from './schedule.js';
import { formatInstant, formatSpan } from './time-text.js';

/** What the gates of one promotion are judged on: the target's gates, what the source's controllers showed, and the instant. */
export interface GateInputs {
  gates: GateConfig;
  source: string;
  observations: readonly SourceObservation[];
  now: number;
}

/**
 * Every configured gate's verdict, from what was read. Pure: no controller,
 * git or clock is reached here, so every branch is a row of a table test.
 */
export function judgeGates(inputs: GateInputs): GateVerdict {
  const { gates } = inputs;
  const results: GateResult[] = [];
  if (gates.sourceHealthy) results.push(sourceHealthy(inputs));
  if (gates.soak) results.push(soak(inputs, gates.soak));
  if (gates.windows.length > 0) results.push(windows(inputs));
  if (gates.freeze.length > 0) results.push(freeze(inputs));
  return { state: worstOf(results.map((result) => result.state)), gates: results, at: inputs.now };
}

/** Whether any gate needs the source's controllers read. */
export const needsControllers = (gates: GateConfig): boolean => gates.sourceHealthy || gates.soak !== undefined;

const HEALTH_STATE: Record<SourceObservation['state'], GateState> = { healthy: 'passed', waiting: 'pending', failed: 'failed', unjudgeable: 'failed' };

function sourceHealthy({ source, observations }: GateInputs): GateResult {
  const title = `${source} runs the promoted images, Synced and Healthy`;
  const state = worstOf(observations.map((seen) => HEALTH_STATE[seen.state]));
  const details = observations.map(describeObservation);
  const first = state === 'passed' ? undefined : observations.find((seen) => HEALTH_STATE[seen.state] === state);
  const reason = first
    ? `${appLabel(first.app)}: ${first.state === 'unjudgeable' ? 'cannot judge: ' : ''}${first.message}`
    : `${countOf(observations.length, 'app')} Synced and Healthy in ${source}`;
  return { gate: 'source-healthy', state, title, reason, details };
}

function soak({ source, observations, now }: GateInputs, required: NonNullable<GateConfig['soak']>): GateResult {
  const title = `${source} has run the promoted images for ${required.text}`;
  const judged = observations.map((seen) => soakOf(seen, required.ms, now));
  const state = worstOf(judged.map((item) => item.state));
  const first = state === 'passed' ? undefined : judged.find((item) => item.state === state);
  const reason = first ? first.reason : `soaked ${required.text} in ${source}`;
  return { gate: 'soak', state, title, reason, details: judged.map((item) => item.detail) };
}

function soakOf(seen: SourceObservation, requiredMs: number, now: number): { state: GateState; reason: string; detail: string } {
  const app = appLabel(seen.app);
  if (seen.state !== 'healthy') {
    const state = HEALTH_STATE[seen.state];
    return { state, reason: `${app}: not running the images healthily (${seen.message})`, detail: `${app}: not Synced and Healthy: ${seen.message}` };
  }
  if (seen.runningSince === undefined) {
    const why = 'the controller does not say since when it runs this revision';
    return { state: 'failed', reason: `${app}: cannot judge: ${why}`, detail: `${app}: ${why}` };
  }
  // The images cannot have run longer than they have been in the overlays, whatever the controller's clock says.
  const since = Math.max(seen.runningSince, seen.imagesCommit?.date ?? -Infinity);
  const ready = since + requiredMs;
  const met = now >= ready;
  const fromCommit = seen.imagesCommit && seen.imagesCommit.date >= seen.runningSince ? ` (commit ${seen.imagesCommit.sha.slice(0, 7)})` : '';
  const from = `since ${formatInstant(since)}${fromCommit}`;
  const detail = met ? `${app}: ${from}` : `${app}: ${from}; soaked at ${formatInstant(ready)}`;
  return {
    state: met ? 'passed' : 'pending',
    // No elapsed time here: the reason goes into the status and the body, which a re-run must find unchanged.
    reason: met ? `${app}: soaked` : `${app}: soaked at ${formatInstant(ready)} (${formatSpan(requiredMs)} needed)`,
    detail,
  };
}

function windows({ gates, now }: GateInputs): GateResult {
  const list = gates.windows.map((window) => window.text).join('; ');
  const title = `Inside a promotion window (${list})`;
  if (gates.windows.some((window) => isInWindow(window, now)))
    return { gate: 'windows', state: 'passed', title, reason: 'inside a promotion window', details: [] };
  const next = nextOpening(gates.windows, now);
  const reason = `outside the promotion windows${next === undefined ? '' : `; next opens ${formatInstant(next)}`}`;
  return { gate: 'windows', state: 'pending', title, reason, details: [] };
}

function freeze({ gates, now }: GateInputs): GateResult {
  const title = `Not in a deployment freeze (${gates.freeze.map((range) => range.text).join('; ')})`;
  const holding = freezesAt(gates.freeze, now);
  if (holding.length === 0) return { gate: 'freeze', state: 'passed', title, reason: 'no freeze holds', details: [] };
  const range = holding[0];
  return { gate: 'freeze', state: 'pending', title, reason: `frozen until the end of ${range.last} (${range.timeZone})`, details: [] };
}

export function describeObservation(seen: SourceObservation): string {
  const app = appLabel(seen.app);
  if (!seen.object) return `${app}: ${seen.message}`;
  const at = seen.revision
    ? ` at ${seen.revision
        .split(',')
        .map((revision) => revision.slice(0, 7))
        .join(', ')}`
    : '';
  const status = [seen.sync, seen.health].filter(Boolean).join('/');
  const since = seen.state === 'healthy' && seen.runningSince !== undefined ? ` since ${formatInstant(seen.runningSince)}` : '';
  return `${app}: ${seen.object}${at}${status ? `, ${status}` : ''}${since}${seen.state === 'healthy' ? '' : `: ${seen.message}`}`;
}

const appLabel = (app: string): string => app || 'the overlays';
