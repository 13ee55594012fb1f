import { isAddressText } from '../model/identifier';

/** `0x742d…f44e`: an address where a row, a hint or a menu has room for a name. */
export function shortAddress(address: string): string {
  return `${address.slice(0, 6)}…${address.slice(-4)}`;
}

/**
 * A token as every surface names it: its symbol in capitals, or a short contract address (a
 * balance asked for by the token's address is keyed by it; in capitals it would read "0X742D…").
 * A character beyond ASCII shows as its code point (`usdс` with a Cyrillic с reads "USD‹U+0441›"):
 * the PLYR API lists ASCII names only, and a letter of another script, or one whose capital is
 * ASCII ("ſ" reads "S"), would let a server's name read as a listed one.
 */
export function tokenLabel(token: string): string {
  if (isAddressText(token)) {
    return shortAddress(token);
  }
  return token.replace(/[a-z]+/g, (letters) => letters.toUpperCase()).replace(BEYOND_ASCII, codePoint);
}

const BEYOND_ASCII = /[^\x00-\x7f]/gu;

function codePoint(c: string): string {
  return `‹U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}›`;
}
