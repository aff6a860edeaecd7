import type { ConfigFile } from '../config/load-config.js';
import type { GitHubAccess } from '../github/github-connection.js';
import { inConfigRepoToLand } from '../repo/open-config-repo.js';
import type { RunContext } from '../types.js';
import { resolvePromotionRoute } from './promotion-route.js';
import type { PromoteInputs, PromoteOutcome } from './promotion-types.js';

/** What promote needs besides its inputs: GitHub (reached only when needed), the config file, the run. */
export interface PromoteContext {
  github: GitHubAccess;
  configFile: ConfigFile;
  run: RunContext;
}

/** promote, from inputs to a promotion PR (or a commit); writes nothing when a check fails. */
export async function runPromotion(inputs: PromoteInputs, context: PromoteContext): Promise<PromoteOutcome> {
  return inConfigRepoToLand(
    inputs.location,
    {
      branch: inputs.branch,
      push: true,
      github: context.github,
      configFile: context.configFile,
      environmentBranch: (config) => (config ? resolvePromotionRoute(config, inputs.from, inputs.to).target.branch : undefined),
    },
    // The promotion's own modules (the plan, the render check, the gates, the PR) load once the repo is open:
    // an input the opening refuses (no checkout, no repository) costs no more than reading the inputs.
    async (opened) => (await import('./promote-in-repo.js')).promoteInRepo(inputs, context, opened),
  );
}
