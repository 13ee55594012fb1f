import { isAddressText } from '../model/identifier';

/** `0x742d…f44e`: an address where a row, a hint or a menu has room for a name. */
export function shortAddress(address: string): string {
  return `${address.slice(0, 6)}…${address.slice(-4)}`;
}

/**
 * A token as every surface names it: its symbol in capitals, or a short contract address (a
 * balance asked for by the token's address is keyed by it; in capitals it would read "0X742D…").
 */
export function tokenLabel(token: string): string {
  return isAddressText(token) ? shortAddress(token) : token.toUpperCase();
}
