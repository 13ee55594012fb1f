import { inertLabel } from '../../core/content/labels';

// The tree's content model (core) needs it too; the widgets here keep importing it from this file.
export { inertLabel };

/**
 * Text for a notification, which turns `[text](target)` into a link: the pair is broken up, and
 * so is a `command:` URI, which nothing of a label's should read as.
 */
export function inertNotificationText(text: string, maxLength?: number): string {
  return inertLabel(text, maxLength).replace(/\]\s*\(/g, ']\u200b(').replace(/command:/gi, 'command\u200b:');
}
