import type { WorkflowSettings } from '../config/environment-settings.js';
import type { Refusal } from '../github/pull-requests.js';
import type { ImageArgument } from '../kustomize/image-argument.js';
import type { Identity, OverlayChange, Pin, RepoLocation } from '../types.js';
import type { SchemaSettings } from '../validate/validation-settings.js';

/** Everything set-image reads, resolved from its inputs. */
export interface SetImageInputs {
  location: RepoLocation;
  /** Overlay patterns; empty (and no pins) means the environment's overlays and pins. */
  overlays: string[];
  /** Pins the workflow names (helm-values, argocd-application, …); empty (and no overlays) means the environment's. */
  pins: Pin[];
  /** An environment of the promotion config (the `environment` input), or ''. */
  environment: string;
  images: ImageArgument[];
  push: boolean;
  /** The branch to land on; '' for the environment's, else the checkout's or the repo's default. */
  branch: string;
  commitMessage: string;
  author: Identity;
  allowDowngrade: boolean;
  allowTags: RegExp | undefined;
  verifyRender: boolean;
  /** How to validate the edited overlays before committing; undefined when the `validate` input is false. */
  validation: SchemaSettings | undefined;
  dryRun: boolean;
  /** `landing`, the pull-request settings and the image policy as the workflow set them; the rest comes from the environment's config. */
  settings: WorkflowSettings;
  /** override-hold: move the environment although a hold stands on it. */
  overrideHold: boolean;
}

export interface SetImageOutcome {
  changes: OverlayChange[];
  commitSha: string;
  branch: string;
  pushed: boolean;
  dryRun: boolean;
  /** Changes skipped because a concurrent run had already landed a higher version. */
  superseded: OverlayChange[];
  /** The environment's set-image pull request, when it lands through one; `moved`: this run opened it or moved its branch. */
  pullRequest?: { number: number; url: string; created: boolean; moved: boolean };
  /** The environment's set-image pull request closed because it had nothing left to merge. */
  closed?: number;
  /** Parts of the pull request GitHub refused (labels, reviewers, auto-merge), with the fix. */
  refusals?: Refusal[];
  /** The note that this run overrode a hold on the environment (override-hold: true). */
  overriddenHold?: string;
}
