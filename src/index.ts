// Entry point of the bundle. GitHub runs `node dist/index.js` with no arguments;
// `gitops-promote <command> --flag value …` (or `node dist/index.js <command> …`) is the CLI.
// First: refuse an unsupported Node before any other module is evaluated.
import './runtime/refuse-unsupported-node.js';
import { run } from './main.js';
import { runCli } from './cli/run-cli.js';

if (process.argv.length > 2) {
  await runCli(process.argv.slice(2));
} else {
  await run();
}
