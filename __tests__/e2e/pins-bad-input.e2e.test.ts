import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { errorAnnotations, type ActionRun } from '../helpers/action-runner.js';
import { git, type ConfigRepo } from '../helpers/git-fixtures.js';
import { createHelmConfigRepo, NEW_DIGEST, pushEdits, setImage } from './pins-fixture.js';

// Bad pins, from the inputs and from gitops-promote.yaml: each refused in one line naming the input or the key, exit code 1, nothing written.

const PATH_HINT = 'write keys separated by dots, list indexes as [0], and a key with a dot in it as ["a.b"].';

/** Files that do not parse, one per kind (the setter file has its marker, so it is read as one). */
const BROKEN = {
  'broken/values.yaml': 'image:\n  tag: [unclosed\n',
  'broken/cron.yaml': 'spec:\n  image: ghcr.io/acme/web:1.0.0 # {"$imagepolicy": "flux-system:web"}\n  args: [unclosed\n',
};
const NOT_YAML = 'is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]';

/** One line, exit code 1, no stack trace, and nothing committed or pushed. */
function expectRefused(run: ActionRun, repo: ConfigRepo, commits: number, message: string): void {
  expect(run.exitCode).toBe(1);
  const errors = errorAnnotations(run);
  expect(errors).toHaveLength(1);
  expect(errors[0]).toContain(message);
  expect(`${run.stdout}${run.stderr}`).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(git(repo.work, 'status', '--porcelain')).toBe('');
  expect(repo.commitCount()).toBe(commits);
  expect(git(repo.work, 'rev-parse', 'HEAD')).toBe(repo.remoteHead());
}

describe('pins named by inputs', () => {
  let repo: ConfigRepo;
  beforeAll(() => {
    repo = createHelmConfigRepo();
    pushEdits(repo, BROKEN, 'Files that do not parse');
  });
  afterAll(() => repo.cleanup());

  const cases: Array<[string, Record<string, string>, string]> = [
    [
      'a Helm path that is a mapping, not a scalar',
      { 'helm-values': 'environments/dev/values.yaml#tag=image', images: 'web=*:1.5.0' },
      'environments/dev/values.yaml: image is a mapping, not a scalar; name the scalar that holds the tag.',
    ],
    [
      'a reference path that is a mapping',
      { 'helm-release': 'clusters/dev/worker-release.yaml#reference=image', images: 'worker=*:1.0.0' },
      'clusters/dev/worker-release.yaml: spec.values.image is a mapping, not a scalar; name the scalar that holds the image reference.',
    ],
    ['a helm-values file that does not parse', { 'helm-values': 'broken/values.yaml', images: 'web=*:1.5.0' }, `broken/values.yaml ${NOT_YAML}`],
    ['a helm-release file that does not parse', { 'helm-release': 'broken/values.yaml', images: 'web=*:1.5.0' }, `broken/values.yaml ${NOT_YAML}`],
    ['an argocd-application file that does not parse', { 'argocd-application': 'broken/values.yaml', images: 'web=*:1.5.0' }, `broken/values.yaml ${NOT_YAML}`],
    [
      'an argocd-helm-parameters file that does not parse',
      { 'argocd-helm-parameters': 'broken/values.yaml', images: 'web=*:1.5.0' },
      `broken/values.yaml ${NOT_YAML}`,
    ],
    ['an image-setters file that does not parse', { 'image-setters': 'broken/cron.yaml', images: 'ghcr.io/acme/web=*:1.5.0' }, `broken/cron.yaml ${NOT_YAML}`],
    [
      'a pin naming a missing file',
      { 'helm-values': 'environments/qa/values.yaml', images: 'web=*:1.5.0' },
      "Input 'helm-values': environments/qa/values.yaml does not exist in the config repo.",
    ],
    [
      'a pin naming a folder',
      { 'argocd-application': 'argocd', images: 'ghcr.io/acme/api=*:2.9.0' },
      "Input 'argocd-application': argocd is a folder, not a file in the config repo.",
    ],
    [
      'a pin file outside the repo',
      { 'helm-release': '../outside/release.yaml', images: 'worker=*:1.0.0' },
      "Input 'helm-release': ../outside/release.yaml leaves the config repo; give a path relative to its root.",
    ],
    [
      '#where naming no image part',
      { 'helm-values': 'environments/dev/values.yaml#foo=bar', images: 'web=*:1.5.0' },
      "Input 'helm-values': 'environments/dev/values.yaml#foo=bar': 'foo=bar' is not one of repository=<path>, tag=<path>, digest=<path>, reference=<path>.",
    ],
    [
      '#where with an empty path',
      { 'helm-values': 'environments/dev/values.yaml#tag=', images: 'web=*:1.5.0' },
      "Input 'helm-values': 'environments/dev/values.yaml#tag=': 'tag=' is not one of repository=<path>, tag=<path>, digest=<path>, reference=<path>.",
    ],
    [
      '#where with an empty key',
      { 'helm-values': 'environments/dev/values.yaml#image..tag', images: 'web=*:1.5.0' },
      `Input 'helm-values': environments/dev/values.yaml: image 'web': the path 'image..tag' has an empty key at character 7; ${PATH_HINT}`,
    ],
    [
      '#where with an index that is not a number',
      { 'helm-release': 'clusters/dev/worker-release.yaml#sidecars[x]', images: 'worker=*:1.0.0' },
      "Input 'helm-release': clusters/dev/worker-release.yaml: image 'worker': the path 'sidecars[x].repository' has '[x]', which is not a list index",
    ],
    [
      '#where on a kind whose file says what it holds',
      { 'argocd-application': 'argocd/api-dev.yaml#image', images: 'ghcr.io/acme/api=*:2.9.0' },
      "Input 'argocd-application': 'argocd/api-dev.yaml#image': argocd-application says in its file which images it holds; give the file alone.",
    ],
    [
      'a pin input with no file',
      { 'helm-values': 'web=#image.tag', images: 'web=*:1.5.0' },
      "Input 'helm-values': 'web=#image.tag' names no file; write environments/production/values.yaml#image.tag.",
    ],
    [
      'a tag-only pin with several images and no name',
      { 'helm-values': 'environments/dev/values.yaml#image.tag', images: 'web=*:1.5.0\nworker=*:1.0.0' },
      "Input 'helm-values': environments/dev/values.yaml names no repository path, and images sets 2; say which it holds: web=environments/dev/values.yaml#…",
    ],
    [
      // Named after the one argument, the file must hold that image: it is not given another image's tag.
      'an argument for another image than the helm-release file holds',
      { 'helm-release': 'clusters/dev/worker-release.yaml', images: `api=*:2.9.0@${NEW_DIGEST}` },
      `Input 'helm-release': clusters/dev/worker-release.yaml holds ghcr.io/acme/worker, which 'api=*:2.9.0@${NEW_DIGEST}' does not name; ` +
        'if the file runs api, say so: api=clusters/dev/worker-release.yaml.',
    ],
    [
      'an argument for another image than the values file holds',
      { 'helm-values': 'environments/dev/values.yaml', images: 'ghcr.io/acme/api:2.9.0' },
      "Input 'helm-values': environments/dev/values.yaml holds ghcr.io/acme/web, which 'ghcr.io/acme/api:2.9.0' does not name",
    ],
    [
      'an argument that no pin holds',
      { 'helm-values': 'environments/dev/values.yaml', 'helm-release': 'clusters/dev/worker-release.yaml', images: 'api=*:2.9.0\nworker=*:1.0.0' },
      "Input 'images': 'api=*:2.9.0' matches no image of the pins (helm-values: environments/dev/values.yaml; helm-release: clusters/dev/worker-release.yaml)",
    ],
  ];

  test.each(cases)('%s', async (_name, inputs, message) => {
    expectRefused(await setImage(repo, inputs), repo, 2, message);
  });
});

