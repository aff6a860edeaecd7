import { describe, expect, test } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../src/errors.js';
import { parseImageArgument, parseImageArguments } from '../../src/kustomize/image-argument.js';
import {
  argoCdKustomizeImages,
  argoCdKustomizeImagesEditor,
  imageArgumentOfEntry,
  sourcesWithKustomizeImages,
  type ArgoCdKustomizeImagesOptions,
} from '../../src/pins/argocd-kustomize-images-editor.js';
import type { Pin } from '../../src/pins/pin-types.js';
import { PROJECT_ROOT } from '../helpers/action-runner.js';
import { lineDiff } from '../helpers/line-diff.js';

const SHA = `sha256:${'a'.repeat(64)}`;
const FILE = 'apps/web-production.yaml';
const lines = (...text: string[]): string => text.join('\n');
const pinOf = (only?: string[]): Pin => ({ kind: 'argocd-application', file: FILE, images: [], digestInTag: false, only });
const addEverywhere: ArgoCdKustomizeImagesOptions = { addMissing: () => true };

const head = ['apiVersion: argoproj.io/v1alpha1', 'kind: Application', 'metadata:', '  name: web-production', 'spec:'];
/** An Application whose `spec.source` ends with the given lines (indented under it). */
const app = (...source: string[]): string => lines(...head, '  source:', '    repoURL: https://github.com/acme/config', '    path: apps/web', ...source, '');

function edit(source: string, args: string[], options: ArgoCdKustomizeImagesOptions = {}, pin = pinOf()) {
  return argoCdKustomizeImagesEditor(options).edit(pin, source, parseImageArguments(args));
}

// [title, input, args, expected output, options]
type EditCase = [string, string, string[], string, ArgoCdKustomizeImagesOptions?];

