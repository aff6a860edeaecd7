import { afterEach, describe, expect, test } from '@jest/globals';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../../src/errors.js';
import { parametersAsValues } from '../../src/pins/argocd-helm-plan.js';
import { checkPinEffects, type PinEffectReport } from '../../src/pins/check-pin-effects.js';
import { weakestVerification, type EffectPart } from '../../src/pins/effect-types.js';
import { valuesPathSteps, valueAtPath } from '../../src/pins/effect-yaml.js';
import { escapeSetValue, helmTemplateArgs } from '../../src/pins/helm-template.js';
import type { PinChange, PinEdit } from '../../src/pins/pin-types.js';
import { RenderSlots } from '../../src/pins/render-slots.js';
import { DEFAULT_IMAGE_PATHS, type ImageFieldValues, type Pin, type PinKind } from '../../src/types.js';

// The effect check against real files in a temp dir and the real kustomize (kubectl kustomize on PATH).
// helm is not installed here: the helm branch is checked with helm: null, and its call shape with
// __tests__/fixtures/pins-effect/fake-helm, which prints a fixed manifest and verifies nothing.

const FAKE_HELM = fileURLToPath(new URL('../fixtures/pins-effect/fake-helm', import.meta.url));
const HELM_EXAMPLE = fileURLToPath(new URL('../../examples/config-repo-helm', import.meta.url));

const temps: string[] = [];
afterEach(() => {
  for (const temp of temps.splice(0)) rmSync(temp, { recursive: true, force: true });
});

function repo(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'pins-effect-'));
  temps.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** Every file of the tree and its text, to compare before and after a check. */
function snapshot(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files[join(entry.parentPath, entry.name).slice(root.length + 1)] = readFileSync(join(entry.parentPath, entry.name), 'utf8');
  }
  return files;
}

const values = (newName: string, newTag: string, digest = ''): ImageFieldValues => ({ newName, newTag, digest });

function change(name: string, before: ImageFieldValues | null, after: ImageFieldValues): PinChange {
  return { name, argument: `${name}=${after.newName}:${after.newTag}`, before, after, dropped: [], location: '', line: 1 };
}

function pin(kind: PinKind, file: string, images: Pin['images'] = []): Pin {
  return { kind, file, images, digestInTag: false };
}

function edit(root: string, thePin: Pin, text: string, changes: PinChange[]): PinEdit {
  return { pin: thePin, original: readFileSync(join(root, thePin.file), 'utf8'), text, changes };
}

/** Runs the check and requires the tree to be as it was afterwards, whether the check passed or threw. */
async function check(root: string, edits: PinEdit[], options: Parameters<typeof checkPinEffects>[2] = {}): Promise<PinEffectReport> {
  const before = snapshot(root);
  try {
    return await checkPinEffects(root, edits, options);
  } finally {
    expect(snapshot(root)).toEqual(before);
  }
}

async function failureOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(UserError);
  return (error as Error).message;
}

// --- Argo CD Applications with kustomize images --------------------------------

const API_BASE = {
  'apps/api/base/kustomization.yaml': 'resources:\n  - deployment.yaml\n',
  'apps/api/base/deployment.yaml': [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: api',
    'spec:',
    '  selector:',
    '    matchLabels: { app: api }',
    '  template:',
    '    metadata:',
    '      labels: { app: api }',
    '    spec:',
    '      containers:',
    '        - name: api',
    '          image: ghcr.io/acme/api:1.0.0',
    '',
  ].join('\n'),
  'apps/api/overlays/production/kustomization.yaml': 'namespace: api-production\nresources:\n  - ../../base\n',
};

function application(images: string[], path = 'apps/api/overlays/production'): string {
  return [
    'apiVersion: argoproj.io/v1alpha1',
    'kind: Application',
    'metadata:',
    '  name: api-production',
    '  namespace: argocd',
    'spec:',
    '  source:',
    '    repoURL: https://github.com/acme/config.git',
    `    path: ${path}`,
    '    kustomize:',
    '      images:',
    ...images.map((image) => `        - ${image}`),
    '  destination:',
    '    namespace: api-production',
    '',
  ].join('\n');
}

