import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import which from 'which';
import type { RenderResult } from '../kustomize/render.js';
import { runProcess } from '../process/run-process.js';
import type { HelmParameter } from './argocd-sources.js';

/**
 * `helm template` as the controllers call it (Helm's documented CLI:
 * `helm template [NAME] [CHART] [flags]`): the values files in order with
 * `--values` (later files win), then inline values as one more file (Argo CD
 * writes an Application's values/valuesObject to a temporary file and passes
 * it after its valueFiles), then the parameters with `--set`, or
 * `--set-string` where Argo CD's forceString asks for it (Helm gives --set
 * precedence over every values file).
 */

export interface HelmTemplateCall {
  release: string;
  /** The chart folder, absolute. */
  chart: string;
  namespace: string;
  /** Values files, absolute, lowest precedence first. */
  valueFiles: readonly string[];
  /** Inline values (each becomes a temporary values file), after the files. */
  inlineValues: readonly unknown[];
  parameters: readonly HelmParameter[];
}

/**
 * Argo CD escapes each comma of a --set value that is not escaped already, so
 * that Helm does not read it as a list separator; a value in braces is a Helm
 * list and stays as it is.
 */
export function escapeSetValue(value: string): string {
  if (value.startsWith('{') && value.endsWith('}')) return value;
  let escaped = '';
  for (let index = 0; index < value.length; index++) {
    escaped += value[index] === ',' && value[index - 1] !== '\\' ? '\\,' : value[index];
  }
  return escaped;
}

/** The arguments of the call; `inlineFiles` are where the inline values were written. */
export function helmTemplateArgs(call: HelmTemplateCall, inlineFiles: readonly string[]): string[] {
  const args = ['template', call.release, call.chart];
  if (call.namespace) args.push('--namespace', call.namespace);
  for (const file of [...call.valueFiles, ...inlineFiles]) args.push('--values', file);
  // Argo CD keeps one value per name, the last one given.
  const byName = new Map<string, HelmParameter>();
  for (const parameter of call.parameters) {
    byName.delete(parameter.name);
    byName.set(parameter.name, parameter);
  }
  for (const parameter of byName.values()) {
    args.push(parameter.forceString ? '--set-string' : '--set', `${parameter.name}=${escapeSetValue(parameter.value)}`);
  }
  return args;
}

export async function templateChart(helm: string, call: HelmTemplateCall): Promise<RenderResult> {
  const folder = await mkdtemp(join(tmpdir(), 'gitops-promote-values-'));
  try {
    const inlineFiles = call.inlineValues.map((_, index) => join(folder, `inline-${index}.yaml`));
    // JSON is YAML, and keeps every string a string (a tag `1.10` stays `1.10`).
    await Promise.all(call.inlineValues.map((values, index) => writeFile(inlineFiles[index], JSON.stringify(values ?? {}))));
    const result = await runProcess(helm, helmTemplateArgs(call, inlineFiles));
    if (result.exitCode === 0) return { ok: true, yaml: result.stdout };
    return { ok: false, error: result.stderr.trim() || `helm exited with code ${result.exitCode}` };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** `helm` when PATH has it, else null (looked up, as kustomize is: not started to ask its version). */
export async function findHelm(): Promise<string | null> {
  return (await which('helm', { nothrow: true })) ? 'helm' : null;
}
