import { UserError } from '../errors.js';
import { resolveOverlays } from './overlay-paths.js';
import type { Environment, PromotionConfig } from '../config/promotion-config.js';
import type { Overlay } from '../types.js';

export const APP_PLACEHOLDER = '{app}';

/** One app's overlays in one environment (`app` is '' for an environment without the placeholder). */
export interface AppOverlays {
  app: string;
  overlays: Overlay[];
}

/**
 * The overlays of an environment, per app. `{app}` in a pattern is filled from
 * the config's apps, or, when it lists none, discovered from the folders that
 * match with `{app}` read as `*`. An app's own `overlays` for the environment win.
 * An environment without overlays (its apps pin images through pins) has none.
 */
export function resolveEnvironmentOverlays(root: string, config: PromotionConfig, env: Environment, input = 'environment'): AppOverlays[] {
  const templated = env.overlays.some((pattern) => pattern.includes(APP_PLACEHOLDER));
  if (!templated) {
    const own = config.apps.filter((app) => app.environments[env.name]?.overlays);
    if (own.length === 0 && env.overlays.length > 0) return [{ app: '', overlays: resolveOverlays(root, env.overlays, input) }];
  }
  const appNames = config.apps.length > 0 ? config.apps.map((app) => app.name) : discoverApps(root, env.overlays, input);
  return appNames.map((app) => {
    const patterns = config.apps.find((candidate) => candidate.name === app)?.environments[env.name]?.overlays ?? env.overlays;
    // No overlays for this app here: it pins its images only through pins.
    if (patterns.length === 0) return { app, overlays: [] };
    try {
      return {
        app,
        overlays: resolveOverlays(
          root,
          patterns.map((pattern) => pattern.replaceAll(APP_PLACEHOLDER, app)),
          input,
        ),
      };
    } catch (error) {
      throw new UserError(`Environment '${env.name}', app '${app}': ${(error as Error).message}`);
    }
  });
}

function discoverApps(root: string, patterns: readonly string[], input: string): string[] {
  const apps = new Set<string>();
  for (const pattern of patterns.filter((candidate) => candidate.includes(APP_PLACEHOLDER))) {
    const capture = templateMatcher(pattern);
    for (const overlay of resolveOverlays(root, [pattern.replaceAll(APP_PLACEHOLDER, '*')], input)) {
      const app = capture.exec(overlay.path)?.[1];
      if (app) apps.add(app);
    }
  }
  return [...apps].sort();
}

/** A regular expression that matches a template's paths and captures the `{app}` part. */
export function templateMatcher(pattern: string): RegExp {
  const source = pattern
    .replace(/^\.\//, '')
    .split(APP_PLACEHOLDER)
    .map((part) =>
      part
        .replace(/[.+^$()|[\]\\]/g, '\\$&')
        .replace(/\*\*/g, '\u0000')
        .replace(/\*/g, '[^/]*')
        .replace(/\?/g, '[^/]')
        // eslint-disable-next-line no-control-regex -- NUL stands in for `**` while single `*` is replaced; no path holds one.
        .replace(/\u0000/g, '.*'),
    )
    .join('([^/]+)');
  return new RegExp(`^${source}$`);
}
