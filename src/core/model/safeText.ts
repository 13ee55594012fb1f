import * as l10n from '@vscode/l10n';
import { isAddressText } from './identifier';

/**
 * Text from outside (a server, a file, a setting) is hostile. These are the ways it may enter what
 * we show or log, each inert where it lands.
 */

/** Line breaks and control characters. */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
/**
 * Unicode's invisible format characters (Cf) but the zero-width space and joiners: the bidi
 * embeddings, overrides, isolates and marks, which can make text read as other text ("usd" +
 * U+202E + "c" shows as "usdc"), and those that hide what follows them (tag characters, word
 * joiners, U+FEFF). The zero-width ones stay: emoji are made with them, and this module breaks
 * links and icons with U+200B itself. So do the tag characters of a subdivision flag (🏴 and its
 * tags, as in the flag of Scotland): matched first, whole, and kept.
 */
const FORMAT_CONTROLS = /\u{1F3F4}[\u{E0020}-\u{E007E}]+\u{E007F}|(?![\u200b-\u200d])\p{Cf}/gu;

/**
 * One line, its format controls shown (see {@link formatControlsShown}), at most `maxLength` long (cut with …):
 * the base of every inert form of outside text, here and in the VS Code layer's labels.
 */
export function oneLine(value: unknown, maxLength: number): string {
  const text = formatControlsShown(typeof value === 'string' ? value : '').replace(CONTROLS, ' ').trim();
  return text.length > maxLength ? `${wholeHead(text, maxLength - 1)}…` : text;
}

/** Made at the first cut: making one takes about 20 ms (ICU's break rules load), too long for activation. */
let graphemes: Intl.Segmenter | undefined;
/** The start of a code point shown as `‹U+0441›` (shortNames.ts), cut off at the end of a head. */
const PART_OF_CODE_POINT = /‹(?:U(?:\+[0-9A-F]{0,6})?)?$/;

/**
 * At most `length` UTF-16 units of the text's start, cut between characters as seen: a cut inside
 * an emoji's surrogate pair or sequence would show as �, and one inside `‹U+0441›` as `‹U+04`.
 */
