import * as core from '@actions/core';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runProcess } from '../process/run-process.js';

export interface FileChange {
  /** Path shown in the diff header, relative to the repo. */
  file: string;
  before: string;
  after: string;
}

/** A unified diff of two texts, made by `git diff --no-index` (git is always there). */
export async function unifiedDiff(changes: readonly FileChange[]): Promise<string> {
  const scratch = await mkdtemp(join(tmpdir(), 'gitops-promote-diff-'));
  try {
    for (const change of changes) {
      for (const [side, text] of [
        ['a', change.before],
        ['b', change.after],
      ] as const) {
        const target = join(scratch, side, change.file);
        await mkdir(dirname(target), { recursive: true });
        await writeFile(target, text);
      }
    }
    const result = await runProcess('git', ['diff', '--no-index', '--no-color', '--no-prefix', 'a', 'b'], { cwd: scratch });
    return result.stdout.replace(/^(---|\+\+\+) [ab]\//gm, '$1 ');
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

export async function showDiffs(edits: ReadonlyArray<{ overlay: { file: string }; original: string; text: string }>): Promise<void> {
  const diff = await unifiedDiff(edits.map((edit) => ({ file: edit.overlay.file, before: edit.original, after: edit.text })));
  core.startGroup('Changes (dry run, nothing written)');
  core.info(diff);
  core.endGroup();
}
