/**
 * The promotion-gates part of `npm run demo`: production gets `gates:`
 * (source-healthy, soak 2h), Argo CD (simulated) runs staging at the config
 * repo's head, and promote staging → production is held back by the soak
 * (a pending commit status on the PR), then passes once the simulated clock
 * is past it (GITOPS_PROMOTE_NOW, the testing aid).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Octokit } from '@octokit/core';
import { restEndpointMethods } from '@octokit/plugin-rest-endpoint-methods';
import { runAction, type ActionRun } from '../__tests__/helpers/action-runner.js';
import { startArgoCdSimulator } from '../test-infra/simulators/argocd/index.js';
import { startGitHubSimulator } from '../test-infra/simulators/github/index.js';

const TOKEN = 'ghp_demoGatesToken0000000000000000000000';
const HOUR = 3_600_000;
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=Demo', '-c', 'user.email=demo@example.com', ...args], { cwd, encoding: 'utf8' }).trim();

/** Commits production's gates to the demo remote and returns the new head. */
function gateProduction(dir: string, remote: string): string {
  const work = join(dir, 'gates-checkout');
  git(dir, 'clone', '--quiet', remote, work);
  const file = join(work, 'gitops-promote.yaml');
  const text = readFileSync(file, 'utf8').replace(
    '  - name: production\n    overlays: apps/{app}/overlays/production\n',
    '  - name: production\n    overlays: apps/{app}/overlays/production\n    gates:\n      source-healthy: true\n      soak: 2h\n',
  );
  writeFileSync(file, text);
  git(work, 'commit', '--quiet', '-am', 'Gate production: staging must be healthy, and soaked for 2h');
  git(work, 'push', '--quiet', 'origin', 'main');
  return git(work, 'rev-parse', 'HEAD');
}

export async function runGatesDemo(options: { dir: string; remote: string }): Promise<void> {
  const head = gateProduction(options.dir, options.remote);
  const start = Math.floor(Date.now() / 1000) * 1000;
  const argo = await startArgoCdSimulator({
    scenario: { applications: ['web-staging', 'api-staging'].map((name) => ({ name, initialRevision: head })) },
    manualSteps: true,
    startTime: new Date(start),
  });
  const sim = await startGitHubSimulator({
    repos: [{ owner: 'acme', name: 'config', path: options.remote, collaborators: { octocat: 'write' } }],
    users: [{ login: 'octocat' }],
    teams: [{ org: 'acme', slug: 'platform' }],
    tokens: [{ token: TOKEN, login: 'promote-bot', permission: 'admin' }],
  });
  const octokit = new (Octokit.plugin(restEndpointMethods))({ auth: TOKEN, baseUrl: sim.apiUrl });
  const promote = (hoursLater: number, runId: string): Promise<ActionRun> =>
    runAction({
      inputs: { command: 'promote', to: 'production', token: TOKEN, repository: 'acme/config', 'argocd-server': argo.url, 'argocd-token': argo.token },
      env: {
        GITHUB_API_URL: sim.apiUrl,
        GITHUB_GRAPHQL_URL: sim.graphqlUrl,
        GITHUB_SERVER_URL: sim.serverUrl,
        GITHUB_REPOSITORY: 'acme/app',
        GITHUB_RUN_ID: runId,
        GITOPS_PROMOTE_NOW: new Date(start + hoursLater * HOUR).toISOString(),
      },
    });
  const show = async (run: ActionRun, when: string): Promise<number> => {
    if (run.exitCode !== 0) throw new Error(`promote failed (exit ${run.exitCode}):\n${run.stdout}`);
    const number = Number(run.outputs['pull-request-number']);
    const { data: statuses } = await octokit.rest.repos.listCommitStatusesForRef({ owner: 'acme', repo: 'config', ref: run.outputs['commit-sha'] });
    const { data: pr } = await octokit.rest.pulls.get({ owner: 'acme', repo: 'config', pull_number: number });
    const checklist = (pr.body ?? '').split('\n').filter((line) => line.startsWith('- [') && line.includes('Gate '));
    process.stdout.write(
      [
        `${when}: gated=${run.outputs.gated}`,
        ...statuses
          .slice(0, 1)
          .map((status) => `  commit status ${status.context} on ${run.outputs['commit-sha'].slice(0, 7)}: ${status.state}: ${status.description}`),
        ...checklist.map((line) => `  > ${line}`),
        '',
      ].join('\n'),
    );
    return number;
  };
  try {
    process.stdout.write('production now has gates: source-healthy and soak: 2h; Argo CD runs staging at the head since now.\n');
    await show(await promote(0.5, '2'), 'Half an hour later');
    const number = await show(await promote(3, '3'), 'Three hours later');
    await octokit.rest.pulls.update({ owner: 'acme', repo: 'config', pull_number: number, state: 'closed' });
    process.stdout.write(
      `Closed #${number} (the demo leaves production as it was). ` +
        `Argo CD saw ${argo.requests.filter((r) => r.method !== 'GET').length} writes: the gates only read.\n`,
    );
  } finally {
    await sim.close();
    await argo.close();
  }
}
