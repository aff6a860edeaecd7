import { describe, expect, test } from '@jest/globals';
import { foldersToRender, type RenderedFolder } from '../../src/promote/rendered-diff.js';
import type { FileEdit, ImageEntryChange } from '../../src/types.js';

const ROOT = '/repo';
const CHANGE: ImageEntryChange = {
  name: 'web',
  argument: 'web=*:1.5.0',
  before: { newName: '', newTag: '1.4.0', digest: '' },
  after: { newName: '', newTag: '1.5.0', digest: '' },
  dropped: [],
};

function overlayEdit(path: string, changed = true, isComponent = false): FileEdit {
  const file = `${path}/kustomization.yaml`;
  const overlay = { path, file, absolutePath: `${ROOT}/${path}`, absoluteFile: `${ROOT}/${file}` };
  return { overlay, original: '', text: '', changes: changed ? [CHANGE] : [], entries: [], isComponent };
}

/** A pin's FileEdit as planPinEdits makes it: its overlay is the file's folder, labelled by the pin. */
function pinEdit(kind: string, file: string): FileEdit {
  const folder = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
  const overlay = { path: `${kind}: ${file}`, file, absolutePath: folder ? `${ROOT}/${folder}` : ROOT, absoluteFile: `${ROOT}/${file}` };
  const pin = { kind: 'image-setters' as const, file, images: [], digestInTag: false };
  return {
    overlay,
    original: '',
    text: '',
    changes: [CHANGE],
    entries: [],
    isComponent: false,
    pins: [{ pin, changes: [{ ...CHANGE, location: '', line: 1 }] }],
  };
}

const folder = (label: string, absolutePath: string, overlay: boolean, pin: boolean): RenderedFolder => ({ label, absolutePath, overlay, pin });

describe('the folders the rendered diff builds, each once', () => {
  test.each<[string, FileEdit[], RenderedFolder[]]>([
    ['an edited overlay', [overlayEdit('apps/web/overlays/staging')], [folder('apps/web/overlays/staging', '/repo/apps/web/overlays/staging', true, false)]],
    ['an overlay without changes, and a component, are not built', [overlayEdit('a', false), overlayEdit('b', true, true)], []],
    [
      'two pins in one folder: one render, named by the folder',
      [pinEdit('helm-release', 'clusters/staging/worker-release.yaml'), pinEdit('image-setters', 'clusters/staging/cron.yaml')],
      [folder('clusters/staging', '/repo/clusters/staging', false, true)],
    ],
    [
      'a setter file in an edited overlay: the overlay’s render, which must see the pin’s edit too',
      [pinEdit('image-setters', 'apps/web/overlays/staging/patch.yaml'), overlayEdit('apps/web/overlays/staging')],
      [folder('apps/web/overlays/staging', '/repo/apps/web/overlays/staging', true, true)],
    ],
    ['a pin file at the root', [pinEdit('helm-values', 'values.yaml')], [folder('.', '/repo', false, true)]],
  ])('%s', (_name, edits, expected) => {
    expect(foldersToRender(edits)).toEqual(expected);
  });
});
