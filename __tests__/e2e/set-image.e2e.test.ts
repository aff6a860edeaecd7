import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { join } from 'node:path';
import { errorAnnotations, runAction, type ActionRun } from '../helpers/action-runner.js';
import { createConfigRepo, EXAMPLE_DIGESTS, exampleReference, git, readText, writeText, type ConfigRepo } from '../helpers/git-fixtures.js';

const DIGEST = `sha256:${'ab'.repeat(32)}`;
const WEB_DEV = 'apps/web/overlays/dev/kustomization.yaml';

let repo: ConfigRepo;
beforeEach(() => {
  repo = createConfigRepo();
});
afterEach(() => repo.cleanup());

function setImage(inputs: Record<string, string>, cwd = repo.work): Promise<ActionRun> {
  return runAction({ inputs: { command: 'set-image', path: cwd, ...inputs } });
}

/** Lines that differ between two texts, as [removed, added]. */
function changedLines(before: string, after: string): [string[], string[]] {
  const a = before.split('\n');
  const b = after.split('\n');
  return [a.filter((line) => !b.includes(line)), b.filter((line) => !a.includes(line))];
}

describe('set-image, end to end through dist/index.js', () => {
  test('sets a tag, changes only that line, commits and pushes, and reports it', async () => {
    const before = repo.remoteFile(WEB_DEV);
    const run = await setImage({ overlays: 'apps/web/overlays/dev', images: `web=*:1.4.2@${DIGEST}` });

    expect(run.exitCode).toBe(0);
    expect(run.outputs.changed).toBe('true');
    expect(run.outputs['commit-sha']).toBe(repo.remoteHead());
    expect(JSON.parse(run.outputs.images)).toEqual([
      { overlay: 'apps/web/overlays/dev', file: WEB_DEV, image: 'web', old: exampleReference('web:1.4.1'), new: `ghcr.io/acme/web:1.4.2@${DIGEST}` },
    ]);
    expect(changedLines(before, repo.remoteFile(WEB_DEV))).toEqual([
      ['    newTag: 1.4.1', `    digest: ${EXAMPLE_DIGESTS['web:1.4.1']}`],
      ['    newTag: 1.4.2', `    digest: ${DIGEST}`],
    ]);
    expect(repo.commitCount()).toBe(2);
    expect(git(repo.remote, 'log', '-1', '--format=%an <%ae>%n%s', 'main')).toBe(
      `github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>\nSet web=ghcr.io/acme/web:1.4.2@${DIGEST} in apps/web/overlays/dev`,
    );
    expect(run.summary).toContain('apps/web/overlays/dev');
    expect(run.summary).toContain(`<code>${exampleReference('web:1.4.1')}</code> → <code>ghcr.io/acme/web:1.4.2@${DIGEST}</code>`);
    expect(run.summary).toContain(run.outputs['commit-sha']);
  });

  test('edits every overlay a glob matches, for several images, in one commit', async () => {
    const run = await setImage({
      overlays: 'apps/*/overlays/dev',
      images: 'web=ghcr.io/acme/web:1.5.0\nghcr.io/acme/api:2.9.0, ghcr.io/acme/api-migrations:2.9.0',
    });
    expect(run.exitCode).toBe(0);
    expect(repo.commitCount()).toBe(2);
    expect((JSON.parse(run.outputs.images) as Array<{ overlay: string; new: string }>).map((change) => `${change.overlay} ${change.new}`)).toEqual([
      'apps/api/overlays/dev ghcr.io/acme/api:2.9.0',
      'apps/api/overlays/dev ghcr.io/acme/api-migrations:2.9.0',
      'apps/web/overlays/dev ghcr.io/acme/web:1.5.0',
    ]);
    // The api overlay's numeric-looking tags keep their double quotes.
    expect(repo.remoteFile('apps/api/overlays/dev/kustomization.yaml')).toContain('  newTag: "2.9.0"\n');
  });

  test('setting what is already there changes nothing and makes no commit', async () => {
    const run = await setImage({ overlays: 'apps/web/overlays/dev', images: `web=${exampleReference('web:1.4.1')}` });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.changed).toBe('false');
    expect(run.outputs['commit-sha']).toBe('');
    expect(run.outputs.images).toBe('[]');
    expect(repo.commitCount()).toBe(1);
  });

  test('pins a tag and digest in production, keeping the comment above the entry', async () => {
    const file = 'apps/web/overlays/production/kustomization.yaml';
    const before = repo.remoteFile(file);
    const run = await setImage({ overlays: 'apps/web/overlays/production', images: `web=ghcr.io/acme/web:1.4.2@${DIGEST}` });
    expect(run.exitCode).toBe(0);
    const after = repo.remoteFile(file);
    expect(after).toContain('  # Keep the tag for humans; the digest is what the cluster pulls.\n');
    expect(changedLines(before, after)[1]).toEqual(['    newTag: 1.4.2', `    digest: ${DIGEST}`]);
  });

  test('warns when an argument drops the newName, showing the * form that keeps it', async () => {
    const run = await setImage({ overlays: 'apps/web/overlays/dev', images: 'web:1.4.2', 'verify-render': 'false' });
    expect(run.exitCode).toBe(0);
    const warning = run.stdout.split('\n').find((line) => line.startsWith('::warning'));
    expect(warning).toContain(`removes newName 'ghcr.io/acme/web' and digest '${EXAMPLE_DIGESTS['web:1.4.1']}'`);
    expect(warning).toContain("'web=*:1.4.2@*'");
  });

  test('refuses a semver downgrade unless allow-downgrade is true', async () => {
    const refused = await setImage({ overlays: 'apps/web/overlays/dev', images: 'web=*:1.3.9' });
    expect(refused.exitCode).toBe(1);
    expect(errorAnnotations(refused)).toEqual([
      "Input 'images': 'web=*:1.3.9' would downgrade web in apps/web/overlays/dev from 1.4.1 to 1.3.9; set allow-downgrade: true to allow it.",
    ]);
    expect(repo.commitCount()).toBe(1);

    const allowed = await setImage({ overlays: 'apps/web/overlays/dev', images: 'web=*:1.3.9', 'allow-downgrade': 'true' });
    expect(allowed.exitCode).toBe(0);
    expect(repo.remoteFile(WEB_DEV)).toContain('newTag: 1.3.9');
  });

  test('dry-run prints the diff and writes nothing', async () => {
    const before = readText(join(repo.work, WEB_DEV));
    const run = await setImage({ overlays: 'apps/web/overlays/dev', images: 'web=*:1.4.2', 'dry-run': 'true' });
    expect(run.exitCode).toBe(0);
    // changed means the same in a dry run: the image would move.
    expect(run.outputs.changed).toBe('true');
    expect(JSON.parse(run.outputs.images)).toHaveLength(1);
    expect(run.stdout).toContain('-    newTag: 1.4.1');
    expect(run.stdout).toContain('+    newTag: 1.4.2');
    expect(readText(join(repo.work, WEB_DEV))).toBe(before);
    expect(repo.commitCount()).toBe(1);
  });

  test('push: false commits locally and leaves the remote alone', async () => {
    const run = await setImage({ overlays: 'apps/web/overlays/dev', images: 'web=*:1.4.2', push: 'false' });
    expect(run.exitCode).toBe(0);
    expect(run.outputs['commit-sha']).toBe(git(repo.work, 'rev-parse', 'HEAD'));
    expect(repo.commitCount()).toBe(1);
  });

  test('re-applies the edit when the remote moved after the checkout', async () => {
    const other = repo.clone();
    const elsewhere = await setImage({ overlays: 'apps/api/overlays/dev', images: 'ghcr.io/acme/api:2.9.0' }, other);
    expect(elsewhere.exitCode).toBe(0);

    const run = await setImage({ overlays: 'apps/web/overlays/dev', images: 'web=*:1.4.2' });
    expect(run.exitCode).toBe(0);
    expect(repo.commitCount()).toBe(3);
    expect(repo.remoteFile(WEB_DEV)).toContain('newTag: 1.4.2');
    expect(repo.remoteFile('apps/api/overlays/dev/kustomization.yaml')).toContain('newTag: "2.9.0"');
  });

  test('planned again on a moved head, each overlay says once which image it does not render', async () => {
    const other = repo.clone();
    expect((await setImage({ overlays: 'apps/api/overlays/staging', images: 'ghcr.io/acme/api=*:2.9.0' }, other)).exitCode).toBe(0);

    const run = await setImage({ environment: 'dev', images: 'web=*:1.4.2\nghcr.io/acme/api:2.9.0' });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('re-applying the edit on the new head (attempt 2)');
    expect(
      run.stdout
        .split('\n')
        .filter((line) => line.includes('renders no image named'))
        .sort(),
    ).toEqual([
      'apps/api/overlays/dev renders no image named web; not adding an entry for it there.',
      'apps/web/overlays/dev renders no image named ghcr.io/acme/api; not adding an entry for it there.',
    ]);
  });

  test('the CLI takes the same inputs as flags and prints the outputs', async () => {
    const run = await runAction({
      inputs: {},
      env: { GITHUB_OUTPUT: '', GITHUB_STEP_SUMMARY: '' },
      args: ['set-image', '--path', repo.work, '--overlays', 'apps/web/overlays/staging', '--images', 'web=*:1.4.1'],
    });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('changed: true');
    expect(run.stdout).toMatch(/commit-sha: [0-9a-f]{40}/);
    expect(repo.remoteFile('apps/web/overlays/staging/kustomization.yaml')).toContain('newTag: 1.4.1');
  });
});

