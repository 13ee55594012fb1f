import { isAddressText } from '../model/identifier';
import { inertLabel } from '../model/safeText';

/** `0x742d…f44e`: an address where a row, a hint or a menu has room for a name. */
export function shortAddress(address: string): string {
  return `${address.slice(0, 6)}…${address.slice(-4)}`;
}

/**
 * What the token list knows of a token: a listed token's contract address (any case) is its API
 * name (`0x6131…` → `gamr`), anything else is itself. The store's balanceKeyOf is one.
 */
export type TokenNames = (token: string) => string;

/**
 * A token as every surface names it: its symbol in capitals, or a short contract address (a
 * balance asked for by the token's address is keyed by it; in capitals it would read "0X742D…").
 * With `names`, a contract the token list knows goes by its API name, as its balances do: the
 * list's name, never its symbol (a listed `evil` whose symbol is `PLYR` reads EVIL, as in the picker).
 * The PLYR API names tokens in lower-case ASCII (`gamr`, `usdc.e`). Any other name is shown as
 * sent, in quotation marks, with each character beyond ASCII as its code point and each invisible
 * one as its picture: `usdс` with a Cyrillic с reads `"usd‹U+0441›"`, `PLYR` reads `"PLYR"` and
 * `plyr ` reads `"plyr␠"`, so that none reads as the listed PLYR or USDC, nor as each other.
 */
export function tokenLabel(token: string, names?: TokenNames): string {
  if (isAddressText(token)) {
    const name = names?.(token);
    // An unlisted contract (or no list) keeps its address; a name goes through the checks below.
    return name === undefined || isAddressText(name) ? shortAddress(token) : tokenLabel(name);
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

/**
 * A listed token in a picker: named by its API name, as the balances it leads to are. The
 * server's symbol is its own text, so it stands beside the name, and only where it differs:
 * a token `evil` whose symbol is `PLYR` reads `EVIL` with `PLYR` beside it, never as PLYR.
 */
export function listedTokenText(token: { readonly apiId: string; readonly symbol: string; readonly name: string }): { label: string; description: string } {
  const label = tokenLabel(token.apiId);
  const symbol = inertLabel(token.symbol, 20);
  const name = inertLabel(token.name);
  // Each said once: a token named as its symbol reads "PLYR", not "PLYR PLYR".
  const said = [symbol === label ? undefined : symbol, name === label || name === symbol ? undefined : name];
  return { label, description: said.filter((part) => part !== undefined).join(' · ') };
}
