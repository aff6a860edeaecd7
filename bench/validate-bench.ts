/**
 * `validate` on a generated config repo of 200 apps × 3 environments (600
 * overlays, 2,400 resources): render time, validation time, resources per
 * second and peak memory, beside the time of `kubectl kustomize` alone on the
 * same overlays. Prints figures; asserts nothing.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { resourceUsage } from 'node:process';
import { writeSchemaCatalog } from '../scripts/build-schemas.js';
import { findRenderer, renderOverlay } from '../src/kustomize/render.js';
import { mapWithLimit } from '../src/process/run-process.js';
import { resolveOverlays } from '../src/repo/overlay-paths.js';
import { validateOverlays } from '../src/validate/validate-overlays.js';

const APPS = 200;
const ENVIRONMENTS = ['dev', 'staging', 'production'] as const;

export async function runValidateBench(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'validate-bench-'));
  try {
    generateRepo(root);
    const overlays = resolveOverlays(root, ['apps/*/overlays/*']);
    const renderer = await findRenderer();
    if (!renderer) throw new Error('the validate bench needs kustomize or kubectl on PATH');
    const limit = availableParallelism();

    const aloneStarted = performance.now();
    await mapWithLimit(overlays, limit, (overlay) => renderOverlay(renderer, overlay.absolutePath));
    const aloneMs = performance.now() - aloneStarted;

    const schemaDirectory = existsSync(join(process.cwd(), 'dist', 'schemas', 'catalog.json')) ? join(process.cwd(), 'dist', 'schemas') : await buildCatalog();
    const rssBefore = process.memoryUsage().rss;
    let peakRss = rssBefore;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
    const started = performance.now();
    const report = await validateOverlays(overlays, {
      repoRoot: root,
      kubernetesVersion: '1.34',
      strict: true,
      ignoreMissingSchemas: false,
      kustomizeArgs: [],
      schemaLocations: [],
      schemaDirectory,
      policyFor: (overlay) => ({ protected: overlay.path.endsWith('/production'), requireDigest: false }),
    });
    const totalMs = performance.now() - started;
    clearInterval(sampler);

    const resources = report.overlays.reduce((sum, overlay) => sum + overlay.resources, 0);
    const errors = report.overlays.reduce((sum, overlay) => sum + overlay.errors.length, 0);
    const renderMs = report.overlays.reduce((sum, overlay) => sum + overlay.renderMs, 0);
    const validateMs = report.overlays.reduce((sum, overlay) => sum + overlay.validateMs, 0);
    const rows: Array<[string, string]> = [
      ['overlays / resources', `${overlays.length} / ${resources} (errors: ${errors})`],
      [`${renderer.describe} alone, ${limit} at once`, `${(aloneMs / 1000).toFixed(2)} s`],
      ['validate, wall time', `${(totalMs / 1000).toFixed(2)} s (${((totalMs / aloneMs - 1) * 100).toFixed(0)}% over rendering alone)`],
      ['  render (sum over overlays)', `${(renderMs / 1000).toFixed(2)} s`],
      ['  schema + policy checks (sum)', `${(validateMs / 1000).toFixed(2)} s (${((validateMs / resources) * 1000).toFixed(0)} µs per resource)`],
      ['resources per second (wall)', `${Math.round(resources / (totalMs / 1000))}`],
      ['peak RSS during validate', `${Math.round(peakRss / 2 ** 20)} MiB (max RSS of the process: ${Math.round(resourceUsage().maxRSS / 1024)} MiB)`],
    ];
    console.log('\nvalidate bench: 200 apps × 3 environments');
    for (const [name, value] of rows) console.log(`  ${name.padEnd(38)} ${value}`);
    if (errors > 0) throw new Error(`the generated repo should be valid, but validate found ${errors} errors`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

async function buildCatalog(): Promise<string> {
  const directory = mkdtempSync(join(tmpdir(), 'validate-bench-schemas-'));
  await writeSchemaCatalog(directory);
  return directory;
}

/** Each app: a base with a Deployment, a Service, a ConfigMap and an HPA; overlays set namespace, prefix, replicas and image. */
function generateRepo(root: string): void {
  for (let index = 0; index < APPS; index++) {
    const app = `app-${String(index).padStart(3, '0')}`;
    const base = join(root, 'apps', app, 'base');
    mkdirSync(base, { recursive: true });
    writeFileSync(join(base, 'kustomization.yaml'), 'resources:\n  - deployment.yaml\n  - service.yaml\n  - configmap.yaml\n  - hpa.yaml\n');
    writeFileSync(
      join(base, 'deployment.yaml'),
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${app}\n  labels:\n    app: ${app}\nspec:\n  replicas: 1\n  selector:\n` +
        `    matchLabels:\n      app: ${app}\n  template:\n    metadata:\n      labels:\n        app: ${app}\n    spec:\n      containers:\n` +
        `        - name: ${app}\n          image: registry.example.com/${app}:1.0.0\n          ports:\n            - containerPort: 8080\n` +
        `          envFrom:\n            - configMapRef:\n                name: ${app}\n          resources:\n            requests:\n` +
        `              cpu: 50m\n              memory: 64Mi\n          readinessProbe:\n            httpGet:\n              path: /healthz\n` +
        `              port: 8080\n`,
    );
    writeFileSync(
      join(base, 'service.yaml'),
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${app}\nspec:\n  selector:\n    app: ${app}\n  ports:\n    - port: 80\n      targetPort: 8080\n`,
    );
    writeFileSync(join(base, 'configmap.yaml'), `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${app}\ndata:\n  LOG_LEVEL: info\n`);
    writeFileSync(
      join(base, 'hpa.yaml'),
      `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: ${app}\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n` +
        `    kind: Deployment\n    name: ${app}\n  minReplicas: 1\n  maxReplicas: 5\n  metrics:\n    - type: Resource\n      resource:\n` +
        `        name: cpu\n        target:\n          type: Utilization\n          averageUtilization: 80\n`,
    );
    for (const environment of ENVIRONMENTS) {
      const overlay = join(root, 'apps', app, 'overlays', environment);
      mkdirSync(overlay, { recursive: true });
      writeFileSync(
        join(overlay, 'kustomization.yaml'),
        `namespace: ${environment}\nnamePrefix: ${environment}-\nresources:\n  - ../../base\npatches:\n  - path: replicas.yaml\nimages:\n` +
          `  - name: registry.example.com/${app}\n    newTag: 1.${index % 10}.0\n`,
      );
      writeFileSync(
        join(overlay, 'replicas.yaml'),
        `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${app}\nspec:\n  replicas: ${environment === 'production' ? 3 : 1}\n`,
      );
    }
  }
}

// Run on its own with: npx tsx bench/validate-bench.ts
if (process.argv[1]?.endsWith('validate-bench.ts')) await runValidateBench();
