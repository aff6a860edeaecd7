/**
 * `npm run bench`: prints speed and memory figures; asserts nothing (tests never assert timings).
 * `npm run bench -- set-image` (or validate, …) runs one part.
 */
import { runSetImageBench } from './set-image-bench.js';
import { runValidateBench } from './validate-bench.js';
import { runWaitBench } from './wait-bench.js';
import { runPromoteBench } from './promote-bench.js';
import { runDriftCheckBench } from './drift-check-bench.js';
import { runRollbackBench } from './rollback-bench.js';

const parts: Record<string, () => Promise<void>> = {
  'set-image': () => runSetImageBench(Number(process.env.BENCH_OVERLAYS ?? 1000)),
  validate: runValidateBench,
  promote: runPromoteBench,
  wait: runWaitBench,
  'drift-check': runDriftCheckBench,
  rollback: runRollbackBench,
};

const only = process.argv[2];
if (only && !parts[only]) {
  process.stderr.write(`unknown bench part '${only}'; choose one of ${Object.keys(parts).join(', ')}\n`);
  process.exit(1);
}
for (const [name, run] of Object.entries(parts)) {
  if (!only || only === name) await run();
}
