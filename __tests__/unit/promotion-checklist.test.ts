import { describe, expect, test } from '@jest/globals';
import type { Verified } from '../../src/checks/check-edits.js';
import { parsePromotionConfig } from '../../src/config/parse-promotion-config.js';
import { checklist } from '../../src/promote/promotion-body.js';

const [staging] = parsePromotionConfig(['environments:', '  - {name: staging, overlays: a}'].join('\n')).environments;
const RENDER = 'Every promoted image renders in the target overlays (kustomize build)';

describe('the render item of the checklist', () => {
  test.each<[string, Verified, { checked: boolean; note?: string }]>([
    ['rendered: ticked', { render: true, validation: false }, { checked: true }],
    ['not checked by this run', { render: false, validation: false }, { checked: false, note: 'not checked by this run' }],
    [
      // A pin checked only by reading its file (helm not on PATH) passed with a warning: the box does not claim a render.
      'a pin checked without a render: not ticked, naming it',
      { render: false, validation: false, renderNote: "helm-values: environments/staging/values.yaml: checked without a render; see the run's warnings" },
      { checked: false, note: "helm-values: environments/staging/values.yaml: checked without a render; see the run's warnings" },
    ],
  ])('%s', (_name, verified, expected) => {
    const item = checklist(staging, verified).find((entry) => entry.text === RENDER);
    expect(item).toMatchObject(expected);
  });
});
