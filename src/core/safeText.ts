import * as l10n from '@vscode/l10n';

/**
 * Server strings are hostile. Before one enters a message we show (notifications render
 * Markdown-style links), keep it short, on one line, and free of the characters that make links,
 * HTML or code spans.
 */
export function inertText(value: unknown, maxLength = 120): string {
  const text = typeof value === 'string' ? value : '';
  const cleaned = text
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/[[\]()<>`*_|\\!#]/g, '')
    .trim();
  return cleaned.length > maxLength ? `${cleaned.slice(0, maxLength - 1)}…` : cleaned;
}

const SIMPLE_TOKEN = /^(?:[a-z0-9][a-z0-9._-]{0,31}|0x[0-9a-fA-F]{40})$/;

/** A token name as it may appear in a message: itself when ordinary, else a neutral phrase. */
export function tokenForMessage(token: string): string {
  return SIMPLE_TOKEN.test(token) ? l10n.t({ message: '"{0}"', args: [token], comment: 'A token name in quotation marks' }) : l10n.t('a token with an unusual name');
}
