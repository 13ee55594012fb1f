import { oneLine, withoutCommandUris, withoutIcons, withoutLinks } from '../../core/model/safeText';

/** A quick pick or tree label: one short line (see oneLine) whose `$(name)` shows as typed, not as an icon. */
export function inertLabel(text: string, maxLength = 80): string {
  return withoutIcons(oneLine(text, maxLength));
}

/** Text for a notification, which also turns `[text](target)` into a link: no link, no `command:` URI. */
export function inertNotificationText(text: string, maxLength?: number): string {
  return withoutCommandUris(withoutLinks(inertLabel(text, maxLength)));
}
