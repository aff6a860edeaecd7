import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction, type ActionRun } from '../helpers/action-runner.js';
import { git } from '../helpers/git-fixtures.js';
import { annotations, edit, FIXTURE_REPO, requireBuiltBundle } from '../fixtures/validate/run-action.js';

/**
 * validate in a matrix, through the built action: 4 shards (shard: i/4, each
 * writing its report file) and merge-reports over their files show what one
 * unsharded run shows: the same findings, annotations, JUnit report, summary,
 * outputs and verdict. The config repo sits in a sub-folder of the workspace,
 * as a checkout with `path: config` leaves it, so annotation paths carry it.
 */

interface ReportEntry {
  overlay: string;
  errors: Array<{ rule: string; message: string; file?: string; line?: number }>;
  warnings: ReportEntry['errors'];
  timeMs?: unknown;
}

const REPORTS = 'reports';
let workspace: string;

/** The fixture repo at <workspace>/config with three more apps (copies of web), broken in three ways. */
function createWorkspace(): string {
  const root = mkdtempSync(join(tmpdir(), 'validate-sharded-'));
  const repo = join(root, 'config');
  cpSync(FIXTURE_REPO, repo, { recursive: true });
  for (const app of ['shop', 'blog', 'mail']) cpSync(join(repo, 'apps', 'web'), join(repo, 'apps', app), { recursive: true });
  return root;
}

function breakRepo(repo: string): void {
  edit(repo, 'apps/shop/overlays/production/replicas.yaml', (text) => text.replace('replicas: 3', 'replicas: "three"'));
  edit(repo, 'apps/blog/base/deployment.yaml', (text) => text.replace('          ports:', '          imagePullPolicyy: Always\n          ports:'));
  edit(repo, 'apps/worker/base/cronjob.yaml', (text) => text.replace('worker:2.3.1', 'worker'));
}

function run(inputs: Record<string, string>, root = workspace): Promise<ActionRun> {
  return runAction({ inputs: { path: 'config', ...inputs }, cwd: root, env: { GITHUB_WORKSPACE: root } });
}

const validate = (inputs: Record<string, string> = {}, root = workspace): Promise<ActionRun> => run({ command: 'validate', ...inputs }, root);
const merge = (inputs: Record<string, string>, root = workspace): Promise<ActionRun> => run({ command: 'merge-reports', ...inputs }, root);

/** Four shards, one after the other, each writing reports/validate-<i>.json. */
async function shards(inputs: Record<string, string> = {}, root = workspace): Promise<ActionRun[]> {
  const runs: ActionRun[] = [];
  for (let index = 1; index <= 4; index++) {
    runs.push(await validate({ ...inputs, shard: `${index}/4`, 'report-file': `${REPORTS}/validate-${index}.json` }, root));
  }
  return runs;
}

const reportOf = (run: ActionRun): ReportEntry[] => JSON.parse(run.outputs.report ?? '[]') as ReportEntry[];
const withoutTimes = (run: ActionRun): ReportEntry[] => reportOf(run).map(({ timeMs: _timeMs, ...entry }) => entry);

/** Every finding as one line: overlay, file:line, rule, message. */
const findings = (run: ActionRun): string[] =>
  reportOf(run)
    .flatMap((entry) => [...entry.errors, ...entry.warnings].map((f) => `${entry.overlay} ${f.file ?? ''}:${f.line ?? ''} ${f.rule} ${f.message}`))
    .sort();

const annotationLines = (run: ActionRun): string[] =>
  annotations(run.stdout)
    .map((a) => JSON.stringify(a))
    .sort();
const normalizedJUnit = (run: ActionRun): string => readFileSync(run.outputs.junit, 'utf8').replace(/ time="[\d.]+"/g, '');
const normalizedSummary = (run: ActionRun): string =>
  run.summary
    .replace(/\n\nMerged from \d+ shards?: \d+ overlays?\./, '')
    .replace(/\d+ ms/g, 'N ms')
    .replace(/gitops-promote-run-[A-Za-z0-9]+/g, 'RUNNER_TEMP');

beforeAll(() => requireBuiltBundle());

