import { describe, expect, test } from '@jest/globals';
import { parseDocument } from 'yaml';
import { UserError } from '../../src/errors.js';
import { parseImageArguments } from '../../src/kustomize/image-argument.js';
import { setImagesInKustomization } from '../../src/kustomize/set-image-edit.js';
import { lineDiff } from '../helpers/line-diff.js';

const SHA = `sha256:${'a'.repeat(64)}`;
const lines = (...text: string[]): string => text.join('\n');

function edit(source: string, args: string[]) {
  return setImagesInKustomization(source, parseImageArguments(args), 'overlays/prod/kustomization.yaml');
}

// [title, input, args, expected output, lines removed, lines added]
type Case = [string, string, string[], string, number, number];

const cases: Case[] = [
  ['new tag, block entry', lines('images:', '- name: web', '  newTag: v1', ''), ['web:v2'], lines('images:', '- name: web', '  newTag: v2', ''), 1, 1],
  [
    'own-line and trailing comments kept',
    lines(
      '# prod overlay',
      'resources:',
      '- ../../base # the base',
      'images:',
      '# web first',
      '- name: web # the app',
      '  newName: reg/web',
      '  # pinned by CI',
      '  newTag: v1 # bumped',
      '# api next',
      '- name: api',
      '  newTag: "3"',
      '',
    ),
    ['web=reg/web:v2'],
    lines(
      '# prod overlay',
      'resources:',
      '- ../../base # the base',
      'images:',
      '# web first',
      '- name: web # the app',
      '  newName: reg/web',
      '  # pinned by CI',
      '  newTag: v2 # bumped',
      '# api next',
      '- name: api',
      '  newTag: "3"',
      '',
    ),
    1,
    1,
  ],
  [
    'Flux setter comments kept on every field',
    lines(
      'images:',
      '  - name: container',
      '    newName: replaced # {"$imagepolicy": "ns:policy:name"}',
      '    newTag: v1 # {"$imagepolicy": "ns:policy:tag"}',
      `    newDigest: sha256:${'1'.repeat(64)} # {"$imagepolicy": "ns:p:digest"}`,
      '',
    ),
    [`container=index.repo.fake/updated:v1.0.1@${SHA}`],
    lines(
      'images:',
      '  - name: container',
      '    newName: index.repo.fake/updated # {"$imagepolicy": "ns:policy:name"}',
      '    newTag: v1.0.1 # {"$imagepolicy": "ns:policy:tag"}',
      `    newDigest: ${SHA} # {"$imagepolicy": "ns:p:digest"}`,
      '',
    ),
    3,
    3,
  ],
  [
    'indented sequence: added field keeps the indentation',
    lines('images:', '  - name: web', '    newTag: v1', 'resources:', '  - a.yaml', ''),
    ['web=reg/web:v2'],
    lines('images:', '  - name: web', '    newName: reg/web', '    newTag: v2', 'resources:', '  - a.yaml', ''),
    1,
    2,
  ],
  [
    'new entry in an indented sequence',
    lines('images:', '  - name: web', '    newTag: v1', ''),
    ['api=reg/api:2.0'],
    lines('images:', '  - name: api', '    newName: reg/api', '    newTag: "2.0"', '  - name: web', '    newTag: v1', ''),
    0,
    3,
  ],
  [
    'a new entry goes where kustomize puts it in a sorted list, above the comments of the entry it precedes',
    lines('images:', '- name: alpha', '  newTag: "1"', '# gamma is pinned', '- name: gamma', '  newTag: "3"', ''),
    ['beta:2'],
    lines('images:', '- name: alpha', '  newTag: "1"', '- name: beta', '  newTag: "2"', '# gamma is pinned', '- name: gamma', '  newTag: "3"', ''),
    0,
    2,
  ],
  [
    'an unsorted list gets new entries at the end',
    lines('images:', '- name: zed', '  newTag: "1"', '- name: alpha', '  newTag: "1"', ''),
    ['beta:2'],
    lines('images:', '- name: zed', '  newTag: "1"', '- name: alpha', '  newTag: "1"', '- name: beta', '  newTag: "2"', ''),
    0,
    2,
  ],
  [
    'an entry that an existing entry renames into stays after it (entries apply in order)',
    lines('images:', '- name: web', '  newName: ghcr.io/acme/web', ''),
    ['ghcr.io/acme/web:1.5.0'],
    lines('images:', '- name: web', '  newName: ghcr.io/acme/web', '- name: ghcr.io/acme/web', '  newTag: 1.5.0', ''),
    0,
    2,
  ],
  [
    'several new entries in a new list are sorted by name',
    lines('resources: [a.yaml]', ''),
    ['zed:1', 'alpha:2'],
    lines('resources: [a.yaml]', 'images:', '- name: alpha', '  newTag: "2"', '- name: zed', '  newTag: "1"', ''),
    0,
    5,
  ],
  [
    'flow map entry',
    lines('images:', '- {name: web, newTag: v1}', ''),
    ['web=reg/web:v2'],
    lines('images:', '- {name: web, newName: reg/web, newTag: v2}', ''),
    1,
    1,
  ],
  [
    'flow list',
    lines('images: [{name: web, newTag: v1}]', 'resources: [a.yaml]', ''),
    ['web:v2', 'api:v3'],
    lines('images: [{name: web, newTag: v2}, {name: api, newTag: v3}]', 'resources: [a.yaml]', ''),
    1,
    1,
  ],
  [
    'multi-line flow list ending with a comma',
    lines('images: [', '  {name: web, newTag: v1},', ']', ''),
    ['api:v3'],
    lines('images: [', '  {name: web, newTag: v1}, {name: api, newTag: v3},', ']', ''),
    1,
    1,
  ],
  [
    'CRLF line endings',
    'images:\r\n- name: web\r\n  newTag: v1\r\nresources:\r\n- a.yaml\r\n',
    [`web=reg/web:v2@${SHA}`],
    `images:\r\n- name: web\r\n  newName: reg/web\r\n  newTag: v2\r\n  digest: ${SHA}\r\nresources:\r\n- a.yaml\r\n`,
    1,
    3,
  ],
  [
    'no trailing newline, changed last line',
    lines('images:', '- name: web', '  newTag: v1'),
    ['web:v2'],
    lines('images:', '- name: web', '  newTag: v2'),
    1,
    1,
  ],
  [
    'no trailing newline, field added at the end',
    lines('images:', '- name: web', '  newName: reg/web'),
    ['web=reg/web:v2'],
    lines('images:', '- name: web', '  newName: reg/web', '  newTag: v2'),
    0,
    1,
  ],
  [
    'no trailing newline, last line removed',
    lines('images:', '- name: web', '  newName: a', `  digest: ${SHA}`),
    ['web:v2'],
    lines('images:', '- name: web', '  newTag: v2'),
    2,
    1,
  ],
  [
    'no trailing newline, images added',
    lines('resources:', '- a.yaml'),
    ['web:v2'],
    lines('resources:', '- a.yaml', 'images:', '- name: web', '  newTag: v2'),
    0,
    3,
  ],
  [
    'document marker at the top',
    lines('---', 'resources:', '  - a.yaml', ''),
    ['web:v2'],
    lines('---', 'resources:', '  - a.yaml', 'images:', '  - name: web', '    newTag: v2', ''),
    0,
    3,
  ],
  [
    'double-quoted value keeps its quotes',
    lines('images:', '- name: web', '  newTag: "v1"', ''),
    ['web:v2'],
    lines('images:', '- name: web', '  newTag: "v2"', ''),
    1,
    1,
  ],
  [
    'single-quoted value keeps its quotes',
    lines('images:', "- name: 'web'", "  newTag: 'v1'", ''),
    ['web:0e12ab4'],
    lines('images:', "- name: 'web'", "  newTag: '0e12ab4'", ''),
    1,
    1,
  ],
  [
    'numeric-looking tags are written quoted',
    lines('images:', '- name: web', '  newTag: v1', '- name: api', '  newTag: v1', '- name: db', '  newTag: v1', '- name: sha', '  newTag: v1', ''),
    ['web:1234', 'api:1.10', 'db:3.2e2', 'sha:0e12ab4'],
    lines(
      'images:',
      '- name: web',
      '  newTag: "1234"',
      '- name: api',
      '  newTag: "1.10"',
      '- name: db',
      '  newTag: "3.2e2"',
      '- name: sha',
      '  newTag: "0e12ab4"',
      '',
    ),
    4,
    4,
  ],
  [
    'missing images field',
    lines('apiVersion: kustomize.config.k8s.io/v1beta1', 'kind: Kustomization', 'resources:', '- a.yaml', ''),
    ['web=reg/web:v2'],
    lines(
      'apiVersion: kustomize.config.k8s.io/v1beta1',
      'kind: Kustomization',
      'resources:',
      '- a.yaml',
      'images:',
      '- name: web',
      '  newName: reg/web',
      '  newTag: v2',
      '',
    ),
    0,
    4,
  ],
  [
    'images: with no value',
    lines('images:', 'resources:', '- a.yaml', ''),
    ['web:v2'],
    lines('images:', '- name: web', '  newTag: v2', 'resources:', '- a.yaml', ''),
    0,
    2,
  ],
  [
    'images: ~',
    lines('images: ~', 'resources:', '- a.yaml', ''),
    ['web:v2'],
    lines('images:', '- name: web', '  newTag: v2', 'resources:', '- a.yaml', ''),
    1,
    3,
  ],
  ['images: []', lines('images: []', ''), ['web:v2'], lines('images: [{name: web, newTag: v2}]', ''), 1, 1],
  ['empty file', '', [`web@${SHA}`], lines('images:', `- digest: ${SHA}`, '  name: web', ''), 0, 3],
  ['flow mapping at the top', lines('{resources: [a.yaml]}', ''), ['web:v2'], lines('{resources: [a.yaml], images: [{name: web, newTag: v2}]}', ''), 1, 1],
  [
    'adding an entry after the last, before a trailing comment',
    lines('images:', '- name: web', '  newTag: v1', '# end of images', '', 'resources:', '- a.yaml', ''),
    [`zz=reg/zz@${SHA}`],
    lines('images:', '- name: web', '  newTag: v1', '- name: zz', '  newName: reg/zz', `  digest: ${SHA}`, '# end of images', '', 'resources:', '- a.yaml', ''),
    0,
    3,
  ],
  [
    'alphabetical file order: new entry and keys follow it',
    lines('images:', `- digest: ${SHA}`, '  name: web', ''),
    ['api=reg/api:v3', 'web=reg/web@*'],
    lines('images:', '- name: api', '  newName: reg/api', '  newTag: v3', `- digest: ${SHA}`, '  name: web', '  newName: reg/web', ''),
    0,
    4,
  ],
  [
    'tag-only argument drops the newName, as kustomize does',
    lines('images:', '- name: web', '  newName: reg/web', '  newTag: v1', ''),
    ['web:v2'],
    lines('images:', '- name: web', '  newTag: v2', ''),
    2,
    1,
  ],
  [
    'digest argument drops the tag',
    lines('images:', '- name: web', '  newTag: v1 # tag', ''),
    [`web@${SHA}`],
    lines('images:', '- name: web', `  digest: ${SHA}`, ''),
    1,
    1,
  ],
  [
    'first key removed: the next key moves onto the dash line',
    lines('images:', '- newTag: v1', '  name: web', ''),
    ['web=reg/web'],
    lines('images:', '- name: web', '  newName: reg/web', ''),
    2,
    2,
  ],
  [
    '* keeps the newName',
    lines('images:', '- name: web', '  newName: reg/web', '  newTag: v1', ''),
    ['web=*:v2'],
    lines('images:', '- name: web', '  newName: reg/web', '  newTag: v2', ''),
    1,
    1,
  ],
  [
    '* keeps the tag',
    lines('images:', '- name: web', '  newName: reg/web', '  newTag: v1', ''),
    ['web=other/web:*'],
    lines('images:', '- name: web', '  newName: other/web', '  newTag: v1', ''),
    1,
    1,
  ],
  [
    '* keeps the digest',
    lines('images:', '- name: web', `  digest: ${SHA}`, '  newName: a', ''),
    ['web=b@*'],
    lines('images:', '- name: web', `  digest: ${SHA}`, '  newName: b', ''),
    1,
    1,
  ],
  ['* on a new entry writes nothing there', '', ['web=*:v1'], lines('images:', '- name: web', '  newTag: v1', ''), 0, 3],
  [
    'Digest: capitalised key is the digest field',
    lines('images:', '- name: web', `  Digest: ${SHA}`, ''),
    ['web:v2'],
    lines('images:', '- name: web', '  newTag: v2', ''),
    1,
    1,
  ],
  [
    'duplicate entries: both get the values',
    lines('images:', '- name: web', '  newTag: v1', '- name: web', '  newTag: v0', ''),
    ['web:v2'],
    lines('images:', '- name: web', '  newTag: v2', '- name: web', '  newTag: v2', ''),
    2,
    2,
  ],
  ['empty value filled in', lines('images:', '- name: web', '  newTag:', ''), ['web:v2'], lines('images:', '- name: web', '  newTag: v2', ''), 1, 1],
  [
    'block scalar value replaced, next key kept',
    lines('images:', '- name: web', '  newTag: |', '    v1', 'resources: []', ''),
    ['web:v2'],
    lines('images:', '- name: web', '  newTag: v2', 'resources: []', ''),
    2,
    1,
  ],
  [
    "new keys land in the file's order",
    lines('images:', '- name: api', ''),
    [`api=reg/api:v3@${SHA}`],
    lines('images:', '- name: api', '  newName: reg/api', '  newTag: v3', `  digest: ${SHA}`, ''),
    0,
    3,
  ],
  [
    'blank lines elsewhere kept',
    lines('resources:', '- a.yaml', '', '', 'images:', '- name: web', '  newTag: v1', '', 'patches: []', ''),
    ['web:v2'],
    lines('resources:', '- a.yaml', '', '', 'images:', '- name: web', '  newTag: v2', '', 'patches: []', ''),
    1,
    1,
  ],
];

