/**
 * The pins part of `npm run demo`: a throw-away copy of examples/config-repo-helm, whose images sit in pins
 * (Helm values files, Argo CD Applications, a Flux HelmRelease, setter comments), not overlays. set-image puts
 * the web build into dev (its helm-values pin and its setter comment, one commit), then promote carries dev into
 * staging through the GitHub simulator: one pull request whose body has a row per pin. Each step prints the
 * lines it changed, file by file.
 */
import { execFileSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { Octokit } from '@octokit/core';
import { restEndpointMethods } from '@octokit/plugin-rest-endpoint-methods';
import { PROJECT_ROOT, runAction, type ActionRun } from '../__tests__/helpers/action-runner.js';
import { startGitHubSimulator } from '../test-infra/simulators/github/index.js';

const TOKEN = 'ghp_demoPinsToken00000000000000000000000';

const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', ['-c', 'user.name=Demo', '-c', 'user.email=demo@example.com', ...args], { cwd, encoding: 'utf8' });

export interface PinsDemoOptions {
  /** The demo's scratch folder; this part makes its own repo in it. */
  dir: string;
  /** What set-image puts into dev: `web=*:1.5.0@sha256:…`. */
  image: string;
}

export async function runPinsDemo({ dir, image }: PinsDemoOptions): Promise<void> {
  const remote = join(dir, 'config-helm.git');
  const work = checkout(dir, remote);
  process.stdout.write(`examples/config-repo-helm on a bare remote: gitops-promote.yaml lists each app's pins per environment, and no overlays.\n`);

  process.stdout.write(`\n-- set-image ${image} with environment: dev (the config names dev's pins)\n`);
  const set = await runAction({ inputs: { command: 'set-image', path: work, environment: 'dev', images: image } });
  printLog(set);
  if (set.exitCode !== 0) throw new Error(`set-image into the pins failed (exit ${set.exitCode})`);
  process.stdout.write(`Commit ${set.outputs['commit-sha'].slice(0, 7)} on main, the changed lines of each file:\n`);
  printChangedLines(git(remote, 'show', '--format=', '--unified=0', 'main'));

  process.stdout.write('\n-- promote dev → staging through the GitHub API (simulator), no clone\n');
  await promote(remote);
}

/** The example committed to a bare remote, and a clone of it, as actions/checkout leaves it. */
function checkout(dir: string, remote: string): string {
  const seed = join(dir, 'seed-helm');
  cpSync(join(PROJECT_ROOT, 'examples', 'config-repo-helm'), seed, { recursive: true });
  git(dir, 'init', '--quiet', '--bare', '--initial-branch=main', remote);
  git(seed, 'init', '--quiet', '--initial-branch=main');
  git(seed, 'add', '-A');
  git(seed, 'commit', '--quiet', '-m', 'Initial config');
  git(seed, 'push', '--quiet', remote, 'main');
  const work = join(dir, 'checkout-helm');
  git(dir, 'clone', '--quiet', remote, work);
  return work;
}

async function promote(remote: string): Promise<void> {
  const sim = await startGitHubSimulator({
    repos: [{ owner: 'acme', name: 'config', path: remote, allowAutoMerge: true }],
    tokens: [{ token: TOKEN, login: 'promote-bot', permission: 'admin' }],
  });
  try {
    const run = await runAction({
      inputs: { command: 'promote', from: 'dev', to: 'staging', token: TOKEN, repository: 'acme/config' },
      env: {
        GITHUB_API_URL: sim.apiUrl,
        GITHUB_GRAPHQL_URL: sim.graphqlUrl,
        GITHUB_SERVER_URL: sim.serverUrl,
        GITHUB_REPOSITORY: 'acme/app',
        GITHUB_RUN_ID: '2',
      },
    });
    printLog(run);
    if (run.exitCode !== 0) throw new Error(`promote of the pins failed (exit ${run.exitCode})`);
    const octokit = new (Octokit.plugin(restEndpointMethods))({ auth: TOKEN, baseUrl: sim.apiUrl });
    const number = Number(run.outputs['pull-request-number']);
    const { data: pr } = await octokit.rest.pulls.get({ owner: 'acme', repo: 'config', pull_number: number });
    process.stdout.write(`Pull request #${pr.number}, ${pr.head.ref} → ${pr.base.ref}: ${pr.title}\n`);
    process.stdout.write('Its rows, one per pin:\n');
    for (const line of pinRows(pr.body ?? '')) process.stdout.write(`  > ${line}\n`);
    process.stdout.write(`The changed lines of each file on ${pr.head.ref}:\n`);
    printChangedLines(git(remote, 'diff', '--unified=0', `main...${pr.head.ref}`));
    await octokit.rest.pulls.update({ owner: 'acme', repo: 'config', pull_number: number, state: 'closed' });
    process.stdout.write(`Closed #${number} (the demo leaves staging as it was).\n`);
  } finally {
    await sim.close();
  }
}

/** The body's headings and table rows, with the rest (links, checklist, rendered diff) left out. */
function pinRows(body: string): string[] {
  const [tables] = body.split('### Checklist');
  return tables.split('\n').filter((line) => line.startsWith('### ') || line.startsWith('|'));
}

/** The run's log as a reader wants it: no debug lines or masks, warnings kept (they say what was not verified). */
function printLog(run: ActionRun): void {
  const lines = run.stdout.split('\n').filter((line) => line && !line.startsWith('::debug') && !line.startsWith('::add-mask') && !line.startsWith('::set-env'));
  for (const line of lines) process.stdout.write(`  | ${line}\n`);
}

/** A diff with --unified=0 as file names and their +/- lines. */
function printChangedLines(diff: string): void {
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++ ')) process.stdout.write(`  ${line.slice(6)}\n`);
    else if ((line.startsWith('+') || line.startsWith('-')) && !line.startsWith('--- ')) process.stdout.write(`    ${line}\n`);
  }
}
