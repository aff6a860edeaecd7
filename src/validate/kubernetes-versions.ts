import { InputError } from '../errors.js';

/**
 * What `kubernetes-version` changes. The shipped schemas describe one recent
 * Kubernetes (see scripts/build-schemas.ts) and, like kubernetes-models, keep
 * the old beta API versions too; a cluster stops serving those at a known
 * minor, listed here from the Kubernetes deprecated API migration guide.
 */

export const DEFAULT_KUBERNETES_VERSION = '1.34';

export interface KubernetesVersion {
  major: number;
  minor: number;
  text: string;
}

export function parseKubernetesVersion(text: string, input = 'kubernetes-version'): KubernetesVersion {
  const match = /^v?(\d+)\.(\d+)(?:\.\d+)?$/.exec(text.trim());
  if (!match) throw new InputError(input, `expected a Kubernetes version such as 1.34 or v1.34.2, got '${text}'.`);
  const major = Number(match[1]);
  const minor = Number(match[2]);
  return { major, minor, text: `${major}.${minor}` };
}

/** `group/version` (or `group/version/Kind` for a single kind) → the minor that no longer serves it. */
const REMOVED_IN: ReadonlyArray<readonly [string, number]> = [
  ['extensions/v1beta1/Deployment', 16],
  ['extensions/v1beta1/DaemonSet', 16],
  ['extensions/v1beta1/ReplicaSet', 16],
  ['extensions/v1beta1/NetworkPolicy', 16],
  ['extensions/v1beta1/PodSecurityPolicy', 16],
  ['apps/v1beta1', 16],
  ['apps/v1beta2', 16],
  ['extensions/v1beta1', 22],
  ['networking.k8s.io/v1beta1', 22],
  ['admissionregistration.k8s.io/v1beta1', 22],
  ['apiextensions.k8s.io/v1beta1', 22],
  ['apiregistration.k8s.io/v1beta1', 22],
  ['authentication.k8s.io/v1beta1', 22],
  ['authorization.k8s.io/v1beta1', 22],
  ['certificates.k8s.io/v1beta1', 22],
  ['coordination.k8s.io/v1beta1', 22],
  ['rbac.authorization.k8s.io/v1beta1', 22],
  ['scheduling.k8s.io/v1beta1', 22],
  ['storage.k8s.io/v1beta1/CSIDriver', 22],
  ['storage.k8s.io/v1beta1/CSINode', 22],
  ['storage.k8s.io/v1beta1/StorageClass', 22],
  ['storage.k8s.io/v1beta1/VolumeAttachment', 22],
  ['batch/v1beta1', 25],
  ['discovery.k8s.io/v1beta1', 25],
  ['events.k8s.io/v1beta1', 25],
  ['autoscaling/v2beta1', 25],
  ['policy/v1beta1', 25],
  ['node.k8s.io/v1beta1', 25],
  ['autoscaling/v2beta2', 26],
  ['flowcontrol.apiserver.k8s.io/v1beta1', 26],
  ['storage.k8s.io/v1beta1/CSIStorageCapacity', 27],
  ['flowcontrol.apiserver.k8s.io/v1beta2', 29],
  ['flowcontrol.apiserver.k8s.io/v1beta3', 32],
];

/** The minor that stopped serving `apiVersion` `kind`, when `version` is at or past it. */
export function removedIn(apiVersion: string, kind: string, version: KubernetesVersion): number | undefined {
  if (version.major !== 1) return undefined;
  const exact = REMOVED_IN.find(([key]) => key === `${apiVersion}/${kind}`);
  const whole = REMOVED_IN.find(([key]) => key === apiVersion);
  const minor = exact?.[1] ?? whole?.[1];
  return minor !== undefined && version.minor >= minor ? minor : undefined;
}
