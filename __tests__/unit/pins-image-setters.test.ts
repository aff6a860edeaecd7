import { describe, expect, test } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../src/errors.js';
import { parseImageArguments } from '../../src/kustomize/image-argument.js';
import { findImageSetters, imageSetters, mayHoldImageSetters, type ImageSetterMarker } from '../../src/pins/image-setters.js';
import type { Pin } from '../../src/pins/pin-types.js';
import { PROJECT_ROOT } from '../helpers/action-runner.js';
import { lineDiff } from '../helpers/line-diff.js';

const SHA = `sha256:${'a'.repeat(64)}`;
const SHA_B = `sha256:${'b'.repeat(64)}`;
const FILE = 'apps/podinfo/release.yaml';
const lines = (...text: string[]): string => text.join('\n');
const pinOf = (only?: string[]): Pin => ({ kind: 'image-setters', file: FILE, images: [], digestInTag: false, only });
const marker = (policy: string): string => `# {"$imagepolicy": "${policy}"}`;

function edit(source: string, args: string[], pin = pinOf()) {
  return imageSetters.edit(pin, source, parseImageArguments(args));
}

const found = (text: string): Array<Pick<ImageSetterMarker, 'policy' | 'field' | 'value' | 'line'>> =>
  findImageSetters(text, FILE).map(({ policy, field, value, line }) => ({ policy, field, value, line }));

describe('image-setters: the marker grammar, as the image automation controller reads it', () => {
  test.each([
    ['the whole reference', `image: ghcr.io/acme/web:1.0.0 ${marker('flux-system:web')}`, [['flux-system:web', 'reference', 'ghcr.io/acme/web:1.0.0']]],
    ['the tag', `tag: 1.0.0 ${marker('flux-system:web:tag')}`, [['flux-system:web', 'tag', '1.0.0']]],
    ['the name', `repository: ghcr.io/acme/web ${marker('flux-system:web:name')}`, [['flux-system:web', 'name', 'ghcr.io/acme/web']]],
    ['the digest', `digest: ${SHA} ${marker('flux-system:web:digest')}`, [['flux-system:web', 'digest', SHA]]],
    ['no blanks inside the JSON', 'tag: 1.0.0 #{"$imagepolicy":"apps:web:tag"}', [['apps:web', 'tag', '1.0.0']]],
    ['more blanks and more #', 'tag: "1.0.0"    ##   {  "$imagepolicy" :  "apps:web:tag" }  ', [['apps:web', 'tag', '1.0.0']]],
    ['other string keys beside it', 'tag: v1 # {"note": "bumped by CI", "$imagepolicy": "apps:web:tag"}', [['apps:web', 'tag', 'v1']]],
    ['the long form of a setter reference', 'tag: v1 # {"$ref": "#/definitions/io.k8s.cli.setters.apps:web:tag"}', [['apps:web', 'tag', 'v1']]],
    ['a list item', `args:\n  - ghcr.io/acme/web:1.0.0 ${marker('apps:web')}`, [['apps:web', 'reference', 'ghcr.io/acme/web:1.0.0']]],
    ['single-quoted value', `tag: '1.10' ${marker('apps:web:tag')}`, [['apps:web', 'tag', '1.10']]],
    ['a plain tag YAML reads as a number stays text', `newTag: 1.10 ${marker('apps:web:tag')}`, [['apps:web', 'tag', '1.10']]],
    ['not a marker: a non-string value in the object', 'tag: v1 # {"$imagepolicy": "apps:web:tag", "n": 1}', []],
    ['not a marker: text after the JSON', `tag: v1 ${marker('apps:web:tag')} bumped`, []],
    ['not a marker: a policy without namespace', `tag: v1 ${marker('web')}`, []],
    ['not a marker: a field the controller does not define', `tag: v1 ${marker('apps:web:version')}`, []],
    ['not a marker: on a key with no value', `image: ${marker('apps:web')}`, []],
    ['not a marker: `#` without a blank before it is part of the value', 'image: web:v1#{"$imagepolicy":"apps:web"}', []],
    ['not a marker: inside a block scalar', `patch: |\n  value: '0.1.8' ${marker('apps:web')}`, []],
    ['not a marker: a comment line of its own', `${marker('apps:web')}\nimage: web:v1`, []],
    ['no marker at all', 'image: web:v1 # pinned', []],
  ])('%s', (_title, text, expected) => {
    expect(found(text).map(({ policy, field, value }) => [policy, field, value])).toEqual(expected);
  });

  test('every document of a stream, with lines, in text order; CRLF', () => {
    const text = lines('a: 1', `image: web:v1 ${marker('apps:web')}`, '---', `tag: v2 ${marker('apps:api:tag')}`, '').replace(/\n/g, '\r\n');
    expect(found(text)).toEqual([
      { policy: 'apps:web', field: 'reference', value: 'web:v1', line: 2 },
      { policy: 'apps:api', field: 'tag', value: 'v2', line: 4 },
    ]);
  });

  test('a cheap look first: a text without a marker is not parsed', () => {
    expect(mayHoldImageSetters('image: web:v1 # pinned')).toBe(false);
    expect(mayHoldImageSetters(`image: web:v1 ${marker('apps:web')}`)).toBe(true);
    expect(findImageSetters('{{ not yaml', FILE)).toEqual([]);
    expect(() => findImageSetters(`{{ not yaml ${marker('a:b')}`, FILE)).toThrow(UserError);
  });
});

