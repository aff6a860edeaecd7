import * as core from '@actions/core';

const masked = new Set<string>();

/** Tells the runner to hide a secret in every log line; once per value, however many modules receive it. */
export function maskSecret(value: string): void {
  if (value === '' || masked.has(value)) return;
  masked.add(value);
  core.setSecret(value);
}
