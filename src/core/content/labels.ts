import { oneLine } from '../model/safeText';

/**
 * Quick pick and tree labels render `$(name)` as icons. Server text must not, so the sequence is
 * broken with a zero-width space, and the text is kept to one short line without control or bidi
 * characters.
 */
export function inertLabel(text: string, maxLength = 80): string {
  return breakIcons(oneLine(text, maxLength));
}

/** `$(` broken with a zero-width space: only the icons written by the extension are icons. */
export function breakIcons(text: string): string {
  return text.replace(/\$\(/g, '$\u200b(');
}
