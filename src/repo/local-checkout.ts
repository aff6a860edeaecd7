import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Git } from './git.js';
import { writeOver } from './write-over.js';
import type { CommitOutcome, CommitRequest, ConfigRepo, LandTarget, Snapshot } from './config-repo.js';

/**
 * The config repo as a local git checkout (actions/checkout): the work tree is
 * the snapshot, commits are made with git and pushed to `origin`.
 */
export class LocalCheckout implements ConfigRepo {
  readonly kind = 'checkout' as const;
  readonly git: Git;

  readonly repository = '';

  constructor(
    readonly path: string,
    private readonly options: { push: boolean; remote?: string } = { push: true },
  ) {
    this.git = new Git(path);
  }

  private get remote(): string {
    return this.options.remote ?? 'origin';
  }

  /** The work tree is the snapshot; a commit is pushed to the branch the caller names. */
  async open(): Promise<Snapshot> {
    return { root: this.path, commit: await this.git.head() };
  }

  /** Moves the work tree to the new head of `branch` after a refused push. */
  async reopen(branch: string): Promise<Snapshot> {
    await this.git.resetKeep(await this.git.fetchBranch(this.remote, branch));
    return { root: this.path, commit: await this.git.head() };
  }

  async readFile(path: string): Promise<string | undefined> {
    try {
      return await readFile(join(this.path, path), 'utf8');
    } catch {
      return undefined;
    }
  }

  uncommittedChanges(files: readonly string[]): Promise<string[]> {
    return this.git.changedPaths(files);
  }

  async commit(request: CommitRequest): Promise<CommitOutcome> {
    const { snapshot, target } = request;
    for (const file of request.files) writeOrRemove(join(this.path, file.path), file);
    const { sha, staged } = await this.git.commitBeforeStaging(request.files, request.message, request.author);
    if (!this.options.push) {
      await staged;
      return { outcome: 'landed', sha, pushed: false };
    }
    // The push needs only the commit: it runs while the index catches up with it, and both are over before any reset.
    const [pushed] = await Promise.allSettled([this.pushTo(target), staged]);
    await staged;
    // A branch this action owns goes back to the commit it was on, pushed or not; any other does when its push failed or the branch moved.
    if (target.mode === 'force' || pushed.status === 'rejected' || pushed.value === 'moved') await this.git.resetKeep(snapshot.commit);
    if (pushed.status === 'rejected') throw pushed.reason;
    return pushed.value === 'moved' ? { outcome: 'moved' } : { outcome: 'landed', sha, pushed: true };
  }

  private async pushTo(target: LandTarget): Promise<'pushed' | 'moved'> {
    if (target.mode === 'fast-forward') return this.git.push(this.remote, target.branch);
    await this.git.forcePush(this.remote, target.branch, target.lease);
    return 'pushed';
  }

  async dispose(): Promise<void> {}
}

/**
 * One file of a commit into the work tree (its folder made when new, as a hold's is), or a deleted one removed.
 * Synchronously: hundreds of small asynchronous writes at once cost more than the writing.
 */
function writeOrRemove(absolute: string, file: { content: string; deleted?: boolean }): void {
  if (file.deleted) {
    rmSync(absolute, { force: true });
    return;
  }
  writeOver(absolute, file.content);
}
