import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { errorAnnotations, type ActionRun } from '../helpers/action-runner.js';
import { git, type ConfigRepo } from '../helpers/git-fixtures.js';
import type { LineDiff } from '../helpers/line-diff.js';
import {
  changedLinesByFile,
  createHelmConfigRepo,
  digestOf,
  EXAMPLE_HELM_CONFIG_REPO,
  imageRows,
  lastCommitLines,
  NEW_DIGEST,
  PINNED,
  pushEdits,
  setImage,
  type ImageRow,
} from './pins-fixture.js';
import { branches, NAME, OWNER, startPromoteWorld, type PromoteWorld } from './promote-fixture.js';

// set-image into examples/config-repo-helm, whose images sit in pins only: each kind, from the config's environment and named by the inputs.

let repo: ConfigRepo;

const warnings = (run: ActionRun): string[] => run.stdout.split('\n').filter((line) => line.startsWith('::warning::'));

const HELM_NOT_ON_PATH = (label: string, what: 'values' | 'parameters'): string =>
  `::warning::${label}: helm is not on PATH, so charts/web was not templated with the edited ${what}: ` +
  'that the chart prints them into an image is not verified.';

const row = (overlay: string, image: string, old: string, next: string): ImageRow => ({
  overlay,
  file: overlay.slice(overlay.indexOf(': ') + 2),
  image,
  old,
  new: next,
});

const setterLine = (reference: string, policy: string): string => `          image: ${reference} # {"$imagepolicy": "flux-system:${policy}"}`;

interface KindCase {
  name: string;
  inputs: Record<string, string>;
  rows: ImageRow[];
  /** What the commit changed, per file: exactly these lines. */
  lines: Record<string, LineDiff>;
  warnings: string[];
}

const WEB_NEW = `ghcr.io/acme/web:1.4.2@${NEW_DIGEST}`;
const API_NEW = `ghcr.io/acme/api:2.9.0@${NEW_DIGEST}`;
const WORKER_NEW = `ghcr.io/acme/worker:0.9.1@${NEW_DIGEST}`;

const FROM_THE_ENVIRONMENT: KindCase[] = [
  {
    name: 'helm-values (and the image-setters pin beside it): dev’s web',
    inputs: { environment: 'dev', images: `web=*:1.4.2@${NEW_DIGEST}` },
    rows: [
      row('helm-values: environments/dev/values.yaml', 'web', PINNED.webDev, WEB_NEW),
      row('image-setters: clusters/dev/cron.yaml', 'web', PINNED.webDev, WEB_NEW),
    ],
    lines: {
      'clusters/dev/cron.yaml': { removed: [setterLine(PINNED.webDev, 'web-dev')], added: [setterLine(WEB_NEW, 'web-dev')] },
      'environments/dev/values.yaml': {
        removed: ['  tag: "1.4.1"', `  digest: ${digestOf(PINNED.webDev)}`],
        added: ['  tag: "1.4.2"', `  digest: ${NEW_DIGEST}`],
      },
    },
    warnings: [HELM_NOT_ON_PATH('helm-values: environments/dev/values.yaml', 'values')],
  },
  {
    name: 'argocd-application: dev’s api',
    inputs: { environment: 'dev', images: `ghcr.io/acme/api=*:2.9.0@${NEW_DIGEST}` },
    rows: [row('argocd-application: argocd/api-dev.yaml', 'ghcr.io/acme/api', PINNED.apiDev, API_NEW)],
    lines: { 'argocd/api-dev.yaml': { removed: [`        - ${PINNED.apiDev}`], added: [`        - ${API_NEW}`] } },
    warnings: [],
  },
  {
    name: 'helm-release: dev’s worker',
    inputs: { environment: 'dev', images: `worker=*:0.9.1@${NEW_DIGEST}` },
    rows: [row('helm-release: clusters/dev/worker-release.yaml', 'worker', PINNED.workerDev, WORKER_NEW)],
    lines: {
      'clusters/dev/worker-release.yaml': {
        removed: ['      tag: "0.9.0"', `      digest: ${digestOf(PINNED.workerDev)}`],
        added: ['      tag: "0.9.1"', `      digest: ${NEW_DIGEST}`],
      },
    },
    warnings: [],
  },
  {
    name: 'argocd-helm-parameters (and the image-setters pin beside it): production’s web',
    inputs: { environment: 'production', landing: 'commit', images: `web=*:1.4.2@${NEW_DIGEST}` },
    rows: [
      row('argocd-helm-parameters: argocd/web-production.yaml', 'web', PINNED.webProduction, WEB_NEW),
      row('image-setters: clusters/production/cron.yaml', 'web', PINNED.webProduction, WEB_NEW),
    ],
    lines: {
      'argocd/web-production.yaml': {
        removed: ['          value: "1.3.2"', `          value: ${digestOf(PINNED.webProduction)}`],
        added: ['          value: "1.4.2"', `          value: ${NEW_DIGEST}`],
      },
      'clusters/production/cron.yaml': { removed: [setterLine(PINNED.webProduction, 'web-production')], added: [setterLine(WEB_NEW, 'web-production')] },
    },
    warnings: [HELM_NOT_ON_PATH('argocd-helm-parameters: argocd/web-production.yaml', 'parameters')],
  },
];

