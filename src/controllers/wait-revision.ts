import { InputError } from '../errors.js';
import type { CommitGraph } from '../repo/commit-graph.js';
import type { Git } from '../repo/git.js';

import { COMMIT_SHA_VARIABLE } from '../types.js';

export interface ResolvedRevision {
  sha: string;
  /** Where it came from, for the log. */
  source: string;
}

export interface RevisionSources {
  /** The config repo's graphs, asked in turn to resolve a ref (the checkout, then GitHub). */
  graphs: readonly CommitGraph[];
  /** The checkout of the config repo (`path`), whose head is the last resort. */
  checkout?: Git;
  /** The commit an earlier gitops-promote step exported (RunContext.exportedCommit), or ''. */
  exported: string;
}

const SHA = /^[0-9a-f]{40}$/;

/**
 * The config-repo commit to wait for: the `revision` input (a SHA, or a ref
 * resolved to one), else the commit an earlier gitops-promote step of the job
 * pushed, else the head of the checked-out branch.
 */
export async function resolveExpectedRevision(input: string, sources: RevisionSources): Promise<ResolvedRevision> {
  if (SHA.test(input.toLowerCase())) return { sha: input.toLowerCase(), source: 'input revision' };
  if (input) return { sha: await resolveRef(input, sources), source: `input revision (${input})` };
  const exported = sources.exported;
  if (exported && SHA.test(exported)) return { sha: exported, source: `${COMMIT_SHA_VARIABLE} from an earlier gitops-promote step` };
  const { checkout } = sources;
  const head = await checkout?.revParse('HEAD');
  if (checkout && head) return { sha: head, source: `the head of the checkout in ${checkout.directory}` };
  throw new InputError(
    'revision',
    `no commit to wait for: pass revision (for example \${{ steps.set-image.outputs.commit-sha }}), run after a gitops-promote step that exports ` +
      `${COMMIT_SHA_VARIABLE}, or check out the config repo at path.`,
  );
}

async function resolveRef(ref: string, sources: RevisionSources): Promise<string> {
  for (const graph of sources.graphs) {
    let sha: string | undefined;
    try {
      sha = await graph.resolve(ref);
    } catch (error) {
      throw new InputError('revision', `'${ref}' is not a commit of ${graph.where} (${(error as Error).message}).`);
    }
    if (sha) return sha;
    if (graph.holdsEveryCommit) throw new InputError('revision', `'${ref}' is not a commit of ${graph.where}.`);
  }
  throw new InputError('revision', `cannot resolve '${ref}' to a commit: give a full SHA, or check out the config repo at path, or set repository and token.`);
}
