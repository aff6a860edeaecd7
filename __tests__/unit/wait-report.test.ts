import { describe, expect, test } from '@jest/globals';
import { Readable } from 'node:stream';
import { readJsonLines } from '../../src/controllers/argocd/ndjson-lines.js';
import { overallHealth, syncedRevision, type ObjectOutcome } from '../../src/wait/wait-report.js';
import type { ObjectStatus } from '../../src/controllers/wait-types.js';

const A = 'a'.repeat(40);
const C = 'c'.repeat(40);
const object = (status: Partial<ObjectStatus>): ObjectOutcome => ({
  target: { controller: 'argocd', label: 'web', ref: { name: 'web' } },
  status: { state: 'done', sync: 'Synced', health: 'Healthy', revision: A, message: '', ...status },
});

describe('wait outputs', () => {
  test.each([
    [['Healthy', 'Healthy'], 'Healthy'],
    [['Healthy', 'Applied'], 'Applied'],
    [['Healthy', 'Progressing', 'Applied'], 'Progressing'],
    [['Progressing', 'Degraded'], 'Degraded'],
  ])('overall health of %j is %s', (healths, expected) => {
    expect(overallHealth(healths.map((health) => object({ health })))).toBe(expected);
  });

  test.each<[string, Array<Partial<ObjectStatus>>, string]>([
    ['all at the commit', [{}, {}], A],
    ['all at the same descendant', [{ revision: C }, { revision: C }], C],
    ['at different revisions: the expected one', [{ revision: A }, { revision: C }], A],
    ['one still waiting: nothing', [{}, { state: 'waiting' }], ''],
  ])('synced-revision when %s', (_title, statuses, expected) => {
    expect(syncedRevision({ expected: A, revisionSource: 'input', objects: statuses.map(object), timedOut: false, elapsedMs: 1 })).toBe(expected);
  });
});

describe('readJsonLines', () => {
  test.each([
    ['NDJSON split across chunks', ['{"result":{"type":"ADDED"', '}}\n{"result":', '{"type":"MODIFIED"}}\n'], ['ADDED', 'MODIFIED']],
    ['SSE framing with keep-alives', ['data: {"result":{"type":"ADDED"}} \n\n', ':\n', 'data: {"result":{"type":"MODIFIED"}} \n\n'], ['ADDED', 'MODIFIED']],
    ['a stream cut mid-message drops the partial one', ['{"result":{"type":"ADDED"}}\n{"result":{"ty'], ['ADDED']],
  ])('%s', async (_title, chunks, types) => {
    const seen: string[] = [];
    for await (const message of readJsonLines(Readable.from(chunks))) seen.push((message as { result: { type: string } }).result.type);
    expect(seen).toEqual(types);
  });
});