describe("setImagesInKustomization on the team's fixtures", () => {
  test.each(cases)('%s', (_title, input, args, expected, removed, added) => {
    const { text, changes } = edit(input, args);
    expect(text).toBe(expected);
    const diff = lineDiff(input, text);
    expect({ removed: diff.removed.length, added: diff.added.length }).toEqual({ removed, added });
    expect(changes.length).toBeGreaterThan(0);
    expect(parseDocument(text).errors).toEqual([]);
    if (input.includes('\r\n')) expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });
});

describe('what the edit reports', () => {
  test('a tag-only argument on an entry with a newName says the newName was dropped', () => {
    const { changes } = edit(lines('images:', '- name: web', '  newName: reg/web', '  newTag: v1', ''), ['web:v2']);
    expect(changes).toEqual([
      {
        name: 'web',
        argument: 'web:v2',
        before: { newName: 'reg/web', newTag: 'v1', digest: '' },
        after: { newName: '', newTag: 'v2', digest: '' },
        dropped: ['newName'],
      },
    ]);
  });

  test('an added entry has no before', () => {
    const { changes } = edit('resources: []\n', ['web=reg/web:v2']);
    expect(changes).toEqual([{ name: 'web', argument: 'web=reg/web:v2', before: null, after: { newName: 'reg/web', newTag: 'v2', digest: '' }, dropped: [] }]);
  });

  test.each([
    ['block', lines('images:', '- name: web', '  newName: reg/web', '  newTag: "1.10"', '')],
    ['flow', lines('images: [{name: web, newName: reg/web, newTag: "1.10"}]', '')],
    ['Flux newDigest', lines('images:', '- name: web', '  newName: reg/web', '  newTag: "1.10"', `  newDigest: ${SHA}`, '')],
  ])('idempotent (%s): setting what is there changes nothing', (_kind, source) => {
    const digest = source.includes('newDigest') ? `@${SHA}` : '';
    const { text, changes } = edit(source, [`web=reg/web:1.10${digest}`]);
    expect(text).toBe(source);
    expect(changes).toEqual([]);
  });

  test('an argument that sets nothing for a new name adds nothing', () => {
    const { text, changes } = edit('resources: []\n', ['web=*']);
    expect(text).toBe('resources: []\n');
    expect(changes).toEqual([]);
  });

  test('applying the result again is a no-op', () => {
    const first = edit(lines('images:', '  - name: web', '    newTag: v1', ''), ['web=reg/web:v2', 'api:3']);
    const second = edit(first.text, ['web=reg/web:v2', 'api:3']);
    expect(second.text).toBe(first.text);
    expect(second.changes).toEqual([]);
  });
});

describe('files that are not kustomizations', () => {
  test.each([
    ['invalid YAML', lines('images: [', 'resources:', ''), /^overlays\/prod\/kustomization\.yaml is not valid YAML: /],
    ['a list at the top', lines('- name: web', ''), /is not a kustomization: its top level is not a mapping/],
    ['a scalar at the top', lines('hello', ''), /is not a kustomization/],
    ['images is a mapping', lines('images:', '  name: web', ''), /'images' must be a list of entries, found a mapping/],
    ['an entry without a name', lines('images:', '- newTag: v1', ''), /images\[0\] has no 'name'/],
    ['an entry that is not a mapping', lines('images:', '- web', ''), /images\[0\] must be a mapping/],
    ['a field holding a list', lines('images:', '- name: web', '  newTag: [v1]', ''), /images\[0\]\.newTag must be a string/],
  ])('%s → one-line UserError', (_title, source, message) => {
    let error: unknown;
    try {
      edit(source, ['web:v2']);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toMatch(/\n/);
  });
});
