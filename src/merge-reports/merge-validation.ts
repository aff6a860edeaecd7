import type { ValidationReport } from '../validate/findings.js';
import { orderOf } from './key-order.js';

/**
 * The shards' validation reports as the one report an unsharded run would
 * have made: every overlay in the order the run found them (`keys`), valid
 * when every shard was. No I/O.
 */
export function mergeValidationReports(parts: readonly ValidationReport[], keys: readonly string[]): ValidationReport {
  const order = orderOf(keys);
  return {
    valid: parts.every((part) => part.valid),
    overlays: parts.flatMap((part) => part.overlays).sort((a, b) => order(a.overlay) - order(b.overlay)),
    kubernetesVersion: parts[0]?.kubernetesVersion ?? '',
    serverDryRun: parts.some((part) => part.serverDryRun),
  };
}
