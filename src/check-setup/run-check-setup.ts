import type { ConfigFile } from '../config/load-config.js';
import type { PromotionConfig } from '../config/promotion-config.js';
import { InputError } from '../errors.js';
import type { GitHubAccess, GitHubConnection } from '../github/github-connection.js';
import { statusOf } from '../github/request-errors.js';
import { gatherSetupFacts, judgeSetup, type SetupFinding, type SetupNeeds } from '../github/setup-checks.js';
import { connectConfigRepo } from '../repo/open-config-repo.js';
import { countOf } from '../text/wording.js';

export interface CheckSetupContext {
  github: GitHubAccess;
  configFile: ConfigFile;
}

export interface CheckSetupOutcome {
  repository: string;
  /** What was read of the promotion config, in one sentence. */
  configNote: string;
  findings: SetupFinding[];
}

/**
 * check-setup: what the token may do on the config repo, and what the
 * promotion config needs of it, judged from a few reads; writes nothing.
 */
export async function runCheckSetup(context: CheckSetupContext): Promise<CheckSetupOutcome> {
  const github = await context.github.connect();
  const config = await readConfigThroughApi(context, github);
  const needs: SetupNeeds = {
    pullRequests: config?.environments.some((env) => env.landing === 'pull-request') ?? true,
    autoMerge: config?.environments.some((env) => env.landing === 'pull-request' && env.pullRequest.autoMerge) ?? false,
    teamReviewers: [...new Set(config?.environments.flatMap((env) => env.pullRequest.teamReviewers) ?? [])],
    workflowRepository: github.workflowRepository,
  };
  const findings = judgeSetup(await gatherSetupFacts(github, needs), needs);
  const { file } = context.configFile;
  const configNote = config
    ? `Read the promotion config ${file} (${countOf(config.environments.length, 'environment')}).`
    : `No promotion config (${file}) on the default branch: checked as if changes land through pull requests.`;
  return { repository: github.repository, configNote, findings };
}

/**
 * The promotion config at the default branch, when the token can read it. A
 * config the input names must be there; the default one may be absent. When
 * the repo itself cannot be read, the findings say why.
 */
async function readConfigThroughApi(context: CheckSetupContext, github: GitHubConnection): Promise<PromotionConfig | undefined> {
  const { file, named } = context.configFile;
  const repo = await connectConfigRepo({ kind: 'github-api' }, context.github);
  let text: string | undefined;
  try {
    text = await repo.readFile(file);
  } catch (error) {
    if (statusOf(error) !== undefined) return undefined;
    throw error;
  }
  if (text === undefined) {
    if (named && (await repoIsVisible(github))) throw new InputError('config', `'${file}' does not exist in ${github.repository}.`);
    return undefined;
  }
  const { parsePromotionConfig } = await import('../config/parse-promotion-config.js');
  return parsePromotionConfig(text, file);
}

async function repoIsVisible(github: GitHubConnection): Promise<boolean> {
  try {
    await github.client.rest.repos.get({ owner: github.owner, repo: github.repo });
    return true;
  } catch {
    return false;
  }
}
