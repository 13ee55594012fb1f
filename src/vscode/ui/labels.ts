import { oneLine } from '../../core/model/safeText';

/**
 * Quick pick and tree labels render `$(name)` as icons. Server text must not, so the sequence is
 * broken with a zero-width space, and the text is kept to one short line without control or bidi
 * characters.
 */
export function inertLabel(text: string, maxLength = 80): string {
  return oneLine(text, maxLength).replace(/\$\(/g, '$\u200b(');
}

/**
 * Text for a notification, which turns `[text](target)` into a link: the pair is broken up, and
 * so is a `command:` URI, which nothing of a label's should read as.
 */
export function inertNotificationText(text: string, maxLength?: number): string {
  return inertLabel(text, maxLength).replace(/\]\s*\(/g, ']\u200b(').replace(/command:/gi, 'command\u200b:');
}