const editCases: EditCase[] = [
  [
    'name:tag, new tag',
    app('    kustomize:', '      images:', '      - web:1.0.0'),
    ['web:1.0.1'],
    app('    kustomize:', '      images:', '      - web:1.0.1'),
  ],
  [
    'name=newName:tag, new name and tag',
    app('    kustomize:', '      images:', '      - web=ghcr.io/acme/web:1.0.0'),
    ['web=registry.acme.io/web:2.0.0'],
    app('    kustomize:', '      images:', '      - web=registry.acme.io/web:2.0.0'),
  ],
  [
    'an argument without a new name clears it, as kustomize does',
    app('    kustomize:', '      images:', '      - web=ghcr.io/acme/web:1.0.0'),
    ['web:1.0.1'],
    app('    kustomize:', '      images:', '      - web:1.0.1'),
  ],
  [
    '`*` keeps the entry’s new name',
    app('    kustomize:', '      images:', '      - web=ghcr.io/acme/web:1.0.0'),
    ['web=*:1.0.1'],
    app('    kustomize:', '      images:', '      - web=ghcr.io/acme/web:1.0.1'),
  ],
  [
    '`*` keeps the entry’s tag',
    app('    kustomize:', '      images:', '      - web=ghcr.io/acme/web:1.0.0'),
    ['web=registry.acme.io/web:*'],
    app('    kustomize:', '      images:', '      - web=registry.acme.io/web:1.0.0'),
  ],
  [
    'a digest alone drops the tag',
    app('    kustomize:', '      images:', '      - web:1.0.0'),
    [`web@${SHA}`],
    app('    kustomize:', '      images:', `      - web@${SHA}`),
  ],
  [
    'tag and digest',
    app('    kustomize:', '      images:', `      - web@${SHA}`),
    [`web=ghcr.io/acme/web:1.0.1@${SHA}`],
    app('    kustomize:', '      images:', `      - web=ghcr.io/acme/web:1.0.1@${SHA}`),
  ],
  [
    '`*` keeps the digest beside a new tag',
    app('    kustomize:', '      images:', `      - web:1.0.0@${SHA}`),
    ['web:1.0.1@*'],
    app('    kustomize:', '      images:', `      - web:1.0.1@${SHA}`),
  ],
  [
    'name=newName keeps that form',
    app('    kustomize:', '      images:', '      - mysql=mariadb'),
    ['mysql=mariadb-mirror'],
    app('    kustomize:', '      images:', '      - mysql=mariadb-mirror'),
  ],
  [
    'an entry named by its reference (registry with a port)',
    app('    kustomize:', '      images:', '      - 10.42.0.1:30000/test-image:1.0.2'),
    ['10.42.0.1:30000/test-image:1.0.3'],
    app('    kustomize:', '      images:', '      - 10.42.0.1:30000/test-image:1.0.3'),
  ],
  [
    'double quotes kept',
    app('    kustomize:', '      images:', '      - "web:1.0.0"'),
    ['web:1.0.1'],
    app('    kustomize:', '      images:', '      - "web:1.0.1"'),
  ],
  [
    'single quotes kept',
    app('    kustomize:', '      images:', "      - 'web=ghcr.io/acme/web:1.0.0'"),
    ['web=*:2'],
    app('    kustomize:', '      images:', "      - 'web=ghcr.io/acme/web:2'"),
  ],
  [
    'a numeric-looking tag needs no quotes inside the string',
    app('    kustomize:', '      images:', '      - web:1.0'),
    ['web:1.10'],
    app('    kustomize:', '      images:', '      - web:1.10'),
  ],
  [
    'comments, other entries and other settings untouched',
    app(
      '    kustomize:',
      '      namePrefix: prod-',
      '      images:',
      '      # the app',
      '      - web:1.0.0 # pinned by CI',
      '      - api:3.1.0',
      '      version: v5.4.3',
    ),
    ['web:1.0.1'],
    app(
      '    kustomize:',
      '      namePrefix: prod-',
      '      images:',
      '      # the app',
      '      - web:1.0.1 # pinned by CI',
      '      - api:3.1.0',
      '      version: v5.4.3',
    ),
  ],
  [
    'flow list',
    app('    kustomize:', '      images: [web:1.0.0, "api:3.1.0"]'),
    ['web:1.0.1', 'api:3.2.0'],
    app('    kustomize:', '      images: [web:1.0.1, "api:3.2.0"]'),
  ],
  [
    'duplicate entries of a name: all changed',
    app('    kustomize:', '      images:', '      - web:1.0.0', '      - api:3.1.0', '      - web=ghcr.io/acme/web:0.9.0'),
    ['web=*:1.0.1'],
    app('    kustomize:', '      images:', '      - web:1.0.1', '      - api:3.1.0', '      - web=ghcr.io/acme/web:1.0.1'),
  ],
  [
    'no entry for the name: nothing added unless asked',
    app('    kustomize:', '      images:', '      - api:3.1.0'),
    ['web:1.0.1'],
    app('    kustomize:', '      images:', '      - api:3.1.0'),
  ],
  [
    'added after the last entry, in its dash indentation and quoting',
    app('    kustomize:', '      images:', '        -   "api:3.1.0" # api', '      namePrefix: prod-'),
    ['web=ghcr.io/acme/web:1.0.1', 'worker:2'],
    app(
      '    kustomize:',
      '      images:',
      '        -   "api:3.1.0" # api',
      '        -   "web=ghcr.io/acme/web:1.0.1"',
      '        -   "worker:2"',
      '      namePrefix: prod-',
    ),
    addEverywhere,
  ],
  ['added to an empty flow list', app('    kustomize:', '      images: []'), ['web:1.0.1'], app('    kustomize:', '      images: [web:1.0.1]'), addEverywhere],
  [
    'added to a flow list',
    app('    kustomize:', '      images: [api:3.1.0]'),
    ['web:1.0.1'],
    app('    kustomize:', '      images: [api:3.1.0, web:1.0.1]'),
    addEverywhere,
  ],
  [
    'added under an empty images key',
    app('    kustomize:', '      images:', '      namePrefix: prod-'),
    ['web:1.0.1'],
    app('    kustomize:', '      images:', '      - web:1.0.1', '      namePrefix: prod-'),
    addEverywhere,
  ],
  [
    'added under images: ~',
    app('    kustomize:', '      images: ~'),
    ['web:1.0.1'],
    app('    kustomize:', '      images:', '      - web:1.0.1'),
    addEverywhere,
  ],
  [
    'images created in a kustomize mapping',
    app('    kustomize:', '      namePrefix: prod-'),
    ['web:1.0.1'],
    app('    kustomize:', '      namePrefix: prod-', '      images:', '      - web:1.0.1'),
    addEverywhere,
  ],
  ['images created in an empty flow kustomize', app('    kustomize: {}'), ['web:1.0.1'], app('    kustomize: {images: [web:1.0.1]}'), addEverywhere],
  ['kustomize created in a source without one', app(), ['web:1.0.1'], app('    kustomize:', '      images:', '      - web:1.0.1'), addEverywhere],
  [
    'kustomize created after a key with no value',
    app('    targetRevision:', '  syncPolicy: {}'),
    ['web:1.0.1'],
    app('    targetRevision:', '    kustomize:', '      images:', '      - web:1.0.1', '  syncPolicy: {}'),
    addEverywhere,
  ],
  [
    'kustomize created in the file’s indentation (keys two under their parent, lists indented under their key)',
    lines(
      ...head,
      '  source:',
      '      repoURL: https://github.com/acme/config',
      '      path: apps/web',
      '  syncPolicy:',
      '    syncOptions:',
      '      - CreateNamespace=true',
      '',
    ),
    ['web:1.0.1'],
    lines(
      ...head,
      '  source:',
      '      repoURL: https://github.com/acme/config',
      '      path: apps/web',
      '      kustomize:',
      '        images:',
      '          - web:1.0.1',
      '  syncPolicy:',
      '    syncOptions:',
      '      - CreateNamespace=true',
      '',
    ),
    addEverywhere,
  ],
  [
    'kustomize created in a flow source',
    lines(...head, '  source: {repoURL: x, path: y}', ''),
    ['web:1.0.1'],
    lines(...head, '  source: {repoURL: x, path: y, kustomize: {images: [web:1.0.1]}}', ''),
    addEverywhere,
  ],
  [
    'a file without a final line break keeps it that way',
    app('    kustomize:', '      images:', '      - api:3.1.0').trimEnd(),
    ['web:1.0.1'],
    app('    kustomize:', '      images:', '      - api:3.1.0', '      - web:1.0.1').trimEnd(),
    addEverywhere,
  ],
  [
    'a chart source is never given kustomize images',
    lines(...head, '  source:', '    repoURL: https://charts.acme.io', '    chart: web', '    targetRevision: 1.2.3', ''),
    ['web:1.0.1'],
    lines(...head, '  source:', '    repoURL: https://charts.acme.io', '    chart: web', '    targetRevision: 1.2.3', ''),
    addEverywhere,
  ],
  [
    'added only where the caller says the source renders the image',
    lines(...head, '  sources:', '  - repoURL: a', '    path: one', '  - repoURL: b', '    path: two', ''),
    ['web:1.0.1'],
    lines(
      ...head,
      '  sources:',
      '  - repoURL: a',
      '    path: one',
      '  - repoURL: b',
      '    path: two',
      '    kustomize:',
      '      images:',
      '      - web:1.0.1',
      '',
    ),
    { addMissing: (image, source) => image === 'web' && source.path === 'two' },
  ],
  [
    'every source of spec.sources',
    lines(
      ...head,
      '  sources:',
      '    - repoURL: https://github.com/acme/config',
      '      path: apps/web',
      '      kustomize:',
      '        images:',
      '          - web:1.0.0',
      '    - repoURL: https://github.com/acme/config',
      '      path: apps/web-worker',
      '      kustomize:',
      '        images: ["web=ghcr.io/acme/web:1.0.0", worker:2.0.0]',
      '',
    ),
    ['web=*:1.0.1'],
    lines(
      ...head,
      '  sources:',
      '    - repoURL: https://github.com/acme/config',
      '      path: apps/web',
      '      kustomize:',
      '        images:',
      '          - web:1.0.1',
      '    - repoURL: https://github.com/acme/config',
      '      path: apps/web-worker',
      '      kustomize:',
      '        images: ["web=ghcr.io/acme/web:1.0.1", worker:2.0.0]',
      '',
    ),
  ],
  [
    'spec.source is ignored while spec.sources has entries, as Argo CD does',
    lines(
      ...head,
      '  source:',
      '    kustomize:',
      '      images: [web:1.0.0]',
      '  sources:',
      '  - repoURL: a',
      '    kustomize:',
      '      images: [web:1.0.0]',
      '',
    ),
    ['web:1.0.1'],
    lines(
      ...head,
      '  source:',
      '    kustomize:',
      '      images: [web:1.0.0]',
      '  sources:',
      '  - repoURL: a',
      '    kustomize:',
      '      images: [web:1.0.1]',
      '',
    ),
  ],
  [
    'each Application of a file; other documents skipped',
    lines(
      'apiVersion: v1',
      'kind: Namespace',
      'metadata:',
      '  name: web',
      '---',
      app('    kustomize:', '      images: [web:1.0.0]').trimEnd(),
      '---',
      app('    kustomize:', '      images: [web:0.9.0]'),
    ),
    ['web:1.0.1'],
    lines(
      'apiVersion: v1',
      'kind: Namespace',
      'metadata:',
      '  name: web',
      '---',
      app('    kustomize:', '      images: [web:1.0.1]').trimEnd(),
      '---',
      app('    kustomize:', '      images: [web:1.0.1]'),
    ),
  ],
  [
    'CRLF line endings kept, also on added lines',
    app('    kustomize:', '      images:', '      - web:1.0.0').replace(/\n/g, '\r\n'),
    ['web:1.0.1', 'api:3'],
    app('    kustomize:', '      images:', '      - web:1.0.1', '      - api:3').replace(/\n/g, '\r\n'),
    addEverywhere,
  ],
];