function wholeHead(text: string, length: number): string {
  let end = 0;
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  for (const { index, segment } of graphemes.segment(text.slice(0, length + 16))) {
    if (index + segment.length > length) {
      break;
    }
    end = index + segment.length;
  }
  if (end === 0) {
    // A first character longer than the room (a letter with a hundred marks): cut between code points.
    end = length - (isHighSurrogate(text.charCodeAt(length - 1)) ? 1 : 0);
  }
  return text.slice(0, end).replace(PART_OF_CODE_POINT, '');
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * Each format control replaced by U+FFFD (�): the text keeps its order, and a name that hid one
 * (a spoof of "usdc") does not pass for the name it imitates.
 */
export function formatControlsShown(text: string): string {
  return text.replace(FORMAT_CONTROLS, (found) => (found.startsWith('\u{1F3F4}') ? found : '\uFFFD'));
}

/** `$(name)` renders as an icon in labels, quick picks, notifications and tooltips: broken with a zero-width space. */
export function withoutIcons(text: string): string {
  return text.replace(/\$\(/g, '$\u200b(');
}

/** `[text](target)` renders as a link in notifications and Markdown: the pair broken with a zero-width space. */
export function withoutLinks(text: string): string {
  return text.replace(/\]\s*\(/g, ']\u200b(');
}

/**
 * Where VS Code turns plain text into Markdown itself (an inlay hint's tooltip, through its
 * appendText), a bare `www.…`, `scheme://…` or e-mail address would still become a link: each is
 * broken with a zero-width space.
 */
export function withoutAutolinks(text: string): string {
  return text.replace(/\b(www)\./gi, '$1\u200b.').replace(/:\/\//g, ':\u200b//').replace(/@/g, '@\u200b');
}

/** Nothing from outside should read as a `command:` URI, even where it would not be a link. */
export function withoutCommandUris(text: string): string {
  return text.replace(/command:/gi, 'command\u200b:');
}

/**
 * A quick pick or tree label: one short line (see {@link oneLine}) whose `$(name)` shows as typed,
 * not as an icon.
 */
export function inertLabel(text: string, maxLength = 80): string {
  return withoutIcons(oneLine(text, maxLength));
}

/** Text for a notification, which also turns `[text](target)` into a link: no link, no `command:` URI. */
export function inertNotificationText(text: string, maxLength?: number): string {
  return withoutCommandUris(withoutLinks(inertLabel(text, maxLength)));
}

/**
 * Outside text (a field name, a label, a URL) quoted inside a message: one line, in single quotes
 * as VS Code's own messages quote (notifications and quick picks show no code spans), with what
 * could make a link (inline, `[text][ref]` or a `command:` URI) or an icon broken up, so that it
 * reads as typed and does nothing in a notification, a modal, a quick pick, a tooltip or an error.
 */
export function quoted(value: unknown, maxLength = 80): string {
  return `'${inertWords(oneLine(value, maxLength))}'`;
}

/**
 * Every character kept, and each sequence a plain-text surface acts on broken with a zero-width
 * space: a link (inline, `[text][ref]` or a `command:` URI) and an icon.
 */
function inertWords(text: string): string {
  return withoutCommandUris(withoutIcons(withoutLinks(text).replace(/\]\s*\[/g, ']\u200b[')));
}

/**
 * Server strings are hostile. Before one enters a message (a notification, a row, Test
 * Connection's list; a Markdown tooltip or hover escapes it again): one short line that reads as
 * sent, `[x](command:…) **down** <b>x</b>` included, with no link, `command:` URI or icon that
 * works (see inertWords). Dropping the characters that make them made it unreadable ("bx/b").
 * Its double quotation marks become single ones: a message quotes it in double ones, which it
 * must not close.
 */
export function inertText(value: unknown, maxLength = 120): string {
  return inertWords(oneLine(value, maxLength).replace(/"/g, "'"));
}

/** Markdown's and HTML's own characters: what a surface rendering text as Markdown could hide. */
const MARKUP = '[]()<>`*_|\\!#';

function regExpEscaped(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

const SIMPLE_TOKEN_NAME = /^[a-z0-9][a-z0-9._-]{0,31}$/i;

/**
 * A token name of the kind the PLYR API lists (`gamr`, `usdc.e`, in any case) or a contract
 * address: one a message may name. Any other is a server's text that could read as the message's own words.
 */
export function isOrdinaryTokenName(token: string): boolean {
  return SIMPLE_TOKEN_NAME.test(token) || isAddressText(token);
}

/** A token name as it may appear in a message: itself when ordinary, else a neutral phrase. */
export function tokenForMessage(token: string): string {
  return isOrdinaryTokenName(token) ? l10n.t({ message: '"{0}"', args: [token], comment: 'A token name in quotation marks' }) : unusualToken();
}

/** What a message calls a token whose name is not {@link isOrdinaryTokenName ordinary}. */
export function unusualToken(): string {
  return l10n.t('a token with an unusual name');
}

/**
 * What a shown message may leave out or show as nothing, or as a mark on the letter before it:
 * {@link MARKUP} (every surface of ours escapes it, but a key spelt with it between its letters
 * still goes), the characters Unicode says to show as nothing (zero-width spaces and joiners,
 * the combining grapheme joiner, variation selectors, fillers) and combining marks.
 */
const NOTHING_SHOWN = `[${[...MARKUP].map(regExpEscaped).join('')}\\p{Default_Ignorable_Code_Point}\\p{M}]`;
const SHOWN_AS_NOTHING = new RegExp(`${NOTHING_SHOWN}+`, 'gu');

/**
 * The secret as it reads once shown (without what shows as nothing), with anything that shows
 * as nothing between its characters. A gap and a character never have one in common, so nothing
 * backtracks.
 */
function secretPattern(shown: string): RegExp {
  // Escaped as a Unicode pattern wants: its syntax characters only (`\-` is an error there).
  return new RegExp([...shown].map((c) => c.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')).join(`${NOTHING_SHOWN}*`), 'gu');
}

/** One character of {@link NOTHING_SHOWN}; and the ASCII ones by code, for a search's hot loop. */
const ONE_NOTHING_SHOWN = new RegExp(`^${NOTHING_SHOWN}$`, 'u');
const NOTHING_SHOWN_ASCII = new Uint8Array(128).map((_, code) => (ONE_NOTHING_SHOWN.test(String.fromCharCode(code)) ? 1 : 0));

/**
 * Whether a text, as it reads once shown (without what shows as nothing), holds `shown`: one pass
 * over its code points (Knuth-Morris-Pratt), without copying it. Taking what shows as nothing out
 * with a pattern cost a match for each, 100 ms for an answer of 1 MiB of `\`.
 */
function shownTextSearch(shown: string): (text: string) => boolean {
  const wanted = [...shown].map((c) => c.codePointAt(0) ?? 0);
  // fallback[k]: the longest proper prefix of wanted[0..k] that is also its suffix.
  const fallback = new Int32Array(wanted.length);
  for (let k = 1, length = 0; k < wanted.length; ) {
    if (wanted[k] === wanted[length]) {
      fallback[k++] = ++length;
    } else if (length > 0) {
      length = fallback[length - 1];
    } else {
      fallback[k++] = 0;
    }
  }
  return (text) => {
    let matched = 0;
    for (let i = 0; i < text.length; ) {
      const code = text.codePointAt(i) ?? 0;
      i += code > 0xffff ? 2 : 1;
      if (code < 128 ? NOTHING_SHOWN_ASCII[code] === 1 : ONE_NOTHING_SHOWN.test(String.fromCodePoint(code))) {
        continue;
      }
      while (matched > 0 && wanted[matched] !== code) {
        matched = fallback[matched - 1];
      }
      if (wanted[matched] === code && ++matched === wanted.length) {
        return true;
      }
    }
    return false;
  };
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * The text with each JSON string literal replaced, in one pass: a literal ends at the first
 * unescaped `"` (a backslash takes the character after it), or at the end of the text when none
 * closes it. A search for literals that must close was tried again from every `"` of an unclosed
 * one: a 1 MiB answer of `\"` held the extension host for minutes.
 */
function replaceStringLiterals(text: string, replace: (literal: string) => string): string {
  let out = '';
  let copied = 0;
  let start = text.indexOf('"');
  while (start >= 0) {
    let end = start + 1;
    while (end < text.length) {
      const c = text.charCodeAt(end);
      end += c === BACKSLASH ? 2 : 1;
      if (c === QUOTE) {
        break;
      }
    }
    end = Math.min(end, text.length);
    out += text.slice(copied, start) + replace(text.slice(start, end));
    copied = end;
    start = text.indexOf('"', end);
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/**
 * Text a server sent, with the credentials of the request it answers removed wherever they appear
 * (a server or proxy may echo the request's headers): before it is parsed, logged or shown. A JSON
 * string may write any character as an escape, so a string with one is matched as it decodes; and
 * a match is the secret as it would read once shown, whatever the server put between its letters.
 */
export function withoutSecrets(text: string, secrets: readonly string[]): string {
  // As each reads once shown; one that reads as less than 4 characters is no secret to find.
  const shownSecrets = secrets.map((secret) => secret.replace(SHOWN_AS_NOTHING, '')).filter((secret) => secret.length >= 4);
  if (shownSecrets.length === 0) {
    return text;
  }
  const shortest = Math.min(...shownSecrets.map((secret) => secret.length));
  // Most answers hold no secret: a search of what would show finds that in one pass, and only a
  // secret found costs its pattern (a pattern each for every answer cost 0.1 ms, 1,000 a refresh).
  const searches = shownSecrets.map((secret) => ({ secret, search: shownTextSearch(secret) }));
  const redacted = (value: string): string => searches.reduce((out, { secret, search }) => (search(out) ? out.replace(secretPattern(secret), '[redacted]') : out), value);
  // Escapes that decode to what no secret holds (`\/` with no `/` in a secret, `\n`) leave a match
  // as it was: only `\u` escapes, or any when a secret holds what JSON escapes, need decoding.
  const escape = shownSecrets.some((secret) => /["\\/]/.test(secret)) ? '\\' : '\\u';
  const needsDecoding = (literal: string) => literal.length - 2 >= shortest && literal.includes(escape);
  const decoded = text.includes(escape)
    ? replaceStringLiterals(text, (literal) => {
        if (!needsDecoding(literal)) {
          return literal;
        }
        let value: unknown;
        try {
          value = JSON.parse(literal);
        } catch {
          return literal;
        }
        const clean = redacted(value as string);
        return clean === value ? literal : JSON.stringify(clean);
      })
    : text;
  return redacted(decoded);
}
