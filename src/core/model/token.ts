import * as l10n from '@vscode/l10n';
import { addressOf, describeChar, describeType, isAddressText, ParseResult } from './identifier';

/**
 * A token filter for the balance endpoint: a lower-case API name (`plyr`, `usdc`) or a token
 * contract address in its checksummed form. `undefined` means all tokens.
 */
export type TokenName = string;

const MAX_TOKEN_NAME = 42;
// Checked before lower-casing, as for PLYR IDs.
const API_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

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
    // The server checks a token address with viem's strict isAddress: a wrong mixed-case checksum,
    // or all upper case, is refused as "Invalid tokenName". The checksummed form always passes.
    if (!isAddressText(text)) {
      return { ok: false, message: l10n.t('A token address is 0x followed by 40 hex digits.') };
    }
    const address = addressOf(text);
    if (!address.checksumMatches) {
      return { ok: false, message: l10n.t('This token address fails its EIP-55 checksum, so it may contain a typo (the PLYR API would answer "Invalid tokenName"). Check it, or type it in lower case.') };
    }
    return { ok: true, value: address.value };
  }
  if (!API_NAME.test(text)) {
    const chars = [...text];
    const at = chars.findIndex((c, i) => !(i === 0 ? /[A-Za-z0-9]/ : /[A-Za-z0-9._-]/).test(c));
    const bad = describeChar(chars[at] ?? '');
    // The reason first: a quick pick's row, a notification's line, cut where they run out of room.
    const reason = at === 0 && /[._-]/.test(chars[0]) ? l10n.t('At the start of a token name, {0} is not allowed.', bad) : l10n.t('In a token name, {0} is not allowed.', bad);
    return { ok: false, message: `${reason} ${l10n.t("A token name uses letters, digits, '.', '_' and '-' and starts with a letter or digit.")}` };
  }
  // The server looks a name up in a plain object (`TOKEN_LIST()[name.toLowerCase()]`), where
  // `constructor` is found as on every object: it passes for a listed token with no address, and
  // the balance read then fails with a 500 that says nothing of the name.
  if (text.toLowerCase() === 'constructor') {
    return { ok: false, message: l10n.t('"constructor" is not a token the PLYR API can look up: it takes the word for a listed token, then fails. Use a token from the list or a contract address.') };
  }
  return { ok: true, value: text.toLowerCase() };
}

/** The most names a row's token filter holds: far more than any account's balances. */
export const MAX_TOKEN_FILTER = 1000;

/**
 * A sidebar row's token filter, as given to `plyr.filterTokens`: a list of token names, each
 * checked and normalised as {@link parseTokenName} does (duplicates dropped), or `null` for all
 * tokens. An empty list shows none. A bad entry refuses the whole list, naming the entry.
 */
export function parseTokenFilter(input: unknown): ParseResult<readonly TokenName[] | undefined> {
  if (input === undefined || input === null) {
    return { ok: true, value: undefined };
  }
  if (!Array.isArray(input)) {
    const message = l10n.t({
      message: 'Token filters are a list of token names, or {0} for all tokens, not {1}.',
      args: ['null', describeType(input)],
      comment: '{0} is a JavaScript value; {1} the kind of value given, such as: a number',
    });
    return { ok: false, message };
  }
  if (input.length > MAX_TOKEN_FILTER) {
    return { ok: false, message: l10n.t('A token filter has at most {0} names; this one has {1}.', MAX_TOKEN_FILTER, input.length) };
  }
  const names = new Set<TokenName>();
  for (const [i, raw] of input.entries()) {
    const entry = parseTokenFilterEntry(raw);
    if (!entry.ok) {
      return { ok: false, message: l10n.t({ message: 'Token filter entry {0}: {1}', args: [i + 1, entry.message], comment: '{1} says what is wrong with the entry' }) };
    }
    names.add(entry.value);
  }
  return { ok: true, value: [...names] };
}

/** One name of a token filter: unlike a lone token, null or blank means no name, not all tokens. */
function parseTokenFilterEntry(raw: unknown): ParseResult<TokenName> {
  if (typeof raw !== 'string') {
    return { ok: false, message: l10n.t('A token name must be text, not {0}.', describeType(raw)) };
  }
  const parsed = parseTokenName(raw);
  if (!parsed.ok) {
    return parsed;
  }
  return parsed.value === undefined ? { ok: false, message: l10n.t('A token name cannot be empty.') } : { ok: true, value: parsed.value };
}
