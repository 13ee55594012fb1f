import * as l10n from '@vscode/l10n';
import { describeChar, describeType, ParseResult } from './identifier';

/**
 * A token filter for the balance endpoint: a lower-case API name (`plyr`, `usdc`) or a token
 * contract address. `undefined` means all tokens.
 */
export type TokenName = string;

const MAX_TOKEN_NAME = 42;
// Checked before lower-casing, as for PLYR IDs.
const API_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const TOKEN_ADDRESS = /^0x[0-9a-fA-F]{40}$/;

export function parseTokenName(input: unknown): ParseResult<TokenName | undefined> {
  if (input === undefined || input === null) {
    return { ok: true, value: undefined };
  }
  if (typeof input !== 'string') {
    return { ok: false, message: l10n.t('A token name must be text, not {0}.', describeType(input)) };
  }
  const text = input.trim();
  if (text === '') {
    return { ok: true, value: undefined };
  }
  if (text.length > MAX_TOKEN_NAME) {
    return { ok: false, message: l10n.t('A token name has at most {0} characters; this one has {1}.', MAX_TOKEN_NAME, text.length) };
  }
  if (/^0x/i.test(text)) {
    return TOKEN_ADDRESS.test(text)
      ? { ok: true, value: text }
      : { ok: false, message: l10n.t('A token address is 0x followed by 40 hex digits.') };
  }
  if (!API_NAME.test(text)) {
    const bad = [...text].find((c, i) => !(i === 0 ? /[A-Za-z0-9]/ : /[A-Za-z0-9._-]/).test(c)) ?? '';
    return { ok: false, message: l10n.t("A token name uses letters, digits, '.', '_' and '-' and starts with a letter or digit: {0} is not allowed.", describeChar(bad)) };
  }
  return { ok: true, value: text.toLowerCase() };
}
