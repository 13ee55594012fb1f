import { keccak_256 } from '@noble/hashes/sha3';
import * as l10n from '@vscode/l10n';

/**
 * Identifiers the balance endpoint accepts: a PLYR ID or a wallet address (rules from plyr-api.md).
 * Anything that fails here never reaches a URL.
 */
export type Identifier = PlyrIdIdentifier | AddressIdentifier;

export interface PlyrIdIdentifier {
  readonly kind: 'plyrId';
  /** Lower case: the server stores PLYR IDs in lower case and matches the path segment exactly. */
  readonly value: string;
}

/**
 * What is wrong with text that is read as a PLYR ID but looks like a mistyped wallet address:
 * the wrong number of hex digits, or about the right number of characters with a few not hex.
 */
export type AddressLookalike =
  | {
      /** Hex digits after the `0x` (38, 39, 41 or 42). */
      readonly hexDigits: number;
    }
  | {
      /** Characters after the `0x` (38 to 42). */
      readonly characters: number;
      /** The first of them that is not a hex digit, and its place after the `0x` (from 1). */
      readonly notHex: string;
      readonly at: number;
    };

export interface AddressIdentifier {
  readonly kind: 'address';
  /** EIP-55 checksummed form: the server compares addresses in this form. */
  readonly value: string;
  /** false when the input was mixed case and its checksum does not match (a likely typo). */
  readonly checksumMatches: boolean;
}

export type ParseResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/** Longest input worth inspecting; beyond it we do not even scan (and never echo) the text. */
const MAX_INPUT_LENGTH = 256;
const PLYR_ID_MIN = 5;
const PLYR_ID_MAX = 64;
const ADDRESS_HEX_DIGITS = 40;
/** A typo's worth: with more characters than this that are not hex, `0x…` is more likely an ID of its own. */
const LOOKALIKE_MAX_NOT_HEX = 4;

const HEX = /^[0-9a-fA-F]*$/;
const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
// Checked before lower-casing: some non-ASCII letters (the Kelvin sign) lower-case to ASCII.
const PLYR_ID_CHAR = /[A-Za-z0-9-]/;

/**
 * The real server's order (viem's `isAddress`, then its `verifyPlyrid`): `0x` + 40 hex digits is
 * an address; anything else that passes the PLYR ID rules is a PLYR ID, `0x…` included
 * (`0xgamer` is a registered kind of ID); the rest is refused before any request.
 */
export function parseIdentifier(input: unknown): ParseResult<Identifier> {
  if (typeof input !== 'string') {
    return fail(l10n.t('An identifier must be text, not {0}.', describeType(input)));
  }
  if (input.length > MAX_INPUT_LENGTH) {
    return fail(l10n.t('That is {0} characters long; a PLYR ID has at most {1} and an address 42.', input.length, PLYR_ID_MAX));
  }
  const text = input.trim();
  if (text === '') {
    return fail(l10n.t('Enter a PLYR ID (such as player123) or a 0x wallet address.'));
  }
  if (isAddressText(text)) {
    return { ok: true, value: addressOf(text) };
  }
  // `0X` + 40 hex digits passes the ID rules, but lower-cased (as IDs are kept) it is an address
  // again: no list, file or server route could tell the two apart, so it is refused.
  if (/^0X[0-9a-fA-F]{40}$/.test(text)) {
    return fail(l10n.t('A wallet address starts with a lower-case 0x: write 0x, not 0X.'));
  }
  const plyrId = parsePlyrId(text);
  // Hex only after 0x: meant as an address, so say what is wrong with it as one.
  if (!plyrId.ok && /^0x/i.test(text) && HEX.test(text.slice(2))) {
    return fail(addressProblem(text.slice(2)));
  }
  return plyrId;
}

/** `0x` + 40 hex digits, as viem's `isAddress` reads the shape (a lower-case `x`). */
export function isAddressText(text: string): boolean {
  return ADDRESS.test(text);
}

