import { InputError } from '../errors.js';

/**
 * Which earlier `images:` values a rollback writes back, from the history of
 * the environment's overlay files: pure, so each kind of `to` is a table of
 * cases. The history is read by overlay-history.ts, only as far as the kind
 * of `to` needs (see the `enough*` predicates).
 */

/** One `images:` entry's values at some commit. */
export interface ImageState {
  name: string;
  newName: string;
  newTag: string;
  digest: string;
}

/** An overlay file after one commit that touched it; `images` undefined where that commit removed the file (or it did not parse). */
export interface FileVersion {
  sha: string;
  date: number;
  images: ImageState[] | undefined;
}

/** One overlay file of the environment and its versions, newest first (the first is the branch head's). */
export interface OverlayFileHistory {
  app: string;
  overlay: string;
  file: string;
  versions: FileVersion[];
}

/** The values one file goes back to, and the version they come from. */
export interface FilePick {
  file: string;
  images: ImageState[];
  from: FileVersion;
}

export interface RollbackPick {
  files: FilePick[];
  /** The commit whose images are restored (the newest of the versions picked). */
  restores: string;
  /** `previous`: the commit whose change is undone. */
  undoes?: string;
}

const stateKey = (images: readonly ImageState[]): string =>
  JSON.stringify([...images].sort((a, b) => (a.name < b.name ? -1 : 1)).map((image) => [image.name, image.newName, image.newTag, image.digest]));

/** The newest change of a file's images: the version that made it and the one before, or undefined when the history read shows none. */
export function lastChangeOf(history: OverlayFileHistory): { change: FileVersion; before: FileVersion } | undefined {
  const { versions } = history;
  for (let index = 0; index + 1 < versions.length; index++) {
    const [change, before] = [versions[index], versions[index + 1]];
    // A file that did not exist before has nothing to go back to.
    if (!change.images || !before.images) return undefined;
    if (stateKey(change.images) !== stateKey(before.images)) return { change, before };
  }
  return undefined;
}

/** `previous` has read enough of a file once a change shows (or the file began). */
export const enoughForPrevious = (versions: readonly FileVersion[]): boolean =>
  versions.some((version) => !version.images) || lastChangeOf({ app: '', overlay: '', file: '', versions: [...versions] }) !== undefined;

/** A date has read enough once a version at or before it shows. */
export const enoughForDate =
  (at: number) =>
  (versions: readonly FileVersion[]): boolean =>
    (versions.at(-1)?.date ?? Infinity) <= at;

/** A version has read enough once a version with that tag shows. */
export const enoughForVersion =
  (version: string) =>
  (versions: readonly FileVersion[]): boolean =>
    versions.some((candidate) => hasTag(candidate, version));

/**
 * `previous`: every file that changed in the environment's last change of
 * images (`lastChange`, the newest of the files' last changes, which the
 * caller orders) goes back to its version before it; other files stay.
 */
export function pickPrevious(histories: readonly OverlayFileHistory[], lastChange: string, environment: string): RollbackPick {
  const files: FilePick[] = [];
  for (const history of histories) {
    const last = lastChangeOf(history);
    if (last?.before.images && last.change.sha === lastChange) files.push({ file: history.file, images: last.before.images, from: last.before });
  }
  if (files.length === 0) throw nothingInHistory('previous', `${environment}'s overlays show no earlier change of images`);
  return { files, restores: newest(files).sha, undoes: lastChange };
}

/** A date: each file goes back to its newest version at or before it; a file younger than the date stays. */
export function pickDate(histories: readonly OverlayFileHistory[], at: number, text: string, environment: string): RollbackPick {
  const files: FilePick[] = [];
  for (const history of histories) {
    const version = history.versions.find((candidate) => candidate.date <= at);
    if (version?.images) files.push({ file: history.file, images: version.images, from: version });
  }
  if (files.length === 0) throw nothingInHistory(text, `it is before all history of ${environment}'s overlays`);
  return { files, restores: newest(files).sha };
}

/** app=version: each named app's files go back to their newest version in which one of its images had that tag. */
export function pickVersions(histories: readonly OverlayFileHistory[], versions: ReadonlyMap<string, string>, environment: string): RollbackPick {
  const files: FilePick[] = [];
  for (const [app, version] of versions) {
    const own = histories.filter((history) => history.app === app);
    if (own.length === 0) {
      const apps = [...new Set(histories.map((history) => history.app).filter(Boolean))];
      throw new InputError('to', `names app '${app}', which has no overlays in ${environment} (apps: ${apps.join(', ') || 'none'}).`);
    }
    const picked = own.flatMap((history) => {
      const found = history.versions.find((candidate) => hasTag(candidate, version));
      return found?.images ? [{ file: history.file, images: found.images, from: found }] : [];
    });
    if (picked.length === 0) throw nothingInHistory(`${app}=${version}`, `${app} never had tag ${version} in ${environment}'s overlays`);
    files.push(...picked);
  }
  return { files, restores: newest(files).sha };
}

/** A commit: each file as it was there (the caller read them); a file the commit lacks stays. */
export function pickCommit(versions: ReadonlyArray<{ file: string; version: FileVersion }>, ref: string, environment: string): RollbackPick {
  const files = versions.flatMap(({ file, version }) => (version.images ? [{ file, images: version.images, from: version }] : []));
  if (files.length === 0) throw nothingInHistory(ref, `${environment}'s overlays do not exist at that commit`);
  return { files, restores: files[0].from.sha };
}

function hasTag(version: FileVersion, tag: string): boolean {
  return (version.images ?? []).some((image) => image.newTag === tag);
}

function newest(files: readonly FilePick[]): FileVersion {
  return files.map((file) => file.from).reduce((a, b) => (b.date > a.date ? b : a));
}

export function nothingInHistory(to: string, why: string): InputError {
  return new InputError('to', `'${to}' names nothing in history: ${why}; nothing was written.`);
}
