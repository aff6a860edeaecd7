/**
 * The simulated cluster's Application objects. Every change bumps a global resourceVersion, as
 * the Kubernetes API server does, and is announced to watchers (the stream, waiting refreshes).
 */
import { type Application, qualifiedName } from './application-types.js';

export type AppEventType = 'ADDED' | 'MODIFIED' | 'DELETED';
export interface AppEvent {
  type: AppEventType;
  app: Application;
}

export class AppStore {
  private readonly apps = new Map<string, Application>();
  private resourceVersion = 10_000;
  private readonly listeners = new Set<(event: AppEvent) => void>();

  get(namespace: string, name: string): Application | undefined {
    const app = this.apps.get(qualifiedName(namespace, name));
    return app && structuredClone(app);
  }

  /** All apps sorted by qualified name, the order Argo CD's Watch sends its initial ADDED events in. */
  list(): Application[] {
    return [...this.apps.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, app]) => structuredClone(app));
  }

  add(app: Application): Application {
    const stored = structuredClone(app);
    stored.metadata.resourceVersion = String(++this.resourceVersion);
    this.apps.set(qualifiedName(stored.metadata.namespace, stored.metadata.name), stored);
    this.emit({ type: 'ADDED', app: structuredClone(stored) });
    return structuredClone(stored);
  }

  /**
   * Apply `mutate` to a copy; when anything changed, store it with a new resourceVersion and
   * announce MODIFIED. Returns the stored object (changed or not).
   */
  update(namespace: string, name: string, mutate: (app: Application) => void): Application | undefined {
    const key = qualifiedName(namespace, name);
    const current = this.apps.get(key);
    if (!current) return undefined;
    const next = structuredClone(current);
    mutate(next);
    next.metadata.resourceVersion = current.metadata.resourceVersion;
    if (JSON.stringify(next) === JSON.stringify(current)) return structuredClone(current);
    next.metadata.resourceVersion = String(++this.resourceVersion);
    this.apps.set(key, next);
    this.emit({ type: 'MODIFIED', app: structuredClone(next) });
    return structuredClone(next);
  }

  delete(namespace: string, name: string): boolean {
    const key = qualifiedName(namespace, name);
    const current = this.apps.get(key);
    if (!current) return false;
    this.apps.delete(key);
    this.emit({ type: 'DELETED', app: structuredClone(current) });
    return true;
  }

  subscribe(listener: (event: AppEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: AppEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }
}
