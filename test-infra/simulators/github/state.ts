// The simulator's memory: configured repositories, users, teams and tokens, and the issues, pull requests,
// labels, comments and deployments created through the API. Git content itself lives in the bare repositories.
import { GitStore } from './git-store.js';

export type Permission = 'read' | 'triage' | 'write' | 'maintain' | 'admin';

export interface SimulatorRepoOptions {
  owner: string;
  name: string;
  /** Path of an existing bare repository. */
  path: string;
  defaultBranch?: string;
  /** Private repositories are invisible (404) to tokens without access. Default true. */
  private?: boolean;
  /** Repository setting "Allow auto-merge". GitHub's default is false. */
  allowAutoMerge?: boolean;
  allowMergeCommit?: boolean;
  allowSquashMerge?: boolean;
  allowRebaseMerge?: boolean;
  /** Actions setting "Allow GitHub Actions to create and approve pull requests". GitHub's default is false. */
  canApprovePullRequestReviews?: boolean;
  /** Actions setting "Workflow permissions". GitHub's default for new repositories is read. */
  defaultWorkflowPermissions?: 'read' | 'write';
  /** Users with access beyond the token users (who get their token's permission). */
  collaborators?: Record<string, Permission>;
}

export interface SimulatorUserOptions {
  login: string;
  type?: 'User' | 'Bot' | 'Organization';
  name?: string;
  email?: string;
}

export interface SimulatorTeamOptions {
  org: string;
  slug: string;
  name?: string;
  members?: string[];
  /** `owner/name` of repositories the team can access; default all repositories of `org`. */
  repos?: string[];
}

export interface SimulatorTokenOptions {
  token: string;
  login: string;
  /** Repository permission the token grants on every repository it can reach. Default write. */
  permission?: Permission;
  /** Marks the token as an Actions GITHUB_TOKEN scoped to this `owner/name`: other repositories refuse it. */
  actionsRepository?: string;
  /** False for tokens that cannot read organization teams (GITHUB_TOKEN, fine-grained tokens without members:read). Default true. */
  canReadOrgTeams?: boolean;
}

export interface UserRecord {
  login: string;
  id: number;
  type: 'User' | 'Bot' | 'Organization';
  name: string;
  email: string;
}

export interface LabelRecord {
  id: number;
  name: string;
  color: string;
  description: string | null;
  isDefault: boolean;
}

export interface AutoMergeRecord {
  mergeMethod: 'merge' | 'squash' | 'rebase';
  enabledBy: string;
  commitTitle: string;
  commitMessage: string;
}

export interface PullFields {
  /** Pull requests have their own id and node id, apart from their issue's id. */
  id: number;
  nodeId: string;
  headRef: string;
  baseRef: string;
  draft: boolean;
  maintainerCanModify: boolean;
  merged: boolean;
  mergedAt: string | null;
  mergedBy: string | null;
  mergeCommitSha: string | null;
  /** Head and base SHAs frozen when the pull request is closed or merged (open ones read git live). */
  frozenHeadSha?: string;
  frozenBaseSha?: string;
  requestedReviewers: string[];
  requestedTeams: string[];
  autoMerge: AutoMergeRecord | null;
}

export interface IssueRecord {
  number: number;
  id: number;
  nodeId: string;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  stateReason: 'completed' | 'not_planned' | 'reopened' | 'duplicate' | null;
  user: string;
  labels: string[];
  assignees: string[];
  locked: boolean;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  pull?: PullFields;
}

export interface CommentRecord {
  id: number;
  nodeId: string;
  issueNumber: number;
  body: string;
  user: string;
  createdAt: string;
  updatedAt: string;
}

export interface DeploymentRecord {
  id: number;
  nodeId: string;
  sha: string;
  ref: string;
  task: string;
  environment: string;
  description: string | null;
  payload: Record<string, unknown> | string;
  creator: string;
  transient: boolean;
  production: boolean;
  createdAt: string;
  updatedAt: string;
  statuses: DeploymentStatusRecord[];
}

export interface DeploymentStatusRecord {
  id: number;
  nodeId: string;
  state: string;
  description: string;
  environment: string;
  targetUrl: string;
  logUrl: string;
  environmentUrl: string;
  creator: string;
  createdAt: string;
  updatedAt: string;
}

/** One commit status, as `repos/create-commit-status` made it. */
export interface CommitStatusRecord {
  id: number;
  nodeId: string;
  sha: string;
  state: 'error' | 'failure' | 'pending' | 'success';
  description: string | null;
  targetUrl: string | null;
  context: string;
  creator: string;
  createdAt: string;
}

