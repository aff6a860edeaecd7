/**
 * The demo's drift-check step: the scheduled drift report, run as GitHub runs
 * it (node dist/index.js) with no checkout: the config repo is read through a
 * GitHub simulator serving the demo's bare remote, and what runs is read from
 * a simulated Argo CD holding the state of the world after the earlier steps.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Octokit } from '@octokit/core';
import { restEndpointMethods } from '@octokit/plugin-rest-endpoint-methods';
import { startArgoCdSimulator, type ArgoAppScenario, type ArgoCdSimulator } from '../test-infra/simulators/argocd/index.js';
import { startGitHubSimulator, type GitHubSimulator } from '../test-infra/simulators/github/index.js';
import { renderedImages } from '../__tests__/e2e/drift-fixture.js';
import { runAction } from '../__tests__/helpers/action-runner.js';

const TOKEN = 'ghp_demoDriftToken00000000000000000000000';
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

export interface DriftDemoOptions {
  /** The demo's scratch directory (a clone to render the overlays goes there). */
  dir: string;
  /** The bare config repo the earlier steps pushed to. */
  remote: string;
}

export async function runDriftDemo({ dir, remote }: DriftDemoOptions): Promise<void> {
  const initial = git(remote, 'rev-list', '--max-parents=0', 'main');
  const head = git(remote, 'rev-parse', 'main');
  // What Argo CD runs is what the overlays render (base sidecars included), at the commit each app synced.
  const view = join(dir, 'drift-view');
  git(dir, 'clone', '--quiet', remote, view);
  const applications = ['web', 'api'].flatMap((app) =>
    ['dev', 'staging', 'production'].map((env): ArgoAppScenario => ({
      name: `${app}-${env}`,
      path: `apps/${app}/overlays/${env}`,
      // Each app reports the last commit that touched its own path (as with manifest-generate-paths):
      // only web-dev moved to the set-image commit; the rest still run the initial config.
      manifestGeneratePaths: '.',
      initialRevision: app === 'web' && env === 'dev' ? head : initial,
      images: renderedImages(view, app, env),
      // production is synced by hand after review.
      autoSync: env !== 'production',
    })),
  );

  let argo: ArgoCdSimulator | undefined;
  let github: GitHubSimulator | undefined;
  try {
    argo = await startArgoCdSimulator({ scenario: { applications }, manualSteps: true });
    // The promote step's GitHub simulator (and the pull request it held) is gone: a fresh one serves the same bare repo.
    github = await startGitHubSimulator({
      repos: [{ owner: 'acme', name: 'config', path: remote }],
      tokens: [{ token: TOKEN, login: 'drift-bot', permission: 'write' }],
    });
    const promoteBranches = git(remote, 'for-each-ref', '--format=%(refname:short)', 'refs/heads/promote/').split('\n').filter(Boolean);
    process.stdout.write(
      [
        `Argo CD simulator at ${argo.url}: web-dev synced at ${head.slice(0, 7)} (${applications[0].images!.join(', ')}); ` +
          `every other app still at ${initial.slice(0, 7)} (the initial config); the production apps sync by hand.`,
        `GitHub simulator at ${github.apiUrl} on the same bare repo (the promote step closed its pull request and its simulator; ` +
          `branches left on the remote: ${promoteBranches.join(', ') || 'none'}, with no open pull request).`,
        `drift-check, path '' (no checkout), tracking issue label gitops-drift, max-skew staging=1 (staging may lag dev by one version; ` +
          `production keeps the config's 14d):`,
        '',
      ].join('\n'),
    );
    const run = await runAction({
      inputs: {
        command: 'drift-check',
        path: '',
        repository: 'acme/config',
        token: TOKEN,
        'argocd-server': argo.url,
        'argocd-token': argo.token,
        issue: 'gitops-drift',
        'max-skew': 'staging=1',
      },
      env: { GITHUB_API_URL: github.apiUrl, GITHUB_SERVER_URL: github.serverUrl, GITHUB_REPOSITORY: 'acme/config', GITHUB_RUN_ID: '7' },
    });
    // The step's own lines; tokens' ::add-mask:: and debug output left out, group markers shown as headings.
    const lines = run.stdout
      .split('\n')
      .filter((line) => line && !line.startsWith('::add-mask::') && !line.startsWith('::debug::') && line !== '::endgroup::')
      .map((line) => `  | ${line.replace(/^::group::/, '▸ ').replace(/^::(warning|error|notice)[^:]*::/, '$1: ')}`);
    process.stdout.write(`${lines.join('\n')}\n`);
    process.stdout.write(`\ndrift-check exited ${run.exitCode}; outputs: drifted=${run.outputs.drifted}\n`);
    if (run.exitCode !== 0) throw new Error(`drift-check failed (exit ${run.exitCode}): ${run.stderr}`);

    // Counted before the demo's own look at the issue below.
    const writes = github.requests.filter((entry) => entry.write).map((entry) => entry.operationId);
    process.stdout.write(
      `GitHub API requests: ${github.requests.length} (writes: ${writes.join(', ') || 'none'}); Argo CD requests: ${argo.requests.length}; ` +
        `contract violations: ${github.contractViolations.length + argo.contractViolations.length}\n`,
    );

    const octokit = new (Octokit.plugin(restEndpointMethods))({ auth: TOKEN, baseUrl: github.apiUrl });
    const { data: issues } = await octokit.rest.issues.listForRepo({ owner: 'acme', repo: 'config', labels: 'gitops-drift', state: 'all' });
    for (const issue of issues) {
      process.stdout.write(
        `Tracking issue #${issue.number} (${issue.state}): ${issue.title} ` +
          `[${issue.labels.map((label) => (typeof label === 'string' ? label : label.name)).join(', ')}]\n`,
      );
    }
    process.stdout.write('\nJob summary (markdown):\n');
    process.stdout.write(run.summary);
  } finally {
    await argo?.close();
    await github?.close();
  }
}
