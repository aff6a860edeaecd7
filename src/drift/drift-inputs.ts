import { InputError } from '../errors.js';
import { readBoolean, readDuration, readList, readString } from '../inputs/read-inputs.js';
import { inputVariableName } from '../cli/parse-cli-args.js';
import { readWaitInputs, type ArgoInputs, type FluxInputs } from '../controllers/wait-inputs.js';
import { readRepoLocation, type RepoLocation } from '../repo/open-config-repo.js';
import { readToken } from '../github/github-connection.js';
import type { WorkflowSettings } from '../inputs/environment-settings.js';

export const DEFAULT_ISSUE_LABEL = 'gitops-drift';

/** Everything drift-check reads; the controller and GitHub inputs are the ones `wait` reads. */
export interface DriftInputs {
  /** A checkout (path), or the repository through the GitHub API when path is empty. */
  location: RepoLocation;
  environments: string[];
  apps: string[];
  /** The tracking issue's label; '' turns the tracking issue off. */
  issueLabel: string;
  failOnDrift: boolean;
  maxSkew: string;
  staleAfterMs: number;
  argocd: ArgoInputs;
  flux: FluxInputs;
  /** controller, flux-kind and flux-namespace as the workflow set them. */
  controllerSettings: WorkflowSettings;
  token: string;
  /** owner/name of the config repo on GitHub (default the workflow's repository). */
  repository: string;
}

export function readDriftInputs(env: NodeJS.ProcessEnv = process.env): DriftInputs {
  const wait = readWaitInputs();
  const repository = wait.repository || env.GITHUB_REPOSITORY || '';
  if (repository && !/^[^/\s]+\/[^/\s]+$/.test(repository)) throw new InputError('repository', `'${repository}' is not owner/name.`);
  return {
    location: readRepoLocation(env),
    environments: readList('environment'),
    apps: readList('apps'),
    issueLabel: readIssueLabel(env),
    failOnDrift: readBoolean('fail-on-drift', false),
    maxSkew: readString('max-skew'),
    staleAfterMs: readDuration('stale-after', '10m'),
    argocd: wait.argocd,
    flux: wait.flux,
    controllerSettings: wait.settings,
    token: readToken(env),
    repository,
  };
}

/**
 * `issue` defaults to gitops-drift, and an empty value turns the issue off. The
 * runner sets INPUT_ISSUE from action.yml's default, so only an explicit
 * `issue: ''` arrives empty; the CLI (no action.yml) leaves it unset.
 */
function readIssueLabel(env: NodeJS.ProcessEnv): string {
  const raw = env[inputVariableName('issue')];
  if (raw === undefined) return DEFAULT_ISSUE_LABEL;
  const label = raw.trim();
  if (label.includes(',')) throw new InputError('issue', `'${label}' must be one label (no commas).`);
  return label;
}