describe('argocd-application: editing kustomize images', () => {
  test.each(editCases)('%s', (_title, input, args, expected, options = {}) => {
    const { text } = edit(input, args, options);
    expect(text).toBe(expected);
    // Idempotent: the same arguments again change nothing.
    const again = edit(text, args, options);
    expect(again.text).toBe(text);
    expect(again.changes).toEqual([]);
  });

  test('the changes name the entry, its values before and after, and what was cleared', () => {
    const input = app('    kustomize:', '      images:', '      - api:3.1.0', '      - web=ghcr.io/acme/web:1.0.0');
    expect(edit(input, ['web:1.0.1', 'worker:2'], addEverywhere).changes).toEqual([
      {
        name: 'web',
        argument: 'web:1.0.1',
        before: { newName: 'ghcr.io/acme/web', newTag: '1.0.0', digest: '' },
        after: { newName: '', newTag: '1.0.1', digest: '' },
        dropped: ['newName'],
        location: 'spec.source.kustomize.images[1]',
        line: 12,
      },
      {
        name: 'worker',
        argument: 'worker:2',
        before: null,
        after: { newName: '', newTag: '2', digest: '' },
        dropped: [],
        location: 'spec.source.kustomize.images[2]',
        line: 13,
      },
    ]);
  });

  test('pin.only keeps an argument for another image out', () => {
    const input = app('    kustomize:', '      images: [web:1.0.0, api:3.1.0]');
    expect(edit(input, ['web:1.0.1', 'api:3.2.0'], {}, pinOf(['web'])).text).toBe(app('    kustomize:', '      images: [web:1.0.1, api:3.1.0]'));
    expect(argoCdKustomizeImages.read(pinOf(['web']), input).map((image) => image.name)).toEqual(['web']);
  });

  test('an entry with an Argo CD build variable is read but never rewritten', () => {
    const input = app('    kustomize:', '      images:', '      - web=ghcr.io/acme/web:${ARGOCD_APP_REVISION}', '      - api:3.1.0');
    expect(argoCdKustomizeImages.read(pinOf(), input)[0]).toEqual({
      name: 'web',
      values: { newName: 'ghcr.io/acme/web', newTag: '${ARGOCD_APP_REVISION}', digest: '' },
      location: 'spec.source.kustomize.images[0]',
      line: 11,
    });
    expect(edit(input, ['api:3.2.0']).text).toContain('- api:3.2.0');
    expect(() => edit(input, ['web:1.0.1'])).toThrow(
      `${FILE}: spec.source.kustomize.images[0] 'web=ghcr.io/acme/web:\${ARGOCD_APP_REVISION}' holds a variable Argo CD substitutes at build time; ` +
        'write the image out, or keep web out of this pin.',
    );
  });
});

