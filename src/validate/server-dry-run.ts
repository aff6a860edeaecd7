import { runProcess } from '../process/run-process.js';
import { describeResource, type Finding } from './findings.js';
import type { RenderedObject } from './rendered-resources.js';
import { shortenAtWord } from '../text/shorten-at-word.js';

/**
 * `kubectl apply --dry-run=server` of a rendered overlay, with the API
 * server's answers turned into findings. What a dry-run cannot know is
 * explained, not reported as a broken manifest: an object in a namespace, or of
 * a CRD, that the same bundle creates (a dry-run persists nothing), and an
 * admission webhook that refuses dry-runs because it does not declare
 * `sideEffects: None`.
 */

export interface ServerDryRunOptions {
  /** A kubeconfig file (written 0600 by the caller, and removed by it). */
  kubeconfigFile: string;
  /** The kubeconfig context to use (default: its current-context). */
  context?: string;
  /** The kubectl program (default: kubectl on PATH). */
  kubectl?: string;
}

export interface DryRunFinding {
  /** `Kind/namespace/name` of the object at fault, when kubectl names it. */
  resource?: string;
  /** JSON pointer of the field at fault, when the server names one. */
  pointer?: string;
  finding: Omit<Finding, 'file' | 'line'>;
}

export async function serverDryRun(yaml: string, objects: readonly RenderedObject[], options: ServerDryRunOptions): Promise<DryRunFinding[]> {
  const args = ['apply', '--dry-run=server', '--validate=strict', '-o', 'name', '-f', '-', '--kubeconfig', options.kubeconfigFile];
  if (options.context) args.push('--context', options.context);
  const result = await runProcess(options.kubectl ?? 'kubectl', args, { input: yaml, env: { ...process.env, KUBECONFIG: options.kubeconfigFile } });
  if (result.exitCode === 0) return [];
  const blocks = splitErrors(result.stderr);
  if (blocks.length === 0) {
    return [
      {
        finding: {
          severity: 'error',
          rule: 'server-dry-run',
          message: `kubectl apply --dry-run=server failed: ${result.stderr.trim() || `exit code ${result.exitCode}`}`,
        },
      },
    ];
  }
  return blocks.map((block) => judgeError(block, objects));
}

/**
 * kubectl prints one block per failed object, each starting with `Error from
 * server`, `error…` or `resource mapping not found`; its `Warning:` lines (such
 * as a missing last-applied annotation) are not findings.
 */
export function splitErrors(stderr: string): string[] {
  const blocks: string[] = [];
  let inWarning = false;
  for (const line of stderr.split('\n')) {
    if (/^Warning:/.test(line)) {
      inWarning = true;
    } else if (/^(Error from server|error|Error:|resource mapping not found|The \S+ "[^"]+" is invalid)/.test(line)) {
      inWarning = false;
      blocks.push(line);
    } else if (!inWarning && blocks.length > 0) {
      blocks[blocks.length - 1] += `\n${line}`;
    }
  }
  return blocks.map((block) => block.trim()).filter((block) => block !== '');
}