describe('set-image with the promotion config and validation', () => {
  test('environment picks the overlays from gitops-promote.yaml; only overlays that use the image change', async () => {
    const run = await setImage({ environment: 'dev', images: 'web=*:1.4.2' });
    expect(run.exitCode).toBe(0);
    expect((JSON.parse(run.outputs.images) as Array<{ overlay: string }>).map((change) => change.overlay)).toEqual(['apps/web/overlays/dev']);
    expect(repo.remoteFile('apps/api/overlays/dev/kustomization.yaml')).not.toContain('name: web');
  });

  test('validate: true refuses, writing nothing, an edit that breaks a protected environment policy', async () => {
    const file = 'apps/web/overlays/production/kustomization.yaml';
    const before = readText(join(repo.work, file));
    const run = await setImage({ environment: 'production', images: 'web=ghcr.io/acme/web:latest', validate: 'true', 'allow-downgrade': 'true' });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/::error [^\n]*file=apps\/web\/overlays\/production\/kustomization.yaml,line=\d+::[^\n]*latest/);
    expect(run.stdout).toContain('latest');
    expect(readText(join(repo.work, file))).toBe(before);
    expect(git(repo.work, 'status', '--porcelain')).toBe('');
    expect(repo.commitCount()).toBe(1);
  });

  test('validate: true lets a valid edit through', async () => {
    const run = await setImage({ overlays: 'apps/web/overlays/staging', images: 'web=*:1.4.1', validate: 'true' });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.changed).toBe('true');
  });

  test('an environment the config does not declare is a one-line input error', async () => {
    const run = await setImage({ environment: 'qa', images: 'web=*:1.4.2' });
    expect(run.exitCode).toBe(1);
    expect(errorAnnotations(run)).toEqual(["Input 'environment': unknown environment 'qa'; the promotion config declares dev, staging, production."]);
  });
});

