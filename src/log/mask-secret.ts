import * as core from '@actions/core';

const masked = new Set<string>();

/** Tells the runner to hide a secret in every log line; once per value, however many modules receive it. */
export function maskSecret(value: string): void {
  if (value === '' || masked.has(value)) return;
  masked.add(value);
  core.setSecret(value);
}

const SECRET_FIELDS =
  /^\s*-?\s*(token|client-key-data|client-certificate-data|password|username|id-token|refresh-token|access-token|client-secret)\s*:\s*(\S+)\s*$/;

/** The whole file, and every credential value on its own (the runner matches a masked value line by line). */
export function maskKubeconfig(kubeconfig: string): void {
  maskSecret(kubeconfig);
  for (const line of kubeconfig.split(/\r?\n/)) {
    const match = SECRET_FIELDS.exec(line);
    if (match) maskSecret(match[2].replace(/^["']|["']$/g, ''));
  }
}
