import { describe, expect, test } from '@jest/globals';
import { parsePromotionConfig } from '../../src/config/parse-promotion-config.js';
import type { Pin } from '../../src/types.js';

const config = (app: string) => `
environments:
  - name: dev
    overlays: apps/{app}/overlays/dev
  - name: production
apps:
${app}`;

const pinsOfWeb = (yaml: string, images = '[web]'): Pin[] => {
  const parsed = parsePromotionConfig(config(`  web:\n    images: ${images}\n    environments:\n      production:\n        pins:\n${yaml}`));
  return parsed.apps[0].environments.production?.pins ?? [];
};

describe('pins in gitops-promote.yaml', () => {
  test.each<[string, string, string, Pin[]]>([
    [
      'a values file with the default layout',
      '[web]',
      '          - helm-values: environments/{app}/values.yaml\n',
      [
        {
          kind: 'helm-values',
          file: 'environments/web/values.yaml',
          images: [{ name: 'web', paths: { repository: 'image.repository', tag: 'image.tag', digest: 'image.digest' } }],
          digestInTag: false,
          only: ['web'],
        },
      ],
    ],
    [
      'a HelmRelease with its own paths and digest-in-tag',
      '[web]',
      '          - helm-release: clusters/production/web.yaml\n            image: { repository: app.image, tag: app.version }\n            digest-in-tag: true\n',
      [
        {
          kind: 'helm-release',
          file: 'clusters/production/web.yaml',
          images: [{ name: 'web', paths: { repository: 'app.image', tag: 'app.version' } }],
          digestInTag: true,
          only: ['web'],
        },
      ],
    ],
    [
      'several images of one file, by name',
      '[web, worker]',
      '          - argocd-helm-parameters: argocd/web.yaml\n            images: { web: { tag: images.web.tag }, worker: { tag: images.worker.tag } }\n',
      [
        {
          kind: 'argocd-helm-parameters',
          file: 'argocd/web.yaml',
          images: [
            { name: 'web', paths: { tag: 'images.web.tag' } },
            { name: 'worker', paths: { tag: 'images.worker.tag' } },
          ],
          digestInTag: false,
          only: ['web', 'worker'],
        },
      ],
    ],
    [
      'an Application and setter comments, which say in their files what they hold; no app images: any image',
      '[]',
      '          - argocd-application: argocd/web.yaml\n          - image-setters: clusters/production/cron.yaml\n',
      [
        { kind: 'argocd-application', file: 'argocd/web.yaml', images: [], digestInTag: false },
        { kind: 'image-setters', file: 'clusters/production/cron.yaml', images: [], digestInTag: false },
      ],
    ],
  ])('%s', (_name, images, yaml, expected) => {
    const origin = "gitops-promote.yaml: app 'web' > environments > production > pins";
    expect(pinsOfWeb(yaml, images)).toEqual(expected.map((pin, index) => ({ ...pin, origin: `${origin}[${index}]` })));
  });

  test('an environment may leave overlays out, its apps pinning through pins only', () => {
    expect(parsePromotionConfig(config('  web: {}')).environments[1].overlays).toEqual([]);
  });

  test.each([
    ['no kind', '          - image: { tag: image.tag }\n', '[web]', "app 'web' > environments > production > pins[0] names no pin kind; give one of"],
    [
      'two kinds',
      '          - helm-values: a.yaml\n            helm-release: b.yaml\n',
      '[web]',
      'pins[0] names helm-values and helm-release; give one kind per entry',
    ],
    [
      'an unknown key',
      '          - helm-values: a.yaml\n            tag: image.tag\n',
      '[web]',
      "unknown key 'tag' in app 'web' > environments > production > pins > 0.",
    ],
    ['image on a self-describing kind', '          - argocd-application: a.yaml\n            image: { tag: x }\n', '[web]', 'remove image/images'],
    ['image and images', '          - helm-values: a.yaml\n            image: { tag: x }\n            images: { web: { tag: y } }\n', '[web]', 'not both'],
    ['one layout for several images', '          - helm-values: a.yaml\n', '[web, worker]', 'the app has 2 images (web, worker); say where each is'],
    [
      'an image the app does not list',
      '          - helm-values: a.yaml\n            images: { api: { tag: x } }\n',
      '[web]',
      "'api' is not an image of this app",
    ],
    ['an empty layout', '          - helm-values: a.yaml\n            image: {}\n', '[web]', 'must NOT have fewer than 1 properties'],
  ])('refuses %s in one line naming the entry', (_name, yaml, images, message) => {
    expect(() => pinsOfWeb(yaml, images)).toThrow(message);
  });
});