export function judgeError(block: string, objects: readonly Record<string, unknown>[]): DryRunFinding {
  const message = block.replace(/\s*\n\s*/g, ' ');
  const resource = objectNamed(block, objects);
  const resourceName = resource ? describeResource(resource) : undefined;
  const base = { resource: resourceName };

  // What the server could not check because of the dry run itself is a notice, not an error.
  const notChecked = (why: string): DryRunFinding => ({
    ...base,
    finding: { severity: 'notice', rule: 'server-dry-run', resource: resourceName, message: `not checked by the server: ${why}` },
  });
  const missingKind = /no matches for kind "([^"]+)" in version "([^"]+)"/.exec(block);
  if (missingKind && objects.some((object) => defines(object, missingKind[1], missingKind[2]))) {
    return notChecked(
      `its CRD (${missingKind[1]}, ${missingKind[2]}) is created by this same overlay, and a dry-run creates nothing, so the server cannot know the kind yet`,
    );
  }
  const missingNamespace = /namespaces "([^"]+)" not found/.exec(block);
  if (
    missingNamespace &&
    objects.some((object) => object.kind === 'Namespace' && (object.metadata as { name?: unknown } | undefined)?.name === missingNamespace[1])
  ) {
    return notChecked(`namespace ${missingNamespace[1]} is created by this same overlay, and a dry-run creates nothing`);
  }
  if (/does not support dry run|sideEffects/i.test(block)) {
    return notChecked(`an admission webhook refuses dry-run requests because it does not declare sideEffects: None (${firstSentence(message)})`);
  }
  return {
    ...base,
    pointer: fieldPointer(block),
    finding: { severity: 'error', rule: 'server-dry-run', resource: resourceName, message: `server dry-run: ${stripPrefix(message)}` },
  };
}

/**
 * The object a kubectl error is about: named by `Name: "x"` with `Kind=K`, by
 * `Kind.group "name" is invalid`, or by `for name: "x"`; a strict decoding
 * error names only the kind, so then the one object of that kind that has the
 * unknown field.
 */
function objectNamed(block: string, objects: readonly Record<string, unknown>[]): Record<string, unknown> | undefined {
  const kind =
    /Kind=(\w+)/.exec(block)?.[1] ??
    /no matches for kind "([^"]+)"/.exec(block)?.[1] ??
    /cannot be handled as a (\w+)/.exec(block)?.[1] ??
    /(\w+)(?:\.[\w.-]+)? "[^"]+" is (?:invalid|forbidden)/.exec(block)?.[1];
  const name =
    /Name: "([^"]+)"/.exec(block)?.[1] ?? /for name: "([^"]+)"/.exec(block)?.[1] ?? /\w+(?:\.[\w.-]+)? "([^"]+)" is (?:invalid|forbidden)/.exec(block)?.[1];
  const ofKind = objects.filter((object) => !kind || object.kind === kind);
  if (name) return ofKind.find((object) => (object.metadata as { name?: unknown } | undefined)?.name === name);
  const pointer = fieldPointer(block);
  const candidates = pointer ? ofKind.filter((object) => hasPointer(object, pointer)) : ofKind;
  return kind && candidates.length === 1 ? candidates[0] : undefined;
}

function hasPointer(object: unknown, pointer: string): boolean {
  let value = object;
  for (const segment of pointer.split('/').slice(1)) {
    if (typeof value !== 'object' || value === null || !(segment in value)) return false;
    value = (value as Record<string, unknown>)[segment];
  }
  return true;
}

function defines(object: Record<string, unknown>, kind: string, apiVersion: string): boolean {
  if (object.kind !== 'CustomResourceDefinition') return false;
  const spec = object.spec as { group?: string; names?: { kind?: string }; versions?: Array<{ name?: string }> } | undefined;
  const [group, version] = apiVersion.split('/');
  return spec?.group === group && spec.names?.kind === kind && (spec.versions ?? []).some((candidate) => candidate.name === version);
}

/** The first field the server names: `spec.replicas: Invalid value…` or `unknown field "spec.foo"`. */
export function fieldPointer(block: string): string | undefined {
  const field = /unknown field "([^"]+)"/.exec(block)?.[1] ?? /is invalid: \[?([A-Za-z][\w.[\]-]*): /.exec(block)?.[1];
  if (!field) return undefined;
  return `/${field
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((segment) => segment !== '')
    .join('/')}`;
}

function stripPrefix(message: string): string {
  return message
    .replace(/^Error from server \((\w+)\): /, '$1: ')
    .replace(/^The (\S+ "[^"]+" is invalid)/, '$1')
    .replace(/error when (creating|patching|retrieving current configuration of)[^:]*"STDIN": /, '');
}

function firstSentence(text: string): string {
  return shortenAtWord(text, 300);
}
