/**
 * What the promotion gates saw and decided. The verdict is `passed` only
 * when every configured gate was verified in this run; a gate that could not
 * be judged is `failed`, never a silent pass.
 */

export type GateState = 'passed' | 'pending' | 'failed';

export type GateName = 'source-healthy' | 'soak' | 'windows' | 'freeze';

/** One app's source-environment controller object, as this run read it (read-only: nothing refreshed or synced). */
export interface SourceObservation {
  app: string;
  /** `web-staging`, `Kustomization/flux-system/web-staging`; undefined when no controller is configured. */
  object?: string;
  /**
   * `healthy`: Synced and Healthy at a revision carrying exactly the promoted images, health fresher than the sync;
   * `waiting`: not yet (syncing, progressing, behind); `failed`: it will not be on its own (Degraded, a failed sync);
   * `unjudgeable`: the controller could not be read or asked about this app.
   */
  state: 'healthy' | 'waiting' | 'failed' | 'unjudgeable';
  message: string;
  revision?: string;
  sync?: string;
  health?: string;
  /** Since when (ms) the controller has run a revision carrying these images, Synced and Healthy; undefined when it cannot tell. */
  runningSince?: number;
  /** The commit that brought these images into the source overlays, and its date (ms). */
  imagesCommit?: { sha: string; date: number };
}

/** One gate's verdict, with one short reason and a line per app where the gate is about apps. */
export interface GateResult {
  gate: GateName;
  state: GateState;
  /** What the gate asks, for the checklist: `staging runs the promoted images, Synced and Healthy`. */
  title: string;
  /** One short reason, for the commit status and the checklist. */
  reason: string;
  /** What was seen, per app (source-healthy and soak). */
  details: string[];
}

export interface GateVerdict {
  state: GateState;
  gates: GateResult[];
  /** The instant the gates were judged at (ms). */
  at: number;
}

/** failed over pending over passed. */
export function worstOf(states: readonly GateState[]): GateState {
  if (states.includes('failed')) return 'failed';
  if (states.includes('pending')) return 'pending';
  return 'passed';
}
