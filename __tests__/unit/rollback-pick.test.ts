import { describe, expect, test } from '@jest/globals';
import { InputError } from '../../src/errors.js';
import { lastChangeOf, pickCommit, pickDate, pickPrevious, pickVersions, type FileVersion, type OverlayFileHistory } from '../../src/rollback/pick-rollback.js';
import { restoreArguments } from '../../src/rollback/plan-restore.js';
import { parseRollbackTarget } from '../../src/rollback/rollback-target.js';

const image = (name: string, newTag: string, digest = '') => ({ name, newName: '', newTag, digest });
const version = (sha: string, date: number, tag: string | undefined): FileVersion => ({
  sha,
  date,
  images: tag === undefined ? undefined : [image('web', tag)],
});
const history = (app: string, versions: FileVersion[]): OverlayFileHistory => ({
  app,
  overlay: `apps/${app}/prod`,
  file: `apps/${app}/prod/kustomization.yaml`,
  versions,
});

// web: 1.0 (c1, t=10) → 1.1 (c3, t=30) → a comment-only commit (c5, t=50); api: 2.0 (c1) → 2.1 (c4, t=40).
const web = history('web', [version('c5', 50, '1.1'), version('c3', 30, '1.1'), version('c1', 10, '1.0')]);
const api = history('api', [version('c4', 40, '2.1'), version('c1', 10, '2.0')]);

describe('parseRollbackTarget: what `to` names', () => {
  test.each([
    [[], { kind: 'previous' }],
    [['previous'], { kind: 'previous' }],
    [['3f2c1D0'], { kind: 'commit', ref: '3f2c1d0' }],
    [['2026-12-01'], { kind: 'date', at: Date.parse('2026-12-01T00:00:00Z'), text: '2026-12-01' }],
    [['2026-12-01T09:30'], { kind: 'date', at: Date.parse('2026-12-01T09:30:00Z'), text: '2026-12-01T09:30' }],
    [['2026-12-01T09:30:00+01:00'], { kind: 'date', at: Date.parse('2026-12-01T08:30:00Z'), text: '2026-12-01T09:30:00+01:00' }],
    [
      ['web=1.4.0', 'api=2.7.1'],
      {
        kind: 'versions',
        versions: new Map([
          ['web', '1.4.0'],
          ['api', '2.7.1'],
        ]),
      },
    ],
  ])('%j', (items, expected) => {
    expect(parseRollbackTarget(items)).toEqual(expected);
  });

  test.each([
    [['yesterday'], "Input 'to': 'yesterday' is neither previous"],
    [['2026-13-45'], "Input 'to': '2026-13-45' is not a valid date."],
    [['web=1.0', 'web=1.1'], "Input 'to': names app 'web' twice."],
    [['=1.0'], "Input 'to': '=1.0' is not app=version"],
    [['web=not a tag'], "Input 'to': 'web=not a tag' has an invalid version"],
    [['abc1234', 'def5678'], "Input 'to': expected one of previous"],
  ])('%j is refused in one line naming to', (items, message) => {
    expect(() => parseRollbackTarget(items)).toThrow(InputError);
    expect(() => parseRollbackTarget(items)).toThrow(message);
  });
});

