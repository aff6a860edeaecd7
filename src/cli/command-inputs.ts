/**
 * Which action inputs each command reads, in groups a reader can scan, for
 * `gitops-promote <command> --help`. Read off each command's input readers
 * (src/commands/*, the readers in src/inputs, src/controllers/wait-inputs.ts,
 * src/drift/drift-inputs.ts, src/validate/validation-settings.ts,
 * src/promote/pull-request-inputs.ts, src/github/github-connection.ts,
 * src/repo/open-config-repo.ts, src/config/load-config.ts). A unit test holds
 * it to action.yml: every input is some command's, and every name here is an input.
 */

export interface InputGroup {
  title: string;
  inputs: readonly string[];
}

export interface CommandInputs {
  /** One line for `gitops-promote --help`. */
  summary: string;
  groups: readonly InputGroup[];
}

const VALIDATION: readonly string[] = [
  'kubernetes-version',
  'strict',
  'ignore-missing-schemas',
  'kustomize-args',
  'schema-locations',
  'protected',
  'require-digest',
];
const PULL_REQUEST: readonly string[] = ['landing', 'reviewers', 'team-reviewers', 'labels', 'assignees', 'draft', 'auto-merge', 'merge-method'];
const COMMIT: readonly string[] = ['commit-message', 'author-name', 'author-email'];
const ARGO_CONNECTION: readonly string[] = ['argocd-server', 'argocd-token', 'argocd-username', 'argocd-password', 'argocd-ca', 'argocd-insecure'];

