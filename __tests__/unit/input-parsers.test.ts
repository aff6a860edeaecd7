import { describe, expect, test } from '@jest/globals';
import { parseOwnerName } from '../../src/github/repository-name.js';
import { parseSourceRepositories } from '../../src/inputs/github-inputs.js';
import { parseDuration } from '../../src/inputs/read-inputs.js';
import { splitList } from '../../src/text/split-list.js';

describe('parseDuration: milliseconds from 90s, 10m, 1h30m or bare seconds', () => {
  test.each<[string, number | undefined]>([
    ['90', 90_000],
    ['1.5', 1_500],
    ['90s', 90_000],
    ['250ms', 250],
    ['10m', 600_000],
    ['1h30m', 5_400_000],
    ['1h30m15s', 5_415_000],
    [' 2m ', 120_000],
    ['0s', 0],
    ['', undefined],
    ['10 m', undefined],
    ['10x', undefined],
    ['m10', undefined],
    ['1h-5m', undefined],
    ['-5s', undefined],
  ])('%p', (text, ms) => expect(parseDuration(text)).toBe(ms));
});

describe('splitList: one item per line or comma-separated, blanks and # comments dropped', () => {
  test.each<[string, string[]]>([
    ['', []],
    ['a', ['a']],
    ['a, b,c', ['a', 'b', 'c']],
    ['a\nb\r\nc', ['a', 'b', 'c']],
    ['a # the first\n# a comment line\nb', ['a', 'b']],
    ['  a  \n\n  ,  \nb', ['a', 'b']],
    ['web=ghcr.io/acme/web:1.0#not-a-comment', ['web=ghcr.io/acme/web:1.0#not-a-comment']],
    ['x, y # z, w', ['x', 'y']],
  ])('%p', (text, items) => expect(splitList(text)).toEqual(items));
});

describe('parseOwnerName: repositories as GitHub spells them', () => {
  test.each([
    ['acme/config', { owner: 'acme', repo: 'config' }],
    ['Acme-Corp/config.repo_1', { owner: 'Acme-Corp', repo: 'config.repo_1' }],
  ])('%p', (text, parsed) => expect(parseOwnerName('repository', text)).toEqual(parsed));

  test.each(['acme', 'acme/config/extra', 'acme/', '/config', 'acme config/x', 'https://github.com/acme/config'])('%p is refused naming the input', (text) => {
    expect(() => parseOwnerName('repository', text)).toThrow(`Input 'repository': '${text}' is not a repository as owner/name.`);
  });
});

describe('parseSourceRepositories: one repository for every app, or app=owner/name per app', () => {
  test.each<[string[], Array<[string, string]>]>([
    [[], []],
    [['acme/web'], [['*', 'acme/web']]],
    [
      ['web=acme/web', 'api = acme/api'],
      [
        ['web', 'acme/web'],
        ['api', 'acme/api'],
      ],
    ],
    [
      ['acme/all', 'web=acme/web'],
      [
        ['*', 'acme/all'],
        ['web', 'acme/web'],
      ],
    ],
  ])('%p', (items, entries) => expect([...parseSourceRepositories(items)]).toEqual(entries));

  test.each(['acme', 'web=acme', 'web=acme/web/extra'])('%p is refused naming the input', (item) => {
    expect(() => parseSourceRepositories([item])).toThrow(`Input 'source-repository': '${item}' is not owner/name (or app=owner/name).`);
  });
});
