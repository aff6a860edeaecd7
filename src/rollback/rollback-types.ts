import type { WorkflowSettings } from '../config/environment-settings.js';
import type { ControllerConnections } from '../controllers/controller-settings.js';
import type { RequestCount } from '../github/octokit-client.js';
import type { HoldUntil } from '../holds/hold-file.js';
import type { Identity, OverlayChange, RepoLocation } from '../types.js';
import type { SchemaSettings } from '../validate/validation-settings.js';
import type { RollbackTarget } from './rollback-target.js';

/** Everything rollback reads, resolved from its inputs. */
export interface RollbackInputs {
  location: RepoLocation;
  environment: string;
  to: RollbackTarget;
  /** Why: written into the hold, the commit and the PR. */
  reason: string;
  holdUntil: HoldUntil;
  branch: string;
  settings: WorkflowSettings;
  verifyRender: boolean;
  validation: SchemaSettings | undefined;
  dryRun: boolean;
  author: Identity;
  connections: ControllerConnections;
}

/** One image going back, with its app. */
export interface RolledBackChange extends OverlayChange {
  app: string;
}

export interface RollbackOutcome {
  environment: string;
  landing: 'commit' | 'pull-request';
  changes: RolledBackChange[];
  /** The commit whose images come back, and (for `previous`) the change undone. */
  restores: string;
  undoes?: string;
  /** The hold file committed with the rollback. */
  holdFile: string;
  commitSha: string;
  pullRequest?: { number: number; url: string; created: boolean; moved: boolean };
  dryRun: boolean;
  /** GitHub API requests this run made, when it reached GitHub. */
  requests?: RequestCount;
}

/** Everything release reads, resolved from its inputs. */
export interface ReleaseInputs {
  location: RepoLocation;
  environment: string;
  reason: string;
  branch: string;
  settings: WorkflowSettings;
  dryRun: boolean;
  author: Identity;
}

export interface ReleaseOutcome {
  environment: string;
  landing: 'commit' | 'pull-request';
  /** The hold file removed ('' when there was none). */
  holdFile: string;
  commitSha: string;
  pullRequest?: { number: number; url: string; created: boolean; moved: boolean };
  dryRun: boolean;
}