/**
 * A PLYR ID that looks like a mistyped address (`0x` + 38, 39, 41 or 42 hex digits, or `0x` + 38
 * to 42 characters of which a few are not hex): valid as an ID, but when no such account exists
 * the user most likely meant an address. Undefined otherwise.
 */
export function addressLookalike(plyrId: string): AddressLookalike | undefined {
  const match = /^0x([0-9a-f]{38,42})$/i.exec(plyrId);
  if (match) {
    return match[1].length !== ADDRESS_HEX_DIGITS ? { hexDigits: match[1].length } : undefined;
  }
  // A PLYR ID is ASCII: one character a code unit.
  const rest = /^0x(.{38,42})$/i.exec(plyrId)?.[1];
  const notHex = rest === undefined ? -1 : rest.search(/[^0-9a-f]/i);
  if (rest === undefined || notHex < 0 || [...rest].filter((c) => !/[0-9a-f]/i.test(c)).length > LOOKALIKE_MAX_NOT_HEX) {
    return undefined;
  }
  return { characters: rest.length, notHex: rest[notHex], at: notHex + 1 };
}

/** Why a mixed-case address whose EIP-55 checksum fails deserves a second look: one sentence for the hover, the hints, the diagnostics and Check Balance. */
export function checksumMismatchWarning(): string {
  return l10n.t('This mixed-case address fails its EIP-55 checksum: it may contain a typo.');
}

/**
 * What deserves a second look in an identifier that is valid: a mixed-case address whose EIP-55
 * checksum fails (a probable typo), or a PLYR ID that looks like a mistyped address.
 */
export function identifierWarning(identifier: Identifier): string | undefined {
  if (identifier.kind === 'address') {
    return identifier.checksumMatches ? undefined : checksumMismatchWarning();
  }
  const lookalike = addressLookalike(identifier.value);
  if (!lookalike) {
    return undefined;
  }
  if ('notHex' in lookalike) {
    return l10n.t({
      message: 'Read as a PLYR ID: a wallet address has {0} hex digits after 0x; this has {1} characters, and {2}, character {3}, is not a hex digit.',
      args: [ADDRESS_HEX_DIGITS, lookalike.characters, describeChar(lookalike.notHex), lookalike.at],
      comment: "{2} is a character quoted, then its Unicode code point, such as: 'g' (U+0067); {3} its place after 0x, from 1",
    });
  }
  return l10n.t('Read as a PLYR ID: a wallet address has {0} hex digits after 0x, and this has {1}.', ADDRESS_HEX_DIGITS, lookalike.hexDigits);
}

/** The sentence added to "no account" for an {@link addressLookalike}. */
export function notAnAddressEither(lookalike: AddressLookalike): string {
  if ('notHex' in lookalike) {
    return l10n.t({
      message: 'It is not a valid wallet address either: it has {0} characters after 0x, and {1}, character {2}, is not a hex digit.',
      args: [lookalike.characters, describeChar(lookalike.notHex), lookalike.at],
      comment: "{1} is a character quoted, then its Unicode code point, such as: 'g' (U+0067); {2} its place after 0x, from 1",
    });
  }
  return l10n.t('It is not a valid wallet address either: it has {0} hex digits after 0x, and an address has {1}.', lookalike.hexDigits, ADDRESS_HEX_DIGITS);
}

/** An {@link isAddressText} address in its checksummed form, and whether its own case agreed. */
export function addressOf(text: string): AddressIdentifier {
  const hex = text.slice(2);
  const checksummed = toChecksumAddress(hex);
  const mixedCase = hex !== hex.toLowerCase() && hex !== hex.toUpperCase();
  return { kind: 'address', value: checksummed, checksumMatches: !mixedCase || `0x${hex}` === checksummed };
}

