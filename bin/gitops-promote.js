#!/usr/bin/env node
// The command-line face of the action: the same bundle, with flags instead of INPUT_* variables.
await import('../dist/index.js');
