import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { maskSecret } from '../log/mask-secret.js';

/**
 * The kubeconfig input as a file kubectl can read: masked in the log, written
 * 0600 into a fresh private folder, and removed when `work` is done, whatever
 * happens.
 */
export async function withKubeconfigFile<T>(kubeconfig: string, tempDir: string, work: (file: string) => Promise<T>): Promise<T> {
  maskKubeconfig(kubeconfig);
  const folder = await mkdtemp(join(tempDir, 'gitops-promote-kube-'));
  const file = join(folder, 'kubeconfig');
  try {
    await writeFile(file, kubeconfig, { mode: 0o600 });
    return await work(file);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

const SECRET_FIELDS = /^\s*-?\s*(token|client-key-data|client-certificate-data|password|username|id-token|refresh-token|access-token|client-secret)\s*:\s*(\S+)\s*$/;

/** The whole file, and every credential value on its own (the runner matches a masked value line by line). */
export function maskKubeconfig(kubeconfig: string): void {
  maskSecret(kubeconfig);
  for (const line of kubeconfig.split(/\r?\n/)) {
    const match = SECRET_FIELDS.exec(line);
    if (match) maskSecret(match[2]!.replace(/^["']|["']$/g, ''));
  }
}