const NAMED_BY_INPUTS: KindCase[] = [
  {
    name: 'helm-values: environments/staging/values.yaml#image',
    inputs: { 'helm-values': 'environments/staging/values.yaml#image', images: `web=*:1.4.2@${NEW_DIGEST}` },
    rows: [row('helm-values: environments/staging/values.yaml', 'web', PINNED.webStaging, WEB_NEW)],
    lines: {
      'environments/staging/values.yaml': {
        removed: ['  tag: "1.4.0"', `  digest: ${digestOf(PINNED.webStaging)}`],
        added: ['  tag: "1.4.2"', `  digest: ${NEW_DIGEST}`],
      },
    },
    warnings: [HELM_NOT_ON_PATH('helm-values: environments/staging/values.yaml', 'values')],
  },
  {
    // The tag alone: the repository and digest stay as they are, and the check reads the tag.
    name: 'helm-values: environments/staging/values.yaml#image.tag (the tag alone)',
    inputs: { 'helm-values': 'environments/staging/values.yaml#image.tag', images: 'web=*:1.4.2' },
    rows: [row('helm-values: environments/staging/values.yaml', 'web', 'web:1.4.0', 'web:1.4.2')],
    lines: { 'environments/staging/values.yaml': { removed: ['  tag: "1.4.0"'], added: ['  tag: "1.4.2"'] } },
    warnings: [HELM_NOT_ON_PATH('helm-values: environments/staging/values.yaml', 'values')],
  },
  {
    name: 'helm-release: clusters/staging/worker-release.yaml',
    inputs: { 'helm-release': 'clusters/staging/worker-release.yaml', images: `worker=*:0.9.1@${NEW_DIGEST}` },
    rows: [row('helm-release: clusters/staging/worker-release.yaml', 'worker', PINNED.workerStaging, WORKER_NEW)],
    lines: {
      'clusters/staging/worker-release.yaml': {
        removed: ['      tag: "0.8.2"', `      digest: ${digestOf(PINNED.workerStaging)}`],
        added: ['      tag: "0.9.1"', `      digest: ${NEW_DIGEST}`],
      },
    },
    warnings: [],
  },
  {
    name: 'argocd-application: argocd/api-staging.yaml',
    inputs: { 'argocd-application': 'argocd/api-staging.yaml', images: `ghcr.io/acme/api=*:2.9.0@${NEW_DIGEST}` },
    rows: [row('argocd-application: argocd/api-staging.yaml', 'ghcr.io/acme/api', PINNED.apiStaging, API_NEW)],
    lines: { 'argocd/api-staging.yaml': { removed: [`        - ${PINNED.apiStaging}`], added: [`        - ${API_NEW}`] } },
    warnings: [],
  },
  {
    name: 'argocd-helm-parameters: argocd/web-production.yaml',
    inputs: { 'argocd-helm-parameters': 'argocd/web-production.yaml', images: `web=*:1.4.2@${NEW_DIGEST}` },
    rows: [row('argocd-helm-parameters: argocd/web-production.yaml', 'web', PINNED.webProduction, WEB_NEW)],
    lines: {
      'argocd/web-production.yaml': {
        removed: ['          value: "1.3.2"', `          value: ${digestOf(PINNED.webProduction)}`],
        added: ['          value: "1.4.2"', `          value: ${NEW_DIGEST}`],
      },
    },
    warnings: [HELM_NOT_ON_PATH('argocd-helm-parameters: argocd/web-production.yaml', 'parameters')],
  },
  {
    // Named by an input, the setter file belongs to no app: the argument names the image the field holds.
    name: 'image-setters: clusters/staging/cron.yaml',
    inputs: { 'image-setters': 'clusters/staging/cron.yaml', images: `ghcr.io/acme/web=*:1.4.2@${NEW_DIGEST}` },
    rows: [row('image-setters: clusters/staging/cron.yaml', 'ghcr.io/acme/web', PINNED.webStaging, WEB_NEW)],
    lines: { 'clusters/staging/cron.yaml': { removed: [setterLine(PINNED.webStaging, 'web-staging')], added: [setterLine(WEB_NEW, 'web-staging')] } },
    warnings: [],
  },
];

