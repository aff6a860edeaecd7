/**
 * The demo's wait step: after set-image pushed a commit for dev, a simulated
 * Argo CD picks it up and `wait` (node dist/index.js, as GitHub runs it)
 * follows the app web-dev to Synced and Healthy.
 */
import { startArgoCdSimulator } from '../test-infra/simulators/argocd/index.js';
import { runAction } from '../__tests__/helpers/action-runner.js';

export interface WaitDemoOptions {
  /** The config repo checkout set-image worked in. */
  work: string;
  /** The commit set-image pushed (its commit-sha output). */
  commitSha: string;
}

export async function runWaitDemo({ work, commitSha }: WaitDemoOptions): Promise<void> {
  const sim = await startArgoCdSimulator({
    scenario: { applications: [{ name: 'web-dev', path: 'apps/web/overlays/dev', images: ['ghcr.io/acme/web:1.4.0'] }] },
    stepMs: 400,
  });
  try {
    process.stdout.write(`A simulated Argo CD at ${sim.url} runs web-dev; the pushed commit ${commitSha.slice(0, 7)} becomes the head of its branch.\n`);
    // The controller notices the commit while the step is already waiting, as after a real push.
    setTimeout(() => sim.setRevision('web-dev', commitSha, { images: ['ghcr.io/acme/web:1.5.0'] }), 500);
    const run = await runAction({
      inputs: {
        command: 'wait',
        path: work,
        environment: 'dev',
        apps: 'web',
        'argocd-server': sim.url,
        'argocd-token': sim.token,
        revision: commitSha,
        timeout: '2m',
      },
    });
    process.stdout.write(
      run.stdout
        .split('\n')
        .filter((line) => !line.startsWith('::add-mask::'))
        .join('\n'),
    );
    process.stdout.write(`\nwait exited ${run.exitCode}; outputs:\n`);
    for (const [name, value] of Object.entries(run.outputs)) process.stdout.write(`  ${name}=${value}\n`);
    process.stdout.write(`Argo CD requests made: ${sim.requests.length}; contract violations: ${sim.contractViolations.length}\n`);
    if (run.exitCode !== 0) throw new Error(`wait failed (exit ${run.exitCode})`);
  } finally {
    await sim.close();
  }
}
