import type { YAMLMap } from 'yaml';

/**
 * The shapes that pass between the layers: an overlay, an edit of its
 * kustomization, a change for the report, a commit's author. They sit below
 * everything that uses them, so no folder imports another only for a type.
 */

/** An overlay folder of the config repo and its kustomization file. */
export interface Overlay {
  /** The folder, relative to the repo root, with forward slashes (`apps/web/overlays/dev`). */
  path: string;
  /** The kustomization file, relative to the repo root. */
  file: string;
  absolutePath: string;
  absoluteFile: string;
}

/** The image fields of a kustomization `images:` entry. */
export type ImageField = 'newName' | 'newTag' | 'digest';

/** The values of an entry's image fields; `''` where the entry does not set one. */
export type ImageFieldValues = Record<ImageField, string>;

/** An `images:` entry as the file has it. */
export interface ImageEntry extends ImageFieldValues {
  name: string;
  /** The entry's map node, for editing. */
  node: YAMLMap;
}

/** What an argument did to one entry. */
export interface ImageEntryChange {
  name: string;
  argument: string;
  /** The entry's values before, or null when the entry was added. */
  before: ImageFieldValues | null;
  after: ImageFieldValues;
  /** Fields the entry had that the argument cleared (kustomize drops them). */
  dropped: ImageField[];
}

/**
 * A planned edit of one file: an overlay's kustomization, or a file that pins
 * images another way (then `pins` says how, and `overlay` names the file:
 * its `path` is the pin's label, `file` the file). Its text before and after,
 * and what changed.
 */
export interface FileEdit {
  overlay: Overlay;
  original: string;
  text: string;
  changes: ImageEntryChange[];
  /** The entries as they were, for error hints ([] for a pin's file). */
  entries: ImageEntry[];
  isComponent: boolean;
  /** Set for a pin's file: each pin edited in it, in order (two pins may share an Application file). */
  pins?: PinFileEdit[];
}

/** One pin's part of a FileEdit: the pin, and the changes it made (each with where in the file). */
export interface PinFileEdit {
  pin: Pin;
  changes: Array<ImageEntryChange & { location: string; line: number }>;
}

/** One row of the `images` output and of the job summary. */
export interface OverlayChange {
  overlay: string;
  file: string;
  image: string;
  /** The reference the entry produced before (`''` for a new entry). */
  old: string;
  new: string;
  before: ImageFieldValues | null;
  after: ImageFieldValues;
}

/**
 * The places a config repo pins an image besides a Kustomize overlay's
 * `images:`. Each kind is edited by its own semantics:
 * - `argocd-application`: an Argo CD Application's `spec.source.kustomize.images`
 *   (and each `spec.sources[].kustomize.images`), strings in the form of
 *   `kustomize edit set image` arguments, which Argo CD applies to the
 *   source's kustomization before it builds;
 * - `argocd-helm-parameters`: an Application's `spec.source(s).helm.parameters`
 *   (`name: image.tag`, `value: …`), and its `valuesObject` / `values`;
 * - `helm-values`: a Helm values file (`image.repository`, `image.tag`);
 * - `helm-release`: a Flux HelmRelease's `spec.values`, with the same paths;
 * - `image-setters`: YAML fields marked with a Flux setter comment
 *   (`# {"$imagepolicy": "flux-system:web:tag"}`).
 */
export type PinKind = 'argocd-application' | 'argocd-helm-parameters' | 'helm-values' | 'helm-release' | 'image-setters';

export const PIN_KINDS = ['argocd-application', 'argocd-helm-parameters', 'helm-values', 'helm-release', 'image-setters'] as const satisfies readonly PinKind[];

/**
 * Where the parts of one image sit in Helm values: dotted paths from the
 * values' root, with list indexes (`image.tag`, `images.web.tag`,
 * `sidecars[0].image.tag`). `reference` is one field holding the whole
 * reference (`image: ghcr.io/acme/web:1.4.2`), instead of repository and tag.
 */
export interface ImagePaths {
  repository?: string;
  tag?: string;
  digest?: string;
  reference?: string;
}

/** The paths a Helm pin uses when the config names none: the common chart layout. */
export const DEFAULT_IMAGE_PATHS: Readonly<ImagePaths> = { repository: 'image.repository', tag: 'image.tag', digest: 'image.digest' };