describe('argocd-application: the Application’s kustomize images, applied to the source and rendered', () => {
  const argoPin = pin('argocd-application', 'argocd/api-production.yaml');

  test('an image the source renders takes effect', async () => {
    const root = repo({ ...API_BASE, 'argocd/api-production.yaml': application(['ghcr.io/acme/api:1.4.0']) });
    const edited = application(['ghcr.io/acme/api:1.5.0']);
    const report = await check(root, [edit(root, argoPin, edited, [change('ghcr.io/acme/api', values('', '1.4.0'), values('', '1.5.0'))])]);
    expect(report.pins).toHaveLength(1);
    expect(report.pins[0]).toMatchObject({ verified: 'render', warnings: [] });
    expect(report.pins[0].details).toContain('ghcr.io/acme/api:1.5.0 in the render');
  });

  test('an image the source does not render fails, naming it and what the render shows', async () => {
    const root = repo({ ...API_BASE, 'argocd/api-production.yaml': application(['ghcr.io/acme/api:1.4.0']) });
    const edited = application(['ghcr.io/acme/api:1.4.0', 'ghcr.io/acme/worker:2.0.0']);
    const message = await failureOf(check(root, [edit(root, argoPin, edited, [change('ghcr.io/acme/worker', null, values('', '2.0.0'))])]));
    expect(message).toContain(
      "argocd-application: argocd/api-production.yaml: ghcr.io/acme/worker:2.0.0 does not take effect: apps/api/overlays/production with api-production spec.source's images renders no ghcr.io/acme/worker image (it renders ghcr.io/acme/api:1.4.0).",
    );
  });

  test('an images: entry of the source for the image is replaced, as kustomize edit set image does, and the new reference takes effect', async () => {
    // The base names the image `api`; the overlay renames it to ghcr.io/acme/api. An overlay wrapped around this one
    // would see ghcr.io/acme/api and its `api` entry would match nothing; Argo CD edits this entry in place.
    const root = repo({
      ...API_BASE,
      'apps/api/base/deployment.yaml': API_BASE['apps/api/base/deployment.yaml'].replace('ghcr.io/acme/api:1.0.0', 'api:latest'),
      'apps/api/overlays/production/kustomization.yaml': [
        'namespace: api-production',
        'resources:',
        '  - ../../base',
        'images:',
        '  - name: api # renamed here',
        '    newName: ghcr.io/acme/api',
        '    newTag: 1.0.0',
        '',
      ].join('\n'),
      'argocd/api-production.yaml': application(['api=ghcr.io/acme/api:1.4.0']),
    });
    const edited = application(['api=ghcr.io/acme/api:1.5.0']);
    const report = await check(root, [edit(root, argoPin, edited, [change('api', values('ghcr.io/acme/api', '1.4.0'), values('ghcr.io/acme/api', '1.5.0'))])]);
    expect(report.pins[0].verified).toBe('render');
  });

  test('a source folder without a kustomization fails: Argo CD cannot apply the images', async () => {
    const root = repo({
      'plain/deployment.yaml': API_BASE['apps/api/base/deployment.yaml'],
      'argocd/api-production.yaml': application(['ghcr.io/acme/api:1.4.0'], 'plain'),
    });
    const message = await failureOf(
      check(root, [
        edit(root, argoPin, application(['ghcr.io/acme/api:1.5.0'], 'plain'), [change('ghcr.io/acme/api', values('', '1.4.0'), values('', '1.5.0'))]),
      ]),
    );
    expect(message).toBe(
      'argocd-application: argocd/api-production.yaml: api-production spec.source sets kustomize images, but plain has no kustomization file: Argo CD cannot apply them (kustomize edit set image needs one).',
    );
  });

  test('a source in another repository or a Helm chart is not verifiable, and says so', async () => {
    const root = repo({ ...API_BASE, 'argocd/api-production.yaml': application(['ghcr.io/acme/api:1.4.0'], 'deploy/elsewhere') });
    const edited = application(['ghcr.io/acme/api:1.5.0'], 'deploy/elsewhere');
    const report = await check(root, [edit(root, argoPin, edited, [change('ghcr.io/acme/api', values('', '1.4.0'), values('', '1.5.0'))])]);
    expect(report.pins[0].verified).toBe('not-verifiable');
    expect(report.pins[0].warnings).toEqual([
      "argocd-application: argocd/api-production.yaml: api-production spec.source renders 'deploy/elsewhere' of https://github.com/acme/config.git, which is not a folder of this repository (another repository's source?); its kustomize images are not checked.",
    ]);
  });
});

// --- Flux HelmReleases ------------------------------------------------------------

function helmRelease(tag: string): string {
  return [
    'apiVersion: helm.toolkit.fluxcd.io/v2',
    'kind: HelmRelease',
    'metadata:',
    '  name: worker',
    '  namespace: flux-system',
    'spec:',
    '  interval: 10m',
    '  chart:',
    '    spec:',
    '      chart: worker',
    '      sourceRef: { kind: HelmRepository, name: acme }',
    '  values:',
    '    image:',
    '      repository: ghcr.io/acme/worker',
    `      tag: "${tag}"`,
    '',
  ].join('\n');
}

