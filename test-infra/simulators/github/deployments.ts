// Deployments and deployment statuses, including GitHub's `auto_inactive` rule for earlier deployments.
import { ApiError, notFound, paginate, requireRepo, type Handler } from './http-util.js';
import { renderDeployment, renderDeploymentStatus } from './render.js';
import { nodeId, now, type DeploymentRecord, type RepoState } from './state.js';

function findDeployment(repo: RepoState, id: number): DeploymentRecord {
  const d = repo.deployments.find((x) => x.id === id);
  if (!d) throw notFound();
  return d;
}

/** `auto_merge` is not simulated: the deployment is created on the ref as given. */
const createDeployment: Handler = async (ctx) => {
  const repo = requireRepo(ctx);
  const body = ctx.body as {
    ref: string;
    task?: string;
    environment?: string;
    description?: string | null;
    payload?: Record<string, unknown> | string;
    transient_environment?: boolean;
    production_environment?: boolean;
  };
  const sha = await repo.git.tryResolveCommit(body.ref);
  if (!sha) throw new ApiError(422, { message: `No ref found for: ${body.ref}` });
  const id = ctx.sim.newId();
  const stamp = now();
  const environment = body.environment ?? 'production';
  const deployment: DeploymentRecord = {
    id,
    nodeId: nodeId('DE_kwDO', repo.id, id),
    sha,
    ref: body.ref,
    task: body.task ?? 'deploy',
    environment,
    description: body.description ?? null,
    payload: body.payload ?? {},
    creator: ctx.user.login,
    transient: body.transient_environment ?? false,
    production: body.production_environment ?? environment === 'production',
    createdAt: stamp,
    updatedAt: stamp,
    statuses: [],
  };
  repo.deployments.push(deployment);
  const rendered = renderDeployment(ctx.sim, ctx.urls, repo, deployment);
  return { status: 201, body: rendered, headers: { location: String(rendered.url) } };
};

const listDeployments: Handler = (ctx) => {
  const repo = requireRepo(ctx);
  const q = ctx.query;
  const list = repo.deployments
    .filter(
      (d) =>
        (!q.get('sha') || d.sha === q.get('sha')) &&
        (!q.get('ref') || d.ref === q.get('ref')) &&
        (!q.get('task') || d.task === q.get('task')) &&
        (!q.get('environment') || d.environment === q.get('environment')),
    )
    .reverse();
  const { page, headers } = paginate(ctx, list);
  return { status: 200, headers, body: page.map((d) => renderDeployment(ctx.sim, ctx.urls, repo, d)) };
};

/** With `auto_inactive` (default true) a success marks earlier successful non-transient, non-production deployments of the environment inactive. */
const createDeploymentStatus: Handler = (ctx) => {
  const repo = requireRepo(ctx);
  const deployment = findDeployment(repo, Number(ctx.params.deployment_id));
  const body = ctx.body as {
    state: string;
    target_url?: string;
    log_url?: string;
    description?: string;
    environment?: string;
    environment_url?: string;
    auto_inactive?: boolean;
  };
  const addStatus = (d: DeploymentRecord, state: string, extra: Partial<typeof body> = {}) => {
    const id = ctx.sim.newId();
    const stamp = now();
    const status = {
      id,
      nodeId: nodeId('DES_kwDO', repo.id, id),
      state,
      description: (extra.description ?? '').slice(0, 140),
      environment: extra.environment ?? d.environment,
      targetUrl: extra.log_url ?? extra.target_url ?? '',
      logUrl: extra.log_url ?? extra.target_url ?? '',
      environmentUrl: extra.environment_url ?? '',
      creator: ctx.user.login,
      createdAt: stamp,
      updatedAt: stamp,
    };
    d.statuses.push(status);
    d.updatedAt = stamp;
    return status;
  };
  const status = addStatus(deployment, body.state, body);
  if (body.environment) deployment.environment = body.environment;
  if (body.state === 'success' && body.auto_inactive !== false) {
    for (const d of repo.deployments) {
      const last = d.statuses[d.statuses.length - 1];
      if (d !== deployment && d.environment === deployment.environment && !d.transient && !d.production && last?.state === 'success') addStatus(d, 'inactive');
    }
  }
  const rendered = renderDeploymentStatus(ctx.sim, ctx.urls, repo, deployment, status);
  return { status: 201, body: rendered, headers: { location: String(rendered.url) } };
};

const listDeploymentStatuses: Handler = (ctx) => {
  const repo = requireRepo(ctx);
  const deployment = findDeployment(repo, Number(ctx.params.deployment_id));
  const { page, headers } = paginate(ctx, [...deployment.statuses].reverse());
  return { status: 200, headers, body: page.map((s) => renderDeploymentStatus(ctx.sim, ctx.urls, repo, deployment, s)) };
};

export const deploymentHandlers: Record<string, Handler> = {
  'repos/create-deployment': createDeployment,
  'repos/list-deployments': listDeployments,
  'repos/create-deployment-status': createDeploymentStatus,
  'repos/list-deployment-statuses': listDeploymentStatuses,
};