function addressProblem(hex: string): string {
  if (hex.length === 0) {
    return l10n.t('0x alone is neither a wallet address (0x and 40 hex digits) nor a PLYR ID.');
  }
  return hex.length < ADDRESS_HEX_DIGITS
    ? l10n.t('This wallet address is too short: it has {0} hex digits after 0x, and an address has {1}.', hex.length, ADDRESS_HEX_DIGITS)
    : l10n.t('This wallet address is too long: it has {0} hex digits after 0x, and an address has {1}.', hex.length, ADDRESS_HEX_DIGITS);
}

/** The rules of the server's `verifyPlyrid`, each failure with its own message. */
function parsePlyrId(text: string): ParseResult<Identifier> {
  const bad = [...text].find((c) => !PLYR_ID_CHAR.test(c));
  if (bad !== undefined) {
    return fail(l10n.t("A PLYR ID uses only letters, digits and '-': {0} is not allowed.", describeChar(bad)));
  }
  const id = text.toLowerCase();
  if (id.length < PLYR_ID_MIN || id.length > PLYR_ID_MAX) {
    return fail(l10n.t('A PLYR ID has {0} to {1} characters; this one has {2}.', PLYR_ID_MIN, PLYR_ID_MAX, id.length));
  }
  if (id.startsWith('-') || id.endsWith('-')) {
    return fail(l10n.t("A PLYR ID starts and ends with a letter or digit, not '-'."));
  }
  if (id.includes('--')) {
    return fail(l10n.t("A PLYR ID cannot contain '--'."));
  }
  if (!/[a-z]/.test(id)) {
    return fail(l10n.t('A PLYR ID has at least one letter: digits alone are not an ID.'));
  }
  return { ok: true, value: { kind: 'plyrId', value: id } };
}

/** A PLYR ID as the server sends it (an account's owner, say): the same rules, or undefined. */
export function parsePlyrIdOnly(input: unknown): string | undefined {
  if (typeof input !== 'string' || input.length > PLYR_ID_MAX) {
    return undefined;
  }
  const parsed = parsePlyrId(input);
  return parsed.ok ? parsed.value.value : undefined;
}

/** EIP-55: upper-case each hex letter whose nibble in keccak256(lower-case hex) is 8 or more. */
export function toChecksumAddress(hex40: string): string {
  const lower = hex40.toLowerCase();
  const hash = keccak_256(new TextEncoder().encode(lower));
  let out = '0x';
  for (let i = 0; i < lower.length; i++) {
    const nibble = (hash[i >> 1] >> (i % 2 === 0 ? 4 : 0)) & 0x0f;
    out += nibble >= 8 ? lower[i].toUpperCase() : lower[i];
  }
  return out;
}

/**
 * Names one offending character without echoing raw input: messages end up in notifications,
 * which render Markdown-style links, so we show a printable ASCII character or its code point.
 */
export function describeChar(c: string): string {
  const code = c.codePointAt(0);
  if (code === undefined) {
    return l10n.t('a character');
  }
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  if (c === ' ') {
    return l10n.t('a space ({0})', hex);
  }
  return code > 0x20 && code < 0x7f
    ? l10n.t({ message: "'{0}' ({1})", args: [c, hex], comment: 'A character quoted, then its Unicode code point, such as: \'$\' (U+0024)' })
    : l10n.t('the character {0}', hex);
}

/** The kind of a value, for "must be text, not …" messages; `null` and `undefined` are shown as code. */
export function describeType(value: unknown): string {
  if (value === null || value === undefined) {
    return String(value);
  }
  if (Array.isArray(value)) {
    return l10n.t('a list');
  }
  // One message per type, not 'a {0}': the article depends on the noun in most languages.
  switch (typeof value) {
    case 'object':
      return l10n.t('an object');
    case 'string':
      return l10n.t('a string');
    case 'number':
      return l10n.t('a number');
    case 'bigint':
      return l10n.t('a bigint');
    case 'boolean':
      return l10n.t('a boolean');
    case 'symbol':
      return l10n.t('a symbol');
    default: // 'function'
      return l10n.t('a function');
  }
}

function fail<T>(message: string): ParseResult<T> {
  return { ok: false, message };
}
