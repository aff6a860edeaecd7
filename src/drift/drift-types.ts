/**
 * The shapes of a drift check: what git declares for an app in an
 * environment, what its controller reports, how far it lags behind the
 * environment before it, and the findings that come out of comparing them.
 */

/** What a finding is about. `pending` is reported but never counts as drift. */
export const DRIFT_KINDS = [
  'missing-overlay',
  'unknown-app',
  'unreachable',
  'stale',
  'out-of-sync',
  'not-applied',
  'degraded',
  'images-differ',
  'skew',
  'pending',
] as const;
export type DriftKind = (typeof DRIFT_KINDS)[number];

export interface Finding {
  kind: DriftKind;
  message: string;
}

/** A finding placed in its environment and app; `key` stays the same while the finding lasts. */
export interface DriftItem extends Finding {
  key: string;
  environment: string;
  app: string;
  drift: boolean;
}

export function driftItem(environment: string, app: string, finding: Finding): DriftItem {
  return { ...finding, environment, app, key: `${finding.kind}:${environment}:${app}`, drift: finding.kind !== 'pending' };
}

/** The report's items: every finding of every app, in environment order then app order. */
export function driftItemsOf(environments: readonly EnvironmentReport[]): DriftItem[] {
  return environments.flatMap((env) => env.apps.flatMap((app) => app.findings.map((finding) => driftItem(env.name, app.app, finding))));
}

/** The config-repo commit the controllers should run. */
export interface BranchHead {
  branch: string;
  sha: string;
  /** Committer date (ms). */
  committedAt: number;
}

/** An image value in an overlay: the tag and digest its `images:` entry sets. */
export interface ImageValue {
  tag: string;
  digest: string;
}

export const formatImageValue = (value: ImageValue): string =>
  [value.tag, value.digest ? `@${value.digest.replace(/^(sha256:[0-9a-f]{12})[0-9a-f]+$/, '$1…')}` : ''].join('') || '(none)';

/** The images git declares for an app in an environment. */
export interface DeclaredImages {
  overlays: string[];
  /** Every image the overlays render to (or the `images:` entries when kustomize is not available). */
  images: string[];
  /** True when `images` comes from a full render, so an extra live image is a difference too. */
  rendered: boolean;
  /** The app's version here: its first configured image's tag and digest, and the kustomization file that sets them. */
  version?: ImageValue & { image: string; file: string };
}

/** What a controller reports for one app, flattened for the report. */
export interface ControllerView {
  controller: 'argocd' | 'flux';
  object: string;
  found: boolean;
  sync?: string;
  health?: string;
  revision?: string;
  images?: string[];
  reconciledAt?: string;
  autoSync?: boolean;
}

/** How an environment's version of an app stands against the one before it. */
export interface Skew {
  from: string;
  status: 'same' | 'behind' | 'ahead' | 'different-digest' | 'different';
  /** Distinct semver versions the earlier environment carried above this one's (status behind). */
  versionsBehind?: number;
  earlier: ImageValue;
  later: ImageValue;
  /** When the earlier environment got its current value (ISO), from the config repo's history. */
  earlierSince?: string;
  /** When this environment first fell behind the earlier one (ISO), for day limits. */
  behindSince?: string;
  daysBehind?: number;
  /** False when the history was cut short (a shallow clone). */
  historyComplete: boolean;
  promotionPr?: { number: number; url: string };
}

export interface AppReport {
  app: string;
  declared?: DeclaredImages;
  controller?: ControllerView;
  skew?: Skew;
  findings: Finding[];
}

export interface EnvironmentReport {
  name: string;
  from?: string;
  maxSkew?: string;
  /** The branch head the environment was read from, where it is not the report's. */
  head?: { branch: string; sha: string };
  /** The hold on the environment (a rollback's), when its file is there: `standing` false once its `until` has passed. */
  hold?: EnvironmentHold;
  apps: AppReport[];
}

/** A hold as the report shows it. */
export interface EnvironmentHold {
  file: string;
  who: string;
  when: string;
  why: string;
  until?: string;
  standing: boolean;
}

export interface DriftReport {
  generatedAt: string;
  head: { branch: string; sha: string };
  drifted: boolean;
  environments: EnvironmentReport[];
  items: DriftItem[];
  notes: string[];
}
