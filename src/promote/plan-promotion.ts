import { readFile } from 'node:fs/promises';
import type { PromotionConfig } from '../config/promotion-config.js';
import { resolveEnvironmentOverlays } from '../repo/environment-overlays.js';
import { parseKustomization } from '../kustomize/kustomization-document.js';
import { dropUnrenderedNewEntries } from './unrendered-entries.js';
import { pairApps, planAppPromotion, sourceImages, type AppPromotion, type PromotionSource } from './promotion-plan.js';
import { editorFor } from '../pins/pin-editors.js';
import { planPinEdits, readPinFile } from '../pins/plan-pin-edits.js';
import { pinLabel } from '../pins/pin-types.js';
import type { Pin } from '../types.js';
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
      const pins = appPins(config, pair.app, route);
      const sources = await Promise.all(
        pair.source.map(async (overlay) => ({ overlay, entries: parseKustomization(await readFile(overlay.absoluteFile, 'utf8'), overlay.file).entries })),
      );
      const images = sourceImages(pair.app, [...sources, ...(await pinnedSources(root, pins.source))]);
      const texts = new Map(await Promise.all(pair.target.map(async (overlay) => [overlay.file, await readFile(overlay.absoluteFile, 'utf8')] as const)));
      const promotion = planAppPromotion(pair, images, texts);
      // The target's pins get the same images, each by its own kind's semantics.
      return { ...promotion, edits: [...promotion.edits, ...(await planPinEdits(root, pins.target, images))] };
    }),
  );
  return options.renderCheck ? dropUnrenderedNewEntries(planned, options.renders) : planned;
}

/** An app's pins in the source and the target environment. */
function appPins(config: PromotionConfig, app: string, route: PromotionRoute): { source: Pin[]; target: Pin[] } {
  const environments = config.apps.find((candidate) => candidate.name === app)?.environments;
  return { source: environments?.[route.source.name]?.pins ?? [], target: environments?.[route.target.name]?.pins ?? [] };
}

/** What the source's pins hold, as sources of images beside its overlays (each pin named by its label). */
async function pinnedSources(root: string, pins: readonly Pin[]): Promise<PromotionSource[]> {
  return Promise.all(
    pins.map(async (pin) => {
      const held = editorFor(pin.kind).read(pin, await readPinFile(root, pin));
      return {
        overlay: { path: pinLabel(pin), file: pin.file },
        entries: held.map((image) => ({ name: image.name, ...image.values })),
      };
    }),
  );
}
