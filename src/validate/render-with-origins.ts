import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { renderOverlay, type Renderer } from '../kustomize/render.js';
import { readOrigins } from './rendered-resources.js';

/**
 * Where each resource of an overlay was read from, by identity (see
 * renderedIdentity): the overlay rendered again through a throw-away wrapper
 * kustomization that adds kustomize's own `originAnnotations`. Validation
 * renders every overlay plainly and asks this only of an overlay with a
 * finding to place on a file and line, since the wrapper costs a second
 * render. Undefined when the wrapper does not render (the plain render did,
 * so the finding then points at the overlay's kustomization).
 */
export async function renderOrigins(renderer: Renderer, overlayDir: string, extraArgs: readonly string[]): Promise<Map<string, string> | undefined> {
  const wrapper = await mkdtemp(join(tmpdir(), 'gitops-promote-render-'));
  try {
    // kustomize refuses an absolute path as a resource; a relative one may climb out of the wrapper.
    const target = relative(wrapper, overlayDir).split(sep).join('/');
    await writeFile(join(wrapper, 'kustomization.yaml'), `resources:\n- ${JSON.stringify(target)}\nbuildMetadata: [originAnnotations]\n`);
    const traced = await renderOverlay(renderer, wrapper, extraArgs);
    return traced.ok ? readOrigins(traced.yaml, wrapper) : undefined;
  } finally {
    await rm(wrapper, { recursive: true, force: true });
  }
}
