/**
 * The Node.js versions gitops-promote runs on: the action's runtime (`runs.using: node24`) and later.
 * Node 20 is past its end of life and cannot run the bundle (the Kubernetes client's HTTP stack calls
 * zlib.createZstdDecompress, which Node 20 lacks); Node 22 and 23 are not what the action or CI run.
 * package.json's `engines` says the same (a unit test holds them together).
 */
export const SUPPORTED_NODE_RANGE = '>=24';
const LOWEST_MAJOR = 24;

/** Whether `version` (as in `process.versions.node`: `24.1.0`) is one gitops-promote runs on. */
export function isSupportedNode(version: string): boolean {
  const major = Number(/^v?(\d+)\./.exec(version)?.[1]);
  return Number.isInteger(major) && major >= LOWEST_MAJOR;
}

/** The one line printed when the running Node is too old. */
export function unsupportedNodeMessage(version: string): string {
  return `error: gitops-promote needs Node.js ${LOWEST_MAJOR} or later (the runtime the action runs on); this is Node.js ${version}.`;
}
