/** The promotion config's file at the config repo root, unless the `config` input names another. */
export const DEFAULT_CONFIG_FILE = 'gitops-promote.yaml';
