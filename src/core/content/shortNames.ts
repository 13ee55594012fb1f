import { isAddressText } from '../model/identifier';

/** `0x742d…f44e`: an address where a row, a hint or a menu has room for a name. */
export function shortAddress(address: string): string {
  return `${address.slice(0, 6)}…${address.slice(-4)}`;
}

/**
 * A token as every surface names it: its symbol in capitals, or a short contract address (a
 * balance asked for by the token's address is keyed by it; in capitals it would read "0X742D…").
 * The PLYR API names tokens in lower-case ASCII (`gamr`, `usdc.e`). Any other name is shown as
 * sent, in quotation marks, with each character beyond ASCII as its code point and each invisible
 * one as its picture: `usdс` with a Cyrillic с reads `"usd‹U+0441›"`, `PLYR` reads `"PLYR"` and
 * `plyr ` reads `"plyr␠"`, so that none reads as the listed PLYR or USDC, nor as each other.
 */
export function tokenLabel(token: string): string {
  if (isAddressText(token)) {
    return shortAddress(token);
  }
  if (API_NAME.test(token)) {
    return token.toUpperCase();
  }
  return `"${token.replace(BEYOND_ASCII, codePoint).replace(INVISIBLE_ASCII, controlPicture)}"`;
}

const API_NAME = /^[a-z0-9][a-z0-9._-]*$/;
const INVISIBLE_ASCII = /[\x00-\x20\x7f]/g;
const BEYOND_ASCII = /[^\x00-\x7f]/gu;

/** ␠ for a space, ␉ for a tab, and so on (Unicode's Control Pictures). */
function controlPicture(c: string): string {
  const code = c.charCodeAt(0);
  return String.fromCharCode(code === 0x7f ? 0x2421 : 0x2400 + code);
}

function codePoint(c: string): string {
  return `‹U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}›`;
}
