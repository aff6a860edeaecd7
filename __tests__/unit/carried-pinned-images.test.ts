import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { join } from 'node:path';
import { CarriedImages, pinnedImagesIn } from '../../src/gates/carried-images.js';
import { Git } from '../../src/repo/git.js';
import { GitCommitGraph } from '../../src/repo/git-commit-graph.js';
import { PROJECT_ROOT } from '../helpers/action-runner.js';
import { createConfigRepo, git, readText, writeText, type ConfigRepo } from '../helpers/git-fixtures.js';
import type { Pin } from '../../src/types.js';

// The gates read what a source commit carries from its pins' files as well as its overlays: a real repository of
// examples/config-repo-helm, where O is the example, S sets web 1.5.0 in dev's values file, R a replica count after S.
const VALUES = 'environments/dev/values.yaml';
const PIN: Pin = {
  kind: 'helm-values',
  file: VALUES,
  images: [{ name: 'web', paths: { repository: 'image.repository', tag: 'image.tag', digest: 'image.digest' } }],
  digestInTag: false,
  only: ['web'],
};
let repo: ConfigRepo;
let O: string, S: string, R: string;
let images: CarriedImages;

const commit = (edit: (text: string) => string, message: string): string => {
  writeText(join(repo.work, VALUES), edit(readText(join(repo.work, VALUES))));
  git(repo.work, 'commit', '--quiet', '-am', message);
  return git(repo.work, 'rev-parse', 'HEAD');
};

beforeAll(() => {
  repo = createConfigRepo(join(PROJECT_ROOT, 'examples', 'config-repo-helm'));
  O = git(repo.work, 'rev-parse', 'HEAD');
  S = commit((text) => text.replace('tag: "1.4.1"', 'tag: "1.5.0"'), 'web 1.5.0 in dev');
  R = commit((text) => text.replace('replicaCount: 1', 'replicaCount: 2'), 'two replicas');
  images = new CarriedImages(new GitCommitGraph(new Git(repo.work)), R, repo.work, [PIN]);
});
afterAll(() => repo.cleanup());

describe('the images a commit carries, read from a pin', () => {
  test.each<[string, () => string, boolean]>([
    ['a later commit that changed no image carries the same images', () => S, true],
    ['an earlier commit with another tag does not', () => O, false],
  ])('%s', async (_name, revision, carries) => {
    expect(await images.carries(revision(), [VALUES])).toBe(carries);
  });

  test('the images came in with the commit that set the tag, not the later replica change', async () => {
    expect((await images.broughtIn([VALUES]))?.sha).toBe(S);
  });

  test.each<[string, string, string[]]>([
    ['a values file', 'image:\n  repository: ghcr.io/acme/web\n  tag: "1.5.0"\n', ['web=ghcr.io/acme/web:1.5.0']],
    ['a file that holds no image part', 'replicaCount: 1\n', []],
    ['a file that does not parse', 'image: [\n', []],
  ])('pinnedImagesIn: %s', (_name, text, expected) => {
    expect(pinnedImagesIn(text, [PIN])).toEqual(expected);
  });
});
