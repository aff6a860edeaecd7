import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { KUSTOMIZATION_FILE_NAMES } from '../repo/kustomization-folders.js';

/**
 * The local files and folders a kustomization refers to, read from its text
 * (remote URLs are skipped). Overlay discovery, source tracing and
 * changed-only all follow these references.
 */

export interface PatchReference {
  file: string;
  /** The patch's `target`, when the kustomization names one (JSON 6902 patches need it). */
  target?: { kind?: string; name?: string };
}

export interface KustomizationReferences {
  directory: string;
  file: string;
  kind: string;
  /** Folders listed under resources/bases/components: other kustomizations. */
  folders: string[];
  /** Every file it reads directly: resources, patches, generator sources, configurations… */
  files: string[];
  /** Patch files in the order kustomize applies them. */
  patches: PatchReference[];
}

export function kustomizationFileIn(directory: string): string | undefined {
  return KUSTOMIZATION_FILE_NAMES.map((name) => join(directory, name)).find((file) => existsSync(file));
}

const cache = new Map<string, KustomizationReferences | undefined>();

/** The references of the kustomization in `directory`; undefined when there is none or it is not valid YAML. */
export function readKustomizationReferences(directory: string, useCache = true): KustomizationReferences | undefined {
  const absolute = resolve(directory);
  if (useCache && cache.has(absolute)) return cache.get(absolute);
  const result = readFresh(absolute);
  cache.set(absolute, result);
  return result;
}

export function clearKustomizationCache(): void {
  cache.clear();
}

function readFresh(directory: string): KustomizationReferences | undefined {
  const file = kustomizationFileIn(directory);
  if (!file) return undefined;
  let content: Record<string, unknown>;
  try {
    const parsed = parse(readFileSync(file, 'utf8')) as unknown;
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
    content = parsed as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const references: KustomizationReferences = {
    directory,
    file,
    kind: typeof content.kind === 'string' ? content.kind : 'Kustomization',
    folders: [],
    files: [],
    patches: [],
  };
  const local = (entry: unknown): string | undefined =>
    typeof entry === 'string' && !/^[a-z]+:\/\//i.test(entry) && !entry.includes('?ref=') && !entry.startsWith('git@') ? join(directory, entry) : undefined;

  for (const entry of [...list(content.resources), ...list(content.bases), ...list(content.components)]) {
    const target = local(entry);
    if (!target || !existsSync(target)) continue;
    if (statSync(target).isDirectory()) references.folders.push(target);
    else references.files.push(target);
  }
  for (const entry of list(content.patches)) addPatch(references, local, entry);
  for (const entry of list(content.patchesStrategicMerge)) addPatch(references, local, typeof entry === 'string' ? { path: entry } : entry);
  for (const entry of list(content.patchesJson6902)) addPatch(references, local, entry);
  for (const generator of [...list(content.configMapGenerator), ...list(content.secretGenerator)]) {
    const { files, envs, env } = generator as { files?: unknown; envs?: unknown; env?: unknown };
    for (const source of [...list(files), ...list(envs), env]) {
      const path = typeof source === 'string' ? local(source.includes('=') ? source.slice(source.indexOf('=') + 1) : source) : undefined;
      if (path && existsSync(path)) references.files.push(path);
    }
  }
  for (const entry of [...list(content.configurations), ...list(content.crds), ...list(content.replacements)]) {
    const path = local(typeof entry === 'string' ? entry : (entry as { path?: unknown } | null | undefined)?.path);
    if (path && existsSync(path) && statSync(path).isFile()) references.files.push(path);
  }
  return references;
}

function addPatch(references: KustomizationReferences, local: (entry: unknown) => string | undefined, entry: unknown): void {
  if (!entry || typeof entry !== 'object') return;
  const { path, target } = entry as { path?: unknown; target?: { kind?: string; name?: string } };
  const file = local(path);
  if (!file || !existsSync(file)) return;
  references.files.push(file);
  references.patches.push({ file, target: target && typeof target === 'object' ? { kind: target.kind, name: target.name } : undefined });
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Every kustomization folder reachable from `directory` (itself first), each once. */
export function kustomizationClosure(directory: string): KustomizationReferences[] {
  const seen = new Set<string>();
  const result: KustomizationReferences[] = [];
  const visit = (folder: string): void => {
    const absolute = resolve(folder);
    if (seen.has(absolute)) return;
    seen.add(absolute);
    const references = readKustomizationReferences(absolute);
    if (!references) return;
    result.push(references);
    references.folders.forEach(visit);
  };
  visit(directory);
  return result;
}
