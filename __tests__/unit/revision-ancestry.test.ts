import { describe, expect, test } from '@jest/globals';
import { RevisionAncestry } from '../../src/controllers/revision-ancestry.js';
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
  const compareCommitsWithBasehead = async ({ basehead }: { basehead: string }) => {
    calls.push(basehead);
    const answer = answers.shift()!();
    if (answer instanceof Error) throw answer;
    return { data: answer };
  };
  return { client: { rest: { repos: { compareCommitsWithBasehead } } } as unknown as GitHubClient, calls };
}

describe('RevisionAncestry through the compare API', () => {
  test('judgements asking at once share one request per revision; the relation and the changed files come from the same one', async () => {
    const github = fakeGitHub([() => ({ status: 'ahead', files: [{ filename: 'apps/web/x.yaml' }] })]);
    const ancestry = new RevisionAncestry(EXPECTED, { github: { ...github, owner: 'acme', repo: 'config' } });
    await Promise.all([ancestry.learn([OLD]), ancestry.learn([OLD]), ancestry.learn([OLD])]);
    await ancestry.learnChangedFiles([OLD]);
    expect(ancestry.relations.get(OLD)).toBe('older');
    expect(ancestry.changedFiles.get(OLD)).toEqual(['apps/web/x.yaml']);
    expect(github.calls).toEqual([`${OLD}...${EXPECTED}`]);
  });

  test('a revision newer than the expected commit', async () => {
    const github = fakeGitHub([() => ({ status: 'behind', files: [] })]);
    const ancestry = new RevisionAncestry(EXPECTED, { github: { ...github, owner: 'acme', repo: 'config' } });
    await ancestry.learn([OLD]);
    expect(ancestry.relations.get(OLD)).toBe('newer');
  });

  test('changed files: renames by their new name; a server error is asked again later, a refusal is not', async () => {
    const github = fakeGitHub([
      () => httpError(502, 'Bad Gateway'),
      () => ({ status: 'ahead', files: [{ filename: 'apps/web/new.yaml', previous_filename: 'apps/web/old.yaml' }] }),
    ]);
    const ancestry = new RevisionAncestry(EXPECTED, { github: { ...github, owner: 'acme', repo: 'config' } });
    await ancestry.learnChangedFiles([OLD]);
    expect(ancestry.changedFiles.has(OLD)).toBe(false);
    await ancestry.learnChangedFiles([OLD]);
    expect(ancestry.changedFiles.get(OLD)).toEqual(['apps/web/new.yaml']);

    const refused = fakeGitHub([() => httpError(403, 'Resource not accessible by integration')]);
    const other = new RevisionAncestry(EXPECTED, { github: { ...refused, owner: 'acme', repo: 'config' } });
    await other.learnChangedFiles([OLD]);
    await other.learnChangedFiles([OLD]);
    expect(other.changedFiles.get(OLD)).toBeNull();
    expect(refused.calls).toHaveLength(1);
  });

  test('a comparison whose file list reached 300 cannot prove a path untouched', async () => {
    const files = Array.from({ length: 300 }, (_, i) => ({ filename: `f${i}` }));
    const github = fakeGitHub([() => ({ status: 'ahead', files })]);
    const ancestry = new RevisionAncestry(EXPECTED, { github: { ...github, owner: 'acme', repo: 'config' } });
    await ancestry.learnChangedFiles([OLD]);
    expect(ancestry.changedFiles.get(OLD)).toBeNull();
  });
});

describe('explainRefusedRead', () => {
  test.each<[number, string, string]>([
    [401, 'Bad credentials', "Input 'token': GitHub refused it (401 Bad credentials): it is wrong or expired."],
    [404, 'Not Found', "Input 'repository': acme/config was not found with this token (404)."],
    [403, 'Resource not accessible by integration', "Input 'token': GitHub refused a read of acme/config (403 Resource not accessible by integration); the token needs contents: read."],
    [403, 'API rate limit exceeded for installation ID 1.', "GitHub's rate limit for this token is used up (403 API rate limit exceeded for installation ID 1.)"],
    [502, 'Bad Gateway', 'Reading acme/config through the GitHub API failed (502 Bad Gateway).'],
  ])('%d %s', (status, message, expected) => {
    expect(explainRefusedRead('acme/config', httpError(status, message), 'contents: read')?.message).toContain(expected);
  });

  test('an error that is not a GitHub answer (an Argo CD one carries a status too) is left alone', () => {
    expect(explainRefusedRead('acme/config', Object.assign(new Error('HTTP 401'), { status: 401 }), 'contents: read')).toBeUndefined();
  });
});
