// Entry point of the bundle. GitHub runs `node dist/index.js` with no arguments;
// `gitops-promote <command> --flag value …` (or `node dist/index.js <command> …`) is the CLI.
// First: refuse an unsupported Node before any other module is evaluated.
import './runtime/refuse-unsupported-node.js';
import { run } from './main.js';

if (process.argv.length > 2) {
  // The CLI's own code (flags, --help, human output) loads only for the CLI: GitHub's runs never use it.
  const { runCli } = await import('./cli/run-cli.js');
  await runCli(process.argv.slice(2));
} else {
  await run();
}