const TAG_PATCH = [
  'resources:',
  '  - worker-release.yaml',
  'patches:',
  '  - patch: |-',
  '      apiVersion: helm.toolkit.fluxcd.io/v2',
  '      kind: HelmRelease',
  '      metadata:',
  '        name: worker',
  '        namespace: flux-system',
  '      spec:',
  '        values:',
  '          image:',
  '            tag: "2.0.0"',
  '',
].join('\n');

describe('helm-release: the HelmRelease as Flux applies it', () => {
  const releasePin = pin('helm-release', 'clusters/production/worker-release.yaml', [{ name: 'worker', paths: DEFAULT_IMAGE_PATHS }]);
  const workerChange = change('worker', values('ghcr.io/acme/worker', '2.0.0'), values('ghcr.io/acme/worker', '2.1.0'));

  test('in a kustomization folder whose patch sets the tag over the file, the edit fails', async () => {
    const root = repo({ 'clusters/production/worker-release.yaml': helmRelease('2.0.0'), 'clusters/production/kustomization.yaml': TAG_PATCH });
    const message = await failureOf(check(root, [edit(root, releasePin, helmRelease('2.1.0'), [workerChange])]));
    expect(message).toBe(
      'helm-release: clusters/production/worker-release.yaml: ghcr.io/acme/worker:2.1.0 does not take effect: the values of HelmRelease/flux-system/worker in the render of clusters/production ' +
        'hold spec.values.image.repository=ghcr.io/acme/worker, spec.values.image.tag=2.0.0. ' +
        'The file holds the new values: clusters/production/kustomization.yaml sets them over (a patch?).',
    );
  });

  test('in a kustomization folder without such a patch, the render holds the new values', async () => {
    const root = repo({
      'clusters/production/worker-release.yaml': helmRelease('2.0.0'),
      'clusters/production/kustomization.yaml': 'namespace: flux-system\nresources:\n  - worker-release.yaml\n',
    });
    const report = await check(root, [edit(root, releasePin, helmRelease('2.1.0'), [workerChange])]);
    expect(report.pins[0]).toMatchObject({ verified: 'render', warnings: [] });
    expect(report.pins[0].details).toContain('Rendered clusters/production');
  });

  test('in a folder without a kustomization, the file is read and the render was not needed', async () => {
    const root = repo({ 'clusters/production/worker-release.yaml': helmRelease('2.0.0') });
    const report = await check(root, [edit(root, releasePin, helmRelease('2.1.0'), [workerChange])]);
    expect(report.pins[0].verified).toBe('structural');
    expect(report.pins[0].details).toContain('no render was needed');
  });

  test('a local chart without helm: a warning names what was not verified', async () => {
    const local = helmRelease('2.0.0')
      .replace('chart: worker', 'chart: ./charts/worker')
      .replace('kind: HelmRepository, name: acme', 'kind: GitRepository, name: config');
    const root = repo({ 'clusters/production/worker-release.yaml': local, ...chart('charts/worker', 'worker') });
    const edited = local.replace('tag: "2.0.0"', 'tag: "2.1.0"');
    const report = await check(root, [edit(root, releasePin, edited, [workerChange])], { helm: null });
    expect(report.pins[0].warnings).toEqual([
      "helm-release: clusters/production/worker-release.yaml: helm is not on PATH, so the chart charts/worker was not templated with the HelmRelease's values: that it prints them into an image is not verified.",
    ]);
  });
  // The fake stands in for helm only for the call shape: its fixed manifest holds no worker image, so the check must fail.
  test('a local chart with a helm program: templated with the rendered values, and its images read', async () => {
    const local = helmRelease('2.0.0')
      .replace('chart: worker', 'chart: ./charts/worker')
      .replace('kind: HelmRepository, name: acme', 'kind: GitRepository, name: config');
    const root = repo({ 'clusters/production/worker-release.yaml': local, ...chart('charts/worker', 'worker') });
    const argsFile = `${root}-helm-args`;
    temps.push(argsFile);
    process.env.FAKE_HELM_ARGS = argsFile;
    try {
      const edited = local.replace('tag: "2.0.0"', 'tag: "2.1.0"');
      const message = await failureOf(check(root, [edit(root, releasePin, edited, [workerChange])], { helm: FAKE_HELM }));
      expect(message).toBe(
        "helm-release: clusters/production/worker-release.yaml: ghcr.io/acme/worker:2.1.0 does not take effect: charts/worker templated with HelmRelease/flux-system/worker's values " +
          'renders no ghcr.io/acme/worker image (it renders ghcr.io/acme/web:1.5.0).',
      );
      const args = readFileSync(argsFile, 'utf8').trim().split('\n');
      expect(args.slice(0, 5)).toEqual(['template', 'worker', join(root, 'charts/worker'), '--namespace', 'flux-system']);
      expect(args.slice(5, 6)).toEqual(['--values']);
      expect(args[6]).toMatch(/gitops-promote-values-.*inline-0\.yaml$/);
      expect(args).toHaveLength(7);
    } finally {
      delete process.env.FAKE_HELM_ARGS;
    }
  });
});

