import which from 'which';
import { runProcess } from '../process/run-process.js';
import { parseYamlStream } from './rendered-yaml.js';

/**
 * Rendering overlays with the real kustomize: `kustomize build` when it is on
 * PATH, else `kubectl kustomize` (both ship on GitHub's hosted runners).
 */

export interface Renderer {
  /** The command line prefix, e.g. ['kubectl', 'kustomize']. */
  command: readonly string[];
  describe: string;
}

export type RenderResult = { ok: true; yaml: string } | { ok: false; error: string };

let cachedRenderer: Promise<Renderer | null> | undefined;

export function findRenderer(): Promise<Renderer | null> {
  // Looked up on PATH as the shell looks a program up, not asked for its version: starting a Go program to ask
  // held every first render back by some 40 ms.
  cachedRenderer ??= (async () => {
    if (await which('kustomize', { nothrow: true })) return { command: ['kustomize', 'build'], describe: 'kustomize build' };
    if (await which('kubectl', { nothrow: true })) return { command: ['kubectl', 'kustomize'], describe: 'kubectl kustomize' };
    return null;
  })();
  return cachedRenderer;
}

export async function renderOverlay(renderer: Renderer, directory: string, extraArgs: readonly string[] = []): Promise<RenderResult> {
  const [program, ...args] = renderer.command;
  const result = await runProcess(program, [...args, ...extraArgs, directory]);
  if (result.exitCode === 0) return { ok: true, yaml: result.stdout };
  const error = result.stderr.replace(/^E\d{4} [\d:.]+\s+\d+ \S+\] /gm, '').trim() || `exit code ${result.exitCode}`;
  return { ok: false, error };
}

/** One image field of a rendered resource and the reference it holds. */
export interface RenderedImageSite {
  /** The resource, as `Kind/name` or `Kind/namespace/name`. */
  resource: string;
  /** Where in the resource, such as `spec.template.spec.containers[0].image`. */
  field: string;
  reference: string;
}

/**
 * Every image reference in rendered manifests: each string under an `image`
 * key (containers, init and ephemeral containers, and the custom fields a
 * kustomization's `configurations:` can point the image transformer at, such as
 * a CRD's `spec.image`), and image volumes' `image.reference`.
 */
export function collectRenderedImages(yaml: string): string[] {
  return [...new Set(collectImageSites(yaml).map((site) => site.reference))].sort();
}

/**
 * The same references, each with where it sits, so that a render before an
 * edit and one after it can be compared field by field (an image edit moves
 * no resource and no container).
 */
export function collectImageSites(yaml: string): RenderedImageSite[] {
  const sites: RenderedImageSite[] = [];
  for (const root of parseYamlStream(yaml).values) {
    const resource = resourceName(root);
    const visit = (node: unknown, field: string): void => {
      if (Array.isArray(node)) {
        node.forEach((item, index) => {
          visit(item, `${field}[${index}]`);
        });
      } else if (isRecord(node)) {
        for (const [key, value] of Object.entries(node)) {
          const path = field ? `${field}.${key}` : key;
          if (key === 'image' && typeof value === 'string') sites.push({ resource, field: path, reference: value });
          else if (key === 'image' && isRecord(value) && typeof value.reference === 'string')
            sites.push({ resource, field: `${path}.reference`, reference: value.reference });
          else visit(value, path);
        }
      }
    };
    visit(root, '');
  }
  return sites;
}

function resourceName(root: unknown): string {
  if (!isRecord(root)) return '';
  const metadata = isRecord(root.metadata) ? root.metadata : {};
  const parts = [root.kind, metadata.namespace, metadata.name].filter((part): part is string => typeof part === 'string' && part !== '');
  return parts.join('/');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
