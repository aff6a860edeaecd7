/**
 * The API resources the stand-in serves, in the shapes kubectl reads:
 * legacy discovery (/api, /apis, /api/v1, /apis/<group>/<version>) and the
 * OpenAPI v3 index and per-group-version documents that kubectl's
 * `--validate=strict` consults to learn that the server validates fields itself.
 */

export interface ApiResource {
  group: string;
  version: string;
  kind: string;
  plural: string;
  namespaced: boolean;
}

export const BUILT_IN_RESOURCES: readonly ApiResource[] = [
  { group: '', version: 'v1', kind: 'Namespace', plural: 'namespaces', namespaced: false },
  { group: '', version: 'v1', kind: 'Service', plural: 'services', namespaced: true },
  { group: '', version: 'v1', kind: 'ConfigMap', plural: 'configmaps', namespaced: true },
  { group: '', version: 'v1', kind: 'Secret', plural: 'secrets', namespaced: true },
  { group: '', version: 'v1', kind: 'ServiceAccount', plural: 'serviceaccounts', namespaced: true },
  { group: 'apps', version: 'v1', kind: 'Deployment', plural: 'deployments', namespaced: true },
  { group: 'apps', version: 'v1', kind: 'StatefulSet', plural: 'statefulsets', namespaced: true },
  { group: 'apps', version: 'v1', kind: 'DaemonSet', plural: 'daemonsets', namespaced: true },
  { group: 'batch', version: 'v1', kind: 'CronJob', plural: 'cronjobs', namespaced: true },
  { group: 'batch', version: 'v1', kind: 'Job', plural: 'jobs', namespaced: true },
  { group: 'networking.k8s.io', version: 'v1', kind: 'Ingress', plural: 'ingresses', namespaced: true },
  { group: 'apiextensions.k8s.io', version: 'v1', kind: 'CustomResourceDefinition', plural: 'customresourcedefinitions', namespaced: false },
];

export function groupVersion(resource: Pick<ApiResource, 'group' | 'version'>): string {
  return resource.group ? `${resource.group}/${resource.version}` : resource.version;
}

/** The URL prefix of a group version: /api/v1 or /apis/apps/v1. */
export function prefixOf(resource: Pick<ApiResource, 'group' | 'version'>): string {
  return resource.group ? `/apis/${resource.group}/${resource.version}` : `/api/${resource.version}`;
}

export function apiVersions(): object {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1' }] };
}

export function apiGroupList(resources: readonly ApiResource[]): object {
  const groups = new Map<string, Set<string>>();
  for (const resource of resources)
    if (resource.group) (groups.get(resource.group) ?? groups.set(resource.group, new Set()).get(resource.group)!).add(resource.version);
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: [...groups].map(([name, versions]) => {
      const list = [...versions].map((version) => ({ groupVersion: `${name}/${version}`, version }));
      return { name, versions: list, preferredVersion: list[0] };
    }),
  };
}

export function apiResourceList(resources: readonly ApiResource[], gv: string): object | undefined {
  const served = resources.filter((resource) => groupVersion(resource) === gv);
  if (served.length === 0) return undefined;
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: gv,
    resources: served.map((resource) => ({
      name: resource.plural,
      singularName: resource.kind.toLowerCase(),
      namespaced: resource.namespaced,
      kind: resource.kind,
      verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
    })),
  };
}

/** /openapi/v3: where each group version's document is. */
export function openApiIndex(resources: readonly ApiResource[]): object {
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const resource of resources) {
    const key = prefixOf(resource).slice(1);
    paths[key] = { serverRelativeURL: `/openapi/v3/${key}?hash=standin` };
  }
  return { paths };
}

/**
 * A group version's OpenAPI v3 document, reduced to what kubectl's
 * QueryParamVerifierV3 reads: per kind, a PATCH operation tagged with its
 * group-version-kind and a `fieldValidation` query parameter.
 */
export function openApiDocument(resources: readonly ApiResource[], key: string): object | undefined {
  const served = resources.filter((resource) => prefixOf(resource).slice(1) === key);
  if (served.length === 0) return undefined;
  const paths: Record<string, object> = {};
  for (const resource of served) {
    const path = `${prefixOf(resource)}${resource.namespaced ? '/namespaces/{namespace}' : ''}/${resource.plural}/{name}`;
    paths[path] = {
      patch: {
        'x-kubernetes-group-version-kind': { group: resource.group, version: resource.version, kind: resource.kind },
        parameters: [
          { name: 'dryRun', in: 'query', schema: { type: 'string' } },
          { name: 'fieldManager', in: 'query', schema: { type: 'string' } },
          { name: 'fieldValidation', in: 'query', schema: { type: 'string' } },
        ],
        responses: { '200': { description: 'OK' } },
      },
    };
  }
  return { openapi: '3.0.0', info: { title: 'Kubernetes', version: 'v1.32.0' }, paths, components: { schemas: {} } };
}
