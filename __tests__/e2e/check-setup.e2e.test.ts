import { afterEach, describe, expect, test } from '@jest/globals';
import { errorAnnotations } from '../helpers/action-runner.js';
import { startPromoteWorld, TOKEN, type PromoteWorld } from './promote-fixture.js';

let world: PromoteWorld;
afterEach(async () => {
  await world.close();
});

const annotations = (stdout: string, kind: string) =>
  stdout
    .split('\n')
    .filter((line) => line.startsWith(`::${kind}`))
    .map((line) => line.replace(/^::[a-z]+[^:]*::/, ''));

describe('check-setup, end to end', () => {
  test('an admin App-like token on a repo that allows auto-merge: all good, nothing written', async () => {
    world = await startPromoteWorld();
    const run = await world.run('check-setup', {});
    expect(run.exitCode).toBe(0);
    // What was checked and found fine is said, not only what is wrong.
    expect(run.stdout.split('\n').filter((line) => line.startsWith('✓'))).toEqual([
      '✓ The token can read acme/config.',
      '✓ The token can push to acme/config.',
      '✓ The token is not a GITHUB_TOKEN, so the pull requests it opens start workflows (required checks run).',
      '✓ Auto-merge is allowed in acme/config.',
      '✓ The token can see team platform, to request its review.',
    ]);
    expect(run.stdout).toContain('Read the promotion config gitops-promote.yaml (3 environments).');
    expect(run.outputs.problems).toBe('[]');
    expect(run.summary).toContain('✅ Everything checked is in order for acme/config.');
    expect(run.summary).toContain('| ✅ | The token can push to acme/config. |');
    expect(world.writes()).toEqual([]);
  });

  test.each([
    ['a path outside the repo', '../../etc/passwd', "Input 'config': '../../etc/passwd' must be a path inside the config repo."],
    ['a file that does not exist', 'nonexistent.yaml', "Input 'config': 'nonexistent.yaml' does not exist in acme/config."],
  ])('config naming %s is refused in one line, as promote and drift-check refuse it', async (_name, config, message) => {
    world = await startPromoteWorld();
    const run = await world.run('check-setup', { config });
    expect(run.exitCode).toBe(1);
    expect(errorAnnotations(run)).toEqual([message]);
  });

  test('auto-merge not allowed and a team the token cannot see: warnings that say how to fix them', async () => {
    world = await startPromoteWorld({ allowAutoMerge: false, tokens: [{ token: TOKEN, login: 'promote-bot', permission: 'write', canReadOrgTeams: false }] });
    const run = await world.run('check-setup', {});
    expect(run.exitCode).toBe(0);
    expect(annotations(run.stdout, 'warning')).toEqual([
      expect.stringContaining('Auto-merge is not allowed in acme/config; switch on Settings → General → Pull Requests → Allow auto-merge'),
      expect.stringContaining('The token cannot see team platform'),
    ]);
  });

  test("another repository's GITHUB_TOKEN: fails, saying it reaches only its own repository", async () => {
    world = await startPromoteWorld({
      tokens: [{ token: TOKEN, login: 'github-actions[bot]', permission: 'write', actionsRepository: 'acme/app', canReadOrgTeams: false }],
    });
    const run = await world.run('check-setup', {});
    expect(run.exitCode).toBe(1);
    // One problem, one error line.
    expect(errorAnnotations(run)).toEqual([
      expect.stringMatching(/^The token cannot see acme\/config\. A workflow's GITHUB_TOKEN reaches only its own repository \(acme\/app\)/),
    ]);
    expect(JSON.parse(run.outputs.problems)).toEqual([{ level: 'error', message: expect.stringContaining('The token cannot see acme/config.') }]);
    expect(run.stdout).toContain('check-setup found 1 problem that stops the writing commands (above).');
    expect(run.summary).toContain('❌');
  });

  test("the config repo's own GITHUB_TOKEN: PRs start no workflows (warning)", async () => {
    world = await startPromoteWorld({
      tokens: [{ token: TOKEN, login: 'github-actions[bot]', permission: 'write', actionsRepository: 'acme/config', canReadOrgTeams: false }],
    });
    const run = await world.run('check-setup', {}, { GITHUB_REPOSITORY: 'acme/config' });
    expect(run.exitCode).toBe(0);
    expect(annotations(run.stdout, 'warning')[0]).toContain(
      "If this is the workflow's GITHUB_TOKEN: pull requests it opens start no workflows, so required checks never run",
    );
  });
});
