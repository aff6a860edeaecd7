import { resolve } from 'node:path';
import { parseAllDocuments, parse } from 'yaml';

/** The annotation kustomize's `originAnnotations` adds; removed before anything validates the object. */
export const ORIGIN_ANNOTATION = 'config.kubernetes.io/origin';

export interface RenderedResource {
  object: Record<string, unknown>;
  /** Absolute path of the file the resource was read from (for a generated one, the kustomization that generates it). */
  originFile?: string;
  /** True for a resource made by a generator (configMapGenerator, secretGenerator, helmCharts…). */
  generated: boolean;
}

export interface ParsedRender {
  resources: RenderedResource[];
  /** Problems of the rendered stream itself (rare: kustomize emits valid YAML). */
  problems: string[];
}

/** Splits kustomize's output into objects and reads back (and removes) each one's origin annotation. */
export function parseRenderedResources(yaml: string, originBase: string | undefined): ParsedRender {
  const resources: RenderedResource[] = [];
  const problems: string[] = [];
  for (const document of parseAllDocuments(yaml)) {
    if (!('contents' in document)) continue;
    if (document.errors.length > 0) {
      problems.push(document.errors[0].message);
      continue;
    }
    const object = document.toJS() as unknown;
    if (object === null || object === undefined) continue;
    if (typeof object !== 'object' || Array.isArray(object)) {
      problems.push('a rendered document is not a mapping');
      continue;
    }
    resources.push(takeOrigin(object as Record<string, unknown>, originBase));
  }
  return { resources, problems };
}

function takeOrigin(object: Record<string, unknown>, originBase: string | undefined): RenderedResource {
  const metadata = object.metadata as Record<string, unknown> | undefined;
  const annotations = metadata?.annotations as Record<string, unknown> | undefined;
  const text = annotations?.[ORIGIN_ANNOTATION];
  if (!metadata || !annotations || typeof text !== 'string') return { object, generated: false };
  delete annotations[ORIGIN_ANNOTATION];
  if (Object.keys(annotations).length === 0) delete metadata.annotations;
  const origin = parse(text) as { path?: string; configuredIn?: string; repo?: string } | null;
  if (!originBase || !origin || origin.repo) return { object, generated: false };
  if (origin.path) return { object, originFile: resolve(originBase, origin.path), generated: false };
  if (origin.configuredIn) return { object, originFile: resolve(originBase, origin.configuredIn), generated: true };
  return { object, generated: false };
}
