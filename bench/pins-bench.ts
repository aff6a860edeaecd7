/**
 * Pins at scale: one run of the built action sets one image in BENCH_PINS (default 1,000) Helm values files and
 * lands them as one commit pushed to the checkout's remote, as set-image-bench does for overlays. The repo is
 * examples/config-repo-helm's layout grown to many tenants of one chart: charts/web, tenants/tenant-NNNN/values.yaml,
 * and an Argo CD Application per tenant (argocd/tenant-NNNN.yaml) that passes its values file to the chart. Users
 * name such pins in gitops-promote.yaml (one app per tenant, a helm-values pin in dev), and the pipeline runs
 * set-image with `environment: dev` and one image argument: the config, not the workflow, lists a thousand files.
 * Without the effect check the goal is ≤ 1 ms per pin, process start included, as for an overlay; with it (the
 * default) ≤ 2 ms per pin: without helm on PATH the check is structural (the values the Application passes, merged
 * as Helm merges them, must hold the new tag), and the table says which it was.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BenchContext, BenchPart } from './bench-part.js';
import { REPEAT, pinCount } from './bench-settings.js';
import { runBuiltAction, type ActionRun } from './built-action.js';
import { median, printHeading, printTable, spread, type Figure } from './figures.js';
import { runMeasuredProcess } from './measure-process.js';
import { checkoutOf, git } from './set-image-bench.js';

const tenantName = (index: number): string => `tenant-${String(index).padStart(4, '0')}`;

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

/** The chart every tenant templates, as examples/config-repo-helm's charts/web (each template action a whole YAML value). */
const CHART_FILES: Record<string, string> = {
  'charts/web/Chart.yaml': lines('apiVersion: v2', 'name: web', 'version: 0.3.0', 'appVersion: "1.0.0"'),
  'charts/web/values.yaml': lines('replicaCount: 1', '', 'image:', '  repository: ghcr.io/acme/web', '  tag: ""', '  pullPolicy: IfNotPresent'),
  'charts/web/templates/deployment.yaml': lines(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    "  name: '{{ .Release.Name }}'",
    'spec:',
    '  replicas: {{ .Values.replicaCount }}',
    '  selector:',
    '    matchLabels:',
    "      app: '{{ .Release.Name }}'",
    '  template:',
    '    metadata:',
    '      labels:',
    "        app: '{{ .Release.Name }}'",
    '    spec:',
    '      containers:',
    '        - name: web',
    '          image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"',
  ),
};

/** The config repo's files: the chart, and per tenant a values file, its Application, and its app in gitops-promote.yaml. */
export function generatePinsFiles(pins: number): Record<string, string> {
  const files: Record<string, string> = { ...CHART_FILES };
  const apps: string[] = [];
  for (let index = 0; index < pins; index++) {
    const tenant = tenantName(index);
    files[`tenants/${tenant}/values.yaml`] = lines(
      `# ${tenant}, dev: set-image sets image.tag here on every merge.`,
      'replicaCount: 1',
      '',
      'image:',
      '  repository: ghcr.io/acme/web',
      '  tag: "1.0.0" # the build',
    );
    files[`argocd/${tenant}.yaml`] = lines(
      'apiVersion: argoproj.io/v1alpha1',
      'kind: Application',
      'metadata:',
      `  name: ${tenant}`,
      '  namespace: argocd',
      'spec:',
      '  project: default',
      '  source:',
      '    repoURL: https://github.com/acme/config.git',
      '    targetRevision: main',
      '    path: charts/web',
      '    helm:',
      '      valueFiles:',
      `        - ../../tenants/${tenant}/values.yaml`,
      '  destination:',
      '    server: https://kubernetes.default.svc',
      `    namespace: ${tenant}`,
    );
    apps.push(
      lines(
        `  ${tenant}:`,
        '    images: [web]',
        '    environments:',
        '      dev:',
        `        argocd-app: ${tenant}`,
        '        pins:',
        '          - helm-values: tenants/{app}/values.yaml',
      ),
    );
  }
  files['gitops-promote.yaml'] = lines('version: 1', 'branch: main', 'environments:', '  - name: dev', '    controller: argocd', 'apps:') + apps.join('');
  return files;
}

