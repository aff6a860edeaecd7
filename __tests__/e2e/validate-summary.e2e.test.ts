import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { join } from 'node:path';
import { errorAnnotations, runAction } from '../helpers/action-runner.js';
import { createConfigRepo, readText, writeText, type ConfigRepo } from '../helpers/git-fixtures.js';

let repo: ConfigRepo;
beforeEach(() => {
  repo = createConfigRepo();
});
afterEach(() => repo.cleanup());

describe('the validate job summary of a render error, through dist/index.js', () => {
  test('a well-formed table row; kustomize’s error names the repo-relative path once, in lines that fit', async () => {
    const file = join(repo.work, 'apps/web/overlays/dev/kustomization.yaml');
    writeText(file, readText(file).replace('- ../../base', '- ../../basex'));
    const run = await runAction({ inputs: { command: 'validate', path: repo.work, overlays: 'apps/web/overlays/dev' } });
    expect(run.exitCode).toBe(1);

    const expected = "kustomize could not render apps/web/overlays/dev: accumulating resources from '../../basex': apps/web/basex does not exist";
    expect(errorAnnotations(run)).toContain(expected);
    expect(run.summary).not.toContain(repo.work);
    expect(run.summary).not.toContain('<td>');
    const rows = run.summary.split('\n').filter((line) => line.startsWith('|'));
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row.slice(1, -1).split(' | ')).toHaveLength(5);
    const finding = rows[2].slice(1, -1).split(' | ')[4].trim();
    expect(finding.replace(/<br>/g, ' ')).toBe(expected);
    expect(finding.split('<br>').every((line) => line.length <= 80)).toBe(true);
    expect(finding.match(/basex/g)).toHaveLength(2); // the entry as written, and the path it resolves to
  });
});
