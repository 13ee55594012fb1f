import { formatControlsShown, oneLine, withoutIcons } from '../model/safeText';

/**
 * Server text going into Markdown (hovers, tooltips): every ASCII punctuation mark that Markdown,
 * HTML or autolinking could act on is backslash-escaped, line breaks become spaces and format
 * controls show as �, so a token named `[x](command:…)` or `<img onerror=…>` renders as the text
 * it is.
 */
export function escapeMarkdown(text: string): string {
  return formatControlsShown(text).replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/[\\`*_{}[\]()#+\-.!|<>~&:"'=$@%;/^,?]/g, '\\$&');
}

/**
 * Text as Markdown words (a tooltip's outside text among them): one line of at most `maxLength`
 * (see oneLine), escaped as above, its `$(` no icon. VS Code's own appendText would leave line
 * breaks, bidi controls and autolinked URLs (`www.…`) live.
 */
export function markdownText(text: string, maxLength = 1000): string {
  return escapeMarkdown(withoutIcons(oneLine(text, maxLength)));
}

/**
 * Text as an inline code span, where a backslash would show as typed: one line, no backtick (it
 * would end the span), no icon.
 */
export function markdownCode(text: string, maxLength = 1000): string {
  return `\`${withoutIcons(oneLine(text, maxLength).replace(/`/g, ''))}\``;
}

/** A command link to one of the extension's own commands, its arguments URI-encoded JSON. */
export function commandLink(label: string, command: string, args: readonly unknown[]): string {
  // encodeURIComponent leaves ( and ) alone, and a ) would end the Markdown link early.
  const encoded = encodeURIComponent(JSON.stringify(args)).replace(/\(/g, '%28').replace(/\)/g, '%29');
  return `[${escapeMarkdown(label)}](command:${command}?${encoded})`;
}