function writeFiles(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

/** Every run sets a newer tag than the one before, so each changes every values file (and is no downgrade). */
let nextMinor = 1;

/** What one run did besides its time: the files its commit changed, and the warnings that say how far the check went. */
interface PinsRun {
  run: ActionRun;
  warnings: string[];
}

async function setImage(context: BenchContext, work: string, pins: number, verifyRender: boolean, memoryEveryMs?: number): Promise<PinsRun> {
  const run = await runBuiltAction(context.action, {
    inputs: { command: 'set-image', path: work, environment: 'dev', images: `web=*:1.${nextMinor++}.0`, 'verify-render': String(verifyRender) },
    memoryEveryMs,
  });
  const sha = run.outputs['commit-sha'];
  if (run.outputs.changed !== 'true' || !sha) throw new Error(`set-image changed nothing (changed=${run.outputs.changed}, commit-sha=${sha})`);
  const files = git(work, 'diff-tree', '--no-commit-id', '--name-only', '-r', sha).trim().split('\n');
  const values = files.filter((file) => /^tenants\/tenant-\d+\/values\.yaml$/.test(file)).length;
  if (files.length !== pins || values !== pins)
    throw new Error(`set-image's commit ${sha} changed ${files.length} files (${values} values files), expected ${pins}`);
  if (git(work, 'rev-parse', 'origin/main').trim() !== sha) throw new Error(`set-image's commit ${sha} is not on the remote's main`);
  const warnings = run.stdout.split('\n').filter((line) => line.startsWith('::warning'));
  return { run, warnings };
}

/** What the effect check did, from its warnings: the table must say whether the chart was templated. */
function effectCheckKind(runs: readonly PinsRun[], pins: number): string {
  const warnings = runs[0].warnings;
  // One warning line names a few pins and counts the rest ("…, c and 997 more pins: helm is not on PATH, …").
  const noHelm = warnings
    .filter((line) => line.includes('helm is not on PATH'))
    .reduce((sum, line) => {
      const named = line.slice(0, line.indexOf(': helm is not on PATH'));
      const more = / and (\d+) more pins$/.exec(named);
      return sum + (more ? Number(more[1]) + (named.match(/, /g)?.length ?? 0) + 1 : (named.match(/ and |, /g)?.length ?? 0) + 1);
    }, 0);
  if (noHelm > 0) return `structural: helm is not on PATH, ${noHelm} of ${pins} pins warned so`;
  return `helm template per pin, ${warnings.length} warnings`;
}

export const runPinsBench: BenchPart = async (context) => {
  const scratch = join(context.scratch, 'pins');
  mkdirSync(scratch, { recursive: true });
  const count = pinCount(1000);
  const work = checkoutOf(scratch, (root) => writeFiles(root, generatePinsFiles(count)));

  const bare: number[] = [];
  const plain: PinsRun[] = [];
  const checked: PinsRun[] = [];
  for (let index = 0; index < REPEAT; index++) {
    bare.push((await runMeasuredProcess(context.action.node, ['-e', '0'])).ms);
    plain.push(await setImage(context, work, count, false));
    checked.push(await setImage(context, work, count, true));
  }
  // Memory from one more run of each: sampling takes CPU from runs of a second or two.
  const plainMemory = (await setImage(context, work, count, false, 20)).run.memory;
  const checkedMemory = (await setImage(context, work, count, true, 20)).run.memory;
  const plainMs = plain.map(({ run }) => run.ms);
  const checkedMs = checked.map(({ run }) => run.ms);
  const perPin = (ms: readonly number[]): number => median(ms) / count;
  const ratio = (ms: readonly number[]): string => `${(median(ms) / median(bare)).toFixed(1)}×`;
  const mib = (memory: ActionRun['memory']): string => `${(memory?.treePeakMiB ?? 0).toFixed(0)} MiB (1 more run)`;
  printHeading(
    `pins: set-image of one image into ${count} Helm values files (helm-values pins of gitops-promote.yaml, environment dev), ` +
      `one commit of ${count} files pushed to a local bare remote, ${context.action.describe}`,
  );
  printTable([
    ['run', 'wall time (process start included)', '× bare node', 'per pin', 'peak RSS, node + children'],
    ['bare node -e 0', spread(bare, 'ms'), '1.0×', '', ''],
    ['set-image, verify-render false', spread(plainMs, 'ms'), ratio(plainMs), `${perPin(plainMs).toFixed(2)} ms`, mib(plainMemory)],
    ['set-image, verify-render true (default)', spread(checkedMs, 'ms'), ratio(checkedMs), `${perPin(checkedMs).toFixed(2)} ms`, mib(checkedMemory)],
  ]);
  process.stdout.write(`  effect check (verify-render true): ${effectCheckKind(checked, count)}\n`);
  const figures: Figure[] = [
    { name: `set-image without effect check, ${count} pins`, measured: { value: perPin(plainMs), unit: 'ms/pin' }, goal: { atMost: 1 } },
    { name: `set-image with effect check, ${count} pins`, measured: { value: perPin(checkedMs), unit: 'ms/pin' }, goal: { atMost: 2 } },
  ];
  return figures;
};
