import { posix } from 'node:path';
import picomatch from 'picomatch';
import { MANIFEST_GENERATE_PATHS, type ArgoApplication } from './argocd-types.js';

/**
 * Argo CD's `manifest-generate-paths` annotation, read as Argo CD reads it:
 * semicolon-separated paths, absolute ones from the repo root, relative ones
 * from each source's `path`; a changed file counts when it is one of them,
 * lies under one, or matches one as a glob (Go's filepath.Match: `*` stops at `/`).
 */

/** The repo-root paths (no leading slash) whose changes make Argo CD regenerate the app, or undefined without the annotation. */
export function manifestGeneratePaths(app: ArgoApplication): string[] | undefined {
  const value = app.metadata.annotations?.[MANIFEST_GENERATE_PATHS];
  if (value === undefined || value === '') return undefined;
  // As Argo CD's GetSources: `sources` when it has entries, else `source`.
  const sources = app.spec?.sources?.length ? app.spec.sources : app.spec?.source ? [app.spec.source] : [];
  return value
    .split(';')
    .filter((item) => item !== '')
    .flatMap((item) => (item.startsWith('/') ? [item.slice(1)] : sources.map((source) => posix.normalize(posix.join(source.path ?? '', item)))));
}

/** Whether any of `files` (repo-relative) falls under `paths` as Argo CD decides it. */
export function filesTouchPaths(paths: readonly string[], files: readonly string[]): boolean {
  const rooted = paths.map(cleanRooted);
  const globs = rooted.map((path) => picomatch(goPattern(path), { dot: true, noglobstar: true, nobrace: true, noextglob: true, nonegate: true }));
  return files.some((file) => {
    const absolute = cleanRooted(file);
    return rooted.some((path, index) => absolute === path || absolute.startsWith(path === '/' ? '/' : `${path}/`) || globs[index](absolute));
  });
}

/** A path from the repo root with a leading slash and no trailing one, as Go's filepath.Clean leaves it. */
function cleanRooted(path: string): string {
  const clean = posix.normalize(`/${path}`);
  return clean.length > 1 ? clean.replace(/\/+$/, '') : clean;
}

/** Go's filepath.Match knows only `*`, `?`, `[...]` and `\\`: picomatch's other special characters are literal there. */
function goPattern(path: string): string {
  return path.replace(/[(){}|+@!]/g, '\\$&');
}
