// Standalone start: `npm run sim:github -- --repo /path/to/bare.git --owner acme --name config --port 8787`.
// Without --repo, a demo bare repository with one Kustomize overlay is created in a temporary directory.
import { parseArgs } from 'node:util';
import { createBareRepo } from './fixtures.js';
import { DEFAULT_TOKEN, IMPLEMENTED_OPERATIONS, startGitHubSimulator } from './index.js';

const USAGE = `Usage: npm run sim:github -- [--repo <bare.git>] [--owner acme] [--name config] [--default-branch main]
                            [--port 8787] [--token <token>] [--login promote-bot] [--allow-auto-merge]`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      repo: { type: 'string' },
      owner: { type: 'string', default: 'acme' },
      name: { type: 'string', default: 'config' },
      'default-branch': { type: 'string', default: 'main' },
      port: { type: 'string', default: '8787' },
      token: { type: 'string', default: DEFAULT_TOKEN },
      login: { type: 'string', default: 'promote-bot' },
      'allow-auto-merge': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return void console.log(USAGE);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid --port '${values.port}'. Expected a number from 0 to 65535.`);
  const demo = values.repo
    ? undefined
    : createBareRepo({
        'overlays/prod/kustomization.yaml':
          'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nimages:\n- name: ghcr.io/acme/app\n  newTag: v1.0.0\n',
      });
  const sim = await startGitHubSimulator({
    port,
    repos: [
      {
        owner: values.owner,
        name: values.name,
        path: values.repo ?? (demo?.bare as string),
        defaultBranch: values['default-branch'],
        allowAutoMerge: values['allow-auto-merge'],
      },
    ],
    tokens: [{ token: values.token, login: values.login, permission: 'admin' }],
  });
  console.log(`GitHub simulator for ${values.owner}/${values.name} (${values.repo ?? `demo repository ${demo?.bare}`})
  OpenAPI description loaded in ${sim.specLoadMs} ms; ${IMPLEMENTED_OPERATIONS.length} REST operations simulated

  REST     ${sim.apiUrl}
  GraphQL  ${sim.graphqlUrl}
  git      ${sim.serverUrl}/${values.owner}/${values.name}.git
  token    ${sim.token}   (user ${values.login})

Point the action at it:
  export GITHUB_API_URL=${sim.apiUrl}
  export GITHUB_GRAPHQL_URL=${sim.graphqlUrl}
  export GITHUB_SERVER_URL=${sim.serverUrl}
  export GITHUB_REPOSITORY=${values.owner}/${values.name}
  export GITHUB_TOKEN=${sim.token}   # the CLI's token when --token is not given
  git clone ${sim.cloneUrl(values.owner, values.name)}

Control:
  curl -X POST ${sim.serverUrl}/_simulator/faults -d '{"kind":"server-error","operationId":"pulls/create","status":502,"count":2}'
  curl ${sim.serverUrl}/_simulator/state
  curl ${sim.serverUrl}/_simulator/requests
  curl ${sim.serverUrl}/_simulator/violations

Ctrl-C to stop.`);
  const stop = async () => {
    await sim.close();
    demo?.cleanup();
    if (sim.contractViolations.length) console.error(`${sim.contractViolations.length} contract violation(s) were recorded.`);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  console.error(USAGE);
  process.exit(1);
});
