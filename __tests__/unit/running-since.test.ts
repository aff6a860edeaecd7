import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { join } from 'node:path';
import type { ArgoApplication } from '../../src/controllers/argocd/argocd-types.js';
import { CarriedImages } from '../../src/gates/carried-images.js';
import { argoRunningSince, fluxReadySince } from '../../src/gates/running-since.js';
import { Git } from '../../src/repo/git.js';
import { GitCommitGraph } from '../../src/repo/git-commit-graph.js';
import { createConfigRepo, git, readText, writeText, type ConfigRepo } from '../helpers/git-fixtures.js';

// A real repository: O (the example: web 1.4.1 in dev), S (dev's web set to 1.5.0), D (a docs-only commit after S).
const FILE = 'apps/web/overlays/dev/kustomization.yaml';
let repo: ConfigRepo;
let O: string, S: string, D: string;
let images: CarriedImages;

beforeAll(() => {
  repo = createConfigRepo();
  O = git(repo.work, 'rev-parse', 'HEAD');
  writeText(join(repo.work, FILE), readText(join(repo.work, FILE)).replace('newTag: 1.4.1', 'newTag: 1.5.0'));
  git(repo.work, 'commit', '--quiet', '-am', 'web 1.5.0 in dev');
  S = git(repo.work, 'rev-parse', 'HEAD');
  writeText(join(repo.work, 'NOTES.md'), 'docs\n');
  git(repo.work, 'add', '-A');
  git(repo.work, 'commit', '--quiet', '-m', 'docs');
  D = git(repo.work, 'rev-parse', 'HEAD');
  images = new CarriedImages(new GitCommitGraph(new Git(repo.work)), D, repo.work);
});
afterAll(() => repo.cleanup());

const t = (minutes: number): string => new Date(Date.UTC(2026, 11, 3, 8, minutes)).toISOString();
const app = (history: Array<[() => string, string]>, extra: { finished?: [() => string, string]; healthSince?: string } = {}): ArgoApplication =>
  ({
    metadata: { name: 'web-dev' },
    status: {
      health: { status: 'Healthy', ...(extra.healthSince ? { lastTransitionTime: extra.healthSince } : {}) },
      ...(extra.finished ? { operationState: { phase: 'Succeeded', finishedAt: extra.finished[1], syncResult: { revision: extra.finished[0]() } } } : {}),
      history: history.map(([revision, deployedAt], id) => ({ id, revision: revision(), deployedAt })),
    },
  }) as unknown as ArgoApplication;

describe('since when Argo CD has run the promoted images', () => {
  test.each<[string, () => ArgoApplication, string | undefined]>([
    [
      'walked back over deployments of the same images, not past one of other images',
      () =>
        app(
          [
            [() => O, t(0)],
            [() => S, t(10)],
            [() => D, t(20)],
          ],
          { finished: [() => D, t(20)] },
        ),
      t(10),
    ],
    [
      'never before the health’s last transition',
      () =>
        app(
          [
            [() => S, t(10)],
            [() => D, t(20)],
          ],
          { healthSince: t(30) },
        ),
      t(30),
    ],
    ['the last sync only, when no history is kept', () => app([], { finished: [() => S, t(15)] }), t(15)],
    [
      'unknown when the newest deployment ran other images',
      () =>
        app([
          [() => S, t(10)],
          [() => O, t(20)],
        ]),
      undefined,
    ],
  ])('%s', async (_name, application, expected) => {
    const since = await argoRunningSince(application(), [FILE], images);
    expect(since === undefined ? undefined : new Date(since).toISOString()).toBe(expected);
  });

  test('the commit that brought the images into the overlay: S, not the docs commit after it', async () => {
    expect((await images.broughtIn([FILE]))?.sha).toBe(S);
    expect(await images.carries(S, [FILE])).toBe(true);
    expect(await images.carries(O, [FILE])).toBe(false);
  });
});

describe('since when Flux has been Ready', () => {
  test.each([
    ['Ready=True', [{ type: 'Ready', status: 'True', lastTransitionTime: t(5) }], t(5)],
    ['Ready=False', [{ type: 'Ready', status: 'False', lastTransitionTime: t(5) }], undefined],
    ['no transition time', [{ type: 'Ready', status: 'True' }], undefined],
  ])('%s', (_name, conditions, expected) => {
    const since = fluxReadySince({ metadata: { name: 'web-dev' }, status: { conditions } });
    expect(since === undefined ? undefined : new Date(since).toISOString()).toBe(expected);
  });
});
