import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RenderResult } from '../kustomize/render.js';
import type { EffectContext, EffectPart, PinVerification } from './effect-types.js';
import { firstLine } from './effect-messages.js';
import { pinLabel, type PinEdit } from './pin-types.js';

/**
 * A render that fails after the edit: the same render with the pin's file as
 * it was tells whether the edit broke it (a failure) or it never rendered
 * here (a warning: the check cannot judge the edit). `render` reads the
 * pin's file from the tree, and must not take a render slot itself: it runs
 * inside this one, alone, while the file holds its original text.
 */
export async function judgeFailedRender(
  context: EffectContext,
  edit: PinEdit,
  after: RenderResult & { ok: false },
  render: () => Promise<RenderResult>,
  what: string,
  verified: PinVerification,
): Promise<EffectPart> {
  const file = join(context.root, edit.pin.file);
  const before = await context.slots.alone(async () => {
    await writeFile(file, edit.original);
    try {
      return await render();
    } finally {
      await writeFile(file, edit.text);
    }
  });
  if (!before.ok) {
    return {
      verified: 'not-verifiable',
      details: `${what} does not render, with or without the edit.`,
      warnings: [`${pinLabel(edit.pin)}: ${what} did not render before the edit either (${firstLine(before.error)}), so the edit's effect is not checked.`],
    };
  }
  return { verified, details: '', failure: `${pinLabel(edit.pin)}: ${what} no longer renders after the edit: ${firstLine(after.error)}.` };
}