async function expectLandedOnce(theCase: KindCase): Promise<void> {
  const run = await setImage(repo, theCase.inputs);
  expect(errorAnnotations(run)).toEqual([]);
  expect(run.exitCode).toBe(0);
  expect(run.outputs.changed).toBe('true');
  expect(run.outputs['commit-sha']).toBe(repo.remoteHead());
  expect(imageRows(run)).toEqual(theCase.rows);
  expect(repo.commitCount()).toBe(2);
  expect(lastCommitLines(repo)).toEqual(theCase.lines);
  expect(warnings(run)).toEqual(theCase.warnings);
  for (const { overlay, old, new: next } of theCase.rows) {
    expect(run.summary).toContain(`| <code>${overlay}</code> |`);
    expect(run.summary).toContain(`<code>${old}</code> → <code>${next}</code>`);
  }
  expect(run.summary).toContain(`Commit <code>${run.outputs['commit-sha']}</code> on <code>main</code>, pushed.`);
  expect(git(repo.work, 'status', '--porcelain')).toBe('');

  // The same arguments again: every pin already holds them.
  const again = await setImage(repo, theCase.inputs);
  expect(again.exitCode).toBe(0);
  expect(again.outputs.changed).toBe('false');
  expect(again.outputs['commit-sha']).toBe('');
  expect(again.outputs.images).toBe('[]');
  expect(repo.commitCount()).toBe(2);
}

