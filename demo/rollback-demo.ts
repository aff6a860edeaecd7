/**
 * The rollback part of `npm run demo`: a bad web release reaches production,
 * rollback (through the simulated GitHub API, no clone) opens the rollback PR
 * with a hold; once merged, promote into production is refused in one line
 * naming the hold, and release lifts it.
 */
import { Octokit } from '@octokit/core';
import { restEndpointMethods } from '@octokit/plugin-rest-endpoint-methods';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runAction, type ActionRun } from '../__tests__/helpers/action-runner.js';
import { startGitHubSimulator } from '../test-infra/simulators/github/index.js';

const TOKEN = 'ghp_demoRollbackToken00000000000000000000';
const WEB_PRODUCTION = 'apps/web/overlays/production/kustomization.yaml';
/** web 1.4.0's digest as examples/config-repo pins it in staging. */
const WEB_1_4_0_DIGEST = 'sha256:6073581938d2c34cae31f7e79ea190a4b424c17c7e62cd60245a46ceccb3799a';
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=Demo', '-c', 'user.email=demo@example.com', ...args], { cwd, encoding: 'utf8' });

const shown = (run: ActionRun): string =>
  run.stdout
    .split('\n')
    .filter((line) => line && !line.startsWith('::debug') && !line.startsWith('::group') && !line.startsWith('::endgroup'))
    .map((line) => `  | ${line}`)
    .join('\n') + '\n';

export async function runRollbackDemo(options: { work: string; remote: string }): Promise<void> {
  const { work } = options;
  git(work, 'pull', '--quiet', '--ff-only', 'origin', 'main');
  const file = join(work, WEB_PRODUCTION);
  // A bad release: web 1.4.0 lands in production (as a merged promotion would put it).
  writeFileSync(
    file,
    readFileSync(file, 'utf8')
      .replace('newTag: 1.3.2', 'newTag: 1.4.0')
      .replace(/digest: sha256:[0-9a-f]{64}/, `digest: ${WEB_1_4_0_DIGEST}`),
  );
  git(work, 'commit', '--quiet', '-am', 'Promote web 1.4.0 to production');
  git(work, 'push', '--quiet', 'origin', 'HEAD:main');
  process.stdout.write(`web 1.4.0 reached production: ${git(work, 'log', '--oneline', '-1')}`);

  const sim = await startGitHubSimulator({
    repos: [{ owner: 'acme', name: 'config', path: options.remote, collaborators: { octocat: 'write' } }],
    users: [{ login: 'octocat' }],
    teams: [{ org: 'acme', slug: 'platform' }],
    tokens: [{ token: TOKEN, login: 'promote-bot', permission: 'admin' }],
  });
  const env = {
    GITHUB_API_URL: sim.apiUrl,
    GITHUB_GRAPHQL_URL: sim.graphqlUrl,
    GITHUB_SERVER_URL: sim.serverUrl,
    GITHUB_REPOSITORY: 'acme/app',
    GITHUB_RUN_ID: '3',
    GITHUB_ACTOR: 'octocat',
  };
  const run = (inputs: Record<string, string>) => runAction({ inputs: { token: TOKEN, repository: 'acme/config', ...inputs }, env });
  const octokit = new (Octokit.plugin(restEndpointMethods))({ auth: TOKEN, baseUrl: sim.apiUrl });
  try {
    process.stdout.write('\nrollback production to previous, with a reason; production lands by pull request\n');
    sim.resetLog();
    const rollback = await run({ command: 'rollback', environment: 'production', reason: 'web 1.4.0 answers 500 on /checkout', 'hold-until': '48h' });
    process.stdout.write(shown(rollback));
    if (rollback.exitCode !== 0) throw new Error(`rollback failed (exit ${rollback.exitCode})`);
    const number = Number(rollback.outputs['pull-request-number']);
    const { data: pr } = await octokit.rest.pulls.get({ owner: 'acme', repo: 'config', pull_number: number });
    const reads = sim.requests.filter((entry) => !entry.write).length;
    process.stdout.write(
      [
        `images=${rollback.outputs.images}`,
        `Pull request #${pr.number}, ${pr.head.ref} → ${pr.base.ref}: ${pr.title} [${pr.labels.map((label) => label.name).join(', ')}]`,
        `API requests: ${sim.requests.length} (${reads} reads)`,
        'Body:',
        ...(pr.body ?? '').split('\n').map((line) => `  > ${line}`),
        '',
      ].join('\n'),
    );
    await octokit.rest.pulls.merge({ owner: 'acme', repo: 'config', pull_number: number, merge_method: 'squash' });
    process.stdout.write(`Merged #${number}; the hold is on main:\n${git(options.remote, 'show', 'main:.gitops-promote/holds/production.yaml')}`);

    process.stdout.write('\npromote staging → production while the hold stands: refused in one line\n');
    const refused = await run({ command: 'promote', from: 'staging', to: 'production' });
    process.stdout.write(shown(refused));
    process.stdout.write(`exit code ${refused.exitCode}\n`);

    process.stdout.write('\nrelease production: the hold goes, by pull request as production lands\n');
    const release = await run({ command: 'release', environment: 'production', reason: 'fixed in web 1.4.1' });
    process.stdout.write(shown(release));
    if (release.exitCode !== 0) throw new Error(`release failed (exit ${release.exitCode})`);
    const releaseNumber = Number(release.outputs['pull-request-number']);
    await octokit.rest.pulls.merge({ owner: 'acme', repo: 'config', pull_number: releaseNumber, merge_method: 'squash' });
    process.stdout.write(`Merged #${releaseNumber}: ${git(options.remote, 'log', '--oneline', '-1', 'main')}`);
  } finally {
    await sim.close();
  }
}