// [title, input, args, expected output]
type EditCase = [string, string, string[], string];

const helmRelease = (...values: string[]): string =>
  lines(
    'apiVersion: helm.toolkit.fluxcd.io/v2',
    'kind: HelmRelease',
    'metadata:',
    '  name: podinfo',
    'spec:',
    '  values:',
    ...values.map((line) => `    ${line}`),
    '',
  );

const editCases: EditCase[] = [
  [
    'a whole reference: new tag',
    `image: ghcr.io/acme/web:1.0.0 ${marker('flux-system:web')}\n`,
    ['web:1.0.1'],
    `image: ghcr.io/acme/web:1.0.1 ${marker('flux-system:web')}\n`,
  ],
  [
    'a whole reference: new name and tag, matched by the image name',
    `image: ghcr.io/acme/web:1.0.0 ${marker('flux-system:web-policy')}\n`,
    ['ghcr.io/acme/web=registry.acme.io/web:2.0.0'],
    `image: registry.acme.io/web:2.0.0 ${marker('flux-system:web-policy')}\n`,
  ],
  ['a whole reference: a new tag drops the digest', `image: web:1.0.0@${SHA} ${marker('a:web')}\n`, ['web:1.0.1'], `image: web:1.0.1 ${marker('a:web')}\n`],
  [
    'a whole reference: a digest is written into it',
    `image: web:1.0.0 ${marker('a:web')}\n`,
    [`web:1.0.0@${SHA}`],
    `image: web:1.0.0@${SHA} ${marker('a:web')}\n`,
  ],
  ['a whole reference: a digest alone drops the tag', `image: web:1.0.0 ${marker('a:web')}\n`, [`web@${SHA}`], `image: web@${SHA} ${marker('a:web')}\n`],
  [
    'a whole reference: `*` keeps the tag beside a new digest',
    `image: web:1.0.0@${SHA} ${marker('a:web')}\n`,
    [`web:*@${SHA_B}`],
    `image: web:1.0.0@${SHA_B} ${marker('a:web')}\n`,
  ],
  [
    'a whole reference: a new name only keeps tag and digest',
    `image: web:1.0.0@${SHA} ${marker('a:web')}\n`,
    ['web=mirror/web'],
    `image: mirror/web:1.0.0@${SHA} ${marker('a:web')}\n`,
  ],
  [
    'name, tag and digest fields of a HelmRelease',
    helmRelease(
      'image:',
      `  repository: ghcr.io/acme/web ${marker('a:web:name')}`,
      `  tag: 1.0.0 ${marker('a:web:tag')}`,
      `  digest: ${SHA} ${marker('a:web:digest')}`,
    ),
    [`web=registry.acme.io/web:1.0.1@${SHA_B}`],
    helmRelease(
      'image:',
      `  repository: registry.acme.io/web ${marker('a:web:name')}`,
      `  tag: 1.0.1 ${marker('a:web:tag')}`,
      `  digest: ${SHA_B} ${marker('a:web:digest')}`,
    ),
  ],
  [
    'a new tag alone clears the digest field (it would pin the old image), quoted',
    helmRelease('image:', `  tag: 1.0.0 ${marker('a:web:tag')}`, `  digest: '${SHA}' ${marker('a:web:digest')}`),
    ['web:1.0.1'],
    helmRelease('image:', `  tag: 1.0.1 ${marker('a:web:tag')}`, `  digest: '' ${marker('a:web:digest')}`),
  ],
  [
    'a digest alone leaves the tag field (charts need one)',
    helmRelease('image:', `  tag: 1.0.0 ${marker('a:web:tag')}`, `  digest: "" ${marker('a:web:digest')}`),
    [`web@${SHA}`],
    helmRelease('image:', `  tag: 1.0.0 ${marker('a:web:tag')}`, `  digest: "${SHA}" ${marker('a:web:digest')}`),
  ],
  [
    'no new name: the name field stays',
    helmRelease('image:', `  repository: ghcr.io/acme/web ${marker('a:web:name')}`, `  tag: 1.0.0 ${marker('a:web:tag')}`),
    ['web:1.0.1'],
    helmRelease('image:', `  repository: ghcr.io/acme/web ${marker('a:web:name')}`, `  tag: 1.0.1 ${marker('a:web:tag')}`),
  ],
  [
    'a tag field alone, matched by the policy name',
    `  version: 1.0.0 ${marker('default:my-app:tag')}\n`,
    ['my-app:1.1.0'],
    `  version: 1.1.0 ${marker('default:my-app:tag')}\n`,
  ],
  ['a numeric-looking tag is quoted', `newTag: "1.9" ${marker('a:web:tag')}\nother: 1\n`, ['web:1.10'], `newTag: "1.10" ${marker('a:web:tag')}\nother: 1\n`],
  ['a plain numeric-looking tag gains quotes', `newTag: v1 ${marker('a:web:tag')}\n`, ['web:1.10'], `newTag: "1.10" ${marker('a:web:tag')}\n`],
  ['single quotes kept', `tag: 'v1' ${marker('a:web:tag')}\n`, ['web:v2'], `tag: 'v2' ${marker('a:web:tag')}\n`],
  [
    'the comment keeps its spacing, byte for byte',
    `image: web:v1      #   {"$imagepolicy":"a:web"}   \n`,
    ['web:v22'],
    `image: web:v22      #   {"$imagepolicy":"a:web"}   \n`,
  ],
  [
    'a kustomization images entry marked by fields',
    lines(
      'images:',
      '  - name: podinfo',
      `    newName: ghcr.io/stefanprodan/podinfo ${marker('flux-system:podinfo:name')}`,
      `    newTag: 6.8.0 ${marker('flux-system:podinfo:tag')}`,
      '',
    ),
    ['podinfo:6.9.0'],
    lines(
      'images:',
      '  - name: podinfo',
      `    newName: ghcr.io/stefanprodan/podinfo ${marker('flux-system:podinfo:name')}`,
      `    newTag: 6.9.0 ${marker('flux-system:podinfo:tag')}`,
      '',
    ),
  ],
  [
    'every field of the policy, across documents; another policy untouched',
    lines(`image: web:v1 ${marker('a:web')}`, `sidecar: api:v1 ${marker('a:api')}`, '---', `image: web:v1 ${marker('a:web')}`, ''),
    ['web:v2'],
    lines(`image: web:v2 ${marker('a:web')}`, `sidecar: api:v1 ${marker('a:api')}`, '---', `image: web:v2 ${marker('a:web')}`, ''),
  ],
  [
    'an argument naming an image applies to every policy holding it; naming a policy, to that one',
    lines(`- image: web:v1 ${marker('a:web-stable')}`, `- image: web:v1 ${marker('a:web-canary')}`, ''),
    ['web:v2', 'web-canary:v3'],
    lines(`- image: web:v2 ${marker('a:web-stable')}`, `- image: web:v3 ${marker('a:web-canary')}`, ''),
  ],
  ['an argument for another image changes nothing', `image: web:v1 ${marker('a:web')}\n`, ['api:v2'], `image: web:v1 ${marker('a:web')}\n`],
  [
    'CRLF kept',
    lines(`image: web:v1 ${marker('a:web')}`, 'x: 1', '').replace(/\n/g, '\r\n'),
    ['web:v2'],
    lines(`image: web:v2 ${marker('a:web')}`, 'x: 1', '').replace(/\n/g, '\r\n'),
  ],
];

