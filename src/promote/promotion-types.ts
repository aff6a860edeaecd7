import type { Refusal } from '../github/pull-requests.js';
import type { RequestCount } from '../github/octokit-client.js';
import type { WorkflowSettings } from '../config/environment-settings.js';
import type { ControllerConnections } from '../controllers/controller-settings.js';
import type { GateVerdict } from '../gates/gate-types.js';
import type { SchemaSettings } from '../validate/validation-settings.js';
import type { Identity, OverlayChange, RepoLocation } from '../types.js';

/** The inputs of `promote`. */
export interface PromoteInputs {
  /** `landing`, the pull-request settings and the image policy as the workflow set them; the rest comes from the target environment's config. */
  settings: WorkflowSettings;
  location: RepoLocation;
  from: string;
  to: string;
  apps: string[];
  /** `owner/name` of the app repo, for every app, or per app. */
  sourceRepositories: Map<string, string>;
  branch: string;
  verifyRender: boolean;
  /** How to validate the promoted overlays before anything is written; undefined when the `validate` input is false. */
  validation: SchemaSettings | undefined;
  dryRun: boolean;
  author: Identity;
  commitMessage: string;
  /** How to read the source environment's controllers, for the source-healthy and soak gates. */
  connections: ControllerConnections;
  /** With landing: commit, a pending gate (not yet soaked, outside a window) fails the step instead of ending it with a notice. */
  failOnPending: boolean;
  /** override-hold: promote although a hold stands on the target environment. */
  overrideHold: boolean;
}

export interface PromotedChange extends OverlayChange {
  app: string;
}

export interface PromoteOutcome {
  from: string;
  to: string;
  landing: 'commit' | 'pull-request';
  changes: PromotedChange[];
  commitSha: string;
  /** `moved`: this run opened the PR or moved its branch (not only its title or body). */
  pullRequest?: { number: number; url: string; created: boolean; moved: boolean };
  /** A PR closed because nothing was left to promote. */
  closed?: number;
  refusals: Refusal[];
  dryRun: boolean;
  requests?: RequestCount;
  /** The target's gates, judged in this run; undefined when it has none. */
  gates?: GateVerdict;
  /** Whether the gates' commit status was written, or already said the same. */
  gateStatus?: 'set' | 'unchanged';
  /** With landing: commit, the gates were not all met, so nothing was committed. */
  held?: boolean;
  /** The note that this run overrode a hold on the target (override-hold: true). */
  overriddenHold?: string;
}
