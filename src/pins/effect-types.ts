import type { Renderer } from '../kustomize/render.js';
import type { Pin } from '../types.js';
import type { RenderSlots } from './render-slots.js';
import type { ValuesFileUsers } from './values-file-users.js';

/**
 * How far the check could follow a pin's edit to what the cluster gets:
 * - `render`: kustomize rendered what the controller renders, and the new value is in it;
 * - `helm-template`: helm templated the chart with the pin's values, and the new reference is among its images;
 * - `structural`: only the edited file was read (it parses, and holds the value where the chart or controller reads it);
 * - `not-verifiable`: what renders it is outside this repository (a chart from a Helm repository, another repository's source).
 */
export type PinVerification = 'render' | 'helm-template' | 'structural' | 'not-verifiable';

export interface PinEffect {
  pin: Pin;
  verified: PinVerification;
  /** What was checked, in a sentence or two. */
  details: string;
  /** What could not be checked, and why. */
  warnings: string[];
}

export interface PinEffectReport {
  pins: PinEffect[];
}

/** One part of a pin's check: one source of an Application, a HelmRelease's render, its chart's template. */
export interface EffectPart {
  verified: PinVerification;
  details: string;
  warnings?: string[];
  /** The new value does not take effect: one sentence naming the image and what the render showed instead. */
  failure?: string;
}

/** What every kind's check is given. */
export interface EffectContext {
  /** The config repo's checkout. */
  root: string;
  /** The helm program, or null when it is not on PATH. */
  helm: string | null;
  /** kustomize or kubectl kustomize, or null when neither is on PATH. */
  renderer: Renderer | null;
  slots: RenderSlots;
  /** A Helm values pin's chart folder, by the pin's file, when the config names it. */
  charts: Readonly<Record<string, string>>;
  /**
   * Which of the repo's Argo CD Applications pass each values file to a chart: the Applications looked for and
   * planned once a run, and only when a values file's users are asked for.
   */
  valuesFileUsers: () => Promise<ValuesFileUsers>;
  /** A chart's own values.yaml as a value ({} when it has none), read once a run: a thousand values files may share one chart. */
  chartDefaults: (chartFolder: string) => Promise<unknown>;
}

const STRENGTH: Record<PinVerification, number> = { 'not-verifiable': 0, structural: 1, render: 2, 'helm-template': 2 };

/** A pin is verified as far as its least verified part (of two equally strong, the later one names it). */
export function weakestVerification(parts: readonly EffectPart[]): PinVerification {
  let weakest: PinVerification | undefined;
  for (const part of parts) if (weakest === undefined || STRENGTH[part.verified] <= STRENGTH[weakest]) weakest = part.verified;
  return weakest ?? 'not-verifiable';
}
