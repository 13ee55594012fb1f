import * as l10n from '@vscode/l10n';
import { describeType, ParseResult } from './identifier';

/** `0x` + 64 hex digits: the only text ever put into an explorer's `/tx/` URL. */
const TX_HASH = /^0x[0-9a-fA-F]{64}$/;
/** Longer is no hash: refused before any other check, and never echoed. */
const MAX_INPUT = 200;

export function isTransactionHash(value: unknown): value is string {
  return typeof value === 'string' && TX_HASH.test(value);
}

/** A transaction hash as typed or passed (surrounding spaces ignored), lower case; else why not. */
export function parseTransactionHash(input: unknown): ParseResult<string> {
  if (typeof input !== 'string') {
    return { ok: false, message: l10n.t('A transaction hash must be text, not {0}.', describeType(input)) };
  }
  const text = input.trim();
  if (text === '') {
    return { ok: false, message: l10n.t('Enter a transaction hash: 0x followed by 64 hex digits.') };
  }
  if (text.length <= MAX_INPUT && TX_HASH.test(text)) {
    return { ok: true, value: text.toLowerCase() };
  }
  const digits = text.length <= MAX_INPUT ? /^0x([0-9a-fA-F]*)$/.exec(text)?.[1].length : undefined;
  return digits === undefined
    ? { ok: false, message: l10n.t('A transaction hash is 0x followed by 64 hex digits.') }
    : { ok: false, message: l10n.t('A transaction hash is 0x followed by 64 hex digits; this one has {0}.', digits) };
}
