import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { maskKubeconfig } from '../log/mask-secret.js';

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