describe('image-setters: editing marked fields', () => {
  test.each(editCases)('%s', (_title, input, args, expected) => {
    const { text } = edit(input, args);
    expect(text).toBe(expected);
    const again = edit(text, args);
    expect(again.text).toBe(text);
    expect(again.changes).toEqual([]);
  });

  test('the change names the policy and its line, the values before and after, and what was cleared', () => {
    const input = helmRelease(
      'image:',
      `  repository: ghcr.io/acme/web ${marker('a:web:name')}`,
      `  tag: 1.0.0 ${marker('a:web:tag')}`,
      `  digest: ${SHA} ${marker('a:web:digest')}`,
    );
    expect(edit(input, ['web:1.0.1']).changes).toEqual([
      {
        name: 'web',
        argument: 'web:1.0.1',
        before: { newName: 'ghcr.io/acme/web', newTag: '1.0.0', digest: SHA },
        after: { newName: 'ghcr.io/acme/web', newTag: '1.0.1', digest: '' },
        dropped: ['digest'],
        location: 'a:web (line 8)',
        line: 8,
      },
    ]);
  });

  test('pin.only keeps an argument for another image out', () => {
    const input = lines(`image: web:v1 ${marker('a:web')}`, `sidecar: api:v1 ${marker('a:api')}`, '');
    expect(edit(input, ['web:v2', 'api:v2'], pinOf(['api'])).text).toBe(lines(`image: web:v1 ${marker('a:web')}`, `sidecar: api:v2 ${marker('a:api')}`, ''));
    expect(imageSetters.read(pinOf(['api']), input).map((image) => image.location)).toEqual(['a:api (line 2)']);
  });

  test('what each policy holds', () => {
    const input = lines(
      helmRelease('image:', `  repository: ghcr.io/acme/web ${marker('a:web:name')}`, `  tag: 1.0.0 ${marker('a:web:tag')}`).trimEnd(),
      `    chartVersion: 2.1.0 ${marker('a:chart:tag')}`,
      `    sidecar: ghcr.io/acme/proxy:3@${SHA} ${marker('a:proxy')}`,
      '',
    );
    expect(imageSetters.read(pinOf(), input)).toEqual([
      { name: 'ghcr.io/acme/web', values: { newName: 'ghcr.io/acme/web', newTag: '1.0.0', digest: '' }, location: 'a:web (line 8)', line: 8 },
      { name: 'chart', values: { newName: '', newTag: '2.1.0', digest: '' }, location: 'a:chart (line 10)', line: 10 },
      { name: 'ghcr.io/acme/proxy', values: { newName: 'ghcr.io/acme/proxy', newTag: '3', digest: SHA }, location: 'a:proxy (line 11)', line: 11 },
    ]);
  });

  test.each([
    [
      'a digest for a policy that marks only a tag',
      `chart:\n  version: 1.0.0 ${marker('default:my-app:tag')}\n`,
      [`my-app:1.1.0@${SHA}`],
      `${FILE}: line 2: policy default:my-app marks no digest field for ${SHA}; mark one with {"$imagepolicy": "default:my-app:digest"}, or give a tag only.`,
    ],
    [
      'a marked block scalar',
      `image: | ${marker('a:web')}\n  web:v1\n`,
      ['web:v2'],
      `${FILE}: line 1: the value marked for a:web is a block scalar; write it on one line so it can be set.`,
    ],
    ['a file that is not YAML', `image: [web:v1 ${marker('a:web')}\n`, ['web:v2'], `${FILE} is not valid YAML:`],
  ])('refused in one line: %s', (_title, input, args, message) => {
    const attempt = (): unknown => edit(input, args);
    expect(attempt).toThrow(UserError);
    expect(attempt).toThrow(message);
    expect(attempt).not.toThrow(/\n/);
  });
});

