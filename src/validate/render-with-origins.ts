import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { renderOverlay, type Renderer, type RenderResult } from '../kustomize/render.js';

/**
 * Renders an overlay through a throw-away wrapper kustomization that adds
 * kustomize's own `originAnnotations`, so every rendered resource says which
 * file it came from. The wrapper only adds that annotation (stripped again when
 * the resources are read); should it fail where the overlay alone would not,
 * the overlay is rendered as it is, so a render error always names the user's
 * own files.
 */
export interface TracedRender {
  result: RenderResult;
  /** The folder origin paths are relative to, or undefined when the render is untraced. */
  originBase: string | undefined;
}

export async function renderWithOrigins(renderer: Renderer, overlayDir: string, extraArgs: readonly string[]): Promise<TracedRender> {
  const wrapper = await mkdtemp(join(tmpdir(), 'gitops-promote-render-'));
  try {
    // kustomize refuses an absolute path as a resource; a relative one may climb out of the wrapper.
    const target = relative(wrapper, overlayDir).split(sep).join('/');
    await writeFile(join(wrapper, 'kustomization.yaml'), `resources:\n- ${JSON.stringify(target)}\nbuildMetadata: [originAnnotations]\n`);
    const traced = await renderOverlay(renderer, wrapper, extraArgs);
    if (traced.ok) return { result: traced, originBase: wrapper };
  } finally {
    await rm(wrapper, { recursive: true, force: true });
  }
  return { result: await renderOverlay(renderer, overlayDir, extraArgs), originBase: undefined };
}
