// Review requests: who may be asked (collaborators and teams with access, never the author) and GitHub's refusals.
import { requireRepo, unprocessable, type Handler, type RequestContext } from './http-util.js';
import { renderPullSimple } from './pull-render.js';
import { findPull } from './pulls.js';
import { renderTeam, userByLogin } from './render.js';
import type { RepoState } from './state.js';

function notCollaborator(repo: RepoState) {
  return unprocessable(
    `Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the ` +
      `${repo.fullName} repository.`,
  );
}

/** Teams are invisible to tokens that cannot read the organization's teams, so they count as unknown. */
function teamVisible(ctx: RequestContext, repo: RepoState, slug: string): boolean {
  return ctx.token.canReadOrgTeams && ctx.sim.teamsWithAccess(repo).some((t) => t.slug === slug);
}

const requestReviewers: Handler = async (ctx) => {
  const repo = requireRepo(ctx);
  const pr = findPull(repo, Number(ctx.params.pull_number));
  const { reviewers = [], team_reviewers: teams = [] } = (ctx.body ?? {}) as { reviewers?: string[]; team_reviewers?: string[] };
  if (reviewers.some((r) => r.toLowerCase() === pr.user.toLowerCase())) throw unprocessable('Review cannot be requested from pull request author.');
  if (reviewers.some((r) => !ctx.sim.user(r) || !ctx.sim.permissionOf(repo, r))) throw notCollaborator(repo);
  if (teams.some((t) => !teamVisible(ctx, repo, t))) throw notCollaborator(repo);
  if (teams.length && ctx.faults.take(['team-reviewers-422'], ctx.operationId, 'POST')) throw notCollaborator(repo);
  for (const r of reviewers) {
    const login = (ctx.sim.user(r) as { login: string }).login;
    if (!pr.pull.requestedReviewers.includes(login)) pr.pull.requestedReviewers.push(login);
  }
  for (const t of teams) if (!pr.pull.requestedTeams.includes(t)) pr.pull.requestedTeams.push(t);
  return { status: 201, body: await renderPullSimple(ctx.sim, ctx.urls, repo, pr) };
};

const listRequestedReviewers: Handler = (ctx) => {
  const repo = requireRepo(ctx);
  const pr = findPull(repo, Number(ctx.params.pull_number));
  return {
    status: 200,
    body: {
      users: pr.pull.requestedReviewers.map((r) => userByLogin(ctx.sim, ctx.urls, r)),
      teams: pr.pull.requestedTeams.map((slug) => {
        const team = ctx.sim.teams.find((t) => t.slug === slug && t.org === repo.owner) ?? { org: repo.owner, slug, id: 0 };
        return renderTeam(ctx.urls, team);
      }),
    },
  };
};

const removeRequestedReviewers: Handler = async (ctx) => {
  const repo = requireRepo(ctx);
  const pr = findPull(repo, Number(ctx.params.pull_number));
  const { reviewers = [], team_reviewers: teams = [] } = ctx.body as { reviewers: string[]; team_reviewers?: string[] };
  const lower = reviewers.map((r) => r.toLowerCase());
  pr.pull.requestedReviewers = pr.pull.requestedReviewers.filter((r) => !lower.includes(r.toLowerCase()));
  pr.pull.requestedTeams = pr.pull.requestedTeams.filter((t) => !teams.includes(t));
  return { status: 200, body: await renderPullSimple(ctx.sim, ctx.urls, repo, pr) };
};

export const reviewerHandlers: Record<string, Handler> = {
  'pulls/request-reviewers': requestReviewers,
  'pulls/list-requested-reviewers': listRequestedReviewers,
  'pulls/remove-requested-reviewers': removeRequestedReviewers,
};
