// Builds response objects in the shapes GitHub's OpenAPI description documents (simple-user, full-repository,
// label, issue, pull-request, …). URLs follow GitHub Enterprise Server's layout: API under /api/v3.
import type { GitCommitObject } from './git-store.js';
import type {
  CommentRecord,
  DeploymentRecord,
  DeploymentStatusRecord,
  IssueRecord,
  LabelRecord,
  Permission,
  RepoState,
  SimulatorState,
  UserRecord,
} from './state.js';
import { nodeId } from './state.js';

export interface Urls {
  /** REST base, e.g. http://127.0.0.1:8787/api/v3 */
  api: string;
  /** Web and git base, e.g. http://127.0.0.1:8787 */
  html: string;
}

export function renderUser(urls: Urls, u: UserRecord): Record<string, unknown> {
  const api = `${urls.api}/users/${encodeURIComponent(u.login)}`;
  return {
    login: u.login,
    id: u.id,
    node_id: nodeId(u.type === 'Bot' ? 'BOT_kgDO' : u.type === 'Organization' ? 'O_kgDO' : 'U_kgDO', u.id),
    avatar_url: `${urls.html}/avatars/u/${u.id}?v=4`,
    gravatar_id: '',
    url: api,
    // GitHub links a bot (login `name[bot]`) to its app's page; `[` `]` are not valid in a URI.
    html_url: /\[bot\]$/.test(u.login) ? `${urls.html}/apps/${u.login.replace(/\[bot\]$/, '')}` : `${urls.html}/${u.login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: u.type,
    user_view_type: 'public',
    site_admin: false,
  };
}

export function userByLogin(sim: SimulatorState, urls: Urls, login: string): Record<string, unknown> {
  return renderUser(urls, sim.user(login) ?? sim.addUser({ login }));
}

export function permissionFlags(permission: Permission | undefined): Record<string, boolean> {
  const rank = ['read', 'triage', 'write', 'maintain', 'admin'].indexOf(permission ?? '');
  return { admin: rank >= 4, maintain: rank >= 3, push: rank >= 2, triage: rank >= 1, pull: rank >= 0 };
}

/** A repository object satisfying both `repository` and `full-repository`. */
export function renderRepo(sim: SimulatorState, urls: Urls, repo: RepoState, permission?: Permission): Record<string, unknown> {
  const api = `${urls.api}/repos/${repo.fullName}`;
  const html = `${urls.html}/${repo.fullName}`;
  const o = repo.options;
  const open = [...repo.issues.values()].filter((i) => i.state === 'open').length;
  const host = new URL(urls.html).host;
  return {
    id: repo.id,
    node_id: repo.nodeId,
    name: repo.name,
    full_name: repo.fullName,
    owner: userByLogin(sim, urls, repo.owner),
    private: o.private,
    visibility: o.private ? 'private' : 'public',
    html_url: html,
    description: null,
    fork: false,
    url: api,
    ...Object.fromEntries(
      [
        ['archive_url', '/{archive_format}{/ref}'],
        ['assignees_url', '/assignees{/user}'],
        ['blobs_url', '/git/blobs{/sha}'],
        ['branches_url', '/branches{/branch}'],
        ['collaborators_url', '/collaborators{/collaborator}'],
        ['comments_url', '/comments{/number}'],
        ['commits_url', '/commits{/sha}'],
        ['compare_url', '/compare/{base}...{head}'],
        ['contents_url', '/contents/{+path}'],
        ['contributors_url', '/contributors'],
        ['deployments_url', '/deployments'],
        ['downloads_url', '/downloads'],
        ['events_url', '/events'],
        ['forks_url', '/forks'],
        ['git_commits_url', '/git/commits{/sha}'],
        ['git_refs_url', '/git/refs{/sha}'],
        ['git_tags_url', '/git/tags{/sha}'],
        ['hooks_url', '/hooks'],
        ['issue_comment_url', '/issues/comments{/number}'],
        ['issue_events_url', '/issues/events{/number}'],
        ['issues_url', '/issues{/number}'],
        ['keys_url', '/keys{/key_id}'],
        ['labels_url', '/labels{/name}'],
        ['languages_url', '/languages'],
        ['merges_url', '/merges'],
        ['milestones_url', '/milestones{/number}'],
        ['notifications_url', '/notifications{?since,all,participating}'],
        ['pulls_url', '/pulls{/number}'],
        ['releases_url', '/releases{/id}'],
        ['stargazers_url', '/stargazers'],
        ['statuses_url', '/statuses/{sha}'],
        ['subscribers_url', '/subscribers'],
        ['subscription_url', '/subscription'],
        ['tags_url', '/tags'],
        ['teams_url', '/teams'],
        ['trees_url', '/git/trees{/sha}'],
      ].map(([k, suffix]) => [k, api + suffix]),
    ),
    git_url: `git://${host}/${repo.fullName}.git`,
    ssh_url: `git@${host}:${repo.fullName}.git`,
    clone_url: `${html}.git`,
    svn_url: html,
    mirror_url: null,
    homepage: null,
    language: null,
    forks: 0,
    forks_count: 0,
    stargazers_count: 0,
    watchers_count: 0,
    watchers: 0,
    size: 0,
    default_branch: o.defaultBranch,
    open_issues: open,
    open_issues_count: open,
    is_template: false,
    topics: [],
    has_issues: true,
    has_projects: true,
    has_wiki: false,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: false,
    disabled: false,
    pushed_at: repo.createdAt,
    created_at: repo.createdAt,
    updated_at: repo.createdAt,
    ...(permission ? { permissions: permissionFlags(permission) } : {}),
    allow_rebase_merge: o.allowRebaseMerge,
    allow_squash_merge: o.allowSquashMerge,
    allow_merge_commit: o.allowMergeCommit,
    allow_auto_merge: o.allowAutoMerge,
    delete_branch_on_merge: false,
    allow_update_branch: false,
    use_squash_pr_title_as_default: false,
    allow_forking: true,
    web_commit_signoff_required: false,
    license: null,
    network_count: 0,
    subscribers_count: 0,
  };
}