describe('pins in gitops-promote.yaml', () => {
  const dev = (text: string, replacement: string): string => {
    const entry =
      '          - helm-values: environments/dev/values.yaml\n' +
      '            image: { repository: image.repository, tag: image.tag, digest: image.digest } # optional: these are the defaults\n';
    if (!text.includes(entry)) throw new Error('The example config changed: update the test.');
    return text.replace(entry, replacement);
  };
  const cases: Array<[string, Record<string, string | ((text: string) => string)>, Record<string, string>, string]> = [
    [
      'a pin naming a missing file',
      { 'gitops-promote.yaml': (text) => dev(text, '          - helm-values: environments/dev/missing.yaml\n') },
      { environment: 'dev', images: 'web=*:1.5.0' },
      "gitops-promote.yaml: app 'web' > environments > dev > pins[0]: environments/dev/missing.yaml does not exist in the config repo.",
    ],
    [
      'an entry with two kinds',
      {
        'gitops-promote.yaml': (text) =>
          dev(text, '          - helm-values: environments/dev/values.yaml\n            helm-release: clusters/dev/worker-release.yaml\n'),
      },
      { environment: 'dev', images: 'web=*:1.5.0' },
      "gitops-promote.yaml: app 'web' > environments > dev > pins[0] names helm-values and helm-release; " +
        'give one kind per entry (two entries may name the same file).',
    ],
    [
      'an entry with no kind',
      { 'gitops-promote.yaml': (text) => dev(text, '          - image: { tag: image.tag }\n') },
      { environment: 'dev', images: 'web=*:1.5.0' },
      "gitops-promote.yaml: app 'web' > environments > dev > pins[0] names no pin kind; give one of",
    ],
    [
      'a Helm path that is a mapping, not a scalar',
      {
        'gitops-promote.yaml': (text) =>
          dev(text, '          - helm-values: environments/dev/values.yaml\n            image: { repository: image.repository, tag: image }\n'),
      },
      { environment: 'dev', images: 'web=*:1.5.0' },
      'environments/dev/values.yaml: image is a mapping, not a scalar; name the scalar that holds the tag.',
    ],
    [
      'a Helm path that does not parse',
      { 'gitops-promote.yaml': (text) => dev(text, '          - helm-values: environments/dev/values.yaml\n            image: { tag: "image..tag" }\n') },
      { environment: 'dev', images: 'web=*:1.5.0' },
      `gitops-promote.yaml: app 'web' > environments > dev > pins[0]: environments/dev/values.yaml: image 'web': the path 'image..tag' has an empty key`,
    ],
    [
      'image: on a kind whose file says what it holds',
      {
        'gitops-promote.yaml': (text) => dev(text, '          - image-setters: clusters/dev/cron.yaml\n            image: { tag: image.tag }\n'),
      },
      { environment: 'dev', images: 'web=*:1.5.0' },
      "gitops-promote.yaml: app 'web' > environments > dev > pins[0]: image-setters says in its file which images it holds; remove image/images.",
    ],
    [
      'a pin file that does not parse',
      { 'environments/dev/values.yaml': (text) => `${text}extra: [unclosed\n` },
      { environment: 'dev', images: 'web=*:1.5.0' },
      `environments/dev/values.yaml ${NOT_YAML}`,
    ],
  ];

  test.each(cases)('%s', async (_name, edits, inputs, message) => {
    const repo = createHelmConfigRepo();
    try {
      pushEdits(repo, edits);
      expectRefused(await setImage(repo, inputs), repo, 2, message);
    } finally {
      repo.cleanup();
    }
  });
});