describe('argocd-application: refusals name the file and the place', () => {
  test.each([
    [
      'a file that is not an Application',
      lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', ''),
      ['web:1'],
      `${FILE} is not an Argo CD Application: no document has apiVersion argoproj.io/v1alpha1 and kind Application.`,
    ],
    [
      'an ApplicationSet',
      lines('apiVersion: argoproj.io/v1alpha1', 'kind: ApplicationSet', ''),
      ['web:1'],
      `${FILE} is not an Argo CD Application: no document has apiVersion argoproj.io/v1alpha1 and kind Application.`,
    ],
    ['a file that is not YAML', 'spec: [a\n', ['web:1'], `${FILE} is not valid YAML:`],
    [
      'images that are a mapping',
      app('    kustomize:', '      images:', '        web: 1.0.0'),
      ['web:1'],
      `${FILE}: spec.source.kustomize.images is a mapping, not a list of image strings.`,
    ],
    ['kustomize that is a list', app('    kustomize: [a]'), ['web:1'], `${FILE}: spec.source.kustomize is a list, not a mapping.`],
    [
      'an entry that is a mapping',
      app('    kustomize:', '      images:', '      - name: web'),
      ['web:1'],
      `${FILE}: spec.source.kustomize.images[0] is a mapping, not a string such as web=ghcr.io/acme/web:1.4.2.`,
    ],
    [
      'an alias entry',
      app('    kustomize:', '      images:', '      - &w web:1.0.0', '      - *w'),
      ['web:1'],
      `${FILE}: spec.source.kustomize.images[1] is an alias; write the image string out so it can be edited.`,
    ],
    [
      'a malformed entry',
      app('    kustomize:', '      images:', '      - api:3.1.0', '      - web:1.0.0+build'),
      ['web:1'],
      `${FILE}: spec.source.kustomize.images[1] 'web:1.0.0+build' has an invalid tag '1.0.0+build'`,
    ],
    [
      'a malformed entry in spec.sources of one of two Applications',
      lines(...head, '  sources:', '  - repoURL: a', '    kustomize:', '      images: [web]', '---', app()),
      ['web:1'],
      `${FILE}: spec.sources[0].kustomize.images[0] (Application web-production) 'web' sets nothing`,
    ],
    [
      'an argument that would leave an entry setting nothing',
      app('    kustomize:', '      images: [web:1.0.0]'),
      ['web=*'],
      `${FILE}: spec.source.kustomize.images[0]: 'web=*' leaves web with no new name, tag or digest, ` +
        'which is no argument for kustomize; remove the entry instead.',
    ],
  ])('%s', (_title, input, args, message) => {
    const attempt = (): unknown => edit(input, args);
    expect(attempt).toThrow(UserError);
    expect(attempt).toThrow(message);
    expect(() => attempt()).not.toThrow(/\n/);
  });
});

