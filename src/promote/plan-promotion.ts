import { readFile } from 'node:fs/promises';
import type { PromotionConfig } from '../config/promotion-config.js';
import { resolveEnvironmentOverlays } from '../repo/environment-overlays.js';
import { parseKustomization } from '../kustomize/kustomization-document.js';
import { dropUnrenderedNewEntries } from './unrendered-entries.js';
import { pairApps, planAppPromotion, sourceImages, type AppPromotion } from './promotion-plan.js';
import type { PromotionRoute } from './promotion-route.js';
import type { RenderCache } from '../kustomize/render-cache.js';

/**
 * Reads the source and target overlays of a snapshot and plans the target
 * edits, per app. With the render check, a target that gets a new entry is
 * rendered as it is, through `renders` when given (valid while the snapshot's
 * files stay as they are).
 */
export async function planPromotion(
  root: string,
  config: PromotionConfig,
  route: PromotionRoute,
  options: { apps: readonly string[]; renderCheck: boolean; renders?: RenderCache },
): Promise<AppPromotion[]> {
  const pairs = pairApps(
    resolveEnvironmentOverlays(root, config, route.source, 'from'),
    resolveEnvironmentOverlays(root, config, route.target, 'to'),
    options.apps,
  );
  const planned = await Promise.all(
    pairs.map(async (pair) => {
      const sources = await Promise.all(
        pair.source.map(async (overlay) => ({ overlay, entries: parseKustomization(await readFile(overlay.absoluteFile, 'utf8'), overlay.file).entries })),
      );
      const images = sourceImages(pair.app, sources);
      const texts = new Map(await Promise.all(pair.target.map(async (overlay) => [overlay.file, await readFile(overlay.absoluteFile, 'utf8')] as const)));
      return planAppPromotion(pair, images, texts);
    }),
  );
  return options.renderCheck ? dropUnrenderedNewEntries(planned, options.renders) : planned;
}
