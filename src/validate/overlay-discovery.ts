import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError, UserError } from '../errors.js';
import { Git, GitError } from '../repo/git.js';
import { findEveryKustomization } from '../repo/kustomization-folders.js';
import type { Overlay } from '../types.js';

/**
 * Which overlays to validate: the ones named, or else every kustomization in
 * the repo that no other one uses as a base (nor a Component, which renders
 * only inside another); with changed-only, just those whose files differ from
 * the base ref.
 */
export async function discoverOverlays(root: string): Promise<Overlay[]> {
  let all: Overlay[];
  try {
    all = findEveryKustomization(root, 'path');
  } catch (error) {
    if (error instanceof InputError) throw new InputError('path', `'${root}' holds no kustomization; check out the config repo or name overlays.`);
    throw error;
  }
  // Which uses which is read from the kustomizations' YAML: its parser loads once there are kustomizations to read.
  const { readKustomizationReferences } = await import('./kustomization-references.js');
  const used = new Set<string>();
  for (const overlay of all) {
    for (const folder of readKustomizationReferences(overlay.absolutePath)?.folders ?? []) used.add(realpathSync(folder));
  }
  return all.filter((overlay) => !used.has(realpathSync(overlay.absolutePath)) && readKustomizationReferences(overlay.absolutePath)?.kind !== 'Component');
}

/** The overlays any of whose kustomization folders (its own and its bases', recursively) hold a changed file. */
export async function overlaysChangedSince(root: string, overlays: readonly Overlay[], baseRef: string): Promise<Overlay[]> {
  const changed = await changedFiles(root, baseRef);
  const { kustomizationClosure } = await import('./kustomization-references.js');
  const realRoot = realpathSync(root);
  return overlays.filter((overlay) =>
    kustomizationClosure(overlay.absolutePath).some((kustomization) => {
      const folder = realpathSync(kustomization.directory);
      const touchesFolder = changed.some((file) => file.startsWith(`${folder}/`));
      const touchesFile = kustomization.files.some((file) => changed.includes(resolve(realRoot, realpathSync(file))));
      return touchesFolder || touchesFile;
    }),
  );
}

/** Files that differ between the merge base of `baseRef` and HEAD and the work tree, and untracked ones, as absolute paths. */
export async function changedFiles(root: string, baseRef: string): Promise<string[]> {
  const git = new Git(root);
  const top = await git.topLevel();
  if (!top) throw new InputError('path', `'${root}' is not inside a git repository, which changed-only needs.`);
  let base: string | undefined;
  let why = 'it shares no history with HEAD';
  try {
    base = await git.mergeBase(baseRef, 'HEAD');
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    why = error.result.stderr.trim().split('\n')[0] ?? '';
  }
  if (!base) throw new InputError('base-ref', `'${baseRef}' is not a commit of the checkout (${why}); fetch it first (actions/checkout with fetch-depth: 0).`);
  let changed: string[];
  try {
    changed = await git.diffWorkTree(base);
  } catch (error) {
    if (error instanceof GitError) throw new UserError(`git diff against ${baseRef} failed: ${error.result.stderr.trim()}`);
    throw error;
  }
  const topLevel = realpathSync(top);
  return [...changed, ...(await git.untrackedFiles())].map((line) => resolve(topLevel, line));
}
