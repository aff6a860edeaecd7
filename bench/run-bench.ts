/** `npm run bench`: prints speed and memory figures. Nothing here asserts; tests never assert timings. */
import { runSetImageBench } from './set-image-bench.js';

const only = process.argv[2];
if (!only || only === 'set-image') await runSetImageBench(Number(process.env.BENCH_OVERLAYS ?? 1000));
