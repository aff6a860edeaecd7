import { describe, expect, test } from '@jest/globals';
import { groupedWarnings, namePins } from '../../src/checks/check-edits.js';
import type { Pin } from '../../src/types.js';

const pin = (file: string): Pin => ({ kind: 'helm-values', file, images: [], digestInTag: false });
const NO_HELM = 'helm is not on PATH, so charts/web was not templated with the edited values: that the chart prints them into an image is not verified.';
const effect = (file: string, ...warnings: string[]) => ({ pin: pin(file), warnings: warnings.map((warning) => `helm-values: ${file}: ${warning}`) });

describe("the pins' warnings, one line per thing not verified", () => {
  test.each<[string, Array<{ pin: Pin; warnings: string[] }>, string[]]>([
    ['one pin', [effect('a.yaml', NO_HELM)], [`helm-values: a.yaml: ${NO_HELM}`]],
    [
      'three pins share it: each named',
      ['a', 'b', 'c'].map((name) => effect(`${name}.yaml`, NO_HELM)),
      [`helm-values: a.yaml, helm-values: b.yaml and helm-values: c.yaml: ${NO_HELM}`],
    ],
    [
      'a thousand pins: three named, the rest counted',
      Array.from({ length: 1000 }, (_, index) => effect(`t${index}.yaml`, NO_HELM)),
      [`helm-values: t0.yaml, helm-values: t1.yaml, helm-values: t2.yaml and 997 more pins: ${NO_HELM}`],
    ],
    [
      'different warnings stay apart',
      [effect('a.yaml', NO_HELM), effect('b.yaml', 'the chart is not in this repository.')],
      [`helm-values: a.yaml: ${NO_HELM}`, 'helm-values: b.yaml: the chart is not in this repository.'],
    ],
    ['a warning that does not start with its pin is kept as it is', [{ pin: pin('a.yaml'), warnings: ['something else'] }], ['something else']],
  ])('%s', (_name, effects, lines) => {
    expect(groupedWarnings(effects)).toEqual(lines);
  });

  test.each<[string[], string]>([
    [['a'], 'a'],
    [['a', 'b'], 'a and b'],
    [['a', 'b', 'c', 'd', 'e'], 'a, b, c and 2 more pins'],
  ])('namePins %j', (labels, text) => {
    expect(namePins(labels)).toBe(text);
  });
});