describe('set-image render check', () => {
  test('fails, writing nothing, when the image name matches nothing the overlay renders', async () => {
    const before = readText(join(repo.work, WEB_DEV));
    const run = await setImage({ overlays: 'apps/web/overlays/dev', images: 'acme/web=ghcr.io/acme/web:2.0.0' });
    expect(run.exitCode).toBe(1);
    const [error] = errorAnnotations(run);
    expect(error).toContain("'acme/web=ghcr.io/acme/web:2.0.0' matches no image in apps/web/overlays/dev: kustomize matches image names exactly");
    expect(error).toContain(`Rendered images: ${exampleReference('web:1.4.1')}.`);
    expect(readText(join(repo.work, WEB_DEV))).toBe(before);
    expect(git(repo.work, 'status', '--porcelain')).toBe('');
    expect(repo.commitCount()).toBe(1);
  });

  test('skips the check with a warning when the overlay did not render before the edit either', async () => {
    writeText(join(repo.work, 'apps/web/overlays/dev/kustomization.yaml'), readText(join(repo.work, WEB_DEV)).replace('../../base', '../../missing-base'));
    git(repo.work, 'commit', '--quiet', '-am', 'Break the overlay');
    const run = await setImage({ overlays: 'apps/web/overlays/dev', images: 'web=*:1.4.2', push: 'false' });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/::warning::Render check skipped for apps\/web\/overlays\/dev: it did not render before the edit either/);
  });
});