// --- Helm values files and Argo CD Helm parameters ---------------------------------

function chart(folder: string, name: string): Record<string, string> {
  return {
    [`${folder}/Chart.yaml`]: `apiVersion: v2\nname: ${name}\nversion: 0.1.0\n`,
    [`${folder}/values.yaml`]: `image:\n  repository: ghcr.io/acme/${name}\n  tag: ""\n  digest: ""\n`,
    [`${folder}/templates/deployment.yaml`]: `# a template: the check without helm never reads it\n`,
  };
}

function helmApplication(parameters: Array<[string, string]> = []): string {
  return [
    'apiVersion: argoproj.io/v1alpha1',
    'kind: Application',
    'metadata:',
    '  name: web-production',
    '  namespace: argocd',
    'spec:',
    '  source:',
    '    repoURL: https://github.com/acme/config.git',
    '    path: charts/web',
    '    helm:',
    '      valueFiles:',
    '        - ../../environments/production/values.yaml',
    ...(parameters.length > 0
      ? ['      parameters:', ...parameters.flatMap(([name, value]) => [`        - name: ${name}`, `          value: "${value}"`])]
      : []),
    '  destination:',
    '    namespace: web-production',
    '',
  ].join('\n');
}

const webValues = (tag: string): string => `image:\n  repository: ghcr.io/acme/web\n  tag: "${tag}"\n`;