// --- real-world files ------------------------------------------------------------

const FIXTURES = join(PROJECT_ROOT, '__tests__/fixtures/pins/setters');
const fixtures = readdirSync(FIXTURES)
  .filter((name) => /\.ya?ml$/.test(name))
  .map((name) => [name, readFileSync(join(FIXTURES, name), 'utf8')] as const);
const marked = fixtures.filter(([, text]) => findImageSetters(text).length > 0);

type Values = { newName: string; newTag: string; digest: string };
const EDITS: ReadonlyArray<readonly [string, (name: string) => string, Values]> = [
  ['tag only', (name) => `${name}:9.9.9`, { newName: '', newTag: '9.9.9', digest: '' }],
  ['name and tag', (name) => `${name}=registry.example.com/mirror/app:2.0.0`, { newName: 'registry.example.com/mirror/app', newTag: '2.0.0', digest: '' }],
  ['digest', (name) => `${name}@${SHA}`, { newName: '', newTag: '', digest: SHA }],
];

/** What a policy's fields hold after an argument, by the rules the hand-written tables pin down. */
function expectedValues(markers: readonly ImageSetterMarker[], before: Values, argument: Values): Values {
  const has = (field: ImageSetterMarker['field']): boolean => markers.some((each) => each.field === field);
  const named = has('name') || has('reference');
  const tagHeld = has('tag');
  return {
    newName: named && argument.newName !== '' ? argument.newName : before.newName,
    // A tag field is never emptied; a whole reference loses its tag to a digest alone.
    newTag: argument.newTag !== '' ? argument.newTag : tagHeld ? before.newTag : '',
    digest: argument.digest,
  };
}

