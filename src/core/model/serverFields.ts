import * as l10n from '@vscode/l10n';
import { decimalFromJsonNumber, isAmount } from './decimal';
import { malformedResponse } from './errors';
import { isJsonObject, JsonNumber, ownField } from './exactJson';
import { addressOf, describeType, isAddressText, parsePlyrIdOnly } from './identifier';
import { quoted } from './safeText';
import { parseTokenName } from './token';

/**
 * Reading the entries of a server's answer field by field (chips, allowances, activity, wallets):
 * each value checked for its kind, an entry that lacks what it cannot do without left out and
 * noted, the rest kept. Values come from {@link parseExactJson}, so numbers are JsonNumbers.
 */

/** Something the server sent that was left out, and why. */
export interface Skipped {
  /** Where: a path into the answer (`[3]`, `[3].data.amount`, `mygame.0xAbC…`), its keys made inert. */
  readonly at: string;
  /** Why, translated: `"balance" is missing`. */
  readonly reason: string;
}

/** What a parser read, and what it left out. */
export interface Parsed<T> {
  readonly value: T;
  readonly skipped: readonly Skipped[];
}

/** One kind of field value: how it is read, and what it should have been (for the reason). */
export interface FieldKind<T> {
  /** The value normalised, or undefined when it is not of this kind. */
  readonly read: (value: unknown) => T | undefined;
  /** Translated, after "is not": "a wallet address". */
  readonly expected: () => string;
}

const MAX_AMOUNT_LENGTH = 200;
const MAX_TEXT_LENGTH = 200;
const MAX_URL_LENGTH = 2048;
/** The last instant a JavaScript Date can hold. */
export const MAX_TIME_MS = 8.64e15;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;
const SIMPLE_KEY = /^[A-Za-z0-9_$-]{1,64}$/;

/** An amount, exact: a decimal string as sent, or a JSON number's own text written out (`1e+21`). */
export const AMOUNT: FieldKind<string> = {
  read: (value) => {
    const text = value instanceof JsonNumber ? decimalFromJsonNumber(value.text, MAX_AMOUNT_LENGTH) : value;
    return typeof text === 'string' && text.length <= MAX_AMOUNT_LENGTH && isAmount(text) ? text : undefined;
  },
  expected: () => l10n.t('a plain non-negative decimal number'),
};

/** An instant as epoch ms: an ISO 8601 time (how a server's Date reaches JSON) or a whole number of ms. */
export const TIME: FieldKind<number> = {
  read: (value) => {
    const ms = typeof value === 'string' && ISO_TIME.test(value) ? Date.parse(value) : value instanceof JsonNumber && /^\d{1,16}$/.test(value.text) ? Number(value.text) : Number.NaN;
    return ms >= 0 && ms <= MAX_TIME_MS ? ms : undefined;
  },
  expected: () => l10n.t('a date and time'),
};

/** A wallet or contract address, checksummed; a mixed-case one whose checksum fails is refused. */
export const ADDRESS: FieldKind<string> = {
  read: (value) => {
    const address = typeof value === 'string' && isAddressText(value) ? addressOf(value) : undefined;
    return address?.checksumMatches ? address.value : undefined;
  },
  expected: () => l10n.t('a wallet address (0x and 40 hex digits)'),
};

/** A PLYR ID, lower case. */
export const PLYR_ID: FieldKind<string> = {
  read: parsePlyrIdOnly,
  expected: () => l10n.t('a PLYR ID'),
};

/**
 * A game's ID, lower case. Games are PLYR accounts, but the rule is looser than a PLYR ID's, so
 * that no game is hidden for its name; it still keeps to characters that are safe in a path.
 */
export const GAME_ID: FieldKind<string> = {
  read: (value) => (typeof value === 'string' && /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(value) ? value.toLowerCase() : undefined),
  expected: () => l10n.t('a game ID'),
};

/** A token: a lower-case API name (`gamr`) or a checksummed contract address, as a token filter is. */
export const TOKEN: FieldKind<string> = {
  read: (value) => {
    const token = typeof value === 'string' ? parseTokenName(value) : undefined;
    return token?.ok ? token.value : undefined;
  },
  expected: () => l10n.t('a token name or token address'),
};

/**
 * A short text (a chip's name), as sent: it is outside text, made inert where it is shown
 * (safeText.ts), not here, so that what the server said stays what it said.
 */
export const TEXT: FieldKind<string> = {
  read: (value) => (typeof value === 'string' && value.length <= MAX_TEXT_LENGTH ? value : undefined),
  expected: () => l10n.t('text of at most {0} characters', MAX_TEXT_LENGTH),
};

