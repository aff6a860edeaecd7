/**
 * The promote part of `npm run demo`: the GitHub simulator serves the demo's
 * bare config repo (which already holds the dev set-image commit), the built
 * action promotes dev → staging through the API, and the PR is printed as the
 * simulator holds it.
 */
import { Octokit } from '@octokit/core';
import { restEndpointMethods } from '@octokit/plugin-rest-endpoint-methods';
import { runAction } from '../__tests__/helpers/action-runner.js';
import { startGitHubSimulator } from '../test-infra/simulators/github/index.js';

const TOKEN = 'ghp_demoPromoteToken000000000000000000000';

export async function runPromoteDemo(options: { dir: string; remote: string }): Promise<void> {
  const sim = await startGitHubSimulator({
    repos: [{ owner: 'acme', name: 'config', path: options.remote, allowAutoMerge: true, collaborators: { octocat: 'write' } }],
    users: [{ login: 'octocat' }],
    teams: [{ org: 'acme', slug: 'platform' }],
    tokens: [{ token: TOKEN, login: 'promote-bot', permission: 'admin' }],
  });
  try {
    process.stdout.write(`GitHub simulator at ${sim.apiUrl}; promoting dev → staging with no clone (path empty)\n`);
    const run = await runAction({
      inputs: {
        command: 'promote',
        from: 'dev',
        to: 'staging',
        token: TOKEN,
        repository: 'acme/config',
        'source-repository': 'web=acme/web',
        reviewers: 'octocat',
      },
      env: {
        GITHUB_API_URL: sim.apiUrl,
        GITHUB_GRAPHQL_URL: sim.graphqlUrl,
        GITHUB_SERVER_URL: sim.serverUrl,
        GITHUB_REPOSITORY: 'acme/app',
        GITHUB_RUN_ID: '1',
      },
    });
    process.stdout.write(
      run.stdout
        .split('\n')
        .filter((line) => line && !line.startsWith('::debug'))
        .map((line) => `  | ${line}`)
        .join('\n') + '\n',
    );
    if (run.exitCode !== 0) throw new Error(`promote failed (exit ${run.exitCode})`);
    const octokit = new (Octokit.plugin(restEndpointMethods))({ auth: TOKEN, baseUrl: sim.apiUrl });
    const number = Number(run.outputs['pull-request-number']);
    const { data: pr } = await octokit.rest.pulls.get({ owner: 'acme', repo: 'config', pull_number: number });
    const writes = sim.requests.filter((entry) => entry.write).length;
    const reviewers = [...(pr.requested_reviewers ?? []).map((user) => user.login), ...(pr.requested_teams ?? []).map((team) => `@acme/${team.slug}`)];
    process.stdout.write(
      [
        '',
        `Pull request #${pr.number} (${pr.state}), ${pr.head.ref} → ${pr.base.ref}: ${pr.html_url}`,
        `Title:     ${pr.title}`,
        `Reviewers: ${reviewers.join(', ') || '(none)'}`,
        `Labels:    ${pr.labels.map((label) => label.name).join(', ') || '(none)'}`,
        `Auto-merge: ${pr.auto_merge ? pr.auto_merge.merge_method : 'off'}`,
        `API requests: ${sim.requests.length} (${writes} writes)`,
        'Body:',
        ...(pr.body ?? '').split('\n').map((line) => `  > ${line}`),
        '',
      ].join('\n'),
    );
    await octokit.rest.pulls.update({ owner: 'acme', repo: 'config', pull_number: number, state: 'closed' });
    process.stdout.write(`Closed #${number} (the demo leaves staging as it was).\n`);
  } finally {
    await sim.close();
  }
}
