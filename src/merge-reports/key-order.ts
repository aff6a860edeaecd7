/** A key's place in `keys` (the order an unsharded run found the items in); a key not there goes last. */
export function orderOf(keys: readonly string[]): (key: string) => number {
  const positions = new Map(keys.map((key, position) => [key, position]));
  return (key) => positions.get(key) ?? keys.length;
}
