import * as l10n from '@vscode/l10n';
import { isAddressText } from './identifier';

/**
 * Text from outside (a server, a file, a setting) is hostile. These are the ways it may enter what
 * we show or log, each inert where it lands.
 */

/** Line breaks and control characters. */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
/**
 * The bidirectional embeddings, overrides and isolates (U+202A-E, U+2066-9), which can make text
 * read as other text ("usd" + U+202E + "c" shows as "usdc").
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/**
 * One line, its bidi controls shown (see {@link bidiShown}), at most `maxLength` long (cut with …):
 * the base of every inert form of outside text, here and in the VS Code layer's labels.
 */
export function oneLine(value: unknown, maxLength: number): string {
  const text = bidiShown(typeof value === 'string' ? value : '').replace(CONTROLS, ' ').trim();
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

/**
 * Each bidi control replaced by U+FFFD (�): the text keeps its order, and a name that hid one
 * (a spoof of "usdc") does not pass for the name it imitates.
 */
export function bidiShown(text: string): string {
  return text.replace(BIDI_CONTROLS, '\uFFFD');
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
 * Outside text (a field name, a label, a URL) quoted inside a message: one line, in backticks, with
 * what could make a link (inline or `[text][ref]`) or an icon broken up, so that it reads as typed
 * and does nothing in a notification, a modal, a quick pick, a tooltip or a thrown error.
 */
export function quoted(value: unknown, maxLength = 80): string {
  const text = withoutIcons(withoutLinks(oneLine(value, maxLength).replace(/`/g, "'")).replace(/\]\s*\[/g, ']\u200b['));
  return `\`${text}\``;
}

/**
 * Server strings are hostile. Before one enters a message we show (notifications render
 * Markdown-style links), keep it short, on one line, and free of the characters that make links,
 * HTML or code spans, and of `command:` URIs.
 */
export function inertText(value: unknown, maxLength = 120): string {
  const text = oneLine(value, Number.MAX_SAFE_INTEGER).replace(/[[\]()<>`*_|\\!#]/g, '');
  return oneLine(withoutCommandUris(text), maxLength);
}

const SIMPLE_TOKEN_NAME = /^[a-z0-9][a-z0-9._-]{0,31}$/;

/** A token name as it may appear in a message: itself when ordinary, else a neutral phrase. */
export function tokenForMessage(token: string): string {
  return SIMPLE_TOKEN_NAME.test(token) || isAddressText(token) ? l10n.t({ message: '"{0}"', args: [token], comment: 'A token name in quotation marks' }) : l10n.t('a token with an unusual name');
}

/** JSON string text with `<`, `>`, `&`, `'` and every non-ASCII character written as \u escapes. */
function unicodeEscaped(json: string, upper: boolean): string {
  return json.replace(/[<>&'\u0080-\uffff]/g, (c) => {
    const hex = c.charCodeAt(0).toString(16).padStart(4, '0');
    return `\\u${upper ? hex.toUpperCase() : hex}`;
  });
}

/**
 * Text a server sent, with the credentials of the request it answers removed wherever they appear
 * (a server or proxy may echo the request's headers): before it is parsed, logged or shown.
 */
export function withoutSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) {
      // As sent, and as a JSON body writes it (`"` and `\` escaped; `/`, HTML's `<>&'` and all but
      // ASCII as \u escapes by some encoders): the body is decoded after this, and the decoded
      // text would hold it whole again.
      const json = JSON.stringify(secret).slice(1, -1);
      const forms = [json, json.replace(/\//g, '\\/'), secret, unicodeEscaped(json, false), unicodeEscaped(json, true)];
      for (const form of new Set(forms)) {
        out = out.split(form).join('[redacted]');
      }
    }
  }
  return out;
}
