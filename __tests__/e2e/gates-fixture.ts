// Shared set-up of the promotion-gate end-to-end tests: the promote world, with gates on staging and the
// source environment's controllers (the Argo CD or Kubernetes simulator) running dev at the config repo's head.
import { join } from 'node:path';
import { git, readText, writeText, type ConfigRepo } from '../helpers/git-fixtures.js';
import { NAME, OWNER, type PromoteWorld } from './promote-fixture.js';

export const GATES_CONTEXT = 'gitops-promote/gates';
export const HOUR = 3_600_000;

/** Commits `change` to the config repo's main branch (through its work clone) and returns the new head. */
export function commitOnMain(repo: ConfigRepo, message: string, change: (work: string) => void): string {
  git(repo.work, 'pull', '--quiet', '--ff-only');
  change(repo.work);
  git(repo.work, 'add', '-A');
  git(repo.work, 'commit', '--quiet', '-m', message);
  git(repo.work, 'push', '--quiet', 'origin', 'main');
  return repo.remoteHead();
}

/** Gives staging these `gates:` lines (YAML under `gates:`), and dev's controller, in the promotion config. */
export function setGates(repo: ConfigRepo, gates: string[], devController: 'argocd' | 'flux' | 'none' = 'argocd'): string {
  return commitOnMain(repo, 'Gate staging', (work) => {
    const file = join(work, 'gitops-promote.yaml');
    let text = readText(file).replace(
      '  - name: staging\n    overlays: apps/{app}/overlays/staging\n',
      `  - name: staging\n    overlays: apps/{app}/overlays/staging\n    gates:\n${gates.map((line) => `      ${line}\n`).join('')}`,
    );
    const dev =
      "  - name: dev\n    overlays: apps/{app}/overlays/dev\n    landing: commit # the app repos' pipelines commit straight to main\n    controller: argocd\n";
    if (!text.includes(dev)) throw new Error('the example config changed: update gates-fixture.ts');
    if (devController !== 'argocd') {
      text = text.replace(dev, dev.replace('    controller: argocd\n', devController === 'flux' ? '    controller: flux\n' : ''));
      text = text.replace(/ {6}dev: \{ argocd-app: (\w+)-dev \}\n/g, devController === 'flux' ? '      dev: { flux-name: $1-dev }\n' : '');
    }
    writeText(file, text);
  });
}

/** The combined status's gitops-promote/gates entry on a commit, and every status ever set there. */
export async function gateStatuses(world: PromoteWorld, sha: string) {
  const { data } = await world.octokit.rest.repos.listCommitStatusesForRef({ owner: OWNER, repo: NAME, ref: sha });
  return data
    .filter((status) => status.context === GATES_CONTEXT)
    .map((status) => ({ state: status.state, description: status.description, target: status.target_url }));
}

export async function pullRequest(world: PromoteWorld, number: number) {
  return (await world.octokit.rest.pulls.get({ owner: OWNER, repo: NAME, pull_number: number })).data;
}

/** An ISO instant `ms` after `from`, for GITOPS_PROMOTE_NOW. */
export const nowAt = (from: number, ms: number): NodeJS.ProcessEnv => ({ GITOPS_PROMOTE_NOW: new Date(from + ms).toISOString() });