describe('helm-values and argocd-helm-parameters', () => {
  const valuesPin = pin('helm-values', 'environments/production/values.yaml', [{ name: 'web', paths: DEFAULT_IMAGE_PATHS }]);
  const webChange = (tag: string): PinChange => change('web', values('ghcr.io/acme/web', '1.4.0'), values('ghcr.io/acme/web', tag));
  const webRepo = (parameters: Array<[string, string]> = []): string =>
    repo({
      ...chart('charts/web', 'web'),
      'environments/production/values.yaml': webValues('1.4.0'),
      'argocd/web-production.yaml': helmApplication(parameters),
    });

  test('without helm: a structural check of the values the Application passes, and a warning that says what was not verified', async () => {
    const root = webRepo();
    const report = await check(root, [edit(root, valuesPin, webValues('1.5.0'), [webChange('1.5.0')])], { helm: null });
    expect(report.pins[0].verified).toBe('structural');
    expect(report.pins[0].warnings).toEqual([
      'helm-values: environments/production/values.yaml: helm is not on PATH, so charts/web was not templated with the edited values: that the chart prints them into an image is not verified.',
    ]);
  });

  test('without helm: an Application parameter that sets the tag over the file fails', async () => {
    const root = webRepo([['image.tag', '1.3.0']]);
    const message = await failureOf(check(root, [edit(root, valuesPin, webValues('1.5.0'), [webChange('1.5.0')])], { helm: null }));
    expect(message).toBe(
      'helm-values: environments/production/values.yaml: ghcr.io/acme/web:1.5.0 does not take effect: the values web-production spec.source passes to charts/web ' +
        'hold image.repository=ghcr.io/acme/web, image.tag=1.3.0.',
    );
  });

  // A pin of the tag alone names no repository path: which repository the chart prints is not the values' to say.
  const tagPin = pin('helm-values', 'environments/production/values.yaml', [{ name: 'web', paths: { tag: 'image.tag' } }]);
  const tagChange = (tag: string): PinChange => change('web', values('', '1.4.0'), values('', tag));

  test('a pin of the tag alone, without helm: the tag the values hold is checked, whatever the repository', async () => {
    const root = webRepo();
    const report = await check(root, [edit(root, tagPin, webValues('1.5.0'), [tagChange('1.5.0')])], { helm: null });
    expect(report.pins[0].verified).toBe('structural');
    const message = await failureOf(check(webRepo([['image.tag', '1.3.0']]), [edit(root, tagPin, webValues('1.5.0'), [tagChange('1.5.0')])], { helm: null }));
    expect(message).toBe(
      'helm-values: environments/production/values.yaml: web:1.5.0 does not take effect: ' +
        'the values web-production spec.source passes to charts/web hold image.tag=1.3.0.',
    );
  });

  test('a pin of the tag alone, with a helm program: an image with the new tag is among the images', async () => {
    const root = webRepo();
    const report = await check(root, [edit(root, tagPin, webValues('1.5.0'), [tagChange('1.5.0')])], { helm: FAKE_HELM });
    expect(report.pins[0].verified).toBe('helm-template');
    const message = await failureOf(check(root, [edit(root, tagPin, webValues('1.6.0'), [tagChange('1.6.0')])], { helm: FAKE_HELM }));
    expect(message).toContain('web:1.6.0 does not take effect: charts/web templated with');
  });

  test('a values file no chart of the repo reads: structural, and the chart is not in this repository', async () => {
    const root = repo({ 'environments/production/values.yaml': webValues('1.4.0') });
    const report = await check(root, [edit(root, valuesPin, webValues('1.5.0'), [webChange('1.5.0')])], { helm: null });
    expect(report.pins[0].verified).toBe('structural');
    expect(report.pins[0].warnings).toEqual([
      'helm-values: environments/production/values.yaml: the chart is not in this repository (no Chart.yaml above the file, and no Argo CD Application of the repo passes it), so whether it prints these values into an image is not verified.',
    ]);
  });

  test('a path the edit adds that the chart does not declare is named in a warning', async () => {
    const root = webRepo();
    const added = pin('helm-values', 'environments/production/values.yaml', [{ name: 'web', paths: { repository: 'image.repository', tag: 'image.version' } }]);
    const report = await check(root, [edit(root, added, `${webValues('1.4.0')}  version: "1.5.0"\n`, [webChange('1.5.0')])], { helm: null });
    expect(report.pins[0].warnings).toContain(
      'helm-values: environments/production/values.yaml: the edit adds image.version, which charts/web/values.yaml does not declare; check that the chart reads it.',
    );
  });

  test('argocd-helm-parameters without helm: structural, with the warning', async () => {
    const root = webRepo([['image.tag', '1.4.0']]);
    const parametersPin = pin('argocd-helm-parameters', 'argocd/web-production.yaml', [{ name: 'web', paths: DEFAULT_IMAGE_PATHS }]);
    const report = await check(root, [edit(root, parametersPin, helmApplication([['image.tag', '1.5.0']]), [webChange('1.5.0')])], { helm: null });
    expect(report.pins[0].verified).toBe('structural');
    expect(report.pins[0].warnings).toEqual([
      'argocd-helm-parameters: argocd/web-production.yaml: helm is not on PATH, so charts/web was not templated with the edited parameters: that the chart prints them into an image is not verified.',
    ]);
  });

  // The fake stands in for helm only to exercise the call shape and the reading of its output; it verifies nothing.
  test('with a helm program: helm template as Argo CD calls it, and its images are read', async () => {
    const root = webRepo([['image.tag', '1.4.0']]);
    const argsFile = `${root}-helm-args`;
    temps.push(argsFile);
    process.env.FAKE_HELM_ARGS = argsFile;
    try {
      const parametersPin = pin('argocd-helm-parameters', 'argocd/web-production.yaml', [{ name: 'web', paths: DEFAULT_IMAGE_PATHS }]);
      const passing = await check(root, [edit(root, parametersPin, helmApplication([['image.tag', '1.5.0']]), [webChange('1.5.0')])], { helm: FAKE_HELM });
      expect(passing.pins[0].verified).toBe('helm-template');
      expect(readFileSync(argsFile, 'utf8').trim().split('\n')).toEqual([
        'template',
        'web-production',
        join(root, 'charts/web'),
        '--namespace',
        'web-production',
        '--values',
        join(root, 'environments/production/values.yaml'),
        '--set',
        'image.tag=1.5.0',
      ]);
      const message = await failureOf(
        check(root, [edit(root, parametersPin, helmApplication([['image.tag', '1.6.0']]), [webChange('1.6.0')])], { helm: FAKE_HELM }),
      );
      expect(message).toBe(
        'argocd-helm-parameters: argocd/web-production.yaml: ghcr.io/acme/web:1.6.0 does not take effect: charts/web templated as web-production spec.source templates it renders ghcr.io/acme/web:1.5.0.',
      );
    } finally {
      delete process.env.FAKE_HELM_ARGS;
    }
  });
});

