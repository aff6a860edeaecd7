// Who the token is, what it may see of the organization, and the rate limit it has left.
import { forbidden, notFound, type Handler } from './http-util.js';
import { renderTeam, renderUser } from './render.js';

/** An Actions GITHUB_TOKEN is an installation token: GitHub refuses it here. */
const getAuthenticated: Handler = (ctx) => {
  if (ctx.token.actionsRepository) throw forbidden();
  const u = ctx.user;
  return {
    status: 200,
    body: {
      ...renderUser(ctx.urls, u),
      name: u.name,
      company: null,
      blog: '',
      location: null,
      email: u.email,
      hireable: null,
      bio: null,
      twitter_username: null,
      public_repos: 0,
      public_gists: 0,
      followers: 0,
      following: 0,
      created_at: '2020-01-01T00:00:00Z',
      updated_at: '2020-01-01T00:00:00Z',
      private_gists: 0,
      total_private_repos: 0,
      owned_private_repos: 0,
      disk_usage: 0,
      collaborators: 0,
      two_factor_authentication: true,
    },
  };
};

const getRateLimit: Handler = (ctx) => {
  const reset = Math.floor(Date.now() / 1000) + 3600;
  const rate = (limit: number, resource: string) => ({ limit, remaining: limit - 1, reset, used: 1, resource });
  const core = rate(5000, 'core');
  void ctx;
  return { status: 200, body: { resources: { core, search: rate(30, 'search'), graphql: rate(5000, 'graphql') }, rate: core } };
};

/** Teams are hidden (404) from tokens that cannot read the organization. */
const getTeamByName: Handler = (ctx) => {
  const team = ctx.sim.teams.find((t) => t.org.toLowerCase() === ctx.params.org.toLowerCase() && t.slug === ctx.params.team_slug);
  if (!team || !ctx.token.canReadOrgTeams) throw notFound();
  const org = ctx.sim.user(team.org);
  const orgUrl = `${ctx.urls.api}/orgs/${team.org}`;
  const stamp = '2020-01-01T00:00:00Z';
  return {
    status: 200,
    body: {
      ...renderTeam(ctx.urls, team),
      members_count: team.members?.length ?? 0,
      repos_count: ctx.sim.teams.length ? [...ctx.sim.repos.values()].filter((r) => ctx.sim.teamsWithAccess(r).includes(team)).length : 0,
      created_at: stamp,
      updated_at: stamp,
      organization: {
        login: team.org,
        id: org?.id ?? 0,
        node_id: `O_${org?.id ?? 0}`,
        url: orgUrl,
        repos_url: `${orgUrl}/repos`,
        events_url: `${orgUrl}/events`,
        hooks_url: `${orgUrl}/hooks`,
        issues_url: `${orgUrl}/issues`,
        members_url: `${orgUrl}/members{/member}`,
        public_members_url: `${orgUrl}/public_members{/member}`,
        avatar_url: `${ctx.urls.html}/avatars/u/${org?.id ?? 0}?v=4`,
        description: null,
        html_url: `${ctx.urls.html}/${team.org}`,
        has_organization_projects: true,
        has_repository_projects: true,
        public_repos: 0,
        public_gists: 0,
        followers: 0,
        following: 0,
        type: 'Organization',
        created_at: stamp,
        updated_at: stamp,
        archived_at: null,
      },
    },
  };
};

export const accountHandlers: Record<string, Handler> = {
  'users/get-authenticated': getAuthenticated,
  'rate-limit/get': getRateLimit,
  'teams/get-by-name': getTeamByName,
};
