import { isAddressText } from '../model/identifier';

/** `0x742d…f44e`: an address where a row, a hint or a menu has room for a name. */
export function shortAddress(address: string): string {
  return `${address.slice(0, 6)}…${address.slice(-4)}`;
}

/**
 * A token as every surface names it: its symbol in capitals, or a short contract address (a
 * balance asked for by the token's address is keyed by it; in capitals it would read "0X742D…").
 * A letter beyond ASCII whose capital is ASCII ("ſ" reads "S", "ﬀ" "FF") keeps its case: an
 * unusual name would read as a listed one.
 */
export function tokenLabel(token: string): string {
  if (isAddressText(token)) {
    return shortAddress(token);
  }
  return ASCII.test(token) ? token.toUpperCase() : [...token].map(capital).join('');
}

const ASCII = /^[\x00-\x7f]*$/;

function capital(c: string): string {
  const upper = c.toUpperCase();
  return ASCII.test(c) || !/[\x00-\x7f]/.test(upper) ? upper : c;
}
