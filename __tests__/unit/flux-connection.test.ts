import { describe, expect, test } from '@jest/globals';
import { KubeConfig } from '@kubernetes/client-node';
import { allowPlainHttpServers, withCauses } from '../../src/controllers/flux/flux-client.js';

const kubeconfig = (clusters: Array<{ name: string; server: string; insecure?: boolean }>): string =>
  JSON.stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: clusters.map(({ name, server, insecure }) => ({ name, cluster: { server, ...(insecure ? { 'insecure-skip-tls-verify': true } : {}) } })),
    users: [{ name: 'u', user: { token: 't' } }],
    contexts: clusters.map(({ name }) => ({ name, context: { cluster: name, user: 'u' } })),
    'current-context': clusters[0].name,
  });

describe('allowPlainHttpServers', () => {
  test.each([
    ['an http server (kubectl proxy) may be spoken to in plain HTTP', [{ name: 'proxy', server: 'http://127.0.0.1:8001' }], { proxy: true }],
    ['an https server keeps its certificate verification', [{ name: 'prod', server: 'https://k8s.example.com' }], { prod: false }],
    ['an https server marked insecure in the kubeconfig stays so', [{ name: 'lab', server: 'https://10.0.0.1:6443', insecure: true }], { lab: true }],
    [
      'only the http clusters of a mixed kubeconfig change',
      [
        { name: 'prod', server: 'https://k8s.example.com' },
        { name: 'proxy', server: 'http://localhost:8001' },
      ],
      { prod: false, proxy: true },
    ],
  ])('%s', (_title, clusters, skipTLSVerify) => {
    const config = new KubeConfig();
    config.loadFromString(kubeconfig(clusters));
    allowPlainHttpServers(config);
    expect(Object.fromEntries(config.clusters.map((cluster) => [cluster.name, cluster.skipTLSVerify]))).toEqual(skipTLSVerify);
    expect(config.getCurrentContext()).toBe(clusters[0].name);
    expect(config.getCurrentUser()?.token).toBe('t');
  });

  test('client-node then prepares requests to the http server instead of refusing it', async () => {
    const config = new KubeConfig();
    config.loadFromString(kubeconfig([{ name: 'proxy', server: 'http://127.0.0.1:8001' }]));
    await expect(config.applyToHTTPSOptions({})).rejects.toThrow('HTTP protocol is not allowed when skipTLSVerify is not set or false');
    allowPlainHttpServers(config);
    await config.applyToHTTPSOptions({});
  });
});

describe('withCauses', () => {
  test.each([
    [
      'fetch hides why in its cause',
      new Error('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:8001') }),
      'fetch failed: connect ECONNREFUSED 127.0.0.1:8001',
    ],
    ['a plain error', new Error('socket hang up'), 'socket hang up'],
    ['a repeated message is said once', new Error('boom', { cause: new Error('boom') }), 'boom'],
    ['a thrown string', 'refused', 'refused'],
  ])('%s', (_title, error, expected) => {
    expect(withCauses(error)).toBe(expected);
  });
});
