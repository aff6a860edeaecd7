import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { join } from 'node:path';
import { errorAnnotations, runAction } from '../helpers/action-runner.js';
import { git, readText, writeText } from '../helpers/git-fixtures.js';
import { branches, startPromoteWorld, type PromoteWorld } from './promote-fixture.js';

// The promotion config of examples/config-repo makes production protected with
// require-digest. These runs pass every action.yml input with its default, as
// GitHub does, and set neither protected nor require-digest: the config's
// guard must hold on its own.

const WEB_STAGING = 'apps/web/overlays/staging/kustomization.yaml';
const WEB_PRODUCTION = 'apps/web/overlays/production/kustomization.yaml';
const DIGEST_LINE = /\n\s+digest: sha256:[0-9a-f]{64}/;

let world: PromoteWorld;
beforeEach(async () => {
  world = await startPromoteWorld();
});
afterEach(async () => {
  await world.close();
});

/** Commits an edit of one file on the remote's main, through the working clone. */
function commitOnMain(file: string, change: (text: string) => string): void {
  const path = join(world.repo.work, file);
  writeText(path, change(readText(path)));
  git(world.repo.work, 'commit', '--quiet', '-am', `Edit ${file}`);
  git(world.repo.work, 'push', '--quiet', 'origin', 'main');
}

const findings = (stdout: string) => errorAnnotations({ stdout } as Parameters<typeof errorAnnotations>[0]);

describe("the promotion config's production policy, with every action.yml default passed", () => {
  test('validate --environment production refuses a latest tag and a missing digest', async () => {
    commitOnMain(WEB_PRODUCTION, (text) => text.replace(/newTag: [^\n]+/, 'newTag: latest'));
    const latest = await runAction({ inputs: { command: 'validate', path: world.repo.work, environment: 'production' } });
    expect(latest.exitCode).toBe(1);
    expect(latest.outputs.valid).toBe('false');
    expect(findings(latest.stdout).join('\n')).toMatch(/uses the 'latest' tag/);

    commitOnMain(WEB_PRODUCTION, (text) => text.replace('newTag: latest', 'newTag: 1.3.2').replace(DIGEST_LINE, ''));
    const undigested = await runAction({ inputs: { command: 'validate', path: world.repo.work, environment: 'production' } });
    expect(undigested.exitCode).toBe(1);
    expect(findings(undigested.stdout).join('\n')).toMatch(/ghcr\.io\/acme\/web:1\.3\.2.*digest/);
  });

  test('an explicit protected: false from the workflow still overrides the config', async () => {
    commitOnMain(WEB_PRODUCTION, (text) => text.replace(/newTag: [^\n]+/, 'newTag: latest'));
    const run = await runAction({ inputs: { command: 'validate', path: world.repo.work, environment: 'production', protected: 'false' } });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.valid).toBe('true');
  });

  test('set-image --validate into production refuses an image without a digest and writes nothing', async () => {
    const before = world.repo.remoteHead();
    const run = await world.run('set-image', { path: world.repo.work, environment: 'production', images: 'web=ghcr.io/acme/web:1.5.0', validate: 'true' });
    expect(run.exitCode).toBe(1);
    expect(findings(run.stdout).join('\n')).toMatch(/digest/);
    expect(world.repo.remoteHead()).toBe(before);
    expect(world.writes()).toEqual([]);
    expect(branches(world.repo)).toEqual(['main']);
  });

  test('promote --to production --validate refuses a source without digests and opens no pull request', async () => {
    commitOnMain(WEB_STAGING, (text) => text.replace(DIGEST_LINE, ''));
    const run = await world.promote({ to: 'production', validate: 'true' });
    expect(run.exitCode).toBe(1);
    expect(findings(run.stdout).join('\n')).toMatch(/digest/);
    expect(world.writes()).toEqual([]);
    expect(branches(world.repo)).toEqual(['main']);
  });

  test('promote --to production --validate passes when staging carries digests, and ticks validation', async () => {
    const run = await world.promote({ to: 'production', validate: 'true' });
    expect(errorAnnotations(run)).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.outputs['pull-request-number']).toBe('1');
    const { data } = await world.octokit.rest.pulls.get({ owner: 'acme', repo: 'config', pull_number: 1 });
    expect(data.body).toContain('- [x] The production overlays validate');
  });
});