export const COMMAND_INPUTS: Readonly<Record<string, CommandInputs>> = {
  'set-image': {
    summary:
      'Set images in overlays (as kustomize edit set image does) and in the other pins (Argo CD Applications, Helm values, HelmReleases, setter ' +
      'comments), check the render, and land the change as a commit or a pull request.',
    groups: [
      { title: 'What to set', inputs: ['images', 'overlays', 'environment'] },
      { title: 'Pins besides overlays', inputs: ['helm-values', 'helm-release', 'argocd-application', 'argocd-helm-parameters', 'image-setters'] },
      { title: 'Where the config repo is', inputs: ['path', 'repository', 'branch', 'config'] },
      { title: 'Checks', inputs: ['allow-downgrade', 'allow-tags', 'verify-render', 'validate', 'override-hold'] },
      { title: 'The commit', inputs: [...COMMIT, 'push', 'dry-run'] },
      { title: 'Landing by pull request', inputs: PULL_REQUEST },
      { title: 'Validation (with validate: true)', inputs: VALIDATION },
      { title: 'GitHub', inputs: ['token'] },
    ],
  },
  promote: {
    summary: "Open or update the promotion pull request that carries one environment's images into the next.",
    groups: [
      { title: 'What to promote', inputs: ['from', 'to', 'apps', 'source-repository'] },
      { title: 'Where the config repo is', inputs: ['path', 'repository', 'branch', 'config'] },
      { title: 'Checks', inputs: ['verify-render', 'validate', 'override-hold'] },
      { title: 'The commit', inputs: [...COMMIT, 'dry-run'] },
      { title: 'Landing', inputs: PULL_REQUEST },
      { title: 'Gates (the target environment’s gates: in the config)', inputs: ['fail-on-pending', 'controller'] },
      { title: 'Gates: Argo CD', inputs: ARGO_CONNECTION },
      { title: 'Gates: Flux', inputs: ['kubeconfig', 'kube-context', 'flux-kind', 'flux-namespace'] },
      { title: 'Validation (with validate: true)', inputs: VALIDATION },
      { title: 'GitHub', inputs: ['token'] },
    ],
  },
  rollback: {
    summary: "Write an environment's earlier images back (the previous ones, a commit's, a date's, or app=version) and put a hold on it.",
    groups: [
      { title: 'What to roll back', inputs: ['environment', 'to', 'reason', 'hold-until'] },
      { title: 'Where the config repo is', inputs: ['path', 'repository', 'branch', 'config'] },
      { title: 'Checks', inputs: ['verify-render', 'validate'] },
      { title: 'The commit', inputs: ['author-name', 'author-email', 'dry-run'] },
      { title: 'Landing', inputs: PULL_REQUEST },
      { title: 'Validation (with validate: true)', inputs: VALIDATION },
      { title: "The PR body's controller state: Argo CD", inputs: ARGO_CONNECTION },
      { title: "The PR body's controller state", inputs: ['controller', 'kubeconfig', 'kube-context', 'flux-kind', 'flux-namespace'] },
      { title: 'GitHub', inputs: ['token'] },
    ],
  },
  release: {
    summary: "Remove an environment's hold (the file a rollback put), by a commit or a pull request as the environment lands.",
    groups: [
      { title: 'What to release', inputs: ['environment', 'reason'] },
      { title: 'Where the config repo is', inputs: ['path', 'repository', 'branch', 'config'] },
      { title: 'The commit', inputs: ['author-name', 'author-email', 'dry-run'] },
      { title: 'Landing', inputs: PULL_REQUEST },
      { title: 'GitHub', inputs: ['token'] },
    ],
  },
  validate: {
    summary: 'Render overlays with kustomize and check every resource against Kubernetes schemas and the image policy.',
    groups: [
      { title: 'What to validate', inputs: ['path', 'overlays', 'environment', 'config', 'changed-only', 'base-ref', 'shard'] },
      { title: 'Validation', inputs: VALIDATION },
      { title: 'Server dry-run', inputs: ['server-dry-run', 'kubeconfig', 'kube-context'] },
      { title: 'Report', inputs: ['junit-file', 'report-file'] },
    ],
  },
  wait: {
    summary: 'Block until Argo CD or Flux runs the config-repo commit and the apps are healthy.',
    groups: [
      { title: 'What to wait for', inputs: ['revision', 'environment', 'apps', 'controller', 'path', 'config'] },
      { title: 'How long', inputs: ['timeout', 'fail-fast', 'degraded-grace'] },
      { title: 'Controller: Argo CD', inputs: [...ARGO_CONNECTION, 'argocd-app', 'argocd-refresh', 'argocd-sync', 'argocd-watch'] },
      { title: 'Controller: Flux', inputs: ['kubeconfig', 'kube-context', 'flux-kind', 'flux-name', 'flux-namespace', 'flux-reconcile'] },
      { title: 'GitHub', inputs: ['repository', 'token', 'deployment', 'environment-url', 'comment-on-pr'] },
    ],
  },
  'drift-check': {
    summary: 'Report environments whose cluster differs from git, and version skew between environments, in one tracking issue.',
    groups: [
      { title: 'What to check', inputs: ['environment', 'apps', 'max-skew', 'stale-after', 'shard'] },
      { title: 'Where the config repo is', inputs: ['path', 'repository', 'config'] },
      { title: 'Report', inputs: ['issue', 'fail-on-drift', 'report-file'] },
      { title: 'Controller: Argo CD', inputs: ARGO_CONNECTION },
      { title: 'Controller', inputs: ['controller'] },
      { title: 'Controller: Flux', inputs: ['kubeconfig', 'kube-context', 'flux-kind', 'flux-namespace'] },
      { title: 'GitHub', inputs: ['token'] },
    ],
  },
  'merge-reports': {
    summary: "Combine the report files of validate or drift-check shards (a matrix) into one summary, one verdict and the command's outputs.",
    groups: [
      { title: 'The shards', inputs: ['reports'] },
      { title: 'validate shards', inputs: ['junit-file'] },
      { title: 'drift-check shards', inputs: ['issue', 'fail-on-drift'] },
      { title: 'GitHub (the tracking issue)', inputs: ['repository', 'token'] },
    ],
  },
  'check-setup': {
    summary: 'Check what the token may do on the config repo, and what the promotion config needs of it.',
    groups: [
      { title: 'The config repo on GitHub', inputs: ['repository', 'config'] },
      { title: 'GitHub', inputs: ['token'] },
    ],
  },
};

/** What the CLI falls back to where action.yml's default is a `${{ }}` expression the CLI cannot evaluate. */
export const CLI_FALLBACKS: Readonly<Record<string, string>> = {
  token: '$GITHUB_TOKEN, else $GH_TOKEN',
  repository: '$GITHUB_REPOSITORY',
};
