/** Finding wallet addresses in a line of text, for the editor prefill, the hover and the checksum diagnostics. */
const ADDRESS = /0x[0-9a-fA-F]{40}/g;
const HEX_CHAR = /[0-9a-zA-Z_]/;
/** `"Send to:\n0x…"`: the letter of an escape sequence before an address is no part of its word. */
const ESCAPE_BEFORE = /\\[nrtbfv0]$/;

/**
 * Lines longer than this (minified code, data blobs) are not scanned for addresses: scanning them
 * costs too much, and an address in them is rarely meant to be read.
 */
export const MAX_SCANNED_LINE = 10_000;

export interface FoundAddress {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Every `0x` + 40 hex address in `line`, left to right. A match that is only part of a longer run
 * of word characters (a hash, a longer hex string) is not an address.
 */
export function addressesIn(line: string): FoundAddress[] {
  const found: FoundAddress[] = [];
  for (const match of line.matchAll(ADDRESS)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    const before = start > 0 ? line[start - 1] : '';
    const after = end < line.length ? line[end] : '';
    if ((!HEX_CHAR.test(before) || ESCAPE_BEFORE.test(line.slice(Math.max(0, start - 2), start))) && !HEX_CHAR.test(after)) {
      found.push({ text: match[0], start, end });
    }
  }
  return found;
}

/** The address that covers `character` (its end included), or undefined. */
export function addressAt(line: string, character: number): FoundAddress | undefined {
  // Matches never overlap, and two that touch both fail the word-boundary rule: at most one covers it.
  return addressesIn(line).find((found) => character >= found.start && character <= found.end);
}
