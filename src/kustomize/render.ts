import { parseAllDocuments } from 'yaml';
import { canRun, runProcess } from '../process/run-process.js';

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
  cachedRenderer ??= (async () => {
    if (await canRun('kustomize', ['version'])) return { command: ['kustomize', 'build'], describe: 'kustomize build' };
    if (await canRun('kubectl', ['version', '--client'])) return { command: ['kubectl', 'kustomize'], describe: 'kubectl kustomize' };
    return null;
  })();
  return cachedRenderer;
}

export async function renderOverlay(renderer: Renderer, directory: string, extraArgs: readonly string[] = []): Promise<RenderResult> {
  const [program, ...args] = renderer.command;
  const result = await runProcess(program!, [...args, ...extraArgs, directory]);
  if (result.exitCode === 0) return { ok: true, yaml: result.stdout };
  const error = result.stderr.replace(/^E\d{4} [\d:.]+\s+\d+ \S+\] /gm, '').trim() || `exit code ${result.exitCode}`;
  return { ok: false, error };
}

/**
 * Every image reference in rendered manifests: each string under an `image`
 * key (containers, init and ephemeral containers, and the custom fields a
 * kustomization's `configurations:` can point the image transformer at, such as
 * a CRD's `spec.image`), and image volumes' `image.reference`.
 */
export function collectRenderedImages(yaml: string): string[] {
  const found = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
    } else if (isRecord(node)) {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'image' && typeof value === 'string') found.add(value);
        else if (key === 'image' && isRecord(value) && typeof value.reference === 'string') found.add(value.reference);
        else visit(value);
      }
    }
  };
  for (const document of parseAllDocuments(yaml)) {
    if ('contents' in document) visit(document.toJS());
  }
  return [...found].sort();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
