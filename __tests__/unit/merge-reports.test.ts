import { describe, expect, test } from '@jest/globals';
import { driftItemsOf, type AppReport, type DriftReport, type EnvironmentReport } from '../../src/drift/drift-types.js';
import { mergeDriftReports } from '../../src/merge-reports/merge-drift.js';
import { mergeReportFiles } from '../../src/merge-reports/merge-report-files.js';
import { mergeValidationReports } from '../../src/merge-reports/merge-validation.js';
import { driftReportFile, parseReportFile, validateReportFile, type ReportFile } from '../../src/merge-reports/report-file.js';
import { checkShardCoverage, type NamedReportFile } from '../../src/merge-reports/shard-coverage.js';
import { describeShard, itemsOfShard, takeShard, type Shard } from '../../src/shard/shard.js';
import { emptyOverlayReport, type OverlayReport, type ValidationReport } from '../../src/validate/findings.js';

const OVERLAYS = ['apps/web/overlays/dev', 'apps/web/overlays/production', 'apps/api/overlays/dev', 'apps/api/overlays/staging', 'platform/argocd'];

function overlayReport(overlay: string, errors = 0): OverlayReport {
  const report = emptyOverlayReport(overlay, `${overlay}/kustomization.yaml`);
  report.resources = 2;
  for (let i = 0; i < errors; i++) report.errors.push({ severity: 'error', rule: 'schema', message: `broken ${i}`, file: report.file, line: i + 1 });
  return report;
}

function validationReport(overlays: OverlayReport[]): ValidationReport {
  return { valid: overlays.every((overlay) => overlay.errors.length === 0), overlays, kubernetesVersion: '1.34', serverDryRun: false };
}

/** The report files n validate shards write over OVERLAYS, `broken` overlays with an error each. */
function validateShards(count: number, broken: readonly string[] = []): NamedReportFile[] {
  return Array.from({ length: count }, (_, i) => {
    const shard: Shard = { index: i + 1, count };
    const { items, partition } = takeShard(OVERLAYS, (overlay) => overlay, shard);
    const report = validationReport(items.map((overlay) => overlayReport(overlay, broken.includes(overlay) ? 1 : 0)));
    return { name: `validate-${i + 1}.json`, file: validateReportFile(report, partition, 'config') };
  });
}

const APPS = ['web', 'api', 'worker', 'cron', 'mail'];
const ENVIRONMENTS = [{ name: 'dev' }, { name: 'staging', from: 'dev' }, { name: 'production', from: 'staging', maxSkew: '3 versions' }];

function appReport(app: string, env: string, drifted: ReadonlySet<string>): AppReport {
  return { app, findings: drifted.has(`${app}/${env}`) ? [{ kind: 'degraded', message: `${app} is degraded in ${env}` }] : [] };
}

/** The drift report drift-check would make over `apps` (every environment of each), `drifted` as app/environment. */
function driftReport(apps: readonly string[], drifted: ReadonlySet<string>, head = 'a'.repeat(40), generatedAt = '2030-01-01T00:00:00.000Z'): DriftReport {
  const environments: EnvironmentReport[] = ENVIRONMENTS.map((env) => ({ ...env, apps: apps.map((app) => appReport(app, env.name, drifted)) }));
  const items = driftItemsOf(environments);
  return { generatedAt, head: { branch: 'main', sha: head }, drifted: items.some((item) => item.drift), environments, items, notes: [] };
}

function driftShards(count: number, drifted: ReadonlySet<string>, heads: string[] = []): NamedReportFile[] {
  return Array.from({ length: count }, (_, i) => {
    const { items, partition } = takeShard(APPS, (app) => app, { index: i + 1, count });
    const report = driftReport(items, drifted, heads[i], `2030-01-01T00:0${count - i}:00.000Z`);
    return { name: `drift-${i + 1}.json`, file: driftReportFile(report, partition) };
  });
}

const refusal = (files: readonly NamedReportFile[]): string => {
  try {
    checkShardCoverage(files);
    return '';
  } catch (error) {
    return (error as Error).message;
  }
};

