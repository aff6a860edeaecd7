import { afterEach, describe, expect, test } from '@jest/globals';
import { errorAnnotations } from '../helpers/action-runner.js';
import { startPromoteWorld, TOKEN, type PromoteWorld } from './promote-fixture.js';

let world: PromoteWorld;
afterEach(async () => {
  await world.close();
});

const annotations = (stdout: string, kind: string) => stdout.split('\n').filter((line) => line.startsWith(`::${kind}`)).map((line) => line.replace(/^::[a-z]+[^:]*::/, ''));

describe('check-setup, end to end', () => {
  test('an admin App-like token on a repo that allows auto-merge: all good, nothing written', async () => {
    world = await startPromoteWorld();
    const run = await world.run('check-setup', {});
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('✓ The token can push to acme/config and open promotion pull requests.');
    expect(world.writes()).toEqual([]);
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
    world = await startPromoteWorld({ tokens: [{ token: TOKEN, login: 'github-actions[bot]', permission: 'write', actionsRepository: 'acme/app', canReadOrgTeams: false }] });
    const run = await world.run('check-setup', {});
    expect(run.exitCode).toBe(1);
    expect(errorAnnotations(run).at(-1)).toMatch(/^check-setup found 1 problem: The token cannot see acme\/config\. A workflow's GITHUB_TOKEN reaches only its own repository \(acme\/app\)/);
  });

  test("the config repo's own GITHUB_TOKEN: PRs start no workflows (warning)", async () => {
    world = await startPromoteWorld({ tokens: [{ token: TOKEN, login: 'github-actions[bot]', permission: 'write', actionsRepository: 'acme/config', canReadOrgTeams: false }] });
    const run = await world.run('check-setup', {}, { GITHUB_REPOSITORY: 'acme/config' });
    expect(run.exitCode).toBe(0);
    expect(annotations(run.stdout, 'warning')[0]).toContain("If this is the workflow's GITHUB_TOKEN: pull requests it opens start no workflows, so required checks never run");
  });
});