describe('picking from the history', () => {
  test.each([
    ['a change further down, past a commit that changed nothing', web, { change: 'c3', before: 'c1' }],
    ['the newest commit changed it', api, { change: 'c4', before: 'c1' }],
    ['a file that never changed', history('web', [version('c1', 10, '1.0')]), undefined],
    ['a file that was created: nothing before it', history('web', [version('c3', 30, '1.1'), version('c2', 20, undefined)]), undefined],
  ])('lastChangeOf: %s', (_case, file, expected) => {
    const last = lastChangeOf(file);
    expect(last && { change: last.change.sha, before: last.before.sha }).toEqual(expected);
  });

  test('previous: only the files of the last change go back; the others stay', () => {
    const picked = pickPrevious([web, api], 'c4', 'production');
    expect(picked.files.map((file) => [file.file, file.images[0].newTag])).toEqual([['apps/api/prod/kustomization.yaml', '2.0']]);
    expect(picked).toEqual(expect.objectContaining({ restores: 'c1', undoes: 'c4' }));
    expect(pickPrevious([web, api], 'c3', 'production').files.map((file) => file.images[0].newTag)).toEqual(['1.0']);
    expect(() => pickPrevious([history('web', [version('c1', 10, '1.0')])], '', 'production')).toThrow(
      "Input 'to': 'previous' names nothing in history: production's overlays show no earlier change of images",
    );
  });

  test.each([
    [35, [['web', '1.1']], 'c3'],
    [30, [['web', '1.1']], 'c3'],
    [
      45,
      [
        ['web', '1.1'],
        ['api', '2.1'],
      ],
      'c4',
    ],
    [
      15,
      [
        ['web', '1.0'],
        ['api', '2.0'],
      ],
      'c1',
    ],
  ])('a date (t=%d): each file at its newest version at or before it', (at, tags, restores) => {
    const picked = pickDate([web, api], at, String(at), 'production');
    // Each file goes to its version then; a file whose version then equals now is picked too (and changes nothing).
    expect(picked.files.map((file) => [file.file.split('/')[1], file.images[0].newTag])).toEqual(expect.arrayContaining(tags.map(([app, tag]) => [app, tag])));
    expect(picked.restores).toBe(restores);
  });

  test('a date before all history names nothing', () => {
    expect(() => pickDate([web, api], 5, '1970-01-01', 'production')).toThrow(
      "'1970-01-01' names nothing in history: it is before all history of production's overlays",
    );
  });

  test('app=version: the newest version with that tag; an unknown app or a tag never had is refused', () => {
    expect(pickVersions([web, api], new Map([['web', '1.0']]), 'production').files.map((file) => [file.from.sha, file.images[0].newTag])).toEqual([
      ['c1', '1.0'],
    ]);
    expect(() => pickVersions([web, api], new Map([['web', '9.9']]), 'production')).toThrow("'web=9.9' names nothing in history: web never had tag 9.9");
    expect(() => pickVersions([web, api], new Map([['shop', '1.0']]), 'production')).toThrow(
      "names app 'shop', which has no overlays in production (apps: web, api)",
    );
  });

  test('a commit: the files as they were there; none there is nothing in history', () => {
    expect(pickCommit([{ file: 'f', version: version('c1', 0, '1.0') }], 'c1', 'production').restores).toBe('c1');
    expect(() => pickCommit([{ file: 'f', version: version('c0', 0, undefined) }], 'c0', 'production')).toThrow("'c0' names nothing in history");
  });
});

describe('restoreArguments: every field back as it was, only for entries still there', () => {
  test.each([
    ['a tag and digest back', [image('web', '1.1', 'sha256:b')], [image('web', '1.0', 'sha256:a')], [['web', '', '1.0', 'sha256:a']]],
    ['a digest added since is cleared', [image('web', '1.1', 'sha256:b')], [image('web', '1.0')], [['web', '', '1.0', '']]],
    ['the same values: nothing', [image('web', '1.0')], [image('web', '1.0')], []],
    ['an entry added since stays', [image('web', '1.0'), image('sidecar', '3')], [image('web', '1.0')], []],
    [
      'newName back too',
      [{ ...image('web', '1.1'), newName: 'ghcr.io/b/web' }],
      [{ ...image('web', '1.0'), newName: 'ghcr.io/a/web' }],
      [['web', 'ghcr.io/a/web', '1.0', '']],
    ],
  ])('%s', (_case, current, picked, expected) => {
    expect(restoreArguments(current, picked).map((argument) => [argument.name, argument.newName, argument.newTag, argument.digest])).toEqual(expected);
  });
});