describe('takeShard and describeShard', () => {
  test('the partition keeps every key in the order found; the shard its dealt part', () => {
    const { items, partition } = takeShard(OVERLAYS, (overlay) => overlay, { index: 2, count: 2 });
    expect(partition.keys).toEqual(OVERLAYS);
    expect(items).toEqual(itemsOfShard(OVERLAYS, (overlay) => overlay, { index: 2, count: 2 }));
    expect(takeShard(OVERLAYS, (overlay) => overlay, undefined)).toEqual({ items: OVERLAYS, partition: { shard: undefined, keys: OVERLAYS } });
  });

  test.each([
    [{ index: 2, count: 4 }, 150, 600, 'overlay', 'shard 2/4: 150 of 600 overlays'],
    [{ index: 1, count: 1 }, 1, 1, 'app', 'shard 1/1: 1 of 1 app'],
    [{ index: 3, count: 4 }, 0, 2, 'overlay', 'shard 3/4: 0 of 2 overlays'],
  ])('%j %p of %p %ps', (shard, taken, total, noun, text) => expect(describeShard(shard, taken, total, noun)).toBe(text));
});

describe('checkShardCoverage: every shard of one run, exactly once', () => {
  const [one, two, three, four] = validateShards(4);
  const drift = driftShards(4, new Set());
  const otherCommit = validateShards(4).map((named) => ({ ...named, file: { ...named.file, keys: [...named.file.keys, 'apps/new/overlays/dev'] } }));

  test.each<[string, NamedReportFile[], string]>([
    ['4 of 4', [one, two, three, four], ''],
    ['listed in any order', [four, two, one, three], ''],
    ['one unsharded report', [{ name: 'all.json', file: validateReportFile(validationReport([]), { shard: undefined, keys: [] }, '') }], ''],
    [
      '1/4, 2/4, 4/4',
      [one, two, four],
      "Input 'reports': shard 3/4 is missing (found 1/4, 2/4 and 4/4); did its job fail before writing its report, or its upload?",
    ],
    ['1/4 only', [one], "Input 'reports': shards 2/4, 3/4 and 4/4 are missing (found 1/4); did its job fail before writing its report, or its upload?"],
    ['2/4 twice', [one, two, { ...two, name: 'copy.json' }, three, four], "Input 'reports': shard 2/4 is there more than once: validate-2.json and copy.json."],
    [
      'different commands',
      [one, drift[1], three, four],
      "Input 'reports': the files are reports of different commands: validate (validate-1.json, validate-3.json, validate-4.json), drift-check (drift-2.json).",
    ],
    [
      'different n',
      [...validateShards(2).map((named) => ({ ...named, name: `of-2-${named.name}` })), three],
      "Input 'reports': the files are shards of different n: n = 2 (of-2-validate-1.json, of-2-validate-2.json), n = 4 (validate-3.json).",
    ],
    [
      'shards that found other overlays',
      [one, two, otherCommit[2], four],
      "Input 'reports': shards 1/4 and 3/4 shared out different overlays (3/4 also has apps/new/overlays/dev): " +
        'run every shard on the same commit with the same inputs.',
    ],
    ['nothing', [], "Input 'reports': no report file to merge."],
  ])('%s', (_name, files, message) => expect(refusal(files)).toBe(message));
});

describe('mergeValidationReports: the shards as one unsharded run', () => {
  test.each([1, 2, 3, 4, 7])('%p shards: the same overlays, in the order found, the same findings and verdict', (count) => {
    const broken = ['apps/api/overlays/dev', 'platform/argocd'];
    const whole = validationReport(OVERLAYS.map((overlay) => overlayReport(overlay, broken.includes(overlay) ? 1 : 0)));
    const merged = mergeReportFiles(validateShards(count, broken));
    expect(merged).toEqual({
      command: 'validate',
      report: whole,
      annotationPrefix: 'config',
      scope: `Merged from ${count} shard${count > 1 ? 's' : ''}: 5 overlays.`,
    });
  });

  test('valid when every shard is; serverDryRun when any shard ran one', () => {
    const valid = validationReport([overlayReport('a')]);
    const dryRun = { ...validationReport([overlayReport('b')]), serverDryRun: true };
    expect(mergeValidationReports([valid, dryRun], ['a', 'b'])).toMatchObject({ valid: true, serverDryRun: true });
    expect(mergeValidationReports([valid, validationReport([overlayReport('c', 1)])], ['a', 'c']).valid).toBe(false);
  });

  test('no overlays anywhere (changed-only found none): valid, empty', () => {
    const nothing = validateReportFile(validationReport([]), { shard: { index: 1, count: 1 }, keys: [] }, '');
    expect(mergeReportFiles([{ name: 'none.json', file: nothing }])).toMatchObject({
      report: { valid: true, overlays: [] },
      scope: 'Merged from 1 shard: 0 overlays.',
    });
  });
});

