import { existsSync, readFileSync } from 'node:fs';
import { InputError } from '../../errors.js';
import type { ArgoCdConnection } from '../controller-settings.js';
import { ArgoCdClient, type ArgoCredentials } from './argocd-client.js';
import { maskSecret } from '../../log/mask-secret.js';

/** An Argo CD client from the argocd-* inputs, with every secret masked first. */
export function connectArgoCd(inputs: ArgoCdConnection): ArgoCdClient {
  if (!inputs.server) throw new InputError('argocd-server', 'is required to wait on Argo CD applications (for example https://argocd.example.com).');
  const server = parseServer(inputs.server);
  return new ArgoCdClient({ server, ca: readCa(inputs.ca), insecure: inputs.insecure }, credentials(inputs));
}

function parseServer(text: string): URL {
  const withScheme = /^[a-z]+:\/\//i.test(text) ? text : `https://${text}`;
  try {
    const url = new URL(withScheme);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('not http(s)');
    return url;
  } catch {
    throw new InputError('argocd-server', `'${text}' is not a URL such as https://argocd.example.com.`);
  }
}

function credentials(inputs: ArgoCdConnection): ArgoCredentials {
  if (inputs.token) {
    maskSecret(inputs.token);
    return { token: inputs.token };
  }
  if (inputs.username || inputs.password) {
    if (!inputs.username) throw new InputError('argocd-username', 'is required with argocd-password.');
    if (!inputs.password) throw new InputError('argocd-password', 'is required with argocd-username.');
    maskSecret(inputs.password);
    return { username: inputs.username, password: inputs.password };
  }
  throw new InputError('argocd-token', 'is required (an Argo CD API token), or argocd-username and argocd-password for a session.');
}

/** argocd-ca holds PEM text, or the path of a PEM file. */
function readCa(value: string): string | undefined {
  const text = value.trim();
  if (!text) return undefined;
  if (text.includes('-----BEGIN CERTIFICATE-----')) return text;
  if (existsSync(text)) return readFileSync(text, 'utf8');
  throw new InputError('argocd-ca', 'expected PEM certificate text (-----BEGIN CERTIFICATE-----) or the path of a PEM file.');
}