describe('argocd-application: reading what the entries hold', () => {
  test('every entry form, with its place and line', () => {
    const input = lines(
      ...head,
      '  sources:',
      '  - repoURL: a',
      '    kustomize:',
      '      images:',
      '      - web=ghcr.io/acme/web:1.0.0',
      `      - "api@${SHA}"`,
      '  - repoURL: b',
      '    kustomize:',
      `      images: ['worker:2', mysql=mariadb, 'cache=redis:7@${SHA}']`,
      '',
    );
    expect(argoCdKustomizeImages.read(pinOf(), input)).toEqual([
      { name: 'web', values: { newName: 'ghcr.io/acme/web', newTag: '1.0.0', digest: '' }, location: 'spec.sources[0].kustomize.images[0]', line: 10 },
      { name: 'api', values: { newName: '', newTag: '', digest: SHA }, location: 'spec.sources[0].kustomize.images[1]', line: 11 },
      { name: 'worker', values: { newName: '', newTag: '2', digest: '' }, location: 'spec.sources[1].kustomize.images[0]', line: 14 },
      { name: 'mysql', values: { newName: 'mariadb', newTag: '', digest: '' }, location: 'spec.sources[1].kustomize.images[1]', line: 14 },
      { name: 'cache', values: { newName: 'redis', newTag: '7', digest: SHA }, location: 'spec.sources[1].kustomize.images[2]', line: 14 },
    ]);
  });

  test('the sources and their image strings, for applying them to the source folders', () => {
    const input = lines(
      ...head,
      '  sources:',
      '  - repoURL: https://github.com/acme/config',
      '    path: apps/web',
      '    targetRevision: main',
      '    kustomize:',
      '      images: [web:1.0.0, api:3]',
      '  - repoURL: https://charts.acme.io',
      '    chart: redis',
      '    targetRevision: 7.0.0',
      '',
    );
    expect(sourcesWithKustomizeImages(input)).toEqual([
      {
        application: 'web-production',
        index: 0,
        repoURL: 'https://github.com/acme/config',
        path: 'apps/web',
        targetRevision: 'main',
        chart: '',
        images: ['web:1.0.0', 'api:3'],
      },
      { application: 'web-production', index: 1, repoURL: 'https://charts.acme.io', path: '', targetRevision: '7.0.0', chart: 'redis', images: [] },
    ]);
    expect(sourcesWithKustomizeImages(app('    targetRevision: HEAD', '    kustomize:', '      images: [web:1.0.0]'))).toEqual([
      {
        application: 'web-production',
        index: null,
        repoURL: 'https://github.com/acme/config',
        path: 'apps/web',
        targetRevision: 'HEAD',
        chart: '',
        images: ['web:1.0.0'],
      },
    ]);
  });

  test.each([
    ['web=ghcr.io/acme/web:1.0.0', 'web', 'ghcr.io/acme/web', '1.0.0', ''],
    ['web:1.0.0', 'web', '', '1.0.0', ''],
    [`web@${SHA}`, 'web', '', '', SHA],
    ['mysql=mariadb', 'mysql', 'mariadb', '', ''],
    [`web=ghcr.io/acme/web:1.0.0@${SHA}`, 'web', 'ghcr.io/acme/web', '1.0.0', SHA],
  ])('an entry is an image argument: %s', (entry, name, newName, newTag, digest) => {
    expect(imageArgumentOfEntry(entry, FILE, 'spec.source.kustomize.images[0]')).toEqual({ source: entry, name, newName, newTag, digest });
    expect(imageArgumentOfEntry(entry, FILE, 'x')).toEqual(parseImageArgument(entry));
  });

  test('an entry that does not parse is a one-line user error naming the file and the place', () => {
    expect(() => imageArgumentOfEntry('web:', FILE, 'spec.sources[1].kustomize.images[0]')).toThrow(
      new UserError(`${FILE}: spec.sources[1].kustomize.images[0] 'web:' has an empty tag after ":".`),
    );
  });
});

