import { describe, expect, test } from '@jest/globals';
import { parseImageArguments } from '../../src/kustomize/image-argument.js';
import { helmReleaseEditor, helmValuesEditor } from '../../src/pins/helm-values-editor.js';
import { expectOnlyValueLines, expectedAt, fixtureText, fixturesOf, pinOf, valueAt, VARIANTS } from '../helpers/helm-pin-fixtures.js';
import type { PinEditor } from '../../src/pins/pin-types.js';
import type { PinKind } from '../../src/types.js';

const EDITORS: Partial<Record<PinKind, PinEditor>> = { 'helm-values': helmValuesEditor, 'helm-release': helmReleaseEditor };

describe('real-world values files and HelmReleases (__tests__/fixtures/pins/helm)', () => {
  const cases = fixturesOf(['helm-values', 'helm-release']).flatMap(([file, entry]) =>
    entry.images.flatMap((image, index) =>
      VARIANTS.filter((variant) => variant.applies(image, entry.digestInTag ?? false)).map((variant) => ({ file, entry, image, index, variant })),
    ),
  );

  test.each(cases.map((c) => [`${c.file} #${c.index} ${c.image.name || '(by repository)'}: ${c.variant.label}`, c] as const))('%s', (_, c) => {
    const { file, entry, image, index, variant } = c;
    const editor = EDITORS[entry.kind] as PinEditor;
    const source = fixtureText(file);
    const pin = pinOf(file, entry, [image]);
    const [held] = editor.read(pin, source);
    expect(held.name).not.toBe('');
    const edit = editor.edit(pin, source, parseImageArguments([variant.argument(held.name)]));
    const after = variant.after(held.values);
    for (const [path, value] of expectedAt(image, after, entry.digestInTag ?? false)) {
      expect({ path, value: valueAt(entry.kind, edit.text, path) }).toEqual({ path, value });
    }
    expect(edit.changes).toHaveLength(1);
    expect(edit.changes[0].after).toEqual(after);
    expectOnlyValueLines(source, edit.text, 3);
    // Re-applying changes nothing; the other images of the file still read as before.
    const again = editor.edit(pin, edit.text, parseImageArguments([variant.argument(held.name)]));
    expect(again).toEqual({ text: edit.text, changes: [] });
    const everyImage = pinOf(file, entry);
    const others = (images: ReturnType<PinEditor['read']>) => images.filter((_, i) => i !== index).map((image) => image.values);
    expect(others(editor.read(everyImage, edit.text))).toEqual(others(editor.read(everyImage, source)));
  });
});
