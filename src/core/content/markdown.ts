import { bidiShown } from '../model/safeText';

/**
 * Server text going into Markdown (hovers, tooltips): every ASCII punctuation mark that Markdown,
 * HTML or autolinking could act on is backslash-escaped, line breaks become spaces and bidi
 * controls show as �, so a token named `[x](command:…)` or `<img onerror=…>` renders as the text
 * it is.
 */
export function escapeMarkdown(text: string): string {
  return bidiShown(text).replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/[\\`*_{}[\]()#+\-.!|<>~&:"'=$@%;/^,?]/g, '\\$&');
}

/** A command link to one of the extension's own commands, its arguments URI-encoded JSON. */
export function commandLink(label: string, command: string, args: readonly unknown[]): string {
  // encodeURIComponent leaves ( and ) alone, and a ) would end the Markdown link early.
  const encoded = encodeURIComponent(JSON.stringify(args)).replace(/\(/g, '%28').replace(/\)/g, '%29');
  return `[${escapeMarkdown(label)}](command:${command}?${encoded})`;
}
