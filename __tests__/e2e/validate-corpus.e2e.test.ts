import { beforeAll, describe, expect, test } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT, requireBuiltBundle, runAction } from '../fixtures/validate/run-action.js';

/**
 * The built action over the renderable part of ../shared's kustomize corpus
 * (real kustomizations from public projects, read in place). Every item must
 * render; the real projects' manifests must pass; kustomize's own test inputs
 * (deliberately not valid Kubernetes) must give exactly the findings below.
 */

const CORPUS = join(PROJECT_ROOT, '..', 'shared', 'contracts', 'kustomize-corpus');
const available = existsSync(join(CORPUS, 'index.json'));
if (!available) {
  if (process.env.CI === 'true') throw new Error(`${CORPUS} is missing; under CI=true the shared contracts must be present.`);
  console.log(`Skipping the kustomize corpus tests: ${CORPUS} is absent (a clone outside the workplace).`);
}

interface CorpusItem {
  renderable: boolean;
  render_dir: string;
}

/** Genuine problems in kustomize's own test inputs and one upstream manifest, each checked by hand. */
const EXPECTED_ERRORS = [
  'kubeflow+manifests/applications/pipeline/upstream/third-party/prometheus image-reference ' +
    'kubeflow+manifests/applications/pipeline/upstream/third-party/prometheus/prometheus-deployment.yaml:19',
  'kubernetes-sigs+kustomize--go-tests/krusty-issue1281-jsonpatch-and-image-tag schema ' +
    'kubernetes-sigs+kustomize--go-tests/krusty-issue1281-jsonpatch-and-image-tag/deployment.yaml:18',
  'kubernetes-sigs+kustomize--go-tests/krusty-issue1281-jsonpatch-and-image-tag schema ' +
    'kubernetes-sigs+kustomize--go-tests/krusty-issue1281-jsonpatch-and-image-tag/deployment.yaml:6',
  'kubernetes-sigs+kustomize--go-tests/krusty-issue1281-jsonpatch-and-image-tag schema ' +
    'kubernetes-sigs+kustomize--go-tests/krusty-issue1281-jsonpatch-and-image-tag/patch.json:2',
  'kubernetes-sigs+kustomize--go-tests/krusty-issue1281-jsonpatch-and-image-tag schema ' +
    'kubernetes-sigs+kustomize--go-tests/krusty-issue1281-jsonpatch-and-image-tag/patch.json:4',
  'kubernetes-sigs+kustomize--go-tests/krusty-medium-overlay/overlay image-reference ' +
    'kubernetes-sigs+kustomize--go-tests/krusty-medium-overlay/overlay/deployment/deployment.yaml:20',
  'kubernetes-sigs+kustomize--go-tests/krusty-transformers-image-default/base image-reference ' +
    'kubernetes-sigs+kustomize--go-tests/krusty-transformers-image-default/base/deploy1.yaml:19',
  'kubernetes-sigs+kustomize--go-tests/krusty-transformers-image-default/base schema ' +
    'kubernetes-sigs+kustomize--go-tests/krusty-transformers-image-default/base/random.yaml:2',
  'kubernetes-sigs+kustomize/examples/transformerconfigs/images image-reference kubernetes-sigs+kustomize/examples/transformerconfigs/images/resources.yaml:10',
].sort();

(available ? describe : describe.skip)('validate over the kustomize corpus', () => {
  beforeAll(() => requireBuiltBundle());

  test('every renderable item renders, and only the known problems are reported, each at its file and line', async () => {
    const items = (JSON.parse(readFileSync(join(CORPUS, 'index.json'), 'utf8')) as { items: CorpusItem[] }).items;
    const overlays = [...new Set(items.filter((item) => item.renderable).map((item) => item.render_dir))].sort();
    expect(overlays.length).toBeGreaterThan(40);
    const run = await runAction({ path: CORPUS, overlays: overlays.join('\n'), 'ignore-missing-schemas': 'true' });
    const report = JSON.parse(run.outputs.report) as Array<{
      overlay: string;
      resources: number;
      errors: Array<{ rule: string; file: string; line: number }>;
    }>;
    expect(report).toHaveLength(overlays.length);
    const renderErrors = report.flatMap((entry) => entry.errors.filter((error) => error.rule === 'render').map(() => entry.overlay));
    expect(renderErrors).toEqual([]);
    expect(report.reduce((sum, entry) => sum + entry.resources, 0)).toBeGreaterThan(100);
    const errors = report.flatMap((entry) => entry.errors.map((error) => `${entry.overlay} ${error.rule} ${error.file}:${error.line}`)).sort();
    expect(errors).toEqual(EXPECTED_ERRORS);
    expect(run.outputs.valid).toBe('false');
    expect(run.status).toBe(1);
  });
});
