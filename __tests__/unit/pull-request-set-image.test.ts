import { describe, expect, test } from '@jest/globals';
import { setImageBranchName, setImageMarker } from '../../src/set-image/set-image-pull-request.js';
import { unrenderedReason } from '../../src/promote/unrendered-entries.js';
import { buildSetImageBody, carriedArguments } from '../../src/set-image/set-image-pull-request-body.js';
import { VOLATILE_LINE } from '../../src/report/pull-request-body.js';

describe('set-image pull request names', () => {
  test.each([
    ['production', 'gitops-promote/set-image/production'],
    ['eu prod', 'gitops-promote/set-image/eu-prod'],
    ['..odd', 'gitops-promote/set-image/odd'],
  ])('%s → %s', (environment, branch) => {
    expect(setImageBranchName(environment)).toBe(branch);
  });

  test('a very long environment name stays under 255 characters and keeps a digest', () => {
    const name = setImageBranchName('x'.repeat(400));
    expect(name.length).toBeLessThanOrEqual(250);
    expect(name).toMatch(/-[0-9a-f]{12}$/);
  });

  test('the marker names the environment', () => {
    expect(setImageMarker('staging')).toBe('<!-- gitops-promote:set-image environment=staging -->');
  });
});

describe('set-image pull request body', () => {
  const base = {
    marker: setImageMarker('staging'),
    environment: 'staging',
    baseBranch: 'main',
    rows: [{ overlay: 'apps/web/overlays/staging', image: 'web', current: '', next: 'ghcr.io/acme/web:1.4.2' }],
    runUrl: 'https://x/run/1',
    checklist: [],
  };

  test.each([
    [['web=*:1.4.2'], ['web=*:1.4.2']],
    [
      ['web=*:1.4.2', 'api=ghcr.io/acme/api:2.0.0--rc'],
      ['web=*:1.4.2', 'api=ghcr.io/acme/api:2.0.0--rc'],
    ],
    [[], []],
  ])('carries %j and reads them back', (written, read) => {
    const body = buildSetImageBody({ ...base, arguments: written });
    expect(carriedArguments(body)).toEqual(read);
    // An HTML comment must not hold `--`, or GitHub would end it early and show the rest.
    const carried = body.split('\n').find((line) => line.startsWith('<!-- gitops-promote:set-image-arguments '))!;
    expect(carried.slice(5, -4)).not.toContain('--');
  });

  test.each([
    [undefined, []],
    ['no marker here', []],
    ['<!-- gitops-promote:set-image-arguments not json -->', []],
  ])('reads nothing from %j', (body, expected) => {
    expect(carriedArguments(body)).toEqual(expected);
  });

  test('the table, the run line (volatile) and the marker', () => {
    const body = buildSetImageBody({ ...base, arguments: ['web=*:1.4.2'] });
    expect(body).toContain('| `apps/web/overlays/staging` | `web` | _(new entry)_ | `ghcr.io/acme/web:1.4.2` |');
    expect(body).toContain(`https://x/run/1). ${VOLATILE_LINE}`);
    expect(body.trimEnd().endsWith(base.marker)).toBe(true);
  });
});

describe('not promoted: the reason of an unrendered entry', () => {
  test.each([['ghcr.io/acme/debug', 'apps/web/overlays/staging', '`ghcr.io/acme/debug`: `apps/web/overlays/staging` renders no image of that name']])(
    '%s in %s',
    (image, overlay, start) => {
      expect(unrenderedReason(image, overlay)).toMatch(new RegExp(`^${start.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    },
  );
});