export interface RepoState {
  id: number;
  nodeId: string;
  owner: string;
  name: string;
  fullName: string;
  options: Required<Omit<SimulatorRepoOptions, 'collaborators'>> & { collaborators: Record<string, Permission> };
  git: GitStore;
  issues: Map<number, IssueRecord>;
  nextNumber: number;
  labels: Map<string, LabelRecord>;
  comments: CommentRecord[];
  deployments: DeploymentRecord[];
  /** Commit statuses, oldest first. */
  statuses: CommitStatusRecord[];
  createdAt: string;
}

export interface TokenRecord extends Required<Omit<SimulatorTokenOptions, 'actionsRepository'>> {
  actionsRepository?: string;
}

/** GitHub timestamps are second-precision ISO 8601 in UTC. */
export function now(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export class SimulatorState {
  readonly repos = new Map<string, RepoState>();
  readonly users = new Map<string, UserRecord>();
  readonly teams: Array<SimulatorTeamOptions & { id: number }> = [];
  readonly tokens = new Map<string, TokenRecord>();
  private nextId = 1000;

  constructor(options: { repos: SimulatorRepoOptions[]; users?: SimulatorUserOptions[]; teams?: SimulatorTeamOptions[]; tokens: SimulatorTokenOptions[] }) {
    for (const t of options.tokens) {
      this.tokens.set(t.token, { permission: 'write', canReadOrgTeams: true, ...t });
      this.addUser({ login: t.login, type: t.login.endsWith('[bot]') ? 'Bot' : 'User' });
    }
    for (const u of options.users ?? []) this.addUser(u);
    for (const r of options.repos) this.addRepo(r);
    for (const t of options.teams ?? []) this.teams.push({ ...t, id: this.newId() });
  }

  newId(): number {
    this.nextId += 1;
    return this.nextId;
  }

  addUser(u: SimulatorUserOptions): UserRecord {
    const existing = this.users.get(u.login.toLowerCase());
    if (existing) return existing;
    const record: UserRecord = {
      login: u.login,
      id: this.newId(),
      type: u.type ?? 'User',
      name: u.name ?? u.login,
      email: u.email ?? `${u.login.replace(/\[bot\]$/, '')}@users.noreply.github.com`,
    };
    this.users.set(u.login.toLowerCase(), record);
    return record;
  }

  user(login: string): UserRecord | undefined {
    return this.users.get(login.toLowerCase());
  }

  addRepo(r: SimulatorRepoOptions): RepoState {
    this.addUser({ login: r.owner, type: 'Organization' });
    const id = this.newId();
    const repo: RepoState = {
      id,
      nodeId: nodeId('R_kgDO', id),
      owner: r.owner,
      name: r.name,
      fullName: `${r.owner}/${r.name}`,
      options: {
        defaultBranch: 'main',
        private: true,
        allowAutoMerge: false,
        allowMergeCommit: true,
        allowSquashMerge: true,
        allowRebaseMerge: true,
        canApprovePullRequestReviews: false,
        defaultWorkflowPermissions: 'read',
        ...r,
        collaborators: { ...(r.collaborators ?? {}) },
      },
      git: new GitStore(r.path),
      issues: new Map(),
      nextNumber: 1,
      labels: new Map(),
      comments: [],
      deployments: [],
      statuses: [],
      createdAt: now(),
    };
    for (const login of Object.keys(repo.options.collaborators)) this.addUser({ login });
    this.repos.set(repo.fullName.toLowerCase(), repo);
    return repo;
  }

  repo(owner: string, name: string): RepoState | undefined {
    return this.repos.get(`${owner}/${name}`.toLowerCase());
  }

  /** Permission a user holds on a repository (token users get their token's permission). */
  permissionOf(repo: RepoState, login: string): Permission | undefined {
    const direct = Object.entries(repo.options.collaborators).find(([l]) => l.toLowerCase() === login.toLowerCase());
    if (direct) return direct[1];
    const token = [...this.tokens.values()].find((t) => t.login.toLowerCase() === login.toLowerCase() && canReach(t, repo));
    return token?.permission;
  }

  teamsWithAccess(repo: RepoState): Array<SimulatorTeamOptions & { id: number }> {
    return this.teams.filter(
      (t) => t.org.toLowerCase() === repo.owner.toLowerCase() && (!t.repos || t.repos.some((r) => r.toLowerCase() === repo.fullName.toLowerCase())),
    );
  }
}

/** An Actions GITHUB_TOKEN reaches only its own repository; other tokens reach all configured repositories. */
export function canReach(token: TokenRecord, repo: RepoState): boolean {
  return !token.actionsRepository || token.actionsRepository.toLowerCase() === repo.fullName.toLowerCase();
}

export function canWrite(permission: Permission): boolean {
  return permission === 'write' || permission === 'maintain' || permission === 'admin';
}

/** GitHub's newer global node IDs: a type prefix and an opaque base64url payload. */
export function nodeId(prefix: string, ...parts: Array<string | number>): string {
  return prefix + Buffer.from(parts.join(':')).toString('base64url');
}
