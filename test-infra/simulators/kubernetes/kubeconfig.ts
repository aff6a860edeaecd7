/** Kubeconfig YAML pointing at the simulator, with a bearer token or a client certificate. */
import { stringify } from 'yaml';

export interface KubeconfigOptions {
  server: string;
  caPem?: string;
  /** Skip TLS verification instead of trusting the CA. */
  insecure?: boolean;
  token?: string;
  clientCertPem?: string;
  clientKeyPem?: string;
  namespace?: string;
  contextName?: string;
}

const b64 = (s: string): string => Buffer.from(s).toString('base64');

export function buildKubeconfig(o: KubeconfigOptions): string {
  const name = o.contextName ?? 'simulator';
  const cluster: Record<string, unknown> = { server: o.server };
  if (o.insecure) cluster['insecure-skip-tls-verify'] = true;
  else if (o.caPem) cluster['certificate-authority-data'] = b64(o.caPem);
  const user: Record<string, unknown> = {};
  if (o.token) user.token = o.token;
  if (o.clientCertPem && o.clientKeyPem) {
    user['client-certificate-data'] = b64(o.clientCertPem);
    user['client-key-data'] = b64(o.clientKeyPem);
  }
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name, cluster }],
    users: [{ name, user }],
    contexts: [{ name, context: { cluster: name, user: name, namespace: o.namespace ?? 'flux-system' } }],
    'current-context': name,
  });
}
