import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { existsSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { errorAnnotations, runAction, type ActionRun } from '../helpers/action-runner.js';
import { createConfigRepo, git, redateHead, type ConfigRepo } from '../helpers/git-fixtures.js';
import { commitOverlay, overlayFile, setTag } from './drift-fixture.js';

// rollback, release and holds in a checkout, landing by commit (dev lands by commit in examples/config-repo).

const WEB_DEV = overlayFile('web', 'dev');
const HOLD = '.gitops-promote/holds/dev.yaml';
const HOUR = 3_600_000;

let repo: ConfigRepo;
let seed: string;
let first: string;
beforeEach(() => {
  // The seed commit three days ago, then web 1.4.1 → 1.5.0 (two days ago) → 1.6.0 (one).
  repo = createConfigRepo();
  redateHead(repo.work, new Date(Date.now() - 72 * HOUR).toISOString());
  seed = git(repo.work, 'rev-parse', 'HEAD');
  first = commitOverlay(repo.work, 'web', 'dev', setTag('1.5.0'), 2, 'web 1.5.0');
  commitOverlay(repo.work, 'web', 'dev', setTag('1.6.0'), 1, 'web 1.6.0');
  git(repo.work, 'push', '-q', 'origin', 'HEAD:main');
});
afterEach(() => repo.cleanup());

function run(command: string, inputs: Record<string, string>): Promise<ActionRun> {
  return runAction({ inputs: { command, path: repo.work, environment: 'dev', ...inputs }, env: { GITHUB_ACTOR: 'octocat' } });
}

const tagOnRemote = (): string | undefined => /newTag: (\S+)/.exec(repo.remoteFile(WEB_DEV))?.[1];
const errorLines = (result: ActionRun): string[] => result.stdout.split('\n').filter((line) => line.startsWith('::error'));

describe('rollback in a checkout, landing by commit', () => {
  test('to previous: the images before the last change come back, with a hold in the same commit', async () => {
    const result = await run('rollback', { reason: 'web 1.6.0 leaks memory' });
    expect(errorAnnotations(result)).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(tagOnRemote()).toBe('1.5.0');
    expect(result.outputs.changed).toBe('true');
    expect(result.outputs['commit-sha']).toBe(repo.remoteHead());
    expect(result.outputs['pull-request-number']).toBe('');
    const images = JSON.parse(result.outputs.images) as Array<{ app: string; image: string; old: string; new: string }>;
    expect(images.map((change) => `${change.app} ${change.image} ${change.old} -> ${change.new}`)).toEqual([
      expect.stringMatching(/^web web ghcr\.io\/acme\/web:1\.6\.0@sha256:[0-9a-f]+ -> ghcr\.io\/acme\/web:1\.5\.0@sha256:[0-9a-f]+$/),
    ]);
    // One commit: the overlay and the hold.
    expect(git(repo.remote, 'show', '--name-only', '--format=%s', 'main').split('\n').filter(Boolean)).toEqual(['Roll back dev: web', HOLD, WEB_DEV]);
    const hold = repo.remoteFile(HOLD);
    expect(hold).toContain('who: "octocat"');
    expect(hold).toContain('why: "web 1.6.0 leaks memory"');
    expect(hold).toContain(`restores: "${first}"`);
    // Comments and layout survive the edit.
    expect(repo.remoteFile(WEB_DEV)).toContain('  - name: web # the name used in base/deployment.yaml');
    expect(result.summary).toContain('gitops-promote rollback: dev');
  });

  test('to a commit SHA, to a date, to app=version', async () => {
    const toSeed = await run('rollback', { to: seed.slice(0, 10) });
    expect(errorAnnotations(toSeed)).toEqual([]);
    expect(tagOnRemote()).toBe('1.4.1');

    git(repo.work, 'pull', '-q', '--ff-only', 'origin', 'main');
    const toDate = await run('rollback', { to: new Date(Date.now() - 36 * HOUR).toISOString() });
    expect(errorAnnotations(toDate)).toEqual([]);
    expect(tagOnRemote()).toBe('1.5.0');

    git(repo.work, 'pull', '-q', '--ff-only', 'origin', 'main');
    const toVersion = await run('rollback', { to: 'web=1.6.0' });
    expect(errorAnnotations(toVersion)).toEqual([]);
    expect(tagOnRemote()).toBe('1.6.0');
    expect(toVersion.outputs.changed).toBe('true');
  });

  test.each([
    ['a date before all history', '2020-01-01', "Input 'to': '2020-01-01' names nothing in history"],
    ['a version never run', 'web=9.9.9', "Input 'to': 'web=9.9.9' names nothing in history: web never had tag 9.9.9"],
    ['an unknown commit', 'deadbeefdeadbeef', "Input 'to': 'deadbeefdeadbeef' names nothing in history"],
    ['an app the environment lacks', 'shop=1.0.0', "Input 'to': names app 'shop', which has no overlays in dev"],
    ['no kind of target at all', 'yesterday', "Input 'to': 'yesterday' is neither previous"],
  ])('to %s: one line naming to, nothing written', async (_case, to, message) => {
    const head = repo.remoteHead();
    const result = await run('rollback', { to });
    expect(result.exitCode).toBe(1);
    expect(errorLines(result)).toHaveLength(1);
    expect(errorLines(result)[0]).toContain(message);
    expect(repo.remoteHead()).toBe(head);
    expect(git(repo.work, 'status', '--porcelain')).toBe('');
  });

  test('the hold refuses set-image in one line, override-hold goes past it (and says so), release lifts it', async () => {
    expect((await run('rollback', { reason: 'bad build', 'hold-until': '48h' })).exitCode).toBe(0);
    git(repo.work, 'pull', '-q', '--ff-only', 'origin', 'main');
    const head = repo.remoteHead();

    const refused = await run('set-image', { images: 'web=ghcr.io/acme/web:1.7.0' });
    expect(refused.exitCode).toBe(1);
    expect(errorLines(refused)).toEqual([
      expect.stringMatching(
        new RegExp(
          String.raw`^::error::set-image refused: environment 'dev' is on hold since \S+ by octocat: bad build, ` +
            String.raw`until \S+ \(\.gitops-promote/holds/dev\.yaml\)\. Run release`,
        ),
      ),
    ]);
    expect(repo.remoteHead()).toBe(head);

    const overridden = await run('set-image', { images: 'web=ghcr.io/acme/web:1.7.0', 'override-hold': 'true' });
    expect(errorAnnotations(overridden)).toEqual([]);
    expect(tagOnRemote()).toBe('1.7.0');
    expect(overridden.summary).toContain('This change overrides the hold on dev (override-hold: true): put by octocat');

    git(repo.work, 'pull', '-q', '--ff-only', 'origin', 'main');
    const released = await run('release', { reason: 'fixed in 1.7.0' });
    expect(errorAnnotations(released)).toEqual([]);
    expect(released.outputs.changed).toBe('true');
    expect(git(repo.remote, 'ls-tree', '-r', '--name-only', 'main')).not.toContain(HOLD);
    expect(git(repo.remote, 'log', '-1', '--format=%s', 'main')).toBe('Release the hold on dev');

    git(repo.work, 'pull', '-q', '--ff-only', 'origin', 'main');
    expect((await run('set-image', { images: 'web=ghcr.io/acme/web:1.7.1' })).exitCode).toBe(0);
    const again = await run('release', {});
    expect(again.exitCode).toBe(0);
    expect(again.outputs.changed).toBe('false');
  });

  test('a hold whose until has passed holds nothing; a hold file that does not parse fails set-image in one line naming it', async () => {
    mkdirSync(join(repo.work, '.gitops-promote', 'holds'), { recursive: true });
    writeFileSync(join(repo.work, HOLD), 'who: "octocat"\nwhen: "2026-01-01T00:00:00Z"\nuntil: "2026-01-02T00:00:00Z"\n');
    git(repo.work, 'add', HOLD);
    git(repo.work, 'commit', '-qm', 'an old hold');
    git(repo.work, 'push', '-q', 'origin', 'HEAD:main');
    expect((await run('set-image', { images: 'web=ghcr.io/acme/web:1.7.0' })).exitCode).toBe(0);

    git(repo.work, 'pull', '-q', '--ff-only', 'origin', 'main');
    writeFileSync(join(repo.work, HOLD), 'who: [octocat\n');
    git(repo.work, 'commit', '-qam', 'a broken hold');
    git(repo.work, 'push', '-q', 'origin', 'HEAD:main');
    const head = repo.remoteHead();
    const result = await run('set-image', { images: 'web=ghcr.io/acme/web:1.8.0' });
    expect(result.exitCode).toBe(1);
    expect(errorLines(result)).toEqual([expect.stringContaining('::error::The hold file .gitops-promote/holds/dev.yaml is not valid YAML')]);
    expect(repo.remoteHead()).toBe(head);
    // release removes even a broken hold file: that is how it gets fixed.
    expect((await run('release', {})).exitCode).toBe(0);
    expect(existsSync(join(repo.work, HOLD))).toBe(false);
  });
});
