import * as vscode from 'vscode';
import { TokenChanges, whyHeading, whyNothing } from '../../core/content/activityContent';
import { ActivityEntry } from '../../core/model/activity';
import { inertNotificationText } from '../../core/model/safeText';
import { isTransactionHash } from '../../core/model/transactionHash';
import { followMask, MaskState } from './maskState';

/** What Why? found for one identifier: the entries to list, and the window it searched. */
export interface Explanation {
  readonly who: string;
  readonly tokens: readonly string[];
  /** Each token's exact change, said in the title unless the privacy mask is on. */
  readonly changes: TokenChanges;
  readonly entries: readonly ActivityEntry[];
  /** The tokens none of the entries names: the title says so. */
  readonly unexplained: readonly string[];
  readonly since: number;
  readonly until: number;
  readonly complete: boolean;
  /** How many log entries were read. */
  readonly read: number;
  /** Each entry as the list shows it (the same items automation gets: ages on the server's clock, amounts masked or not). */
  readonly items: readonly { readonly label: string; readonly description: string; readonly detail: string }[];
}

/** What the list's buttons do with a hash; the caller handles their errors. */
export interface TransactionActions {
  /** Whether the network has a known explorer: without one, no entry offers to open its transaction. */
  readonly canOpen: boolean;
  open(hash: string): Promise<unknown>;
  copy(hash: string): Promise<unknown>;
}

/** Items made again when the privacy mask changes while the list is open. */
export interface MaskFollower {
  readonly privacy: MaskState;
  itemsFor(masked: boolean): Explanation['items'];
}

interface EntryItem extends vscode.QuickPickItem {
  readonly hash: string | undefined;
}

/**
 * Why?'s answer: the entries that may explain the change, newest first, with their amounts (•••
 * under the privacy mask), each with buttons to open its transaction in the explorer (where the
 * network has a known one) and copy its hash; Enter opens it, or copies the hash. None: a message
 * that says so, and what the log never shows.
 */
export async function showExplanation(found: Explanation, actions: TransactionActions, follow: MaskFollower): Promise<void> {
  const now = Date.now();
  const locale = vscode.env.language;
  if (found.entries.length === 0) {
    const message = whyNothing({ ...found, changes: follow.privacy.on ? undefined : found.changes, now, locale });
    await vscode.window.showInformationMessage(inertNotificationText(message, 600));
    return;
  }
  // Made when shown, not at load: the translation may not be there yet.
  const open: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('link-external'), tooltip: vscode.l10n.t('Open Transaction in Explorer') };
  const copy: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('copy'), tooltip: vscode.l10n.t('Copy Transaction Hash') };
  const pick = vscode.window.createQuickPick<EntryItem>();
  const someWithout = found.entries.some((entry) => !isTransactionHash(entry.txHash));
  const headingFor = (masked: boolean) => whyHeading({ ...found, changes: masked ? undefined : found.changes, count: found.entries.length, opens: actions.canOpen, someWithout, locale });
  pick.placeholder = headingFor(follow.privacy.on).placeholder;
  pick.matchOnDescription = true;
  const render = (items: Explanation['items'], masked: boolean) => {
    pick.title = headingFor(masked).title;
    pick.items = found.entries.map((entry, index) => {
      const hash = isTransactionHash(entry.txHash) ? entry.txHash : undefined;
      return { ...items[index], hash, buttons: hash === undefined ? [] : actions.canOpen ? [open, copy] : [copy] };
    });
  };
  render(found.items, follow.privacy.on);
  followMask(pick, follow.privacy, (masked) => render(follow.itemsFor(masked), masked));
  pick.onDidTriggerItemButton(({ item, button }) => {
    if (item.hash !== undefined) {
      void (button === copy ? actions.copy(item.hash) : actions.open(item.hash));
    }
  });
  pick.onDidAccept(() => {
    const hash = pick.selectedItems[0]?.hash;
    // An entry without a transaction (its detail says so) keeps the list open: closing it did nothing else.
    if (hash === undefined) {
      return;
    }
    void (actions.canOpen ? actions.open(hash) : actions.copy(hash));
    pick.hide();
  });
  pick.onDidHide(() => pick.dispose());
  pick.show();
}