// --- real-world Applications ---------------------------------------------------

const FIXTURES = join(PROJECT_ROOT, '__tests__/fixtures/pins/argocd');
const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');
const fixtureNames = readdirSync(FIXTURES).filter((name) => name.endsWith('.yaml'));

// The operator manual's reference Application lists spec.sources too, so Argo CD ignores its spec.source;
// with the list renamed, its spec.source (and all the comments around it) is what counts.
const realWorld: Array<[string, string]> = [
  ...fixtureNames.map((name): [string, string] => [name, fixture(name)]),
  [
    'argo-cd-operator-manual-application.yaml without sources',
    fixture('argo-cd-operator-manual-application.yaml').replace('\n  sources:\n', '\n  otherSources:\n'),
  ],
];
const withImages = realWorld.filter(([, text]) => argoCdKustomizeImages.read(pinOf(), text).length > 0);

const EDITS = [
  ['tag only', (name: string) => `${name}:9.9.9`, { newName: '', newTag: '9.9.9', digest: '' }],
  [
    'name and tag',
    (name: string) => `${name}=registry.example.com/mirror/app:2.0.0`,
    { newName: 'registry.example.com/mirror/app', newTag: '2.0.0', digest: '' },
  ],
  ['digest', (name: string) => `${name}@${SHA}`, { newName: '', newTag: '', digest: SHA }],
] as const;

