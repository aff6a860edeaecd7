import { InputError } from '../errors.js';

const OWNER_NAME = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/;

/** `owner/name` as GitHub spells repositories, or a one-line error naming the input. */
export function parseOwnerName(input: string, value: string): { owner: string; repo: string } {
  const match = OWNER_NAME.exec(value.trim());
  if (!match) throw new InputError(input, `'${value}' is not a repository as owner/name.`);
  return { owner: match[1], repo: match[2] };
}
