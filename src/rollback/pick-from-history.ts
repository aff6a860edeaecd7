import type { CommitGraph } from '../repo/commit-graph.js';
import type { AppOverlays } from '../repo/environment-overlays.js';
import { fileVersionAt, readFileVersions } from './overlay-history.js';
import {
  enoughForDate,
  enoughForPrevious,
  enoughForVersion,
  lastChangeOf,
  nothingInHistory,
  pickCommit,
  pickDate,
  pickPrevious,
  pickVersions,
  type FileVersion,
  type OverlayFileHistory,
  type RollbackPick,
} from './pick-rollback.js';
import type { RollbackTarget } from './rollback-target.js';

/**
 * Reads the environment's overlay files' history (as far as `to` needs, in
 * parallel per file) and picks the values to go back to. `head` is the
 * branch head the rollback lands on.
 */
export async function pickFromHistory(
  graph: CommitGraph,
  head: string,
  overlays: readonly AppOverlays[],
  to: RollbackTarget,
  environment: string,
): Promise<RollbackPick> {
  const files = overlays.flatMap((app) => app.overlays.map((overlay) => ({ app: app.app, overlay: overlay.path, file: overlay.file })));
  const histories = (enough: (app: string) => ((versions: readonly FileVersion[]) => boolean) | undefined): Promise<OverlayFileHistory[]> =>
    Promise.all(
      files.map(async (file) => {
        const until = enough(file.app);
        return { ...file, versions: until ? await readFileVersions(graph, head, file.file, until) : [] };
      }),
    );
  switch (to.kind) {
    case 'previous': {
      const read = await histories(() => enoughForPrevious);
      const changes = read.flatMap((history) => lastChangeOf(history)?.change ?? []);
      const newest = await newestOf(graph, changes);
      return pickPrevious(read, newest?.sha ?? '', environment);
    }
    case 'date':
      return pickDate(await histories(() => enoughForDate(to.at)), to.at, to.text, environment);
    case 'versions': {
      const enough = (app: string) => {
        const version = to.versions.get(app);
        return version === undefined ? undefined : enoughForVersion(version);
      };
      return pickVersions(await histories(enough), to.versions, environment);
    }
    case 'commit': {
      const sha = await graph.resolve(to.ref);
      if (!sha) throw nothingInHistory(to.ref, `${graph.where} has no such commit`);
      const relation = await graph.relation(sha, head);
      if (relation !== 'same' && relation !== 'ancestor') throw nothingInHistory(to.ref, `it is not in the history of the branch ${environment} lives on`);
      const versions = await Promise.all(files.map(async (file) => ({ file: file.file, version: await fileVersionAt(graph, sha, 0, file.file) })));
      return pickCommit(versions, to.ref, environment);
    }
  }
}

/** The newest of some commits: by date, and where dates tie (commits of one second), by ancestry. */
async function newestOf(graph: CommitGraph, commits: readonly FileVersion[]): Promise<FileVersion | undefined> {
  let newest: FileVersion | undefined;
  for (const commit of commits) {
    if (!newest || commit.date > newest.date) newest = commit;
    else if (commit.date === newest.date && commit.sha !== newest.sha && (await graph.relation(commit.sha, newest.sha)) === 'descendant') newest = commit;
  }
  return newest;
}