/** An https URL (an image); any other scheme could reach something else than a picture. */
export const HTTPS_URL: FieldKind<string> = {
  read: (value) => {
    if (typeof value !== 'string' || value.length > MAX_URL_LENGTH || !URL.canParse(value)) {
      return undefined;
    }
    return new URL(value).protocol === 'https:' ? value : undefined;
  },
  expected: () => l10n.t('an https address'),
};

/** A whole number up to 2^53 (a chain ID). */
export const WHOLE_NUMBER: FieldKind<number> = {
  read: (value) => (value instanceof JsonNumber && /^\d{1,15}$/.test(value.text) ? Number(value.text) : undefined),
  expected: () => l10n.t('a whole number'),
};

/**
 * Reads one entry's fields. A required field that is missing or unreadable leaves the entry out
 * (one note, for the first such field); an optional one that is unreadable is dropped and noted,
 * and the entry is kept. Absent, `null` and `""` are the same: not sent.
 */
export class FieldReader {
  #failed = false;

  readonly #record: Record<string, unknown>;
  readonly #at: string;
  readonly #skipped: Skipped[];

  constructor(record: Record<string, unknown>, at: string, skipped: Skipped[]) {
    this.#record = record;
    this.#at = at;
    this.#skipped = skipped;
  }

  /** false once a required field failed: the entry is to be left out. */
  get complete(): boolean {
    return !this.#failed;
  }

  required<T>(name: string, kind: FieldKind<T>): T | undefined {
    const value = ownField(this.#record, name);
    const read = isAbsent(value) ? undefined : kind.read(value);
    if (read === undefined && !this.#failed) {
      this.#failed = true;
      this.#skipped.push({ at: this.#at, reason: isAbsent(value) ? missing(name) : notA(name, kind) });
    }
    return read;
  }

  optional<T>(name: string, kind: FieldKind<T>): T | undefined {
    const value = ownField(this.#record, name);
    if (isAbsent(value)) {
      return undefined;
    }
    const read = kind.read(value);
    if (read === undefined) {
      this.#skipped.push({ at: pathOf(this.#at, name), reason: notA(name, kind) });
    }
    return read;
  }

  /** An optional nested object (`data`), read with its own reader; unreadable when not an object. */
  nested(name: string): FieldReader | undefined {
    const value = ownField(this.#record, name);
    if (isAbsent(value)) {
      return undefined;
    }
    if (!isJsonObject(value)) {
      this.#skipped.push({ at: pathOf(this.#at, name), reason: notAnObject(value) });
      return undefined;
    }
    return new FieldReader(value, pathOf(this.#at, name), this.#skipped);
  }
}

/**
 * A list of entries, each an object read by `read` (undefined leaves the entry out): what is not
 * an object is noted and skipped. A body that is not a list is malformed; `notAList` says so,
 * given the body's shape.
 */
export function readEntries<T>(body: unknown, notAList: (shape: string) => string, read: (fields: FieldReader) => T | undefined): Parsed<T[]> {
  if (!Array.isArray(body)) {
    throw malformedResponse(notAList(describeJson(body)));
  }
  const skipped: Skipped[] = [];
  const value = body.flatMap((entry: unknown, index) => {
    const at = pathOf('', index);
    if (!isJsonObject(entry)) {
      skipped.push({ at, reason: notAnObject(entry) });
      return [];
    }
    const entryRead = read(new FieldReader(entry, at, skipped));
    return entryRead === undefined ? [] : [entryRead];
  });
  return { value, skipped };
}

/** `base` and one more step: `[3]` for an index, `.name` for a plain key, `[`key`]` (inert) for any other. */
export function pathOf(base: string, step: string | number): string {
  if (typeof step === 'number') {
    return `${base}[${step}]`;
  }
  if (SIMPLE_KEY.test(step) || isAddressText(step)) {
    return base === '' ? step : `${base}.${step}`;
  }
  return `${base}[${quoted(step, 40)}]`;
}

/** The reason for an entry that is not an object. */
export function notAnObject(value: unknown): string {
  return l10n.t('it is {0}, not an object', describeJson(value));
}

/** The reason for a key (a game's ID, a chip's address) that is not of its kind. */
export function badKey<T>(kind: FieldKind<T>): string {
  return l10n.t('the key is not {0}', kind.expected());
}

/** {@link describeType}, where a JsonNumber is a number. */
export function describeJson(value: unknown): string {
  return describeType(value instanceof JsonNumber ? 0 : value);
}

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

function missing(name: string): string {
  return l10n.t({ message: '"{0}" is missing', args: [name], comment: '{0} is the name of a field in the server\'s answer, such as balance' });
}

function notA<T>(name: string, kind: FieldKind<T>): string {
  return l10n.t({ message: '"{0}" is not {1}', args: [name, kind.expected()], comment: '{0} is the name of a field in the server\'s answer, {1} what it should be, such as: a wallet address' });
}