describe('argocd-application: real-world Applications', () => {
  test('the fixtures hold at least six Applications with kustomize images', () => {
    expect(withImages.length).toBeGreaterThanOrEqual(6);
  });

  test('an Application that lists spec.sources has its spec.source ignored', () => {
    expect(argoCdKustomizeImages.read(pinOf(), fixture('argo-cd-operator-manual-application.yaml'))).toEqual([]);
  });

  const cases = withImages.flatMap(([file, text]) => {
    const names = [...new Set(argoCdKustomizeImages.read(pinOf(), text).map((image) => image.name))];
    return names.flatMap((name) => EDITS.map(([kind, argument, expected]) => [file, name, kind, argument(name), expected, text] as const));
  });

  test.each(cases)('%s: %s, %s', (_file, name, _kind, argument, expected, text) => {
    const before = argoCdKustomizeImages.read(pinOf(), text);
    const { text: edited, changes } = edit(text, [argument]);
    const after = argoCdKustomizeImages.read(pinOf(), edited);

    // Every entry of the name now holds the argument's values; every other entry is as it was.
    expect(after.map((image) => image.location)).toEqual(before.map((image) => image.location));
    after.forEach((image, index) => expect(image.values).toEqual(image.name === name ? expected : before[index].values));
    expect(changes.map((change) => change.location)).toEqual(before.filter((image) => image.name === name).map((image) => image.location));

    // Only the changed entries' lines differ.
    const diff = lineDiff(text, edited);
    const changedLines = before.filter((image) => image.name === name).map((image) => text.split('\n')[image.line - 1]);
    expect(diff.removed).toEqual(changedLines);
    expect(diff.added).toHaveLength(changedLines.length);

    expect(edit(edited, [argument]).text).toBe(edited);
  });

  test.each(withImages.map(([file, text]) => [file, text]))('%s: a new image added where asked, nothing else touched', (_file, text) => {
    const { text: edited, changes } = edit(text, ['brand-new=registry.example.com/new:1.0.0'], addEverywhere);
    const added = argoCdKustomizeImages.read(pinOf(['brand-new']), edited);
    expect(added.map((image) => image.values)).toEqual(changes.map(() => ({ newName: 'registry.example.com/new', newTag: '1.0.0', digest: '' })));
    expect(lineDiff(text, edited).removed).toEqual([]);
    expect(edit(edited, ['brand-new=registry.example.com/new:1.0.0'], addEverywhere).text).toBe(edited);
  });

  test('an Application without kustomize settings gets them in its own indentation', () => {
    const text = fixture('image-updater-001-install.yaml');
    const { text: edited } = edit(text, ['10.42.0.1:30000/test-image:1.0.2'], addEverywhere);
    expect(lineDiff(text, edited)).toEqual({ removed: [], added: ['    kustomize:', '      images:', '        - 10.42.0.1:30000/test-image:1.0.2'] });
    expect(sourcesWithKustomizeImages(edited)).toEqual([
      {
        application: 'image-updater-001',
        index: null,
        repoURL: 'http://10.42.0.1:30002/testdata.git',
        path: './001-simple-kustomize-app',
        targetRevision: 'HEAD',
        chart: '',
        images: ['10.42.0.1:30000/test-image:1.0.2'],
      },
    ]);
  });
});
