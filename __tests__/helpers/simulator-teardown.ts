import { expect } from '@jest/globals';
import type { ArgoCdSimulator } from '../../test-infra/simulators/argocd/index.js';
import type { GitHubSimulator } from '../../test-infra/simulators/github/index.js';
import type { ConfigRepo } from './git-fixtures.js';

export interface SimulatedWorld {
  argo?: ArgoCdSimulator;
  github?: GitHubSimulator;
  repo?: ConfigRepo;
}

/**
 * Ends a test that ran against simulators: fails when any request or answer
 * broke the real service's contract, then closes everything it was given.
 */
export async function closeSimulatedWorld(world: SimulatedWorld): Promise<void> {
  try {
    if (world.argo) expect(world.argo.contractViolations).toEqual([]);
    world.github?.assertContractClean();
  } finally {
    await world.argo?.close();
    await world.github?.close();
    world.repo?.cleanup();
  }
}
