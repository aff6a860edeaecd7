import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CommitGraph, CommitRelation } from '../repo/commit-graph.js';
import { formatImageReference } from '../kustomize/image-reference.js';
import { parseKustomization } from '../kustomize/kustomization-document.js';
import { editorFor } from '../pins/pin-editors.js';
import type { Pin } from '../types.js';

/** How many commits of one overlay file are read back to find when its images came in; older ones only make the soak longer. */
export const IMAGE_HISTORY_LIMIT = 50;

/**
 * Whether a config-repo commit carries exactly the images the promotion
 * takes from the source overlays, read from the overlays' `images:` entries
 * at that commit (a replicas patch since does not matter; another tag does),
 * and which commit brought them in. Every answer is read once.
 */
export class CarriedImages {
  private readonly texts = new Map<string, Promise<string | undefined>>();

  constructor(
    private readonly graph: CommitGraph,
    /** The commit the promotion reads the source overlays at. */
    readonly source: string,
    /** The folder that holds the source commit's files (the snapshot): read there, not asked of GitHub. */
    private readonly sourceRoot?: string,
    /** The source's pins: their files are read by their kinds' editors, not as kustomizations. */
    pins: readonly Pin[] = [],
  ) {
    for (const pin of pins) this.pinsByFile.set(pin.file, [...(this.pinsByFile.get(pin.file) ?? []), pin]);
  }

  private readonly pinsByFile = new Map<string, Pin[]>();

  /** The images `name=reference` of `files` at `commit`, sorted; undefined when a file is missing there. */
  async imagesAt(commit: string, files: readonly string[]): Promise<string[] | undefined> {
    const all: string[] = [];
    for (const file of files) {
      const images = await this.fileImages(commit, file);
      if (images === undefined) return undefined;
      all.push(...images);
    }
    return [...new Set(all)].sort();
  }

  /** How `revision` stands to the source commit (`ancestor`: older), or undefined when it is no commit of the repo. */
  relation(revision: string): Promise<CommitRelation | undefined> {
    return this.graph.relation(revision, this.source);
  }

  /** Whether `revision` carries exactly the images the source commit has in `files`. */
  async carries(revision: string, files: readonly string[]): Promise<boolean> {
    if (revision === this.source) return true;
    const [wanted, there] = await Promise.all([this.imagesAt(this.source, files), this.imagesAt(revision, files)]);
    return wanted !== undefined && there !== undefined && wanted.join('\n') === there.join('\n');
  }

  /**
   * The oldest commit from which each file has carried its present images
   * without a break, newest of the files: the images cannot have run longer.
   */
  async broughtIn(files: readonly string[]): Promise<{ sha: string; date: number } | undefined> {
    let latest: { sha: string; date: number } | undefined;
    for (const file of files) {
      const present = (await this.fileImages(this.source, file))?.join('\n');
      let since: { sha: string; date: number } | undefined;
      let read = 0;
      for await (const commit of this.graph.fileHistory(this.source, file)) {
        if ((await this.fileImages(commit.sha, file))?.join('\n') !== present || ++read > IMAGE_HISTORY_LIMIT) break;
        since = commit;
      }
      if (since && (!latest || since.date > latest.date)) latest = { sha: since.sha, date: since.date };
    }
    return latest;
  }

  private async fileImages(commit: string, file: string): Promise<string[] | undefined> {
    const key = `${commit}\0${file}`;
    let pending = this.texts.get(key);
    if (!pending) {
      pending = commit === this.source && this.sourceRoot ? readLocal(join(this.sourceRoot, file)) : this.graph.fileAt(commit, file);
      this.texts.set(key, pending);
    }
    const text = await pending;
    if (text === undefined) return undefined;
    const pins = this.pinsByFile.get(file);
    return pins ? pinnedImagesIn(text, pins) : imagesIn(text, file);
  }
}

/** The `images:` entries that set something, as `name=reference` (what a promotion copies); a file that does not parse has none. */
export function imagesIn(text: string, file: string): string[] {
  try {
    return parseKustomization(text, file)
      .entries.filter((entry) => entry.newName || entry.newTag || entry.digest)
      .map((entry) => `${entry.name}=${formatImageReference({ name: entry.newName || entry.name, tag: entry.newTag, digest: entry.digest })}`)
      .sort();
  } catch {
    return [];
  }
}

/** What pins hold in a file's text, as `name=reference`; a text a pin cannot read holds nothing. */
export function pinnedImagesIn(text: string, pins: readonly Pin[]): string[] {
  try {
    return pins
      .flatMap((pin) => editorFor(pin.kind).read(pin, text))
      .filter(({ values }) => values.newName || values.newTag || values.digest)
      .map(({ name, values }) => `${name}=${formatImageReference({ name: values.newName || name, tag: values.newTag, digest: values.digest })}`)
      .sort();
  } catch {
    return [];
  }
}

async function readLocal(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}
