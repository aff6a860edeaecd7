/** What the Argo CD and Kubernetes simulators share: object metadata and how a simulator is started. */

/** Kubernetes ObjectMeta, as far as the simulators keep it. */
export interface ObjectMeta {
  name: string;
  namespace: string;
  uid: string;
  resourceVersion: string;
  generation: number;
  creationTimestamp: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export interface SimulatorBaseOptions {
  port?: number;
  host?: string;
  /** Real ms per controller step (overrides the scenario; default 25). */
  stepMs?: number;
  simulatedSecondsPerStep?: number;
  /** Steps run only on `advance()`. */
  manualSteps?: boolean;
  /** Simulated wall-clock at step 0 (default now): a past time makes every timestamp old, as with a controller that stopped. */
  startTime?: Date;
  /** Folder with the contract files (default: the matching folder of ../shared/contracts). */
  contractsDir?: string;
}
