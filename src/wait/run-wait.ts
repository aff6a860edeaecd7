import type { ConfigFile } from '../config/load-config.js';
import type { GitHubAccess } from '../github/github-connection.js';
import { openConfigRepo } from '../repo/open-config-repo.js';
import type { GitHubTarget, RunContext } from '../types.js';
import type { WaitInputs } from './wait-inputs.js';
import type { WaitOutcome } from './wait-report.js';
import { resolveWaitTargets } from './wait-targets.js';

export interface WaitContext {
  /** The config repo on GitHub, for commits the checkout lacks (the compare API). */
  target: GitHubTarget;
  github: GitHubAccess;
  configFile: ConfigFile;
  run: RunContext;
}

/**
 * Blocks until every object runs the expected commit and is healthy, or one
 * will not, or the timeout passes; the outcome says which (report() fails the
 * step on it). The deployment, when recorded, is finished here. What can
 * refuse the inputs (the config repo opened, the objects resolved) comes first,
 * before the modules of the wait itself are loaded.
 */
export async function runWait(inputs: WaitInputs, context: WaitContext): Promise<WaitOutcome> {
  const started = Date.now();
  const opened = await openConfigRepo(inputs.location, { branch: '', push: false, readOnly: true, github: context.github, configFile: context.configFile });
  await opened.repo.dispose();
  const targets = resolveWaitTargets(inputs, opened.config);
  // Everything past this point (controllers' clients, Octokit, the followers) loads once the inputs have named the objects.
  const { waitForObjects } = await import('./wait-for-objects.js');
  return waitForObjects(targets, opened.snapshot.root, inputs, context, started);
}