describe('mergeDriftReports: the shards as one unsharded run', () => {
  const drifted = new Set(['api/staging', 'cron/production', 'cron/dev']);

  test.each([1, 2, 3, 4, 5, 8])('%p shards: the same environments, apps in config order, items in drift-check order', (count) => {
    const whole = driftReport(APPS, drifted, undefined, '2030-01-01T00:00:00.000Z');
    const merged = mergeReportFiles(driftShards(count, drifted));
    if (merged.command !== 'drift-check') throw new Error(`merged as ${merged.command}`);
    // Each shard says when it checked; the merge says the earliest.
    expect({ ...merged.report, generatedAt: whole.generatedAt }).toEqual(whole);
    expect(merged.report.generatedAt).toBe(`2030-01-01T00:01:00.000Z`);
    expect(merged.report.items.map((item) => item.key)).toEqual(['degraded:dev:cron', 'degraded:staging:api', 'degraded:production:cron']);
    expect(merged.scope).toBe(`Merged from ${count} shard${count > 1 ? 's' : ''}: 5 apps.`);
  });

  test('no drift in any shard: not drifted', () => {
    expect(mergeReportFiles(driftShards(4, new Set())).report).toMatchObject({ drifted: false, items: [] });
  });

  test("shards that read different heads are merged, with a note naming them; the shards' own notes once each", () => {
    const [a, b] = [`${'a'.repeat(7)}${'0'.repeat(33)}`, `${'b'.repeat(7)}${'0'.repeat(33)}`];
    const parts = driftShards(3, drifted, [a, b, a]).map(({ file }, i) => ({
      shard: `${i + 1}/3`,
      report: { ...(file.report as DriftReport), notes: ['shallow'] },
    }));
    const merged = mergeDriftReports(parts, APPS);
    expect(merged.head.sha).toBe(a);
    expect(merged.notes).toEqual([
      'shallow',
      'The shards read different heads of main: aaaaaaa (1/3 and 3/3) and bbbbbbb (2/3); the report names the first. ' +
        'Check out one commit in every shard to compare like with like.',
    ]);
  });
});

describe('parseReportFile: a file merge-reports can rely on, or one line naming it', () => {
  const good = validateShards(1)[0].file;
  const text = (file: unknown): string => JSON.stringify(file);

  test.each<[string, string, string]>([
    ['not JSON', '{"gitopsPromoteReport": 1,', "Input 'reports': x.json does not parse as JSON ("],
    ['JSON of something else', '[1, 2]', "Input 'reports': x.json is not a gitops-promote report file (validate and drift-check write one to report-file)."],
    ['a number', '5', "Input 'reports': x.json is not a gitops-promote report file"],
    ['another format', text({ ...good, gitopsPromoteReport: 2 }), "Input 'reports': x.json is in report format 2; this gitops-promote reads format 1."],
    ['another command', text({ ...good, command: 'wait' }), "Input 'reports': x.json is a report of an unknown command 'wait'."],
    ['a bad shard', text({ ...good, shard: { index: 5, count: 4 } }), "Input 'reports': x.json is not a whole validate report file: shard is neither null"],
    ['no keys', text({ ...good, keys: undefined }), "Input 'reports': x.json is not a whole validate report file: keys is not a list of strings."],
    [
      'no overlays',
      text({ ...good, report: { valid: true } }),
      "Input 'reports': x.json is not a whole validate report file: report has no valid and overlays.",
    ],
    [
      'a drift file without items',
      text({ ...driftShards(1, new Set())[0].file, report: { head: {}, environments: [] } }),
      "Input 'reports': x.json is not a whole drift-check report file: report has no head, environments, items and notes.",
    ],
  ])('%s', (_name, contents, message) => {
    expect(() => parseReportFile(contents, 'x.json')).toThrow(message);
  });

  test.each<[string, ReportFile]>([
    ['validate', good],
    ['drift-check', driftShards(2, new Set(['web/dev']))[1].file],
  ])('a %s file round-trips', (_name, file) => {
    expect(parseReportFile(`${JSON.stringify(file)}\n`, 'x.json')).toEqual(file);
  });
});
