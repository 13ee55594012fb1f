import { keccak_256 } from '@noble/hashes/sha3';

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

const HEX = /^[0-9a-fA-F]*$/;
// Checked before lower-casing: some non-ASCII letters (the Kelvin sign) lower-case to ASCII.
const PLYR_ID_CHAR = /[A-Za-z0-9-]/;

export function parseIdentifier(input: unknown): ParseResult<Identifier> {
  if (typeof input !== 'string') {
    return fail(`An identifier must be text, not ${describeType(input)}.`);
  }
  if (input.length > MAX_INPUT_LENGTH) {
    return fail(`That is ${input.length} characters long; a PLYR ID has at most ${PLYR_ID_MAX} and an address 42.`);
  }
  const text = input.trim();
  if (text === '') {
    return fail('Enter a PLYR ID (such as player123) or a 0x wallet address.');
  }
  if (/^0x/i.test(text)) {
    return parseAddress(text);
  }
  return parsePlyrId(text);
}

function parseAddress(text: string): ParseResult<Identifier> {
  const hex = text.slice(2);
  if (!HEX.test(hex)) {
    const bad = [...hex].find((c) => !/[0-9a-fA-F]/.test(c)) ?? '';
    return fail(`This wallet address is malformed: ${describeChar(bad)} is not a hex digit (0-9, a-f).`);
  }
  if (hex.length !== ADDRESS_HEX_DIGITS) {
    const size = hex.length < ADDRESS_HEX_DIGITS ? 'too short' : 'too long';
    return fail(`This wallet address is ${size}: it has ${hex.length} hex digits after 0x, and an address has ${ADDRESS_HEX_DIGITS}.`);
  }
  const checksummed = toChecksumAddress(hex);
  const mixedCase = hex !== hex.toLowerCase() && hex !== hex.toUpperCase();
  return { ok: true, value: { kind: 'address', value: checksummed, checksumMatches: !mixedCase || `0x${hex}` === checksummed } };
}

function parsePlyrId(text: string): ParseResult<Identifier> {
  const bad = [...text].find((c) => !PLYR_ID_CHAR.test(c));
  if (bad !== undefined) {
    return fail(`A PLYR ID uses only letters, digits and '-': ${describeChar(bad)} is not allowed.`);
  }
  const id = text.toLowerCase();
  if (id.length < PLYR_ID_MIN || id.length > PLYR_ID_MAX) {
    return fail(`A PLYR ID has ${PLYR_ID_MIN} to ${PLYR_ID_MAX} characters; this one has ${id.length}.`);
  }
  if (id.startsWith('-') || id.endsWith('-')) {
    return fail("A PLYR ID starts and ends with a letter or digit, not '-'.");
  }
  if (id.includes('--')) {
    return fail("A PLYR ID cannot contain '--'.");
  }
  return { ok: true, value: { kind: 'plyrId', value: id } };
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
    return 'a character';
  }
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  if (c === ' ') {
    return `a space (${hex})`;
  }
  return code > 0x20 && code < 0x7f ? `'${c}' (${hex})` : `the character ${hex}`;
}

export function describeType(value: unknown): string {
  if (value === null || value === undefined) {
    return String(value);
  }
  if (Array.isArray(value)) {
    return 'a list';
  }
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function fail<T>(message: string): ParseResult<T> {
  return { ok: false, message };
}
