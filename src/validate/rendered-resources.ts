import { resolve } from 'node:path';
import { parse } from 'yaml';
import { parseYamlStream } from '../kustomize/rendered-yaml.js';

/** The annotation kustomize's `originAnnotations` adds: where a resource was read from. */
export const ORIGIN_ANNOTATION = 'config.kubernetes.io/origin';

export type RenderedObject = Record<string, unknown>;

export interface ParsedRender {
  objects: RenderedObject[];
  /** Problems of the rendered stream itself (rare: kustomize emits valid YAML). */
  problems: string[];
}

/** Splits kustomize's output into objects. */
export function parseRenderedResources(yaml: string): ParsedRender {
  const { values, problems } = parseYamlStream(yaml);
  const objects: RenderedObject[] = [];
  for (const value of values) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) problems.push('a rendered document is not a mapping');
    else objects.push(value as RenderedObject);
  }
  return { objects, problems };
}

/**
 * What the API server would key an object by, as kustomize does: apiVersion,
 * kind, namespace and name. kustomize refuses two resources with the same one,
 * so in a render that succeeded it names one resource; it pairs a resource of
 * the plain render with the same resource of the render with origins.
 */
export function renderedIdentity(object: RenderedObject): string {
  const metadata = (typeof object.metadata === 'object' && object.metadata !== null ? object.metadata : {}) as Record<string, unknown>;
  return [object.apiVersion, object.kind, metadata.namespace, metadata.name].map((part) => (typeof part === 'string' ? part : '')).join('\u0000');
}

/**
 * The file each resource of a render with `originAnnotations` was read from
 * (for a generated one, the kustomization that generates it), by identity.
 * Paths in the annotation are relative to `originBase`, the folder rendered;
 * a resource from a remote base has none.
 */
export function readOrigins(tracedYaml: string, originBase: string): Map<string, string> {
  const origins = new Map<string, string>();
  for (const object of parseRenderedResources(tracedYaml).objects) {
    const metadata = object.metadata as { annotations?: Record<string, unknown> } | undefined;
    const text = metadata?.annotations?.[ORIGIN_ANNOTATION];
    if (typeof text !== 'string') continue;
    const origin = parse(text) as { path?: unknown; configuredIn?: unknown; repo?: unknown } | null;
    if (!origin || origin.repo) continue;
    const file = typeof origin.path === 'string' && origin.path !== '' ? origin.path : origin.configuredIn;
    if (typeof file === 'string' && file !== '') origins.set(renderedIdentity(object), resolve(originBase, file));
  }
  return origins;
}

/** A scalar field of a rendered object as text: '' when it is missing, null, a mapping or a list. */
export function fieldText(value: unknown): string {
  if (typeof value === 'string') return value;
  return typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' ? String(value) : '';
}
