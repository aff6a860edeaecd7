/**
 * The few checks of the real API server the stand-in performs, each answered
 * with the `Status` the API server sends: strict field validation (unknown
 * fields), a handful of validation rules (`Invalid` with field causes), and
 * admission webhooks that cannot be dry-run.
 */
import type { ApiResource } from './api-resources.js';

export interface Webhook {
  name: string;
  /** Kinds the webhook intercepts. */
  kinds: string[];
  sideEffects: 'None' | 'NoneOnDryRun' | 'Some' | 'Unknown';
}

type Json = Record<string, unknown>;

/** Known fields by path pattern (`*` for a list item); a path not listed is not checked. */
const KNOWN_FIELDS: Record<string, readonly string[]> = {
  '': ['apiVersion', 'kind', 'metadata', 'spec', 'status', 'data', 'stringData', 'binaryData', 'type', 'immutable'],
  'Deployment:spec': ['replicas', 'selector', 'template', 'strategy', 'minReadySeconds', 'revisionHistoryLimit', 'paused', 'progressDeadlineSeconds'],
  'Deployment:spec.template.spec.containers[*]': [
    'name',
    'image',
    'command',
    'args',
    'workingDir',
    'ports',
    'envFrom',
    'env',
    'resources',
    'volumeMounts',
    'livenessProbe',
    'readinessProbe',
    'startupProbe',
    'lifecycle',
    'imagePullPolicy',
    'securityContext',
    'stdin',
    'tty',
    'terminationMessagePath',
    'terminationMessagePolicy',
  ],
};

export function checkObject(resource: ApiResource, object: Json, options: { strict: boolean; webhooks: readonly Webhook[] }): Json | undefined {
  const kind = resource.kind;
  const name = String((object.metadata as { name?: string } | undefined)?.name ?? '');
  const groupKind = resource.group ? `${kind}.${resource.group}` : kind;
  if (options.strict) {
    const unknown = unknownFields(kind, object);
    if (unknown.length > 0) {
      const list = unknown.map((field) => `unknown field "${field}"`).join(', ');
      return statusOf(400, 'BadRequest', `${kind} in version "${resource.version}" cannot be handled as a ${kind}: strict decoding error: ${list}`);
    }
  }
  const causes = invalidFields(kind, object);
  if (causes.length > 0) {
    const message = `${groupKind} "${name}" is invalid: ${causes.length === 1 ? causes[0].message : `[${causes.map((cause) => cause.message).join(', ')}]`}`;
    return statusOf(422, 'Invalid', message, {
      name,
      group: resource.group,
      kind,
      causes: causes.map((cause) => ({ reason: cause.reason, message: cause.message.slice(cause.field.length + 2), field: cause.field })),
    });
  }
  const webhook = options.webhooks.find(
    (candidate) => candidate.kinds.includes(kind) && candidate.sideEffects !== 'None' && candidate.sideEffects !== 'NoneOnDryRun',
  );
  if (webhook) return statusOf(400, 'BadRequest', `admission webhook "${webhook.name}" does not support dry run`);
  return undefined;
}

function statusOf(code: number, reason: string, message: string, details?: Json): Json {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, ...(details ? { details } : {}), code };
}

function unknownFields(kind: string, object: Json): string[] {
  const found: string[] = [];
  const check = (value: unknown, pattern: string, path: string): void => {
    const known = KNOWN_FIELDS[pattern === '' ? '' : `${kind}:${pattern}`];
    if (!known || typeof value !== 'object' || value === null || Array.isArray(value)) return;
    for (const key of Object.keys(value)) if (!known.includes(key)) found.push(path ? `${path}.${key}` : key);
  };
  check(object, '', '');
  const spec = object.spec as Json | undefined;
  check(spec, 'spec', 'spec');
  const containers = ((spec?.template as Json | undefined)?.spec as Json | undefined)?.containers;
  if (Array.isArray(containers))
    containers.forEach((container, index) => check(container, 'spec.template.spec.containers[*]', `spec.template.spec.containers[${index}]`));
  return found;
}

interface Cause {
  field: string;
  reason: string;
  message: string;
}

function invalidFields(kind: string, object: Json): Cause[] {
  const causes: Cause[] = [];
  const spec = object.spec as Json | undefined;
  if (kind === 'Deployment' && spec) {
    if (typeof spec.replicas === 'number' && spec.replicas < 0) {
      causes.push({
        field: 'spec.replicas',
        reason: 'FieldValueInvalid',
        message: `spec.replicas: Invalid value: ${spec.replicas}: must be greater than or equal to 0`,
      });
    }
    const containers = ((spec.template as Json | undefined)?.spec as Json | undefined)?.containers;
    if (Array.isArray(containers)) {
      containers.forEach((container: Json, index) => {
        if (!container.image) {
          causes.push({
            field: `spec.template.spec.containers[${index}].image`,
            reason: 'FieldValueRequired',
            message: `spec.template.spec.containers[${index}].image: Required value`,
          });
        }
      });
    }
  }
  return causes;
}
