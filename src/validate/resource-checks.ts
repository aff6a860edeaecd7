import { describeResource, type Finding } from './findings.js';
import { removedIn, type KubernetesVersion } from './kubernetes-versions.js';
import { checkImages, findDuplicates } from './policy-checks.js';
import type { RenderedObject } from './rendered-resources.js';
import type { SchemaCatalog } from './schema-catalog.js';
import { checkAgainstSchema } from './schema-validation.js';
import type { SourceLocation, SourceLocator } from './source-lines.js';
import type { EnvironmentPolicy } from '../types.js';

/**
 * The offline checks of one overlay's rendered objects: schemas, Kubernetes
 * versions, image policy and duplicates. Each finding says where it belongs
 * (a field or the whole of a rendered object, or a file and line already
 * known); the caller turns that into a file and line, which for a rendered
 * object needs to know which file it came from, a second render that a clean
 * overlay never pays.
 */

export type FindingPlace =
  /** `pointer` of the object: the patch that sets it, else the object's own file. */
  | { kind: 'field'; object: RenderedObject; pointer: string }
  /** The object's first line. */
  | { kind: 'resource'; object: RenderedObject }
  /** A duplicate's first line; its message names where `first`, the object it repeats, is (duplicateMessage). */
  | { kind: 'duplicate'; object: RenderedObject; first: RenderedObject }
  | { kind: 'file'; location: SourceLocation };

export interface PendingFinding {
  finding: Omit<Finding, 'file' | 'line'>;
  place: FindingPlace;
}

export interface ResourceCheckContext {
  version: KubernetesVersion;
  catalog: SchemaCatalog;
  locator: SourceLocator;
  ignoreMissingSchemas: boolean;
  policy: EnvironmentPolicy;
  /** The overlay folder, to find the `images:` entry that sets an image. */
  overlayDir: string;
}

export function checkResources(context: ResourceCheckContext, objects: readonly RenderedObject[]): PendingFinding[] {
  const pending: PendingFinding[] = [];
  const bundle = context.catalog.bundleSchemas(objects);
  const about = (object: RenderedObject, pointer: string | undefined, finding: Omit<Finding, 'resource' | 'file' | 'line'>): void => {
    pending.push({
      finding: { ...finding, resource: describeResource(object) },
      place: pointer === undefined ? { kind: 'resource', object } : { kind: 'field', object, pointer },
    });
  };

  for (const object of objects) {
    const { apiVersion, kind } = object;
    if (typeof apiVersion !== 'string' || typeof kind !== 'string' || apiVersion === '' || kind === '') {
      about(object, undefined, { severity: 'error', rule: 'schema', message: 'the resource has no apiVersion or no kind' });
      continue;
    }
    const removed = removedIn(apiVersion, kind, context.version);
    if (removed !== undefined) {
      about(object, '/apiVersion', { severity: 'error', rule: 'kubernetes-version', message: removedMessage(context, apiVersion, kind, removed) });
      continue;
    }
    const validate = context.catalog.validatorFor(apiVersion, kind, bundle);
    if (validate) {
      for (const issue of checkAgainstSchema(validate, object)) about(object, issue.pointer, { severity: 'error', rule: 'schema', message: issue.message });
    } else {
      const unknown = unknownKind(context, apiVersion, kind);
      about(object, unknown.pointer, {
        severity: context.ignoreMissingSchemas && !unknown.sameGroup ? 'warning' : 'error',
        rule: 'unknown-kind',
        message: unknown.message,
      });
    }
    for (const issue of checkImages(object, context.policy)) {
      const field = issue.rule === 'digest-required' ? 'digest' : 'newTag';
      const entry = issue.image ? context.locator.locateImageEntry(context.overlayDir, issue.image, field) : undefined;
      if (entry) {
        pending.push({
          finding: { severity: 'error', rule: issue.rule, message: issue.message, resource: describeResource(object) },
          place: { kind: 'file', location: entry },
        });
      } else {
        about(object, issue.pointer, { severity: 'error', rule: issue.rule, message: issue.message });
      }
    }
  }
  for (const { index, firstIndex } of findDuplicates(objects)) {
    pending.push({
      finding: {
        severity: 'error',
        rule: 'duplicate-resource',
        message: duplicateMessage(undefined),
        resource: describeResource(objects[index]),
      },
      place: { kind: 'duplicate', object: objects[index], first: objects[firstIndex] },
    });
  }
  return pending;
}

/** `firstAt`: where the first definition is, as `file:line`. */
export function duplicateMessage(firstAt: string | undefined): string {
  const first = firstAt ? ` (first defined in ${firstAt})` : '';
  return `defined twice in the rendered overlay${first}; the second would overwrite the first in the cluster`;
}

function removedMessage(context: ResourceCheckContext, apiVersion: string, kind: string, removed: number): string {
  const current = context.catalog.apiVersionsOf(kind).filter((candidate) => removedIn(candidate, kind, context.version) === undefined);
  const hint = current.length > 0 ? `; use ${current.join(' or ')}` : '';
  return `${apiVersion} ${kind} is no longer served since Kubernetes 1.${removed} (kubernetes-version is ${context.version.text})${hint}`;
}

/** A kind with no schema: another version of the same group's kind is a typo or an old version; a kind of another group is a different kind. */
function unknownKind(context: ResourceCheckContext, apiVersion: string, kind: string): { message: string; pointer: string; sameGroup: boolean } {
  const group = (value: string): string => (value.includes('/') ? value.split('/')[0] : '');
  const elsewhere = context.catalog.apiVersionsOf(kind).filter((candidate) => removedIn(candidate, kind, context.version) === undefined);
  const sameGroup = elsewhere.filter((candidate) => group(candidate) === group(apiVersion));
  if (sameGroup.length > 0) {
    return {
      message: `unknown apiVersion '${apiVersion}' for kind ${kind}; the schemas know ${sameGroup.join(', ')}`,
      pointer: '/apiVersion',
      sameGroup: true,
    };
  }
  const hint = elsewhere.length > 0 ? ` (the schemas know ${kind} as ${elsewhere.join(', ')})` : '';
  return {
    message:
      `no schema for ${apiVersion} ${kind}: an unknown kind, or a custom resource whose CRD schema is not given ` +
      `(add it to schema-locations, or set ignore-missing-schemas: true)${hint}`,
    pointer: '/kind',
    sameGroup: false,
  };
}

/** Whether placing the finding needs to know which file each rendered object came from. */
export function needsOrigins(pending: PendingFinding): boolean {
  return pending.place.kind !== 'file';
}
