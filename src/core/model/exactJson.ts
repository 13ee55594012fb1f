import { isPlainObject } from './balances';

/**
 * A JSON number as the server wrote it. `JSON.parse` turns `123456789012345678901234567890.5`
 * into a float that has lost digits, and Node 20's reviver cannot see a value's source text (the
 * "JSON.parse source text access" proposal came later), so numbers are read as text here.
 */
export class JsonNumber {
  constructor(readonly text: string) {}
}

/** Objects nested deeper than this keep plain numbers: no answer read here goes near it. */
const MAX_DEPTH = 32;

// A string literal, taken whole (so that digits inside it are never touched), or a number token.
const STRING_OR_NUMBER = /"[^"\\]*(?:\\.[^"\\]*)*"|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

/**
 * `JSON.parse`, with every number a {@link JsonNumber} holding its source text. The text is parsed
 * twice: as it is (which also rejects what is not JSON, with a SyntaxError), and with each number
 * token outside strings wrapped in quotes. In valid JSON nothing but a number has digits outside a
 * string, and quoting changes no key, so both trees have the same shape, duplicate keys included:
 * where the first holds a number, the second holds its text. Objects come out with `__proto__` or
 * `constructor` as ordinary own keys, as `JSON.parse` makes them.
 */
export function parseExactJson(text: string): unknown {
  const plain: unknown = JSON.parse(text);
  let quotedAny = false;
  const quoted = text.replace(STRING_OR_NUMBER, (token) => {
    if (token.startsWith('"')) {
      return token;
    }
    quotedAny = true;
    return `"${token}"`;
  });
  return quotedAny ? merge(plain, JSON.parse(quoted), 0) : plain;
}

/** `plain` with each number replaced by the text at the same place in `texts`. */
function merge(plain: unknown, texts: unknown, depth: number): unknown {
  if (typeof plain === 'number') {
    return typeof texts === 'string' ? new JsonNumber(texts) : plain;
  }
  if (typeof plain !== 'object' || plain === null || typeof texts !== 'object' || texts === null || depth >= MAX_DEPTH) {
    return plain;
  }
  if (Array.isArray(plain)) {
    return plain.map((value, i) => merge(value, (texts as unknown[])[i], depth + 1));
  }
  const source = plain as Record<string, unknown>;
  const textsOf = texts as Record<string, unknown>;
  // fromEntries defines own properties: a `__proto__` key stays data, never a prototype.
  return Object.fromEntries(Object.keys(source).map((key) => [key, merge(source[key], textsOf[key], depth + 1)]));
}

/** A JSON object (not a list, not a number): what {@link isPlainObject} says, less JsonNumbers. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return isPlainObject(value) && !(value instanceof JsonNumber);
}

/** An object's own field, never one inherited (`constructor`, `toString`). */
export function ownField(record: Record<string, unknown>, name: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, name) ? record[name] : undefined;
}
