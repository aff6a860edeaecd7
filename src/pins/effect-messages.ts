import { splitImageReference } from '../kustomize/image-reference.js';
import { describeExpected, type ExpectedImage } from '../kustomize/render-check.js';
import type { Pin } from '../types.js';
import { pinLabel } from './pin-types.js';

/** The one line of a failed check: the pin, the image, and what the render showed instead. */
export function notInEffect(pin: Pin, expected: ExpectedImage, instead: string): string {
  return `${pinLabel(pin)}: ${describeExpected(expected)} does not take effect: ${instead}.`;
}

/** What a render holds of the image (its references of that name), or all it holds when none has the name. */
export function describeRenderedImages(where: string, rendered: readonly string[], expected: ExpectedImage): string {
  const same = rendered.filter((reference) => splitImageReference(reference).name === expected.name);
  if (same.length > 0) return `${where} renders ${same.join(', ')}`;
  if (rendered.length === 0) return `${where} renders no images`;
  return `${where} renders no ${expected.name} image (it renders ${rendered.join(', ')})`;
}

/** The first non-blank line of a tool's error output. */
export function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim() ?? text
  );
}

/** A part's failures as its one failure sentence, or undefined when there are none. */
export function joinFailures(failures: readonly string[]): string | undefined {
  return failures.length > 0 ? failures.join(' ') : undefined;
}
