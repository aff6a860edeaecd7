import { splitImageReference } from '../kustomize/image-reference.js';
import type { FindingRule } from './findings.js';
import { fieldText } from './rendered-resources.js';
import type { EnvironmentPolicy } from '../types.js';

/**
 * The checks users expect before a promotion, beyond the schemas: every image
 * pinned by a tag or digest, no `latest` (and, when required, a digest) where
 * the environment is protected, and no two resources with the same identity.
 */

export interface PolicyIssue {
  rule: FindingRule;
  /** The image's name (without tag or digest), to find the `images:` entry that set it. */
  image?: string;
  pointer: string;
  message: string;
}

const CONTAINER_LISTS = new Set(['containers', 'initContainers', 'ephemeralContainers']);
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-fA-F0-9]{32,}$/;

/** Every container image of a resource with the JSON pointer of its `image` field, wherever the pod template sits. */
export function findImages(object: unknown): Array<{ pointer: string; image: string }> {
  const found: Array<{ pointer: string; image: string }> = [];
  // The path of the node visited; a pointer is built only for an image found, not for every node.
  const path: string[] = [];
  const visit = (node: object, key: string): void => {
    if (Array.isArray(node)) {
      const containers = CONTAINER_LISTS.has(key);
      (node as unknown[]).forEach((item, index) => {
        if (typeof item !== 'object' || item === null) return;
        path.push(String(index));
        if (containers && 'image' in item) found.push({ pointer: pointerOf([...path, 'image']), image: imageText(item.image) });
        visit(item, '');
        path.pop();
      });
      return;
    }
    for (const [childKey, child] of Object.entries(node as Record<string, unknown>)) {
      // A scalar holds no container list.
      if (typeof child !== 'object' || child === null) continue;
      path.push(childKey);
      visit(child, childKey);
      path.pop();
    }
  };
  if (typeof object === 'object' && object !== null) visit(object, '');
  return found;
}

function pointerOf(segments: readonly string[]): string {
  return segments.map((segment) => `/${segment.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** An image field as text; a value of another type is a schema error that the schema check reports. */
function imageText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
}

export function checkImages(object: unknown, policy: EnvironmentPolicy): PolicyIssue[] {
  const issues: PolicyIssue[] = [];
  for (const { pointer, image } of findImages(object)) {
    const { name, tag, digest } = splitImageReference(image.trim());
    if (image.trim() === '') {
      issues.push({ rule: 'image-reference', pointer, message: 'a container has an empty image' });
      continue;
    }
    if (digest && !DIGEST.test(digest)) {
      issues.push({
        rule: 'image-reference',
        pointer,
        message: `image '${image}' has a malformed digest '${digest}' (expected algorithm:hex, such as sha256:…)`,
      });
    }
    if (!tag && !digest) {
      issues.push({
        rule: 'image-reference',
        pointer,
        message: `image '${image}' has neither a tag nor a digest, so it means whatever 'latest' is when pulled; pin a tag or a digest`,
      });
      continue;
    }
    if (policy.protected && tag === 'latest') {
      issues.push({
        rule: 'latest-tag',
        image: name,
        pointer,
        message: `image '${image}' uses the 'latest' tag, which a protected environment does not allow; pin a version or a digest`,
      });
    }
    if (policy.protected && policy.requireDigest && !digest) {
      issues.push({
        rule: 'digest-required',
        image: name,
        pointer,
        message: `image '${image}' has no digest, which this protected environment requires (require-digest); set one with name@sha256:…`,
      });
    }
  }
  return issues;
}

/**
 * The identity the API server keys an object by. kustomize already refuses two
 * resources with the same group, kind, namespace and name, but it tells apart
 * what the cluster does not: `extensions` and `apps` name the same Deployment,
 * and a resource with no namespace lands in `default`, beside one that says so.
 * (A cluster-scoped kind never carries a namespace, so it keys by name.)
 */
export function resourceIdentity(object: Record<string, unknown>): string {
  const apiVersion = fieldText(object.apiVersion);
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
  const builtIn = !group.includes('.') || group.endsWith('.k8s.io');
  const metadata = (object.metadata ?? {}) as { name?: unknown; namespace?: unknown };
  const namespace = typeof metadata.namespace === 'string' && metadata.namespace !== '' ? metadata.namespace : 'default';
  return `${builtIn ? '' : group}|${fieldText(object.kind)}|${namespace}|${fieldText(metadata.name)}`;
}

/** Indices of resources that repeat an earlier one's identity, with the index of that first one. */
export function findDuplicates(objects: readonly Record<string, unknown>[]): Array<{ index: number; firstIndex: number }> {
  const first = new Map<string, number>();
  const duplicates: Array<{ index: number; firstIndex: number }> = [];
  objects.forEach((object, index) => {
    const identity = resourceIdentity(object);
    const seen = first.get(identity);
    if (seen === undefined) first.set(identity, index);
    else duplicates.push({ index, firstIndex: seen });
  });
  return duplicates;
}
