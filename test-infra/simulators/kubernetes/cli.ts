/** `npm run sim:kube -- --scenario file.yaml [--port 6443] [--no-tls]`: a standalone Kubernetes API for Flux objects. */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCliArgs, runUntilSignal } from '../scenario/cli-support.js';
import { parseKubeScenario, startKubernetesSimulator } from './index.js';

const USAGE = `usage: npm run sim:kube -- --scenario <file.yaml> [--port 6443] [--no-tls] [--step-ms <ms>]
Scenario format: test-infra/simulators/kubernetes/README.md (example: example-scenario.yaml)`;

async function main(): Promise<void> {
  const args = readCliArgs(process.argv.slice(2), 6443, USAGE);
  const scenario = parseKubeScenario(args.scenario, args.scenarioPath);
  const sim = await startKubernetesSimulator({ scenario, port: args.port, tls: args.tls, stepMs: args.stepMs ?? scenario.stepMs ?? 1000 });
  const kubeconfigPath = join(tmpdir(), `flux-simulator-${process.pid}.kubeconfig`);
  writeFileSync(kubeconfigPath, sim.kubeconfig(), { mode: 0o600 });
  console.log(`Kubernetes (Flux) simulator listening on ${sim.url}`);
  console.log(`token: ${sim.token}`);
  console.log(`kubeconfig: ${kubeconfigPath}   (KUBECONFIG=${kubeconfigPath} kubectl get kustomizations -A)`);
  console.log('Ctrl-C to stop');
  runUntilSignal(() => sim.close());
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