describe('helm-values with a helm program, the chart found above the values file', () => {
  // The fake stands in for helm only to exercise the call shape; it verifies nothing.
  test('helm template NAME CHART --values FILE', async () => {
    const root = repo({ ...chart('charts/web', 'web'), 'charts/web/values-production.yaml': webValues('1.4.0') });
    const argsFile = `${root}-helm-args`;
    temps.push(argsFile);
    process.env.FAKE_HELM_ARGS = argsFile;
    try {
      const valuesPin = pin('helm-values', 'charts/web/values-production.yaml', [{ name: 'web', paths: DEFAULT_IMAGE_PATHS }]);
      const report = await check(root, [edit(root, valuesPin, webValues('1.5.0'), [change('web', null, values('ghcr.io/acme/web', '1.5.0'))])], {
        helm: FAKE_HELM,
      });
      expect(report.pins[0]).toMatchObject({ verified: 'helm-template', warnings: [] });
      expect(readFileSync(argsFile, 'utf8').trim().split('\n')).toEqual([
        'template',
        'web',
        join(root, 'charts/web'),
        '--values',
        join(root, 'charts/web/values-production.yaml'),
      ]);
    } finally {
      delete process.env.FAKE_HELM_ARGS;
    }
  });
});

// --- Flux setter comments ---------------------------------------------------------------

function cronJob(tag: string): string {
  return [
    'apiVersion: batch/v1',
    'kind: CronJob',
    'metadata:',
    '  name: cleanup',
    'spec:',
    '  schedule: "0 3 * * *"',
    '  jobTemplate:',
    '    spec:',
    '      template:',
    '        spec:',
    '          restartPolicy: OnFailure',
    '          containers:',
    '            - name: cleanup',
    `              image: ghcr.io/acme/cleanup:${tag} # {"$imagepolicy": "flux-system:cleanup"}`,
    '',
  ].join('\n');
}

describe('image-setters', () => {
  const settersPin = pin('image-setters', 'clusters/production/cron.yaml');
  const cleanupChange = change('ghcr.io/acme/cleanup', values('', '1.0.0'), values('', '1.1.0'));

  test('in a kustomization folder: the render holds the new reference', async () => {
    const root = repo({ 'clusters/production/cron.yaml': cronJob('1.0.0'), 'clusters/production/kustomization.yaml': 'resources:\n  - cron.yaml\n' });
    const report = await check(root, [edit(root, settersPin, cronJob('1.1.0'), [cleanupChange])]);
    expect(report.pins[0].verified).toBe('render');
  });

  test('in a kustomization folder whose images: entry sets the image over: fails with what the render holds', async () => {
    const kustomization = 'resources:\n  - cron.yaml\nimages:\n  - name: ghcr.io/acme/cleanup\n    newTag: 0.9.0\n';
    const root = repo({ 'clusters/production/cron.yaml': cronJob('1.0.0'), 'clusters/production/kustomization.yaml': kustomization });
    const message = await failureOf(check(root, [edit(root, settersPin, cronJob('1.1.0'), [cleanupChange])]));
    expect(message).toBe(
      'image-setters: clusters/production/cron.yaml: ghcr.io/acme/cleanup:1.1.0 does not take effect: the render of clusters/production holds ghcr.io/acme/cleanup:0.9.0 at CronJob/cleanup ' +
        'spec.jobTemplate.spec.template.spec.containers[0].image (clusters/production/kustomization.yaml sets it over: an images: entry or a patch?).',
    );
  });

  test('a folder that did not render before the edit either: not verifiable, with a warning', async () => {
    const kustomization = 'resources:\n  - cron.yaml\n  - missing.yaml\n';
    const root = repo({ 'clusters/production/cron.yaml': cronJob('1.0.0'), 'clusters/production/kustomization.yaml': kustomization });
    const report = await check(root, [edit(root, settersPin, cronJob('1.1.0'), [cleanupChange])]);
    expect(report.pins[0].verified).toBe('not-verifiable');
    expect(report.pins[0].warnings).toHaveLength(1);
    expect(report.pins[0].warnings[0]).toMatch(
      /^image-setters: clusters\/production\/cron\.yaml: clusters\/production did not render before the edit either \(.*missing\.yaml.*\), so the edit's effect is not checked\.$/,
    );
  });

  test('an edit that breaks the render fails', async () => {
    const root = repo({ 'clusters/production/cron.yaml': cronJob('1.0.0'), 'clusters/production/kustomization.yaml': 'resources:\n  - cron.yaml\n' });
    // Valid YAML, but no longer a resource kustomize accepts: the kind is gone.
    const broken = cronJob('1.1.0').replace('kind: CronJob\n', '');
    const message = await failureOf(check(root, [edit(root, settersPin, broken, [cleanupChange])]));
    expect(message).toMatch(/^image-setters: clusters\/production\/cron\.yaml: clusters\/production no longer renders after the edit: /);
  });

  test('outside a kustomization: structural, and the render was not needed', async () => {
    const root = repo({ 'clusters/production/cron.yaml': cronJob('1.0.0') });
    const report = await check(root, [edit(root, settersPin, cronJob('1.1.0'), [cleanupChange])]);
    expect(report.pins[0]).toMatchObject({ verified: 'structural', warnings: [] });
    expect(report.pins[0].details).toContain('no render was needed');
  });
});

