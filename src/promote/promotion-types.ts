import type { Identity } from '../repo/git.js';
import type { RepoLocation } from '../repo/open-config-repo.js';
import type { OverlayChange } from '../report/set-image-report.js';
import type { Refusal } from '../github/pull-requests.js';
import type { RequestCount } from '../github/octokit-client.js';
import type { PullRequestOverrides } from './pull-request-inputs.js';

/** The inputs of `promote`; an unset list or flag (undefined) takes the target environment's config. */
export interface PromoteInputs extends PullRequestOverrides {
  location: RepoLocation;
  from: string;
  to: string;
  apps: string[];
  /** `owner/name` of the app repo, for every app, or per app. */
  sourceRepositories: Map<string, string>;
  branch: string;
  verifyRender: boolean;
  validate: boolean;
  dryRun: boolean;
  author: Identity;
  commitMessage: string;
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
  pullRequest?: { number: number; url: string; created: boolean };
  /** A PR closed because nothing was left to promote. */
  closed?: number;
  refusals: Refusal[];
  dryRun: boolean;
  requests?: RequestCount;
}
