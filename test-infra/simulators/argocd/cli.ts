/** `npm run sim:argocd -- --scenario file.yaml [--port 8080] [--tls] [--step-ms 500]`: a standalone Argo CD API. */
import { readCliArgs, runUntilSignal } from '../scenario/cli-support.js';
import { parseArgoScenario, startArgoCdSimulator } from './index.js';

const USAGE = `usage: npm run sim:argocd -- --scenario <file.yaml> [--port 8080] [--tls] [--step-ms <ms>]
Scenario format: test-infra/simulators/argocd/README.md (example: example-scenario.yaml)`;

async function main(): Promise<void> {
  const args = readCliArgs(process.argv.slice(2), 8080, USAGE);
  const scenario = parseArgoScenario(args.scenario, args.scenarioPath);
  const sim = await startArgoCdSimulator({ scenario, port: args.port, tls: args.tls, stepMs: args.stepMs ?? scenario.stepMs ?? 1000 });
  console.log(`Argo CD simulator listening on ${sim.url}`);
  console.log(`token (admin): ${sim.token}`);
  if (sim.caPem) console.log(`CA certificate (for argocd-ca):\n${sim.caPem}`);
  console.log(`apps: ${scenario.applications.map((a) => a.name).join(', ')}`);
  console.log(
    `new head commit: curl -X POST ${sim.url}/_simulator/revision -d '{"application":"${scenario.applications[0]?.name}","revision":"<40-hex sha>"}'`,
  );
  console.log('Ctrl-C to stop');
  runUntilSignal(() => sim.close());
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
