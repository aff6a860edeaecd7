import { describe, expect, test } from '@jest/globals';
import { fieldPointer, judgeError, splitErrors } from '../../src/validate/server-dry-run.js';

const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'shop' },
  spec: { replicas: -1, template: { spec: { containers: [{ imagee: 'x' }] } } },
};
const namespace = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } };
const crd = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'widgets.example.com' },
  spec: { group: 'example.com', names: { kind: 'Widget' }, versions: [{ name: 'v1' }] },
};

describe('kubectl stderr → findings', () => {
  test('splits blocks and drops warnings', () => {
    const stderr = [
      'Warning: resource namespaces/shop is missing the kubectl.kubernetes.io/last-applied-configuration annotation',
      'Error from server (NotFound): error when creating "STDIN": namespaces "shop" not found',
      'resource mapping not found for name: "blue" namespace: "" from "STDIN": no matches for kind "Widget" in version "example.com/v1"',
      'ensure CRDs are installed first',
      'The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    ].join('\n');
    expect(splitErrors(stderr)).toEqual([
      'Error from server (NotFound): error when creating "STDIN": namespaces "shop" not found',
      'resource mapping not found for name: "blue" namespace: "" from "STDIN": no matches for kind "Widget" in version "example.com/v1"\n' +
        'ensure CRDs are installed first',
      'The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    ]);
  });

  test.each([
    {
      block: 'Error from server (NotFound): error when creating "STDIN": namespaces "shop" not found',
      objects: [deployment, namespace],
      severity: 'notice',
      resource: undefined,
    },
    {
      block: 'Error from server (NotFound): error when creating "STDIN": namespaces "shop" not found',
      objects: [deployment],
      severity: 'error',
      resource: undefined,
    },
    {
      block: 'resource mapping not found for name: "blue" namespace: "" from "STDIN": no matches for kind "Widget" in version "example.com/v1"',
      objects: [crd],
      severity: 'notice',
      resource: undefined,
    },
    {
      block: 'resource mapping not found for name: "blue" namespace: "" from "STDIN": no matches for kind "Widget" in version "example.com/v2"',
      objects: [crd],
      severity: 'error',
      resource: undefined,
    },
    {
      block: 'Error from server (BadRequest): error when creating "STDIN": admission webhook "p.example.com" does not support dry run',
      objects: [deployment],
      severity: 'notice',
      resource: undefined,
    },
    {
      block: 'The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      objects: [deployment],
      severity: 'error',
      resource: 'Deployment/shop/web',
    },
    {
      block:
        'Error from server (BadRequest): error when creating "STDIN": Deployment in version "v1" cannot be handled as a Deployment: ' +
        'strict decoding error: unknown field "spec.template.spec.containers[0].imagee"',
      objects: [deployment, { ...deployment, metadata: { name: 'other' }, spec: {} }],
      severity: 'error',
      resource: 'Deployment/shop/web',
    },
  ])('$severity: $block', ({ block, objects, severity, resource }) => {
    const judged = judgeError(block, objects);
    expect(judged.finding.severity).toBe(severity);
    expect(judged.resource).toBe(resource);
  });

  test.each([
    ['The Deployment "web" is invalid: spec.replicas: Invalid value: -1', '/spec/replicas'],
    ['strict decoding error: unknown field "spec.template.spec.containers[0].imagee"', '/spec/template/spec/containers/0/imagee'],
    ['namespaces "shop" not found', undefined],
  ])('fieldPointer(%s) = %s', (block, pointer) => {
    expect(fieldPointer(block)).toBe(pointer);
  });
});
