import { InputError } from '../errors.js';
import { splitImageReference } from './image-reference.js';

/** `*` in a position of an argument keeps the entry's current value there. */
export const KEEP = '*';

/**
 * One argument of `kustomize edit set image`, parsed. `newName`, `newTag` and
 * `digest` are `''` when the argument does not set them (and so clears them,
 * as kustomize does) and `KEEP` when it keeps the current value.
 */
export interface ImageArgument {
  /** The text the user gave. */
  source: string;
  /** The `name` of the `images:` entry to change or add. */
  name: string;
  newName: string;
  newTag: string;
  digest: string;
}

// OCI distribution grammar: a host (with optional port) and lower-case path components.
const HOST = String.raw`(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:]+\])(?::[0-9]+)?`;
const PATH_COMPONENT = String.raw`[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*`;
const REPOSITORY = new RegExp(String.raw`^(?:${HOST}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST = /^(sha256:[a-f0-9]{64}|sha384:[a-f0-9]{96}|sha512:[a-f0-9]{128})$/;
// An entry's `name` is matched by kustomize, not pulled: any reference-like text without blanks.
const ENTRY_NAME = /^[^\s=@]+$/;

export function parseImageArgument(text: string, input = 'images'): ImageArgument {
  const source = text.trim();
  const fail = (problem: string): never => {
    throw new InputError(input, `'${source}' ${problem}`);
  };

  const eq = source.indexOf('=');
  // kustomize would write an entry with an empty name, which matches nothing.
  if (eq === 0) fail('has no image name before "=".');
  const key = eq < 0 ? '' : source.slice(0, eq);
  const value = eq < 0 ? source : source.slice(eq + 1);
  const parts = splitImageReference(value);

  if (eq < 0 && parts.name === source) {
    fail('sets nothing: write name=newName:tag, name:tag, name@sha256:… or name=newName.');
  }
  const name = key === '' ? parts.name : key;
  if (!ENTRY_NAME.test(name) || name === KEEP) fail(`has an invalid image name '${name}'.`);

  const newName = key === '' ? '' : parts.name;
  if (key !== '' && newName === '') fail('has nothing after "=": give the new image name, tag or digest.');
  if (newName !== '' && newName !== KEEP && !REPOSITORY.test(newName)) {
    fail(`has an invalid new image name '${newName}' (lower-case repository path, optional registry host).`);
  }
  if (parts.tag !== '' && parts.tag !== KEEP && !TAG.test(parts.tag)) {
    fail(`has an invalid tag '${parts.tag}' (letters, digits, '_', '.', '-'; at most 128 characters).`);
  }
  if (value.includes(':') && parts.tag === '' && parts.digest === '' && !REPOSITORY.test(value)) {
    fail('has an empty tag after ":".');
  }
  if (parts.digest !== '' && parts.digest !== KEEP && !DIGEST.test(parts.digest)) {
    fail(`has an invalid digest '${parts.digest}' (expected sha256: and 64 lower-case hex digits).`);
  }
  return { source, name, newName, newTag: parts.tag, digest: parts.digest };
}

/** Parses every argument; a later argument for the same name replaces an earlier one, as in kustomize. */
export function parseImageArguments(texts: readonly string[], input = 'images'): ImageArgument[] {
  if (texts.length === 0) throw new InputError(input, 'no image given; give at least one, such as web=ghcr.io/acme/web:1.4.2.');
  const byName = new Map<string, ImageArgument>();
  for (const text of texts) {
    const argument = parseImageArgument(text, input);
    byName.delete(argument.name);
    byName.set(argument.name, argument);
  }
  return [...byName.values()];
}