describe('validate in 4 shards, then merge-reports, against one config repo', () => {
  let whole: ActionRun;
  let parts: ActionRun[];
  let merged: ActionRun;

  beforeAll(async () => {
    workspace = createWorkspace();
    breakRepo(join(workspace, 'config'));
    whole = await validate();
    parts = await shards();
    merged = await merge({ reports: `${REPORTS}/*.json` });
  }, 120_000);

  afterAll(() => rmSync(workspace, { recursive: true, force: true }));

  test('one unsharded run: 15 overlays, 5 of them with errors, invalid', () => {
    expect(whole.exitCode).toBe(1);
    expect(whole.outputs.valid).toBe('false');
    expect(reportOf(whole)).toHaveLength(15);
    expect(reportOf(whole).filter((entry) => entry.errors.length > 0)).toHaveLength(5);
    expect(whole.outputs['report-file']).toBe(join(whole.runnerTemp, 'gitops-promote-validate.report.json'));
  });

  test('each shard validates its part, says so, writes its report file; together they hold every overlay once', () => {
    const sizes = parts.map((part) => reportOf(part).length);
    expect(sizes).toEqual([4, 4, 4, 3]);
    parts.forEach((part, i) => {
      const line = `shard ${i + 1}/4: ${sizes[i]} of 15 overlays`;
      expect(part.stdout).toContain(`${line}.`);
      expect(part.summary).toContain(`This run is ${line}; merge-reports combines the shards.`);
      expect(part.outputs['report-file']).toBe(join(workspace, REPORTS, `validate-${i + 1}.json`));
      expect(JSON.parse(readFileSync(part.outputs['report-file'], 'utf8'))).toMatchObject({ command: 'validate', shard: { index: i + 1, count: 4 } });
    });
    const overlays = parts.flatMap((part) => reportOf(part).map((entry) => entry.overlay));
    expect([...overlays].sort()).toEqual(
      reportOf(whole)
        .map((entry) => entry.overlay)
        .sort(),
    );
  });

  test('the merge shows the same findings, annotations, JUnit, summary, outputs and verdict as the unsharded run', () => {
    expect(merged.stderr).toBe('');
    expect(merged.stdout).toContain('validate: Merged from 4 shards: 15 overlays.');
    expect(merged.exitCode).toBe(whole.exitCode);
    expect(merged.outputs.valid).toBe('false');
    expect(findings(merged)).toEqual(findings(whole));
    expect(findings(merged)).toHaveLength(5);
    expect(withoutTimes(merged)).toEqual(withoutTimes(whole));
    expect(annotationLines(merged)).toEqual(annotationLines(whole));
    expect(annotations(merged.stdout).some((a) => a.file === 'config/apps/shop/overlays/production/replicas.yaml' && a.line === 6)).toBe(true);
    expect(normalizedJUnit(merged)).toEqual(normalizedJUnit(whole));
    expect(merged.summary).toContain('Merged from 4 shards: 15 overlays.');
    expect(normalizedSummary(merged)).toEqual(normalizedSummary(whole));
  });

  test('a folder of report files (download-artifact with merge-multiple) merges the same', async () => {
    const again = await merge({ reports: REPORTS });
    expect(withoutTimes(again)).toEqual(withoutTimes(whole));
    expect(again.exitCode).toBe(1);
  });

  describe('refused in one line, with nothing written', () => {
    const file = (index: number): string => `${REPORTS}/validate-${index}.json`;
    const place = (folder: string, name: string, text: string): void => {
      mkdirSync(join(workspace, folder), { recursive: true });
      writeFileSync(join(workspace, folder, name), text);
    };
    const changed = (index: number, change: (report: Record<string, unknown>) => Record<string, unknown>): string =>
      JSON.stringify(change(JSON.parse(readFileSync(join(workspace, file(index)), 'utf8')) as Record<string, unknown>));

    test.each<[string, () => Record<string, string>, string]>([
      ['no reports', () => ({ reports: '' }), "Input 'reports': is required: the report files of the shards (for example reports/*.json)."],
      ['a pattern that matches nothing', () => ({ reports: 'downloads/*.json' }), "Input 'reports': no file matches 'downloads/*.json'."],
      [
        'a shard missing',
        () => ({ reports: [1, 2, 4].map(file).join('\n') }),
        "Input 'reports': shard 3/4 is missing (found 1/4, 2/4 and 4/4); did its job fail before writing its report, or its upload?",
      ],
      [
        'a shard twice',
        () => {
          place('twice', 'again.json', readFileSync(join(workspace, file(2)), 'utf8'));
          return { reports: `${REPORTS}/*.json\ntwice/*.json` };
        },
        "Input 'reports': shard 2/4 is there more than once: reports/validate-2.json and twice/again.json.",
      ],
      [
        'shards of different n',
        () => {
          place(
            'other-n',
            'validate-2.json',
            changed(2, (report) => ({ ...report, shard: { index: 2, count: 3 } })),
          );
          return { reports: [1, 3, 4].map(file).join(',') + ',other-n/validate-2.json' };
        },
        "Input 'reports': the files are shards of different n: n = 4 (reports/validate-1.json, reports/validate-3.json, reports/validate-4.json), " +
          'n = 3 (other-n/validate-2.json).',
      ],
      [
        'reports of different commands',
        () => {
          const drift = {
            gitopsPromoteReport: 1,
            command: 'drift-check',
            shard: { index: 3, count: 4 },
            keys: [],
            report: { head: {}, environments: [], items: [], notes: [] },
          };
          place('mixed', 'drift-3.json', JSON.stringify(drift));
          return { reports: [1, 2, 4].map(file).join(',') + ',mixed/drift-3.json' };
        },
        "Input 'reports': the files are reports of different commands: validate (reports/validate-1.json, reports/validate-2.json, reports/validate-4.json), " +
          'drift-check (mixed/drift-3.json).',
      ],
      [
        'a file that does not parse',
        () => {
          place('broken', 'validate-3.json', '{"gitopsPromoteReport": 1, "command": "validate", "shard"');
          return { reports: [1, 2, 4].map(file).join(',') + ',broken/validate-3.json' };
        },
        "Input 'reports': broken/validate-3.json does not parse as JSON (",
      ],
    ])('%s', async (_name, inputs, message) => {
      const refused = await merge(inputs());
      expect(refused.exitCode).toBe(1);
      const errors = refused.stdout.split('\n').filter((line) => line.startsWith('::error'));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toContain(`::error::${message}`);
      expect(refused.outputs).toEqual({});
      expect(refused.summary).toBe('');
      expect(existsSync(join(refused.runnerTemp, 'gitops-promote-validate.junit.xml'))).toBe(false);
    });

    test.each(['0/4', '5/4', '2', 'a/b'])('validate shard: %p', async (shard) => {
      const refused = await validate({ shard });
      expect(refused.exitCode).toBe(1);
      expect(refused.stdout).toContain(`::error::Input 'shard': '${shard}' is not i/n with 1 ≤ i ≤ n`);
      expect(refused.outputs).toEqual({});
      expect(existsSync(join(refused.runnerTemp, 'gitops-promote-validate.report.json'))).toBe(false);
    });
  });
});

