/**
 * The simulated etcd: Flux objects keyed by kind/namespace/name, one global resourceVersion, and a
 * bounded event history so watches can resume from a resourceVersion or be told it is too old.
 */
import type { FluxKind } from './flux-resources.js';
import type { ObjectMeta } from '../scenario/simulator-basics.js';

export interface KubeObject {
  apiVersion: string;
  kind: FluxKind;
  metadata: ObjectMeta & { [key: string]: unknown };
  spec: Record<string, unknown>;
  status?: Record<string, unknown>;
}

export interface StoredEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: KubeObject;
  resourceVersion: number;
}

const keyOf = (kind: string, namespace: string, name: string): string => `${kind}/${namespace}/${name}`;

export class ObjectStore {
  private readonly objects = new Map<string, KubeObject>();
  private rv = 1000;
  private history: StoredEvent[] = [];
  private readonly listeners = new Set<(event: StoredEvent) => void>();

  constructor(private readonly historyLimit = 200) {}

  get resourceVersion(): number {
    return this.rv;
  }

  /** Oldest resourceVersion a watch can still resume from; older ones get 410 Expired. */
  get oldestResumable(): number {
    return this.history.length > 0 ? this.history[0].resourceVersion - 1 : this.rv;
  }

  get(kind: string, namespace: string, name: string): KubeObject | undefined {
    const o = this.objects.get(keyOf(kind, namespace, name));
    return o && structuredClone(o);
  }

  list(kind: string, namespace?: string): KubeObject[] {
    return [...this.objects.values()]
      .filter((o) => o.kind === kind && (namespace === undefined || o.metadata.namespace === namespace))
      .sort((a, b) => `${a.metadata.namespace}/${a.metadata.name}`.localeCompare(`${b.metadata.namespace}/${b.metadata.name}`))
      .map((o) => structuredClone(o));
  }

  create(obj: KubeObject): KubeObject {
    const stored = structuredClone(obj);
    stored.metadata.resourceVersion = String(++this.rv);
    this.objects.set(keyOf(obj.kind, obj.metadata.namespace, obj.metadata.name), stored);
    this.record('ADDED', stored);
    return structuredClone(stored);
  }

  /** Store a changed copy with a new resourceVersion; an unchanged object keeps its version and emits nothing. */
  update(kind: string, namespace: string, name: string, mutate: (o: KubeObject) => void): KubeObject | undefined {
    const key = keyOf(kind, namespace, name);
    const current = this.objects.get(key);
    if (!current) return undefined;
    const next = structuredClone(current);
    mutate(next);
    next.metadata.resourceVersion = current.metadata.resourceVersion;
    if (JSON.stringify(next) === JSON.stringify(current)) return structuredClone(current);
    next.metadata.resourceVersion = String(++this.rv);
    this.objects.set(key, next);
    this.record('MODIFIED', next);
    return structuredClone(next);
  }

  delete(kind: string, namespace: string, name: string): boolean {
    const key = keyOf(kind, namespace, name);
    const current = this.objects.get(key);
    if (!current) return false;
    this.objects.delete(key);
    const gone = structuredClone(current);
    gone.metadata.resourceVersion = String(++this.rv);
    this.record('DELETED', gone);
    return true;
  }

  /** Events after `resourceVersion`, or undefined when that version has been compacted away. */
  eventsSince(resourceVersion: number): StoredEvent[] | undefined {
    if (resourceVersion < this.oldestResumable) return undefined;
    return this.history.filter((e) => e.resourceVersion > resourceVersion).map((e) => structuredClone(e));
  }

  /** Forget the event history, as etcd compaction does: every older resourceVersion becomes too old. */
  compact(): void {
    this.history = [];
  }

  subscribe(listener: (event: StoredEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private record(type: StoredEvent['type'], object: KubeObject): void {
    const event = { type, object: structuredClone(object), resourceVersion: Number(object.metadata.resourceVersion) };
    this.history.push(event);
    if (this.history.length > this.historyLimit) this.history.shift();
    for (const l of [...this.listeners]) l(structuredClone(event));
  }
}
