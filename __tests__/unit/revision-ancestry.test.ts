import { describe, expect, test } from '@jest/globals';
import { configRepoGraphs, RevisionAncestry } from '../../src/controllers/revision-ancestry.js';
import { checkingMessage } from '../../src/controllers/wait-types.js';
import type { GitHubClient } from '../../src/github/octokit-client.js';
import { explainRefusedRead } from '../../src/github/refused-read.js';

const EXPECTED = 'a'.repeat(40);
const OLD = 'b'.repeat(40);

/** An Octokit-shaped error: a status, GitHub's answer and the request that got it. */
const httpError = (status: number, message: string) =>
  Object.assign(new Error(message), { status, request: { method: 'GET', url: 'https://api.github.com/x' }, response: { data: { message } } });

/** A client whose compare answers come from `answers`, in order; counts the calls. */
function fakeGitHub(answers: Array<() => unknown>): { client: GitHubClient; calls: string[] } {
  const calls: string[] = [];
  const compareCommitsWithBasehead = ({ basehead }: { basehead: string }) =>
    new Promise<{ data: unknown }>((resolve, reject) => {
      calls.push(basehead);
      const answer = answers.shift()!();
      if (answer instanceof Error) reject(answer);
      else resolve({ data: answer });
    });
  return { client: { rest: { repos: { compareCommitsWithBasehead } } } as unknown as GitHubClient, calls };
}

describe('RevisionAncestry through the compare API', () => {
  test('judgements asking at once share one request per revision; the relation and the changed files come from the same one', async () => {
    const github = fakeGitHub([() => ({ status: 'ahead', files: [{ filename: 'apps/web/x.yaml' }] })]);
    const ancestry = new RevisionAncestry(EXPECTED, configRepoGraphs({ github: { ...github, owner: 'acme', repo: 'config' } }));
    await Promise.all([ancestry.learn([OLD]), ancestry.learn([OLD]), ancestry.learn([OLD])]);
    await ancestry.learnChangedFiles([OLD]);
    expect(ancestry.relations.get(OLD)).toBe('older');
    expect(ancestry.changedFiles.get(OLD)).toEqual(['apps/web/x.yaml']);
    expect(github.calls).toEqual([`${OLD}...${EXPECTED}`]);
  });

  test('a revision newer than the expected commit', async () => {
    const github = fakeGitHub([() => ({ status: 'behind', files: [] })]);
    const ancestry = new RevisionAncestry(EXPECTED, configRepoGraphs({ github: { ...github, owner: 'acme', repo: 'config' } }));
    await ancestry.learn([OLD]);
    expect(ancestry.relations.get(OLD)).toBe('newer');
  });

  test('changed files: renames by their new name; a server error is asked again later, and said until then', async () => {
    const github = fakeGitHub([
      () => httpError(502, 'Bad Gateway'),
      () => ({ status: 'ahead', files: [{ filename: 'apps/web/new.yaml', previous_filename: 'apps/web/old.yaml' }] }),
    ]);
    const ancestry = new RevisionAncestry(EXPECTED, configRepoGraphs({ github: { ...github, owner: 'acme', repo: 'config' } }));
    await ancestry.learnChangedFiles([OLD]);
    expect(ancestry.changedFiles.has(OLD)).toBe(false);
    expect(ancestry.lookupFailures.get(OLD)).toBe('GitHub answered 502 comparing bbbbbbb...aaaaaaa in acme/config (Bad Gateway)');
    await ancestry.learnChangedFiles([OLD]);
    expect(ancestry.changedFiles.get(OLD)).toEqual(['apps/web/new.yaml']);
    expect(ancestry.lookupFailures.has(OLD)).toBe(false);
  });

  test.each([
    [
      404,
      'Not Found',
      "Input 'repository': GitHub answered 404 Not Found comparing bbbbbbb...aaaaaaa in acme/web-app: the commits are not in that repository, " +
        'or the token may not read it. Set repository to the config repo (owner/name) and token to a token that may read it.',
    ],
    [
      401,
      'Bad credentials',
      "Input 'token': GitHub answered 401 comparing bbbbbbb...aaaaaaa in acme/web-app (Bad credentials): " +
        'set token to a token that may read acme/web-app (contents: read), and repository to the config repo if it is not.',
    ],
    [
      403,
      'Resource not accessible by integration',
      "Input 'token': GitHub answered 403 comparing bbbbbbb...aaaaaaa in acme/web-app (Resource not accessible by integration): " +
        'set token to a token that may read acme/web-app (contents: read), and repository to the config repo if it is not.',
    ],
  ])('a %i from the compare API ends the lookup (and the wait) with what to set, once', async (status, message, expected) => {
    const refused = fakeGitHub([() => httpError(status, message)]);
    const ancestry = new RevisionAncestry(EXPECTED, configRepoGraphs({ github: { ...refused, owner: 'acme', repo: 'web-app' } }));
    await expect(ancestry.learn([OLD])).rejects.toThrow(expected);
    await expect(ancestry.learnChangedFiles([OLD])).rejects.toThrow(expected);
    expect(refused.calls).toHaveLength(1);
  });

  test.each([
    [502, 'Bad Gateway'],
    [429, 'Too Many Requests'],
    [403, 'API rate limit exceeded for installation ID 1.'],
  ])('a %i (%s) passes: asked again, not an end', async (status, message) => {
    const github = fakeGitHub([() => httpError(status, message), () => ({ status: 'behind', files: [] })]);
    const ancestry = new RevisionAncestry(EXPECTED, configRepoGraphs({ github: { ...github, owner: 'acme', repo: 'config' } }));
    await ancestry.learn([OLD]);
    expect(ancestry.relations.has(OLD)).toBe(false);
    await ancestry.learn([OLD]);
    expect(ancestry.relations.get(OLD)).toBe('newer');
  });

  test('unrelated histories (404 "No common ancestor") are unrelated, not a missing commit', async () => {
    const github = fakeGitHub([() => httpError(404, `No common ancestor between ${OLD} and ${EXPECTED}.`)]);
    const ancestry = new RevisionAncestry(EXPECTED, configRepoGraphs({ github: { ...github, owner: 'acme', repo: 'config' } }));
    await ancestry.learn([OLD]);
    expect(ancestry.relations.get(OLD)).toBe('unrelated');
  });

  test('a comparison whose file list reached 300 cannot prove a path untouched', async () => {
    const files = Array.from({ length: 300 }, (_, i) => ({ filename: `f${i}` }));
    const github = fakeGitHub([() => ({ status: 'ahead', files })]);
    const ancestry = new RevisionAncestry(EXPECTED, configRepoGraphs({ github: { ...github, owner: 'acme', repo: 'config' } }));
    await ancestry.learnChangedFiles([OLD]);
    expect(ancestry.changedFiles.get(OLD)).toBeNull();
  });
});

