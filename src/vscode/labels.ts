/**
 * Quick pick and tree labels render `$(name)` as icons. Server text must not, so the sequence is
 * broken with a zero-width space, and the text is kept to one short line.
 */
export function inertLabel(text: string, maxLength = 80): string {
  const oneLine = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ');
  const short = oneLine.length > maxLength ? `${oneLine.slice(0, maxLength - 1)}…` : oneLine;
  return short.replace(/\$\(/g, '$\u200b(');
}

/** Text for a notification, which turns `[text](target)` into a link: the pair is broken up. */
export function inertNotificationText(text: string, maxLength?: number): string {
  return inertLabel(text, maxLength).replace(/\]\s*\(/g, ']\u200b(');
}
