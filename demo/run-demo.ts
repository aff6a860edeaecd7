/**
 * `npm run demo`: a guided run of gitops-promote against a throw-away copy of
 * examples/config-repo on a local bare remote, exactly as GitHub would run the
 * action (node dist/index.js with INPUT_* variables); then the same set-image
 * and promote on examples/config-repo-helm, whose images sit in pins.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction, PROJECT_ROOT } from '../__tests__/helpers/action-runner.js';
import { runWaitDemo } from './wait-demo.js';
import { runPromoteDemo } from './promote-demo.js';
import { runDriftDemo } from './drift-demo.js';
import { runGatesDemo } from './gates-demo.js';
import { runRollbackDemo } from './rollback-demo.js';
import { runPinsDemo } from './pins-demo.js';

const bold = (text: string) => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[0m` : text);
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=Demo', '-c', 'user.email=demo@example.com', ...args], { cwd, encoding: 'utf8' });

function step(title: string): void {
  process.stdout.write(`\n${bold(`== ${title}`)}\n`);
}

/** What docker/build-push-action would report as the pushed image's digest. */
const NEW_DIGEST = `sha256:${createHash('sha256').update('ghcr.io/acme/web:1.5.0').digest('hex')}`;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gitops-promote-demo-'));
  try {
    step('A config repo (examples/config-repo) on a bare remote, checked out as actions/checkout would');
    const remote = join(dir, 'config.git');
    git(dir, 'init', '--quiet', '--bare', '--initial-branch=main', remote);
    const seed = join(dir, 'seed');
    cpSync(join(PROJECT_ROOT, 'examples', 'config-repo'), seed, { recursive: true });
    git(seed, 'init', '--quiet', '--initial-branch=main');
    git(seed, 'add', '-A');
    git(seed, 'commit', '--quiet', '-m', 'Initial config');
    git(seed, 'push', '--quiet', remote, 'main');
    const work = join(dir, 'checkout');
    git(dir, 'clone', '--quiet', remote, work);
    process.stdout.write(git(work, 'log', '--oneline'));

    // The build's digest travels with the tag: production requires it, and promote carries entries exactly.
    const built = `web=*:1.5.0@${NEW_DIGEST}`;
    step('set-image: the app repo built ghcr.io/acme/web:1.5.0 (and pushed it with its digest); put it in dev');
    const run = await runAction({
      inputs: { command: 'set-image', path: work, overlays: 'apps/web/overlays/dev', images: built },
      env: {
        GITHUB_REPOSITORY: 'acme/web',
        GITHUB_SHA: 'e83c5163316f89bfbde7d9ab23ca2e25604af290',
        GITHUB_ACTOR: 'octocat',
        GITHUB_RUN_ID: '42',
        GITHUB_SERVER_URL: 'https://github.com',
      },
    });
    process.stdout.write(run.stdout);
    if (run.exitCode !== 0) throw new Error(`set-image failed (exit ${run.exitCode})`);

    step('Outputs');
    for (const [name, value] of Object.entries(run.outputs)) process.stdout.write(`${name}=${value}\n`);
    step('Job summary (markdown)');
    process.stdout.write(run.summary);
    step('The commit on the remote');
    process.stdout.write(git(remote, 'show', '--stat', '--format=commit %H%nAuthor: %an <%ae>%n%n%B', 'main'));
    process.stdout.write(git(remote, 'show', '--format=', 'main'));

    step('wait: follow the (simulated) Argo CD app web-dev until it runs that commit, synced and healthy');
    await runWaitDemo({ work, commitSha: run.outputs['commit-sha'] });

    step("promote: carry dev's exact images to staging through a pull request (simulated GitHub)");
    await runPromoteDemo({ dir, remote });

    step('promote staging → production behind gates: held back by the soak (a pending commit status), then passed');
    await runGatesDemo({ dir, remote });

    step('drift-check: the scheduled drift report, read through the GitHub API (simulated) and Argo CD (simulated)');
    await runDriftDemo({ dir, remote });

    step('rollback: take production back to the images before its last change, with a hold; promote is refused; release');
    await runRollbackDemo({ work, remote });

    step('pins: set-image into dev and promote to staging on examples/config-repo-helm, whose images sit in Helm values, Applications, setter comments');
    await runPinsDemo({ dir, image: built });

    step('Running set-image again changes nothing (idempotent)');
    const again = await runAction({ inputs: { command: 'set-image', path: work, overlays: 'apps/web/overlays/dev', images: built } });
    process.stdout.write(`changed=${again.outputs.changed}, commits on main: ${git(remote, 'rev-list', '--count', 'main').trim()}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`demo failed: ${(error as Error).message}\n`);
  process.exitCode = 1;
});