export function renderLabel(urls: Urls, repo: RepoState, l: LabelRecord): Record<string, unknown> {
  return {
    id: l.id,
    node_id: nodeId('LA_kwDO', l.id),
    url: `${urls.api}/repos/${repo.fullName}/labels/${encodeURIComponent(l.name)}`,
    name: l.name,
    color: l.color,
    default: l.isDefault,
    description: l.description,
  };
}

export function issueLabels(urls: Urls, repo: RepoState, issue: IssueRecord): Record<string, unknown>[] {
  return issue.labels
    .map((n) => repo.labels.get(n.toLowerCase()))
    .filter((l): l is LabelRecord => !!l)
    .map((l) => renderLabel(urls, repo, l));
}

export function renderIssue(sim: SimulatorState, urls: Urls, repo: RepoState, issue: IssueRecord): Record<string, unknown> {
  const api = `${urls.api}/repos/${repo.fullName}/issues/${issue.number}`;
  const assignees = issue.assignees.map((a) => userByLogin(sim, urls, a));
  const out: Record<string, unknown> = {
    id: issue.id,
    node_id: issue.nodeId,
    url: api,
    repository_url: `${urls.api}/repos/${repo.fullName}`,
    labels_url: `${api}/labels{/name}`,
    comments_url: `${api}/comments`,
    events_url: `${api}/events`,
    html_url: `${urls.html}/${repo.fullName}/${issue.pull ? 'pull' : 'issues'}/${issue.number}`,
    number: issue.number,
    state: issue.state,
    state_reason: issue.stateReason,
    title: issue.title,
    body: issue.body,
    user: userByLogin(sim, urls, issue.user),
    labels: issueLabels(urls, repo, issue),
    assignee: assignees[0] ?? null,
    assignees,
    milestone: null,
    locked: issue.locked,
    active_lock_reason: null,
    comments: repo.comments.filter((c) => c.issueNumber === issue.number).length,
    closed_at: issue.closedAt,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    author_association: associationOf(sim, repo, issue.user),
  };
  if (issue.pull) {
    const pulls = `${urls.api}/repos/${repo.fullName}/pulls/${issue.number}`;
    out.pull_request = {
      url: pulls,
      html_url: `${urls.html}/${repo.fullName}/pull/${issue.number}`,
      diff_url: `${urls.html}/${repo.fullName}/pull/${issue.number}.diff`,
      patch_url: `${urls.html}/${repo.fullName}/pull/${issue.number}.patch`,
      merged_at: issue.pull.mergedAt,
    };
    out.draft = issue.pull.draft;
  }
  return out;
}

export function associationOf(sim: SimulatorState, repo: RepoState, login: string): string {
  if (login.toLowerCase() === repo.owner.toLowerCase()) return 'OWNER';
  const p = sim.permissionOf(repo, login);
  if (!p) return 'NONE';
  return sim.teams.some((t) => t.org.toLowerCase() === repo.owner.toLowerCase() && t.members?.includes(login)) ? 'MEMBER' : 'COLLABORATOR';
}

export function renderComment(sim: SimulatorState, urls: Urls, repo: RepoState, c: CommentRecord): Record<string, unknown> {
  const issue = repo.issues.get(c.issueNumber);
  return {
    id: c.id,
    node_id: c.nodeId,
    url: `${urls.api}/repos/${repo.fullName}/issues/comments/${c.id}`,
    html_url: `${urls.html}/${repo.fullName}/${issue?.pull ? 'pull' : 'issues'}/${c.issueNumber}#issuecomment-${c.id}`,
    issue_url: `${urls.api}/repos/${repo.fullName}/issues/${c.issueNumber}`,
    body: c.body,
    user: userByLogin(sim, urls, c.user),
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    author_association: associationOf(sim, repo, c.user),
  };
}

