/**
 * The Argo CD scenario: which Applications exist, how each reacts to a new commit on its branch,
 * and who may log in. Read from YAML/JSON for the CLI or passed as an object by tests.
 */
import { parseFault, type Fault } from '../scenario/faults.js';

/** How an app's rollout ends after its controller picks up a new revision. */
export const ARGO_OUTCOMES = [
  'healthy', // OutOfSync → operation Running → Synced/Progressing → Healthy
  'degraded', // … → Synced/Degraded, and it stays Degraded
  'degraded-then-healthy', // … → Degraded for a few steps (a rollout passing through) → Healthy
  'sync-failed', // operation ends Failed with a message; app stays OutOfSync, SyncError condition
  'sync-error', // operation ends Error with a message
  'comparison-error', // the new revision cannot be rendered: sync Unknown + ComparisonError condition
  'invalid-spec', // the app spec is invalid: sync Unknown + InvalidSpecError condition
] as const;
export type ArgoOutcome = (typeof ARGO_OUTCOMES)[number];

export interface HelmChartSource {
  repoURL: string;
  chart: string;
  targetRevision: string;
}

export interface ArgoAppScenario {
  name: string;
  /** Namespace of the Application object (default `argocd`); others need `appNamespace` in requests. */
  namespace?: string;
  project?: string;
  repoURL?: string;
  path?: string;
  /** Branch the app tracks (default `main`). */
  targetRevision?: string;
  destinationServer?: string;
  destinationNamespace?: string;
  labels?: Record<string, string>;
  /** Revision synced at start (40 hex; default a fixed sha). */
  initialRevision?: string;
  /** `status.summary.images` at start. */
  images?: string[];
  outcome?: ArgoOutcome;
  /** Message of the failure/condition for failing outcomes (a realistic default otherwise). */
  message?: string;
  /** Auto-sync policy (default true). With false the app stays OutOfSync until a sync request. */
  autoSync?: boolean;
  /**
   * Steps between the reconcile that finds a new commit OutOfSync and auto-sync putting an operation
   * on the app (default 0: the same step). Meanwhile the app is OutOfSync with no operation, as while
   * a sync window denies syncs or the controller's queues are busy.
   */
  autoSyncDelaySteps?: number;
  /** Whether the controller notices new commits by itself (default true). False: only refresh requests make it look. */
  selfRefresh?: boolean;
  /** Annotation `argocd.argoproj.io/manifest-generate-paths`; with `commitsTouchPaths: false` new commits leave the app at its old revision. */
  manifestGeneratePaths?: string;
  commitsTouchPaths?: boolean;
  /** Steps after the operation ends before the controller reconciles health (reconciledAt stays older than finishedAt meanwhile). */
  healthLagSteps?: number;
  /** Steps spent Degraded by `degraded-then-healthy` (default 3). */
  degradedSteps?: number;
  /** Makes the app multi-source: source 0 is the config repo, source 1 this Helm chart. */
  helmChart?: HelmChartSource;
}

export interface ArgoAccount {
  username: string;
  password: string;
  /** RBAC: `<project>/<app>` globs this account may get (default `*`: everything). */
  apps?: string[];
}

export interface ArgoScenario {
  applications: ArgoAppScenario[];
  accounts?: ArgoAccount[];
  /** Real ms per controller step (default 25). */
  stepMs?: number;
  simulatedSecondsPerStep?: number;
  /** Faults armed at start. */
  faults?: Fault[];
}

export const DEFAULT_ACCOUNT: ArgoAccount = { username: 'admin', password: 'password', apps: ['*'] };

/** Validate loosely typed input (a parsed scenario file) and say which field is wrong. */
export function parseArgoScenario(input: unknown, source = 'scenario'): ArgoScenario {
  if (typeof input !== 'object' || input === null) throw new Error(`${source}: expected a mapping with "applications"`);
  const raw = input as Record<string, unknown>;
  if (!Array.isArray(raw.applications)) throw new Error(`${source}: "applications" must be a list`);
  const applications = raw.applications.map((a, i) => {
    const app = a as ArgoAppScenario;
    if (typeof app?.name !== 'string' || !/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(app.name)) {
      throw new Error(`${source}: applications[${i}].name must be a DNS-1123 name, got ${JSON.stringify(app?.name)}`);
    }
    if (app.outcome !== undefined && !ARGO_OUTCOMES.includes(app.outcome)) {
      throw new Error(`${source}: applications[${i}].outcome ${JSON.stringify(app.outcome)} is not one of ${ARGO_OUTCOMES.join(', ')}`);
    }
    if (app.initialRevision !== undefined && !/^[0-9a-f]{40}$/.test(app.initialRevision)) {
      throw new Error(`${source}: applications[${i}].initialRevision must be 40 lowercase hex characters`);
    }
    return app;
  });
  const accounts = raw.accounts === undefined ? undefined : (raw.accounts as ArgoAccount[]);
  accounts?.forEach((acc, i) => {
    if (typeof acc.username !== 'string' || typeof acc.password !== 'string') {
      throw new Error(`${source}: accounts[${i}] needs a string username and password`);
    }
  });
  const faults = Array.isArray(raw.faults) ? raw.faults.map(parseFault) : undefined;
  return {
    applications,
    accounts,
    stepMs: raw.stepMs === undefined ? undefined : Number(raw.stepMs),
    simulatedSecondsPerStep: raw.simulatedSecondsPerStep === undefined ? undefined : Number(raw.simulatedSecondsPerStep),
    faults,
  };
}
