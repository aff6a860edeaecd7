/**
 * The sizes of the bench, from environment variables, so a development run can be small (the machine is shared)
 * and the default run is the one the goals are stated for.
 */

function positiveInteger(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text.trim() === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name}: '${text}' is not a positive whole number`);
  return value;
}

/** Overlays of the many-small-overlays runs: set-image (default 300) and validate (default 600, 200 apps × 3). */
export function overlayCount(fallback: number): number {
  return positiveInteger('BENCH_OVERLAYS', fallback);
}

/** Helm values files (one pin each) of the pins part. */
export function pinCount(fallback: number): number {
  return positiveInteger('BENCH_PINS', fallback);
}

/** Resources in the one large overlay of validate-large. */
export const LARGE_RESOURCES = positiveInteger('BENCH_LARGE_RESOURCES', 2500);

/** Runs of each heavy measurement (validate, kubectl kustomize alone, set-image), interleaved; medians are printed. */
export const REPEAT = positiveInteger('BENCH_REPEAT', 3);

/** Runs of each cold-start measurement (each takes a fraction of a second). */
export const COLD_REPEAT = positiveInteger('BENCH_COLD_REPEAT', 20);
