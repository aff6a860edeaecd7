/** The four Flux custom resources the simulator serves, named as in their CRDs. */

export interface FluxResource {
  group: string;
  version: string;
  kind: string;
  listKind: string;
  plural: string;
  singular: string;
  shortNames: string[];
  categories: string[];
  /** File under contracts/flux/crds. */
  crdFile: string;
}

export const FLUX_RESOURCES: FluxResource[] = [
  {
    group: 'kustomize.toolkit.fluxcd.io',
    version: 'v1',
    kind: 'Kustomization',
    listKind: 'KustomizationList',
    plural: 'kustomizations',
    singular: 'kustomization',
    shortNames: ['ks'],
    categories: ['all', 'fluxcd', 'fluxcd-appliers'],
    crdFile: 'kustomize.toolkit.fluxcd.io_kustomizations.yaml',
  },
  {
    group: 'helm.toolkit.fluxcd.io',
    version: 'v2',
    kind: 'HelmRelease',
    listKind: 'HelmReleaseList',
    plural: 'helmreleases',
    singular: 'helmrelease',
    shortNames: ['hr'],
    categories: ['all', 'fluxcd', 'fluxcd-appliers'],
    crdFile: 'helm.toolkit.fluxcd.io_helmreleases.yaml',
  },
  {
    group: 'source.toolkit.fluxcd.io',
    version: 'v1',
    kind: 'GitRepository',
    listKind: 'GitRepositoryList',
    plural: 'gitrepositories',
    singular: 'gitrepository',
    shortNames: ['gitrepo'],
    categories: ['all', 'fluxcd', 'fluxcd-sources'],
    crdFile: 'source.toolkit.fluxcd.io_gitrepositories.yaml',
  },
  {
    group: 'source.toolkit.fluxcd.io',
    version: 'v1',
    kind: 'OCIRepository',
    listKind: 'OCIRepositoryList',
    plural: 'ocirepositories',
    singular: 'ocirepository',
    shortNames: ['ocirepo'],
    categories: ['all', 'fluxcd', 'fluxcd-sources'],
    crdFile: 'source.toolkit.fluxcd.io_ocirepositories.yaml',
  },
];

export type FluxKind = 'Kustomization' | 'HelmRelease' | 'GitRepository' | 'OCIRepository';

export function resourceByKind(kind: string): FluxResource {
  const found = FLUX_RESOURCES.find((r) => r.kind === kind);
  if (!found) throw new Error(`unknown Flux kind "${kind}"; expected ${FLUX_RESOURCES.map((r) => r.kind).join(', ')}`);
  return found;
}

export function resourceByPath(group: string, version: string, plural: string): FluxResource | undefined {
  return FLUX_RESOURCES.find((r) => r.group === group && r.version === version && r.plural === plural);
}

export function apiVersionOf(r: FluxResource): string {
  return `${r.group}/${r.version}`;
}

/** Discovery: GET /apis. */
export function apiGroupList(): unknown {
  const groups = [...new Set(FLUX_RESOURCES.map((r) => r.group))].map((name) => {
    const versions = [...new Set(FLUX_RESOURCES.filter((r) => r.group === name).map((r) => r.version))].map((version) => ({
      groupVersion: `${name}/${version}`,
      version,
    }));
    return { name, versions, preferredVersion: versions[0] };
  });
  return { kind: 'APIGroupList', apiVersion: 'v1', groups };
}

/** Discovery: GET /apis/<group>/<version>, including the status subresource every Flux CRD declares. */
export function apiResourceList(group: string, version: string): Record<string, unknown> | undefined {
  const resources = FLUX_RESOURCES.filter((r) => r.group === group && r.version === version);
  if (resources.length === 0) return undefined;
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: `${group}/${version}`,
    resources: resources.flatMap((r) => [
      {
        name: r.plural,
        singularName: r.singular,
        namespaced: true,
        kind: r.kind,
        verbs: ['delete', 'deletecollection', 'get', 'list', 'patch', 'create', 'update', 'watch'],
        shortNames: r.shortNames,
        categories: r.categories,
      },
      { name: `${r.plural}/status`, singularName: '', namespaced: true, kind: r.kind, verbs: ['get', 'patch', 'update'] },
    ]),
  };
}