describe('examples/config-repo-helm: one edit of each kind, checked together', () => {
  const digest = (character: string): string => `sha256:${character.repeat(64)}`;
  /** The pin's file with one text replaced, as an editor would leave it. */
  const replaced = (root: string, thePin: Pin, from: string | RegExp, to: string, changes: PinChange[]): PinEdit => {
    const original = readFileSync(join(root, thePin.file), 'utf8');
    expect(original).toMatch(from);
    return { pin: thePin, original, text: original.replace(from, to), changes };
  };

  test('each takes effect, as far as it can be verified here', async () => {
    const root = mkdtempSync(join(tmpdir(), 'pins-effect-example-'));
    temps.push(root);
    cpSync(HELM_EXAMPLE, root, { recursive: true });
    const web = [{ name: 'web', paths: DEFAULT_IMAGE_PATHS }];
    const edits = [
      replaced(
        root,
        pin('argocd-application', 'argocd/api-production.yaml'),
        /ghcr\.io\/acme\/api:2\.7\.0@sha256:[0-9a-f]{64}/,
        `ghcr.io/acme/api:2.8.0@${digest('a')}`,
        [change('ghcr.io/acme/api', null, values('', '2.8.0', digest('a')))],
      ),
      replaced(
        root,
        pin('helm-release', 'clusters/production/worker-release.yaml', [{ name: 'worker', paths: DEFAULT_IMAGE_PATHS }]),
        'tag: "0.8.1"',
        'tag: "0.9.0"',
        [change('worker', null, values('ghcr.io/acme/worker', '0.9.0'))],
      ),
      replaced(
        root,
        pin('image-setters', 'clusters/production/cron.yaml'),
        /ghcr\.io\/acme\/web:1\.3\.2@sha256:[0-9a-f]{64}/,
        `ghcr.io/acme/web:1.4.0@${digest('b')}`,
        [change('ghcr.io/acme/web', null, values('', '1.4.0', digest('b')))],
      ),
      replaced(root, pin('helm-values', 'environments/dev/values.yaml', web), 'tag: "1.4.1"', 'tag: "1.5.0"', [
        change('web', null, values('ghcr.io/acme/web', '1.5.0')),
      ]),
      replaced(root, pin('argocd-helm-parameters', 'argocd/web-production.yaml', web), 'value: "1.3.2"', 'value: "1.4.0"', [
        change('web', null, values('ghcr.io/acme/web', '1.4.0')),
      ]),
    ];
    const report = await check(root, edits, { helm: null });
    expect(report.pins.map((effect) => [effect.pin.kind, effect.verified])).toEqual([
      ['argocd-application', 'render'],
      ['helm-release', 'render'],
      ['image-setters', 'render'],
      ['helm-values', 'structural'],
      ['argocd-helm-parameters', 'structural'],
    ]);
    expect(report.pins[3].details).toContain('web-dev spec.source');
    expect(report.pins[3].warnings).toEqual([
      'helm-values: environments/dev/values.yaml: helm is not on PATH, so charts/web was not templated with the edited values: that the chart prints them into an image is not verified.',
    ]);
  });
});

describe('edits without changes', () => {
  test('are neither written nor checked', async () => {
    const root = repo({ 'clusters/production/cron.yaml': cronJob('1.0.0') });
    const unchanged = edit(root, pin('image-setters', 'clusters/production/cron.yaml'), cronJob('1.0.0'), []);
    expect(await check(root, [unchanged])).toEqual({ pins: [] });
  });
});

// --- pure parts -----------------------------------------------------------------