describe('image-setters: real-world files', () => {
  test('the fixtures hold at least six files with markers', () => {
    expect(marked.length).toBeGreaterThanOrEqual(6);
  });

  test('markers inside a patch block scalar are strings, not markers', () => {
    const text = fixtures.find(([name]) => name === 'giantswarm-patches-kustomization.yaml')?.[1] ?? '';
    expect(text).toContain('$imagepolicy');
    expect(findImageSetters(text)).toEqual([]);
  });

  const cases = marked.flatMap(([file, text]) => {
    const images = imageSetters.read(pinOf(), text);
    return images.flatMap((image) => {
      const policy = image.location.replace(/ \(line \d+\)$/, '');
      // An argument naming an image applies to every policy holding it; where two policies hold one image, name the policy.
      const shared = images.filter((other) => other.name === image.name).length > 1;
      const name = shared ? policy.slice(policy.indexOf(':') + 1) : image.name;
      return EDITS.map(([kind, argumentOf, values]) => [file, policy, kind, argumentOf(name), values, text] as const);
    });
  });

  test.each(cases)('%s: %s, %s', (_file, policy, kind, argument, values, text) => {
    const markers = findImageSetters(text).filter((each) => each.policy === policy);
    const before = imageSetters.read(pinOf(), text);
    const own = before.find((image) => image.location.startsWith(`${policy} `));
    if (!own) throw new Error(`no policy ${policy}`);
    const digestHeld = markers.some((each) => each.field === 'digest' || each.field === 'reference');
    if (kind === 'digest' && !digestHeld) {
      expect(() => edit(text, [argument])).toThrow(`line ${own.line}: policy ${policy} marks no digest field`);
      return;
    }
    const { text: edited } = edit(text, [argument]);
    const after = imageSetters.read(pinOf(), edited);
    after.forEach((image, index) =>
      expect(image.values).toEqual(image.location === own.location ? expectedValues(markers, own.values, values) : before[index].values),
    );

    // Only the marked lines of this policy change, and each keeps its marker byte for byte.
    const diff = lineDiff(text, edited);
    const changed = findImageSetters(edited).filter((each) => each.policy === policy);
    const oldLines = text.split(/\r?\n/);
    const newLines = edited.split(/\r?\n/);
    const touched = markers.filter((each, index) => each.value !== changed[index].value);
    expect(diff.removed).toEqual(touched.map((each) => oldLines[each.line - 1]));
    expect(diff.added).toEqual(touched.map((each) => newLines[each.line - 1]));
    for (const each of touched) {
      const comment = oldLines[each.line - 1].slice(each.end - (text.lastIndexOf('\n', each.start) + 1));
      expect(newLines[each.line - 1].endsWith(comment)).toBe(true);
    }

    expect(edit(edited, [argument]).text).toBe(edited);
  });
});
