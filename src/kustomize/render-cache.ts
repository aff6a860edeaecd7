import { renderOverlay, type Renderer, type RenderResult } from './render.js';

/**
 * The renders of one check of edited overlays, shared by its parts: the render
 * check and validation each ask for an overlay's render, and kustomize runs
 * once. A render depends on the files, so a cache lives only while they stay
 * as they are (checkEdits makes one after writing the edits, and drops it
 * before putting the files back); a render of other text (the downgrade
 * guard's render before the edit) never goes through it. promote keeps a
 * second one of the files as they were, which its planning fills and the
 * pull request's rendered diff reads: they hold that text again by then.
 */
export class RenderCache {
  private readonly renders = new Map<string, Promise<RenderResult>>();

  /** The overlay's render with these flags, made on the first ask. */
  render(renderer: Renderer, directory: string, extraArgs: readonly string[] = []): Promise<RenderResult> {
    const key = JSON.stringify([...renderer.command, ...extraArgs, directory]);
    let render = this.renders.get(key);
    if (!render) {
      render = renderOverlay(renderer, directory, extraArgs);
      this.renders.set(key, render);
    }
    return render;
  }
}
