/**
 * What validation produces: findings per overlay, gathered into one report.
 * Every other validate module either makes findings or presents them.
 */

export type Severity = 'error' | 'warning' | 'notice';

/** What kind of check produced a finding; also the JUnit test case's class. */
export type FindingRule =
  | 'render'
  | 'yaml'
  | 'schema'
  | 'unknown-kind'
  | 'kubernetes-version'
  | 'image-reference'
  | 'latest-tag'
  | 'digest-required'
  | 'duplicate-resource'
  | 'server-dry-run'
  | 'pin';

export interface Finding {
  severity: Severity;
  rule: FindingRule;
  message: string;
  /** `Kind/namespace/name` (or `Kind/name`) of the resource, when the finding is about one. */
  resource?: string;
  /** The file the finding comes from, relative to the config repo root. */
  file?: string;
  /** 1-based line in that file. */
  line?: number;
}

export interface OverlayReport {
  /** The overlay folder, relative to the config repo root. */
  overlay: string;
  /** Its kustomization file, relative to the config repo root. */
  file: string;
  resources: number;
  errors: Finding[];
  warnings: Finding[];
  /** Explanations that are neither errors nor warnings (known limits of a server dry-run). */
  notices: Finding[];
  renderMs: number;
  /** Wall time of the checks (parsing the render, schemas, policies, placing findings), to the hundredth of a ms. */
  validateMs: number;
  /**
   * The CPU time the checks took on the thread that ran them: their own cost, which the wall time also holds
   * when the renders of other overlays share the cores with them.
   */
  validateCpuMs: number;
  serverDryRunMs?: number;
}

export interface ValidationReport {
  valid: boolean;
  overlays: OverlayReport[];
  kubernetesVersion: string;
  serverDryRun: boolean;
}

export function addFinding(report: OverlayReport, finding: Finding): void {
  if (finding.severity === 'error') report.errors.push(finding);
  else if (finding.severity === 'warning') report.warnings.push(finding);
  else report.notices.push(finding);
}

export function emptyOverlayReport(overlay: string, file: string): OverlayReport {
  return { overlay, file, resources: 0, errors: [], warnings: [], notices: [], renderMs: 0, validateMs: 0, validateCpuMs: 0 };
}

/** `Kind/namespace/name`, the way kubectl names an object in its messages. */
export function describeResource(object: { kind?: unknown; metadata?: { name?: unknown; namespace?: unknown } }): string {
  const kind = typeof object.kind === 'string' ? object.kind : '(no kind)';
  const name = typeof object.metadata?.name === 'string' ? object.metadata.name : '(no name)';
  const namespace = typeof object.metadata?.namespace === 'string' ? object.metadata.namespace : '';
  return namespace ? `${kind}/${namespace}/${name}` : `${kind}/${name}`;
}
