import type { ControllerConnections } from '../controllers/controller-settings.js';
import type { WorkflowSettings } from '../config/environment-settings.js';
import type { RepoLocation } from '../types.js';

/** Everything `wait` reads, resolved from its inputs. */
export interface WaitInputs {
  /** The checkout of the config repo (path, else the working folder): its config and git history. */
  location: RepoLocation;
  /** controller, flux-kind and flux-namespace as the workflow set them (the config's apps may set them too). */
  settings: WorkflowSettings;
  /** The commit to wait for (a SHA or a ref); '' for the one an earlier step exported, else the checkout's head. */
  revision: string;
  /** With `apps`: the objects from the promotion config. */
  environment: string;
  apps: string[];
  /** Objects named directly (argocd-app, flux-name). */
  argocdApps: string[];
  fluxNames: string[];
  timeoutMs: number;
  failFast: boolean;
  degradedGraceMs: number;
  argocd: { refresh: 'normal' | 'hard'; sync: boolean; watch: 'stream' | 'poll' };
  flux: { reconcile: boolean };
  connections: ControllerConnections;
  deployment: boolean;
  environmentUrl: string;
  /** Comment the outcome on the promotion or rollback PR that merged the commit. */
  commentOnPullRequest: boolean;
}
