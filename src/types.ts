import type { YAMLMap } from 'yaml';

/**
 * The shapes that pass between the layers: an overlay, an edit of its
 * kustomization, a change for the report, a commit's author. They sit below
 * everything that uses them, so no folder imports another only for a type.
 */

/** An overlay folder of the config repo and its kustomization file. */
export interface Overlay {
  /** The folder, relative to the repo root, with forward slashes (`apps/web/overlays/dev`). */
  path: string;
  /** The kustomization file, relative to the repo root. */
  file: string;
  absolutePath: string;
  absoluteFile: string;
}

/** The image fields of a kustomization `images:` entry. */
export type ImageField = 'newName' | 'newTag' | 'digest';

/** The values of an entry's image fields; `''` where the entry does not set one. */
export type ImageFieldValues = Record<ImageField, string>;

/** An `images:` entry as the file has it. */
export interface ImageEntry extends ImageFieldValues {
  name: string;
  /** The entry's map node, for editing. */
  node: YAMLMap;
}

/** What an argument did to one entry. */
export interface ImageEntryChange {
  name: string;
  argument: string;
  /** The entry's values before, or null when the entry was added. */
  before: ImageFieldValues | null;
  after: ImageFieldValues;
  /** Fields the entry had that the argument cleared (kustomize drops them). */
  dropped: ImageField[];
}

/** A planned edit of one overlay's kustomization: its text before and after, and what changed. */
export interface FileEdit {
  overlay: Overlay;
  original: string;
  text: string;
  changes: ImageEntryChange[];
  /** The entries as they were, for error hints. */
  entries: ImageEntry[];
  isComponent: boolean;
}

/** One row of the `images` output and of the job summary. */
export interface OverlayChange {
  overlay: string;
  file: string;
  image: string;
  /** The reference the entry produced before (`''` for a new entry). */
  old: string;
  new: string;
  before: ImageFieldValues | null;
  after: ImageFieldValues;
}

/** A commit's author (and committer). */
export interface Identity {
  name: string;
  email: string;
}

/**
 * Where the config repo is: a checkout (`path` given), or, without `path`,
 * the `repository` on GitHub reached through the API with no clone. The CLI
 * outside Actions, with neither, works on the current folder.
 */
export type RepoLocation =
  | {
      kind: 'checkout';
      path: string;
      /** Set when path was empty and the working folder stands in: the input that would have named the repo instead. */
      missing?: 'repository' | 'token';
    }
  | { kind: 'github-api' };