/** One image a Helm pin holds: the name arguments give it (as the app's `images:` lists it) and where its parts are. */
export interface PinnedImagePaths {
  /** The image name an argument uses (`web`, `ghcr.io/acme/api`); '' when only the file can tell (matched by the repository it holds). */
  name: string;
  paths: ImagePaths;
  /**
   * The name is not the user's: a pin named by an input that said no image
   * took the one image argument's. Its file must then hold that image (or
   * no repository at all), or the argument would set another image's tag.
   */
  nameFromArgument?: boolean;
}

/** One pin: a file of the config repo and what in it holds images. */
export interface Pin {
  kind: PinKind;
  /** The file, relative to the repo root, with forward slashes. */
  file: string;
  /**
   * Helm kinds: the images the file holds and where. Empty for
   * `argocd-application` and `image-setters`, whose files say what they hold.
   */
  images: PinnedImagePaths[];
  /** Where the pin was named, for messages: `Input 'helm-values'`, `gitops-promote.yaml: app 'web' > environments > production > pins[0]`. */
  origin?: string;
  /** Helm kinds without a digest path: write a digest into the tag as `1.4.2@sha256:…` (only when asked for). */
  digestInTag: boolean;
  /**
   * The image names this pin may change (the app's `images:`); undefined:
   * any image an argument names. Keeps one app's pin from taking another
   * app's image in a shared file.
   */
  only?: readonly string[];
}

/** A commit's author (and committer). */
export interface Identity {
  name: string;
  email: string;
}

/**
 * Where the config repo is: a checkout (`path` given), or, without `path`,
 * the `repository` on GitHub reached through the API with no clone. The CLI
 * outside Actions, with neither, works on the current folder.
 */
export type RepoLocation =
  | {
      kind: 'checkout';
      path: string;
      /** Set when path was empty and the working folder stands in: the input that would have named the repo instead. */
      missing?: 'repository' | 'token';
    }
  | { kind: 'github-api' };

/** What an environment asks of its images. (settingsFor resolves it: the workflow's inputs, else the environment in the promotion config.) */
export interface EnvironmentPolicy {
  /** A protected environment (production): no `latest` tag, and a digest when `requireDigest`. */
  protected: boolean;
  requireDigest: boolean;
}

/**
 * What GitHub's runner tells a step about the run it is part of (the
 * GITHUB_* and RUNNER_* variables), read once by main.ts and handed down.
 * Outside Actions (the CLI) the fields are empty, with GitHub.com's URLs.
 */
export interface RunContext {
  /** `owner/name` of the workflow's repository (the app repo, usually); '' outside Actions. */
  workflowRepository: string;
  /** The commit the workflow runs on, in that repository. */
  sha: string;
  actor: string;
  serverUrl: string;
  apiUrl: string;
  graphqlUrl: string;
  /** The run's page, for links from commits, PRs, issues and deployments; '' outside Actions. */
  runUrl: string;
  /** GITHUB_RUN_ID: the same for every attempt of a run ('' outside Actions), so a re-run can find what its first attempt wrote. */
  runId: string;
  /** A pull request's base branch (pull_request events), for validate's changed-only. */
  baseRef: string;
  /** Where actions/checkout put the workflow's repository, for annotation paths. */
  workspace: string | undefined;
  /** A folder for temporary files the runner cleans up (RUNNER_TEMP), else the system's. */
  tempDir: string;
  /** The commit an earlier gitops-promote step of this job pushed (GITOPS_PROMOTE_COMMIT_SHA). */
  exportedCommit: string;
  /** GITHUB_TOKEN / GH_TOKEN of the environment: the CLI's token when the token input is empty. */
  environmentToken: string;
  /** "Now" (ms) for what is judged on the clock (soak, promotion windows, freezes): the system clock, or GITOPS_PROMOTE_NOW. */
  now(): number;
}

/** The names kustomize looks for in a folder, in its order. */
export const KUSTOMIZATION_FILE_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'] as const;

/** A testing aid: an ISO 8601 instant that stands for "now" wherever the promotion gates read the clock. */
export const NOW_VARIABLE = 'GITOPS_PROMOTE_NOW';

/** The variable set-image and promote export with the commit they pushed, for a later `wait`. */
export const COMMIT_SHA_VARIABLE = 'GITOPS_PROMOTE_COMMIT_SHA';

/** The config repo on GitHub and the token to reach it; either may be '' (the CLI outside Actions). */
export interface GitHubTarget {
  /** `owner/name`: the `repository` input, else the workflow's repository. */
  repository: string;
  token: string;
}
