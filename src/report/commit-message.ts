import type { RunContext } from '../types.js';
import type { OverlayChange } from '../types.js';

export const DEFAULT_COMMIT_MESSAGE = [
  'Set {images} in {overlays}',
  '',
  '{changes}',
  '',
  'App commit: {repository}@{sha}',
  'Run: {run-url}',
  'Triggered by: {actor}',
].join('\n');

/** What of the run a commit message names (empty strings outside Actions). */
export type CommitContext = Pick<RunContext, 'sha' | 'actor' | 'workflowRepository' | 'runUrl'>;

/**
 * Fills the template. A line whose placeholders are all empty (no run URL
 * outside Actions, say) is dropped rather than left dangling.
 */
export function renderCommitMessage(template: string, changes: readonly OverlayChange[], context: CommitContext): string {
  const images = [...new Set(changes.map((change) => `${change.image}=${change.new}`))];
  const overlays = [...new Set(changes.map((change) => change.overlay))];
  const values: Record<string, string> = {
    images: images.length <= 3 ? images.join(', ') : `${images.length} images`,
    overlays: overlays.length <= 3 ? overlays.join(', ') : `${overlays.length} overlays`,
    changes: changes.map((change) => `- ${change.overlay}: ${change.image} ${change.old || '(new entry)'} -> ${change.new}`).join('\n'),
    sha: context.sha,
    actor: context.actor,
    repository: context.workflowRepository,
    'run-url': context.runUrl,
  };
  const lines = template.split('\n').flatMap((line) => {
    const names = [...line.matchAll(/\{([a-z-]+)\}/g)].map((match) => match[1]).filter((name) => name in values);
    if (names.length > 0 && names.every((name) => values[name] === '')) return [];
    return [line.replace(/\{([a-z-]+)\}/g, (whole, name: string) => values[name] ?? whole)];
  });
  return (
    lines
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim() + '\n'
  );
}