describe('changed-only and shard together', () => {
  let root: string;
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('the shards share out the changed overlays only, and their merge is the unsharded changed-only run', async () => {
    root = createWorkspace();
    const repo = join(root, 'config');
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'config');
    git(repo, 'branch', 'base');
    breakRepo(repo);
    git(repo, 'commit', '-qam', 'break shop production, blog, worker');
    const inputs = { 'changed-only': 'true', 'base-ref': 'base' };

    const whole = await validate(inputs, root);
    const changed = reportOf(whole).map((entry) => entry.overlay);
    expect(changed).toHaveLength(6);
    expect(changed.sort()).toEqual([
      'apps/blog/overlays/dev',
      'apps/blog/overlays/production',
      'apps/blog/overlays/staging',
      'apps/shop/overlays/production',
      'apps/worker/overlays/dev',
      'apps/worker/overlays/production',
    ]);

    const parts = await shards(inputs, root);
    parts.forEach((part, i) => expect(part.stdout).toContain(`shard ${i + 1}/4: ${i < 2 ? 2 : 1} of 6 overlays.`));
    expect(parts.flatMap((part) => reportOf(part).map((entry) => entry.overlay)).sort()).toEqual(changed);

    const merged = await merge({ reports: `${REPORTS}/*.json` }, root);
    expect(merged.stdout).toContain('validate: Merged from 4 shards: 6 overlays.');
    expect(findings(merged)).toEqual(findings(whole));
    expect(withoutTimes(merged)).toEqual(withoutTimes(whole));
    expect([merged.exitCode, merged.outputs.valid]).toEqual([1, 'false']);
  }, 120_000);
});