describe('explainRefusedRead', () => {
  test.each<[number, string, string]>([
    [401, 'Bad credentials', "Input 'token': GitHub refused it (401 Bad credentials): it is wrong or expired."],
    [404, 'Not Found', "Input 'repository': acme/config was not found with this token (404)."],
    [
      403,
      'Resource not accessible by integration',
      "Input 'token': GitHub refused a read of acme/config (403 Resource not accessible by integration); the token needs contents: read.",
    ],
    [
      403,
      'API rate limit exceeded for installation ID 1.',
      "GitHub's rate limit for this token is used up (403 API rate limit exceeded for installation ID 1.)",
    ],
    [502, 'Bad Gateway', 'Reading acme/config through the GitHub API failed (502 Bad Gateway).'],
  ])('%d %s', (status, message, expected) => {
    expect(explainRefusedRead('acme/config', httpError(status, message), 'contents: read')?.message).toContain(expected);
  });

  test("a 403 names the request it refused (wait's pull request comment)", () => {
    expect(explainRefusedRead('acme/config', httpError(403, 'Resource not accessible by integration'), 'Pull requests: write', 'a comment on')?.message).toBe(
      "Input 'token': GitHub refused a comment on acme/config (403 Resource not accessible by integration); the token needs Pull requests: write.",
    );
  });

  test('an error that is not a GitHub answer (an Argo CD one carries a status too) is left alone', () => {
    expect(explainRefusedRead('acme/config', Object.assign(new Error('HTTP 401'), { status: 401 }), 'contents: read')).toBeUndefined();
  });
});

describe('checkingMessage', () => {
  const knowledge = (failures: Record<string, string>) => ({ expected: EXPECTED, relations: new Map(), lookupFailures: new Map(Object.entries(failures)) });
  test.each<[string, string[], Record<string, string>, string]>([
    ['nothing failed yet', [OLD], {}, 'checking whether bbbbbbb contains aaaaaaa'],
    [
      'the last try failed: said, and that it is asked again',
      [OLD],
      { [OLD]: 'GitHub answered 502 comparing bbbbbbb...aaaaaaa in acme/config (Bad Gateway)' },
      'checking whether bbbbbbb contains aaaaaaa; the last try failed: ' +
        'GitHub answered 502 comparing bbbbbbb...aaaaaaa in acme/config (Bad Gateway); asking again',
    ],
    ["a failure of another revision is not this one's", [OLD], { ['c'.repeat(40)]: 'GitHub answered 503' }, 'checking whether bbbbbbb contains aaaaaaa'],
  ])('%s', (_title, revisions, failures, expected) => {
    expect(checkingMessage('checking whether bbbbbbb contains aaaaaaa', revisions, knowledge(failures))).toBe(expected);
  });
});
