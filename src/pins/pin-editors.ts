import type { Pin, PinKind } from '../types.js';
import { argocdHelmParametersEditor } from './argocd-helm-parameters-editor.js';
import { argoCdKustomizeImages, argoCdKustomizeImagesEditor } from './argocd-kustomize-images-editor.js';
import { helmReleaseEditor, helmValuesEditor } from './helm-values-editor.js';
import { imageSetters } from './image-setters.js';
import type { PinEditor, PinnedImage } from './pin-types.js';

/**
 * An Application's kustomize images get an entry for an image they do not
 * list yet only when it is one of the app's images (the config's `images:`
 * says the app runs it, and the effect check then proves the source renders
 * it); a pin named for one run changes only the entries it has.
 */
const argocdApplicationEditor: PinEditor = {
  read: (pin, source) => argoCdKustomizeImages.read(pin, source),
  edit: (pin, source, args) => argoCdKustomizeImagesEditor({ addMissing: (name) => pin.only?.includes(name) ?? false }).edit(pin, source, args),
};

/**
 * Setter comments name an ImagePolicy, not the app's image: `web` is marked
 * `flux-system:web-dev` over `ghcr.io/acme/web`. A file the config gives one
 * app of one image, that marks one policy, holds that image; otherwise an
 * argument names the policy or the image the field holds.
 */
const imageSettersEditor: PinEditor = {
  read: (pin, source) => {
    const own = soleSetterGroup(pin, source);
    return own ? [{ ...own.group, name: own.app }] : imageSetters.read(pin, source);
  },
  edit: (pin, source, args) => {
    const own = soleSetterGroup(pin, source);
    if (!own) return imageSetters.edit(pin, source, args);
    const renamed = args.filter((argument) => argument.name === own.app).map((argument) => ({ ...argument, name: own.group.name }));
    const result = imageSetters.edit({ ...pin, only: undefined }, source, renamed);
    return { text: result.text, changes: result.changes.map((change) => ({ ...change, name: own.app })) };
  },
};

function soleSetterGroup(pin: Pin, source: string): { app: string; group: PinnedImage } | undefined {
  if (pin.only?.length !== 1) return undefined;
  const groups = imageSetters.read({ ...pin, only: undefined }, source);
  return groups.length === 1 ? { app: pin.only[0], group: groups[0] } : undefined;
}

/** The editor of each pin kind. */
const EDITORS: Readonly<Record<PinKind, PinEditor>> = {
  'argocd-application': argocdApplicationEditor,
  'argocd-helm-parameters': argocdHelmParametersEditor,
  'helm-values': helmValuesEditor,
  'helm-release': helmReleaseEditor,
  'image-setters': imageSettersEditor,
};

export function editorFor(kind: PinKind): PinEditor {
  return EDITORS[kind];
}