describe('Helm paths and parameters', () => {
  test.each([
    ['image.tag', ['image', 'tag']],
    ['images.web.tag', ['images', 'web', 'tag']],
    ['sidecars[0].image.tag', ['sidecars', 0, 'image', 'tag']],
    ['matrix[1][2]', ['matrix', 1, 2]],
  ])('%s', (path, steps) => {
    expect(valuesPathSteps(path)).toEqual(steps);
  });

  test('a value at a path, and none where a step is missing', () => {
    const root = { sidecars: [{ image: { tag: '1.2' } }], image: { tag: 3 } };
    expect(valueAtPath(root, 'sidecars[0].image.tag')).toBe('1.2');
    expect(valueAtPath(root, 'image.tag')).toBe(3);
    expect(valueAtPath(root, 'sidecars[1].image.tag')).toBeUndefined();
    expect(valueAtPath(root, 'image.tag.more')).toBeUndefined();
  });

  test('parameters as values, the later of one name winning', () => {
    expect(
      parametersAsValues([
        { name: 'image.tag', value: '1.4.0' },
        { name: 'sidecars[0].image', value: 'envoy' },
        { name: 'image.tag', value: '1.5.0' },
      ]),
    ).toEqual({ image: { tag: '1.5.0' }, sidecars: [{ image: 'envoy' }] });
  });

  test.each([
    ['1.4.2', '1.4.2'],
    ['a,b', 'a\\,b'],
    ['a\\,b', 'a\\,b'],
    [',a,,b', '\\,a\\,\\,b'],
    ['{a,b}', '{a,b}'],
  ])('--set value %s is passed as %s (Argo CD escapes commas)', (value, escaped) => {
    expect(escapeSetValue(value)).toBe(escaped);
  });

  test('helm template arguments: values files, the inline values after them, then --set and --set-string', () => {
    const call = {
      release: 'web-production',
      chart: '/repo/charts/web',
      namespace: 'web',
      valueFiles: ['/repo/values-a.yaml', '/repo/values-b.yaml'],
      inlineValues: [{ replicas: 2 }],
      parameters: [
        { name: 'image.tag', value: '1.4.0', forceString: false },
        { name: 'image.digest', value: 'sha256:abc', forceString: true },
        { name: 'image.tag', value: '1.5.0', forceString: true },
      ],
    };
    expect(helmTemplateArgs(call, ['/tmp/inline-0.yaml'])).toEqual([
      'template',
      'web-production',
      '/repo/charts/web',
      '--namespace',
      'web',
      '--values',
      '/repo/values-a.yaml',
      '--values',
      '/repo/values-b.yaml',
      '--values',
      '/tmp/inline-0.yaml',
      '--set-string',
      'image.digest=sha256:abc',
      '--set-string',
      'image.tag=1.5.0',
    ]);
  });
});

describe('how far a pin is verified: its least verified part', () => {
  const part = (verified: EffectPart['verified']): EffectPart => ({ verified, details: '' });
  const cases: Array<[EffectPart['verified'][], EffectPart['verified']]> = [
    [['render'], 'render'],
    [['render', 'helm-template'], 'helm-template'],
    [['helm-template', 'structural'], 'structural'],
    [['render', 'not-verifiable', 'structural'], 'not-verifiable'],
    [[], 'not-verifiable'],
  ];
  test.each(cases)('%j → %s', (parts, expected) => {
    expect(weakestVerification(parts.map(part))).toBe(expected);
  });
});

describe('render slots', () => {
  test('at most two at once, and a render that rewrites the tree runs alone', async () => {
    const slots = new RenderSlots(2);
    let running = 0;
    let most = 0;
    const log: string[] = [];
    const work = (name: string, alone: boolean) => async (): Promise<void> => {
      running += 1;
      most = Math.max(most, running);
      if (alone) expect(running).toBe(1);
      log.push(`start ${name}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      log.push(`end ${name}`);
      running -= 1;
    };
    await Promise.all([
      slots.shared(work('a', false)),
      slots.shared(work('b', false)),
      slots.shared(work('c', false)),
      slots.alone(work('d', true)),
      slots.shared(work('e', false)),
    ]);
    expect(most).toBe(2);
    expect(log.indexOf('start d')).toBeGreaterThan(log.indexOf('end c'));
    expect(log.indexOf('start e')).toBeGreaterThan(log.indexOf('end d'));
  });

  test('a failed render gives its slot back', async () => {
    const slots = new RenderSlots(1);
    await expect(slots.alone(() => Promise.reject(new Error('no')))).rejects.toThrow('no');
    await expect(slots.shared(() => Promise.resolve(1))).resolves.toBe(1);
  });
});
