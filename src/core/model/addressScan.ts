/** Finding a wallet address in a line of text, for the editor prefill and the hover. */
const ADDRESS = /0x[0-9a-fA-F]{40}/g;
const HEX_CHAR = /[0-9a-zA-Z_]/;

export interface FoundAddress {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/**
 * The `0x` + 40 hex address that covers `character`, or undefined. A match that is only part of a
 * longer run of word characters (a hash, a longer hex string) is not an address.
 */
export function addressAt(line: string, character: number): FoundAddress | undefined {
  for (const match of line.matchAll(ADDRESS)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    if (character < start || character > end) {
      continue;
    }
    const before = start > 0 ? line[start - 1] : '';
    const after = end < line.length ? line[end] : '';
    if (HEX_CHAR.test(before) || HEX_CHAR.test(after)) {
      return undefined;
    }
    return { text: match[0], start, end };
  }
  return undefined;
}