describe('with a checkout (path)', () => {
  beforeEach(() => {
    repo = createHelmConfigRepo();
  });
  afterEach(() => repo.cleanup());

  describe('set-image of each pin kind, end to end through dist/index.js', () => {
    test.each(FROM_THE_ENVIRONMENT.map((theCase) => [theCase.name, theCase] as const))(
      'from the environment in gitops-promote.yaml: %s; only the changed lines differ, and a re-run changes nothing',
      async (_name, theCase) => expectLandedOnce(theCase),
    );

    test.each(NAMED_BY_INPUTS.map((theCase) => [theCase.name, theCase] as const))(
      'named by an input: %s; only the changed lines differ, and a re-run changes nothing',
      async (_name, theCase) => expectLandedOnce(theCase),
    );

    test('the commit message names each pin it edited', async () => {
      const run = await setImage(repo, { environment: 'dev', images: `web=*:1.4.2@${NEW_DIGEST}` });
      expect(run.exitCode).toBe(0);
      expect(git(repo.remote, 'log', '-1', '--format=%s', 'main')).toBe(
        `Set web=${WEB_NEW} in helm-values: environments/dev/values.yaml, image-setters: clusters/dev/cron.yaml`,
      );
    });
  });

  describe('downgrades of what a pin holds', () => {
    test.each([
      ['helm-values', { environment: 'dev', images: `web=*:1.3.0@${NEW_DIGEST}` }, 'web in helm-values: environments/dev/values.yaml from 1.4.1 to 1.3.0'],
      [
        'argocd-application',
        { environment: 'dev', images: `ghcr.io/acme/api=*:2.7.0@${NEW_DIGEST}` },
        'ghcr.io/acme/api in argocd-application: argocd/api-dev.yaml from 2.8.0 to 2.7.0',
      ],
      [
        'helm-release',
        { environment: 'dev', images: `worker=*:0.8.0@${NEW_DIGEST}` },
        'worker in helm-release: clusters/dev/worker-release.yaml from 0.9.0 to 0.8.0',
      ],
      [
        'argocd-helm-parameters',
        { 'argocd-helm-parameters': 'argocd/web-production.yaml', images: `web=*:1.3.0@${NEW_DIGEST}` },
        'web in argocd-helm-parameters: argocd/web-production.yaml from 1.3.2 to 1.3.0',
      ],
      [
        'image-setters',
        { 'image-setters': 'clusters/staging/cron.yaml', images: `ghcr.io/acme/web=*:1.3.0@${NEW_DIGEST}` },
        'ghcr.io/acme/web in image-setters: clusters/staging/cron.yaml from 1.4.0 to 1.3.0',
      ],
    ])('%s: refused in one line with nothing pushed; allowed with allow-downgrade', async (_kind, inputs, what) => {
      const refused = await setImage(repo, inputs);
      expect(refused.exitCode).toBe(1);
      expect(errorAnnotations(refused)).toEqual([`Input 'images': '${inputs.images}' would downgrade ${what}; set allow-downgrade: true to allow it.`]);
      expect(repo.commitCount()).toBe(1);
      expect(git(repo.work, 'status', '--porcelain')).toBe('');

      const allowed = await setImage(repo, { ...inputs, 'allow-downgrade': 'true' });
      expect(errorAnnotations(allowed)).toEqual([]);
      expect(allowed.exitCode).toBe(0);
      expect(repo.commitCount()).toBe(2);
      const [file] = Object.keys(lastCommitLines(repo));
      expect(repo.remoteFile(file)).toContain(NEW_DIGEST);
    });
  });

  describe('a digest for a Helm pin with no digest path', () => {
    /** staging's helm-values pin, given a repository and a tag path only, and the values file without its digest. */
    function stagingWithoutDigestPath(extra = ''): void {
      pushEdits(repo, {
        'gitops-promote.yaml': (text) =>
          text.replace(
            '          - helm-values: environments/staging/values.yaml\n',
            `          - helm-values: environments/staging/values.yaml\n            image: { repository: image.repository, tag: image.tag }\n${extra}`,
          ),
        'environments/staging/values.yaml': (text) => text.replace(/\n {2}digest: sha256:[0-9a-f]+/, ''),
      });
    }

    test('named by an input (#image.tag): refused in one line naming the pin, nothing pushed', async () => {
      const run = await setImage(repo, { 'helm-values': 'environments/staging/values.yaml#image.tag', images: `web=*:1.4.2@${NEW_DIGEST}` });
      expect(run.exitCode).toBe(1);
      expect(errorAnnotations(run)).toEqual([
        "helm-values: environments/staging/values.yaml: image 'web' has no digest path for sha256:abababababab…; add a digest path to the pin, " +
          'or set digest-in-tag to write it into the tag.',
      ]);
      expect(repo.commitCount()).toBe(1);
    });

    test('in the config: refused the same way', async () => {
      stagingWithoutDigestPath();
      const run = await setImage(repo, { environment: 'staging', landing: 'commit', images: `web=*:1.4.2@${NEW_DIGEST}` });
      expect(run.exitCode).toBe(1);
      expect(errorAnnotations(run)).toEqual([
        "helm-values: environments/staging/values.yaml: image 'web' has no digest path for sha256:abababababab…; add a digest path to the pin, " +
          'or set digest-in-tag to write it into the tag.',
      ]);
      expect(repo.commitCount()).toBe(2);
    });

    test('digest-in-tag: true writes it into the tag, and the check reads it from there', async () => {
      stagingWithoutDigestPath('            digest-in-tag: true\n');
      const run = await setImage(repo, { environment: 'staging', landing: 'commit', images: `web=*:1.4.2@${NEW_DIGEST}` });
      expect(errorAnnotations(run)).toEqual([]);
      expect(run.exitCode).toBe(0);
      expect(imageRows(run)[0]).toEqual(row('helm-values: environments/staging/values.yaml', 'web', 'ghcr.io/acme/web:1.4.0', WEB_NEW));
      expect(lastCommitLines(repo)['environments/staging/values.yaml']).toEqual({ removed: ['  tag: "1.4.0"'], added: [`  tag: "1.4.2@${NEW_DIGEST}"`] });
    });
  });

  describe('the effect check: an edit that would not take effect is refused before anything is written', () => {
    test('helm-release: a kustomization patch of clusters/production sets spec.values.image.tag over the file', async () => {
      pushEdits(repo, {
        'clusters/production/kustomization.yaml': (text) =>
          text +
          [
            '  - target:',
            '      kind: HelmRelease',
            '      name: worker',
            '    patch: |-',
            '      - op: replace',
            '        path: /spec/values/image/tag',
            '        value: "0.8.1"',
            '',
          ].join('\n'),
      });
      const run = await setImage(repo, { environment: 'production', landing: 'commit', images: `worker=*:0.9.0@${NEW_DIGEST}` });
      expect(run.exitCode).toBe(1);
      expect(errorAnnotations(run)).toEqual([
        `helm-release: clusters/production/worker-release.yaml: ghcr.io/acme/worker:0.9.0@${NEW_DIGEST} does not take effect: ` +
          'the values of HelmRelease/flux-system/worker in the render of clusters/production hold spec.values.image.repository=ghcr.io/acme/worker, ' +
          `spec.values.image.tag=0.8.1, spec.values.image.digest=${NEW_DIGEST}. ` +
          'The file holds the new values: clusters/production/kustomization.yaml sets them over (a patch?).',
      ]);
      expect(repo.commitCount()).toBe(2);
      expect(git(repo.work, 'status', '--porcelain')).toBe('');
    });

    test('argocd-application: the Application’s source renders no image of that name', async () => {
      pushEdits(repo, { 'apps/api/base/deployment.yaml': (text) => text.replace('image: ghcr.io/acme/api:latest', 'image: ghcr.io/acme/api-server:latest') });
      const run = await setImage(repo, { environment: 'dev', images: `ghcr.io/acme/api=*:2.9.0@${NEW_DIGEST}` });
      expect(run.exitCode).toBe(1);
      expect(errorAnnotations(run)).toEqual([
        `argocd-application: argocd/api-dev.yaml: ${API_NEW} does not take effect: apps/api/overlays/dev with api-dev spec.source's images ` +
          'renders no ghcr.io/acme/api image (it renders ghcr.io/acme/api-server:latest). ' +
          'kustomize matches image names exactly (no registry added), so an entry whose name is in no manifest of the source changes nothing.',
      ]);
      expect(repo.commitCount()).toBe(2);
      expect(git(repo.work, 'status', '--porcelain')).toBe('');
    });

    test('helm-values without helm on PATH: lands, with a warning that says what was not verified', async () => {
      const run = await setImage(repo, { 'helm-values': 'environments/dev/values.yaml', images: `web=*:1.4.2@${NEW_DIGEST}` });
      expect(run.exitCode).toBe(0);
      expect(warnings(run)).toEqual([HELM_NOT_ON_PATH('helm-values: environments/dev/values.yaml', 'values')]);
      expect(repo.commitCount()).toBe(2);
    });

    test('helm-values: an Argo CD parameter sets the tag over the file, so the edit is refused', async () => {
      pushEdits(repo, {
        'argocd/web-dev.yaml': (text) =>
          text.replace(
            '        - ../../environments/dev/values.yaml\n',
            '        - ../../environments/dev/values.yaml\n      parameters:\n        - name: image.tag\n          value: "1.4.1"\n',
          ),
      });
      const run = await setImage(repo, { environment: 'dev', images: `web=*:1.4.2@${NEW_DIGEST}` });
      expect(run.exitCode).toBe(1);
      expect(errorAnnotations(run)).toEqual([
        `helm-values: environments/dev/values.yaml: ${WEB_NEW} does not take effect: the values web-dev spec.source passes to charts/web hold ` +
          `image.repository=ghcr.io/acme/web, image.tag=1.4.1, image.digest=${NEW_DIGEST}.`,
      ]);
      expect(repo.commitCount()).toBe(2);
    });
  });
});