export function renderTeam(urls: Urls, team: { org: string; slug: string; name?: string; id: number }): Record<string, unknown> {
  const api = `${urls.api}/organizations/${team.org}/team/${team.id}`;
  return {
    id: team.id,
    node_id: nodeId('T_kwDO', team.id),
    url: api,
    html_url: `${urls.html}/orgs/${team.org}/teams/${team.slug}`,
    name: team.name ?? team.slug,
    slug: team.slug,
    description: null,
    privacy: 'closed',
    notification_setting: 'notifications_enabled',
    permission: 'pull',
    members_url: `${api}/members{/member}`,
    repositories_url: `${api}/repos`,
    type: 'organization',
    parent: null,
  };
}

export function renderGitPerson(p: { name: string; email: string; date: string }): Record<string, unknown> {
  return { name: p.name, email: p.email, date: p.date };
}

/** Commits written through the simulator are unsigned; GitHub reports them so. */
export const UNSIGNED = { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null };

export function renderGitCommit(urls: Urls, repo: RepoState, c: GitCommitObject): Record<string, unknown> {
  const api = `${urls.api}/repos/${repo.fullName}/git`;
  return {
    sha: c.sha,
    node_id: nodeId('C_kwDO', repo.id, c.sha),
    url: `${api}/commits/${c.sha}`,
    html_url: `${urls.html}/${repo.fullName}/commit/${c.sha}`,
    author: renderGitPerson(c.author),
    committer: renderGitPerson(c.committer),
    tree: { sha: c.tree, url: `${api}/trees/${c.tree}` },
    message: c.message.replace(/\n$/, ''),
    parents: c.parents.map((p) => ({ sha: p, url: `${api}/commits/${p}`, html_url: `${urls.html}/${repo.fullName}/commit/${p}` })),
    verification: UNSIGNED,
  };
}

/** The `commit` schema (REST commits API), as in list-commits and compare. */
export function renderCommit(sim: SimulatorState, urls: Urls, repo: RepoState, c: GitCommitObject): Record<string, unknown> {
  const api = `${urls.api}/repos/${repo.fullName}`;
  const byEmail = (email: string) => [...sim.users.values()].find((u) => u.email === email);
  const author = byEmail(c.author.email);
  const committer = byEmail(c.committer.email);
  return {
    url: `${api}/commits/${c.sha}`,
    sha: c.sha,
    node_id: nodeId('C_kwDO', repo.id, c.sha),
    html_url: `${urls.html}/${repo.fullName}/commit/${c.sha}`,
    comments_url: `${api}/commits/${c.sha}/comments`,
    commit: {
      url: `${api}/git/commits/${c.sha}`,
      author: renderGitPerson(c.author),
      committer: renderGitPerson(c.committer),
      message: c.message.replace(/\n$/, ''),
      comment_count: 0,
      tree: { sha: c.tree, url: `${api}/git/trees/${c.tree}` },
      verification: UNSIGNED,
    },
    author: author ? renderUser(urls, author) : null,
    committer: committer ? renderUser(urls, committer) : null,
    parents: c.parents.map((p) => ({ sha: p, url: `${api}/commits/${p}`, html_url: `${urls.html}/${repo.fullName}/commit/${p}` })),
  };
}

export function renderDeployment(sim: SimulatorState, urls: Urls, repo: RepoState, d: DeploymentRecord): Record<string, unknown> {
  const api = `${urls.api}/repos/${repo.fullName}/deployments/${d.id}`;
  return {
    url: api,
    id: d.id,
    node_id: d.nodeId,
    sha: d.sha,
    ref: d.ref,
    task: d.task,
    payload: d.payload,
    original_environment: d.environment,
    environment: d.environment,
    description: d.description,
    creator: userByLogin(sim, urls, d.creator),
    created_at: d.createdAt,
    updated_at: d.updatedAt,
    statuses_url: `${api}/statuses`,
    repository_url: `${urls.api}/repos/${repo.fullName}`,
    transient_environment: d.transient,
    production_environment: d.production,
  };
}

export function renderDeploymentStatus(
  sim: SimulatorState,
  urls: Urls,
  repo: RepoState,
  d: DeploymentRecord,
  s: DeploymentStatusRecord,
): Record<string, unknown> {
  const deployment = `${urls.api}/repos/${repo.fullName}/deployments/${d.id}`;
  return {
    url: `${deployment}/statuses/${s.id}`,
    id: s.id,
    node_id: s.nodeId,
    state: s.state,
    creator: userByLogin(sim, urls, s.creator),
    description: s.description,
    environment: s.environment,
    target_url: s.targetUrl,
    // GitHub sends '' for these when unset; the spec makes them optional URIs, so they are left out instead.
    ...(s.logUrl ? { log_url: s.logUrl } : {}),
    ...(s.environmentUrl ? { environment_url: s.environmentUrl } : {}),
    created_at: s.createdAt,
    updated_at: s.updatedAt,
    deployment_url: deployment,
    repository_url: `${urls.api}/repos/${repo.fullName}`,
  };
}