/**
 * The dev overlay's entry `web` renames the base's `web` into ghcr.io/acme/web:1.4.1. kustomize
 * applies entries in order, each to the images as the earlier ones left them, so an argument named
 * ghcr.io/acme/web adds a second entry after `web` that overrides it.
 */
describe('set-image given the full image name, which an entry renames into', () => {
  const warnings = (run: ActionRun): string[] => run.stdout.split('\n').filter((line) => line.startsWith('::warning'));

  /** Commits and pushes a new text of the dev overlay (as an earlier run or a person did). */
  function pushDevOverlay(text: string): void {
    writeText(join(repo.work, WEB_DEV), text);
    git(repo.work, 'commit', '--quiet', '-am', 'Edit the dev overlay');
    git(repo.work, 'push', '--quiet', 'origin', 'main');
  }

  // These cases are about tags: the example's dev digest is taken out, so what renders is name:tag alone
  // (with a digest there, an entry that sets only a tag also drops the digest, which changes the render).
  beforeEach(() => pushDevOverlay(readText(join(repo.work, WEB_DEV)).replace(/\n\s+digest: sha256:[0-9a-f]+/, '')));

  test('a downgrade of what renders is refused in one line naming the entry it would override, and nothing is written', async () => {
    const before = readText(join(repo.work, WEB_DEV));
    const run = await setImage({ overlays: 'apps/web/overlays/dev', images: 'ghcr.io/acme/web:1.0.0' });
    expect(run.exitCode).toBe(1);
    expect(errorAnnotations(run)).toEqual([
      "Input 'images': 'ghcr.io/acme/web:1.0.0' would downgrade ghcr.io/acme/web in apps/web/overlays/dev from 1.4.1 to 1.0.0: " +
        "entry 'web' renames web into ghcr.io/acme/web with tag 1.4.1, and the argument adds an entry 'ghcr.io/acme/web' after it that overrides it. " +
        "To set the image through 'web', write 'web=*:1.0.0'; set allow-downgrade: true to allow the downgrade.",
    ]);
    expect(readText(join(repo.work, WEB_DEV))).toBe(before);
    expect(git(repo.work, 'status', '--porcelain')).toBe('');
    expect(repo.commitCount()).toBe(2);
  });

  test('an upgrade lands as kustomize edits it (a second entry, which renders the new version), with a warning naming the argument meant', async () => {
    const run = await setImage({ overlays: 'apps/web/overlays/dev', images: 'ghcr.io/acme/web:1.5.0' });
    expect(run.exitCode).toBe(0);
    expect(warnings(run)).toEqual([
      "::warning::'ghcr.io/acme/web:1.5.0' is named after ghcr.io/acme/web, which entry 'web' renames web into in apps/web/overlays/dev, " +
        "so it adds a second entry, 'ghcr.io/acme/web', after 'web' (as kustomize edit set image does): it overrides 'web', " +
        "and a later 'web=…' changes nothing there. You probably meant 'web=*:1.5.0'.",
    ]);
    expect(repo.remoteFile(WEB_DEV)).toContain('    newTag: 1.4.1\n  - name: ghcr.io/acme/web\n    newTag: 1.5.0\n');
    expect(repo.commitCount()).toBe(3);
  });

  test('an argument that changes nothing in the render is refused, naming the entry that already sets it', async () => {
    const run = await setImage({ overlays: 'apps/web/overlays/dev', images: 'ghcr.io/acme/web:1.4.1' });
    expect(run.exitCode).toBe(1);
    expect(errorAnnotations(run)).toEqual([
      "Input 'images': 'ghcr.io/acme/web:1.4.1' changes nothing that apps/web/overlays/dev renders (it runs ghcr.io/acme/web:1.4.1): " +
        "entry 'web' renames web into ghcr.io/acme/web and sets it already; the argument would only add an entry 'ghcr.io/acme/web' that overrides 'web'. " +
        "Write 'web=*:1.4.1' instead.",
    ]);
    expect(repo.commitCount()).toBe(2);
  });

  test('allow-downgrade: true lets the downgrade through, still with the warning', async () => {
    const run = await setImage({ overlays: 'apps/web/overlays/dev', images: 'ghcr.io/acme/web:1.0.0', 'allow-downgrade': 'true' });
    expect(run.exitCode).toBe(0);
    expect(warnings(run)).toEqual([expect.stringContaining("You probably meant 'web=*:1.0.0'.")]);
    expect(repo.remoteFile(WEB_DEV)).toContain('  - name: ghcr.io/acme/web\n    newTag: 1.0.0\n');
    expect(repo.commitCount()).toBe(3);
  });

  test('the render guard refuses a downgrade the file alone cannot show (the renaming entry sets no tag; the base does)', async () => {
    pushDevOverlay(readText(join(repo.work, WEB_DEV)).replace('    newTag: 1.4.1\n', ''));
    const deployment = join(repo.work, 'apps/web/base/deployment.yaml');
    writeText(deployment, readText(deployment).replace('image: web:latest', 'image: web:1.4.1'));
    git(repo.work, 'commit', '--quiet', '-am', 'Pin the base');
    git(repo.work, 'push', '--quiet', 'origin', 'main');

    const refused = await setImage({ overlays: 'apps/web/overlays/dev', images: 'ghcr.io/acme/web:1.0.0' });
    expect(refused.exitCode).toBe(1);
    expect(errorAnnotations(refused)).toEqual([
      "Input 'images': apps/web/overlays/dev would run ghcr.io/acme/web:1.0.0 where ghcr.io/acme/web:1.4.1 runs now (Deployment/web-dev/web): " +
        'a semver downgrade. ' +
        "'ghcr.io/acme/web:1.0.0' adds an entry 'ghcr.io/acme/web' after entry 'web', which renames web into ghcr.io/acme/web, and the new entry wins; " +
        "to set the image through 'web', write 'web=*:1.0.0'. Set allow-downgrade: true to allow it.",
    ]);
    expect(git(repo.work, 'status', '--porcelain')).toBe('');
    expect(repo.commitCount()).toBe(4);

    const allowed = await setImage({ overlays: 'apps/web/overlays/dev', images: 'ghcr.io/acme/web:1.0.0', 'allow-downgrade': 'true' });
    expect(allowed.exitCode).toBe(0);
    expect(repo.commitCount()).toBe(5);
  });

  test('"matched nothing" names the entry an earlier full-name run added, which overrides the one the argument sets', async () => {
    pushDevOverlay(readText(join(repo.work, WEB_DEV)).replace('    newTag: 1.4.1\n', '    newTag: 1.4.1\n  - name: ghcr.io/acme/web\n    newTag: 1.0.0\n'));
    const run = await setImage({ overlays: 'apps/web/overlays/dev', images: 'web=ghcr.io/acme/web:1.5.0' });
    expect(run.exitCode).toBe(1);
    expect(errorAnnotations(run)).toEqual([
      "apps/web/overlays/dev: after setting 'web=ghcr.io/acme/web:1.5.0', no rendered image is ghcr.io/acme/web:1.5.0. " +
        "Entry 'ghcr.io/acme/web', later in images:, matches what 'web' renders and sets it to ghcr.io/acme/web:1.0.0, so it wins " +
        '(an earlier set-image given the full image name adds such an entry). Remove that entry, ' +
        "or set the image through it with 'ghcr.io/acme/web=*:1.5.0'. " +
        'The overlay renders: ghcr.io/acme/web:1.0.0.',
    ]);
    expect(repo.commitCount()).toBe(3);
  });
});