describe('without path, through the GitHub API and pull requests (the GitHub simulator)', () => {
  let world: PromoteWorld;
  beforeEach(async () => {
    world = await startPromoteWorld({ source: EXAMPLE_HELM_CONFIG_REPO });
  });
  afterEach(async () => {
    await world.close();
  });

  test('helm-release through the Git Data API: one commit (tree, commit, ref), no clone; a re-run reads only', async () => {
    const run = await world.run('set-image', { environment: 'dev', images: `worker=*:0.9.1@${NEW_DIGEST}` });
    expect(errorAnnotations(run)).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.outputs['commit-sha']).toBe(world.repo.remoteHead());
    expect(imageRows(run)).toEqual([row('helm-release: clusters/dev/worker-release.yaml', 'worker', PINNED.workerDev, WORKER_NEW)]);
    expect(lastCommitLines(world.repo)).toEqual({
      'clusters/dev/worker-release.yaml': {
        removed: ['      tag: "0.9.0"', `      digest: ${digestOf(PINNED.workerDev)}`],
        added: ['      tag: "0.9.1"', `      digest: ${NEW_DIGEST}`],
      },
    });
    expect(world.writes()).toEqual(['POST git/create-tree', 'POST git/create-commit', 'PATCH git/update-ref']);
    expect(world.sim.requests.filter((entry) => entry.kind === 'git')).toEqual([]);

    world.sim.resetLog();
    const again = await world.run('set-image', { environment: 'dev', images: `worker=*:0.9.1@${NEW_DIGEST}` });
    expect(again.exitCode).toBe(0);
    expect(again.outputs.changed).toBe('false');
    expect(world.writes()).toEqual([]);
    expect(world.repo.commitCount()).toBe(2);
  });

  test('helm-values and image-setters into staging, which lands through a pull request: its files, a body row per pin; a re-run writes nothing', async () => {
    const run = await world.run('set-image', { environment: 'staging', images: `web=*:1.4.2@${NEW_DIGEST}` });
    expect(errorAnnotations(run)).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.outputs['pull-request-number']).toBe('1');
    // Checked before GitHub is reached and again with the PR's arguments: the warning is said once.
    expect(warnings(run)).toEqual([HELM_NOT_ON_PATH('helm-values: environments/staging/values.yaml', 'values')]);
    expect(world.repo.commitCount()).toBe(1); // main is untouched until the merge

    const branch = 'gitops-promote/set-image/staging';
    expect(branches(world.repo)).toEqual([branch, 'main']);
    expect(changedLinesByFile(world.repo.remote, 'main', branch)).toEqual({
      'clusters/staging/cron.yaml': { removed: [setterLine(PINNED.webStaging, 'web-staging')], added: [setterLine(WEB_NEW, 'web-staging')] },
      'environments/staging/values.yaml': {
        removed: ['  tag: "1.4.0"', `  digest: ${digestOf(PINNED.webStaging)}`],
        added: ['  tag: "1.4.2"', `  digest: ${NEW_DIGEST}`],
      },
    });
    const pr = (await world.octokit.rest.pulls.get({ owner: OWNER, repo: NAME, pull_number: 1 })).data;
    expect(pr.head.ref).toBe(branch);
    expect(pr.body).toContain(`| \`helm-values: environments/staging/values.yaml\` | \`web\` | \`${PINNED.webStaging}\` | \`${WEB_NEW}\` |`);
    expect(pr.body).toContain(`| \`image-setters: clusters/staging/cron.yaml\` | \`web\` | \`${PINNED.webStaging}\` | \`${WEB_NEW}\` |`);
    // The values file was read, not templated: the checklist does not claim a render for it.
    expect(pr.body).toContain(
      '- [ ] Every promoted image renders in the target overlays (kustomize build) ' +
        '_(helm-values: environments/staging/values.yaml: checked without a render; ' +
        "see the run's warnings)_",
    );

    world.sim.resetLog();
    const again = await world.run('set-image', { environment: 'staging', images: `web=*:1.4.2@${NEW_DIGEST}` }, { GITHUB_RUN_ID: '43' });
    expect(again.exitCode).toBe(0);
    expect(again.outputs['pull-request-number']).toBe('1');
    expect(world.writes()).toEqual([]);
  });
});
