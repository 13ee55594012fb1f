import * as vscode from 'vscode';
import { activityKey, ActivityEntry } from '../../core/model/activity';
import { PlyrError } from '../../core/model/errors';
import { ACCOUNT_SECTIONS, AccountSection } from '../../core/store/accountStore';
import { AccountLookup, OWNER_MEMORY_MS } from '../../core/store/accountLookup';
import { COMMANDS, VIEWS } from '../ids';
import { Services } from '../services';
import { Sidebar } from '../views/sidebar';
import { identifierOf, isLoadMoreRow, isWalletRow } from '../views/tree/nodes';
import { addressArgument, plyrIdArgument } from './identifierArguments';
import { walletLabel } from '../../core/content/accountContent';
import { validateLabel } from '../../core/model/trackedList';
import { registerCommand } from './register';

type AccountServices = Pick<Services, 'accounts' | 'tracked' | 'watched' | 'logger'>;

/** The account's groups under a PLYR ID: retry one, read more of the log, track its wallets and owners, reveal it. */
export function registerAccountCommands(services: AccountServices, sidebar: Sidebar, owners: AccountLookup): vscode.Disposable[] {
  const { accounts } = services;
  // Listed already: its row is shown (true once revealed), which is what tracking it was for; Add
  // Identifier would refuse it as an error. Otherwise added, and its row shown as soon as it is in
  // the list (not once its balances answer): a hover's link or a wallet's menu gives no other sign.
  const trackOrReveal = async (id: string, label?: string): Promise<unknown> => {
    const adding = services.tracked.find(id) ? undefined : Promise.resolve(vscode.commands.executeCommand(COMMANDS.addIdentifier, id, label));
    if (adding) {
      await whenListed(services.tracked, id, adding);
    }
    const revealed = services.tracked.find(id) ? vscode.commands.executeCommand(COMMANDS.revealIdentifier, id) : undefined;
    const [shown] = await Promise.all([revealed, adding]);
    return shown;
  };
  return [
    // A group's row (its Retry) or, for automation, a PLYR ID and a section name.
    registerCommand(services, COMMANDS.refreshSection, async (arg?: unknown, named?: unknown) => {
      const section = typeof arg === 'object' && arg !== null && 'section' in arg ? (arg as { section: unknown }).section : named;
      const id = plyrIdArgument(identifierOf(arg));
      if (!ACCOUNT_SECTIONS.includes(section as AccountSection)) {
        throw new PlyrError('invalidIdentifier', vscode.l10n.t('Choose one of: {0}.', ACCOUNT_SECTIONS.join(', ')));
      }
      await accounts.load(id.value, section as AccountSection);
    }),
    // From the Load more row (or, for automation, a PLYR ID): the row leaves or moves down, so the
    // focus goes to the first entry it read, where a keyboard user reads on.
    registerCommand(services, COMMANDS.loadMoreActivity, async (arg?: unknown) => {
      const id = plyrIdArgument(identifierOf(arg));
      const last = accounts.get(id.value, 'activity')?.value?.entries.at(-1);
      const log = await vscode.window.withProgress({ location: { viewId: VIEWS.balances } }, () => accounts.loadMore(id.value));
      const first = log.error === undefined ? entryAfter(log.value?.entries ?? [], last) : undefined;
      if (first && isLoadMoreRow(arg)) {
        await sidebar.revealActivity(arg.source, id.value, first);
      }
    }),
    // A wallet row's address into the user's list, as Add Identifier would; named as the workspace's
    // watch-list names it, where it does: its label is what the hints and hovers say, and stays so.
    registerCommand(services, COMMANDS.trackWallet, (arg?: unknown) => {
      const address = addressArgument(identifierOf(arg)).value;
      return trackOrReveal(address, services.watched.find(address)?.label ?? labelOfWallet(arg));
    }),
    registerCommand(services, COMMANDS.trackOwner, async (arg?: unknown) => {
      const address = addressArgument(identifierOf(arg)).value;
      const owner = await owners.plyrIdOf(address, OWNER_MEMORY_MS);
      if (owner === undefined) {
        void vscode.window.showInformationMessage(vscode.l10n.t('No PLYR account has {0} as its primary wallet.', address));
        return;
      }
      return trackOrReveal(owner);
    }),
    // From a hover: the account in the sidebar (the user's row, else the workspace's), tracked first
    // if neither list has it (asked, never silently); automation may name a group to open.
    registerCommand(services, COMMANDS.revealAccount, async (arg?: unknown, section?: unknown) => {
      const id = plyrIdArgument(arg);
      if (!services.tracked.find(id.value) && !services.watched.find(id.value)) {
        const track = vscode.l10n.t('Track');
        const choice = await vscode.window.showInformationMessage(vscode.l10n.t('{0} is not in your PLYR list. Track it to see its chips, allowances, activity and wallets?', id.value), track);
        if (choice !== track) {
          return;
        }
        await vscode.commands.executeCommand(COMMANDS.addIdentifier, id.value);
      }
      const open = ACCOUNT_SECTIONS.includes(section as AccountSection) ? (section as AccountSection) : undefined;
      // A group's first read starts now, beside VS Code's round trips of the reveal; its expand joins it.
      if (open && accounts.get(id.value, open) === undefined) {
        void accounts.load(id.value, open).catch(() => undefined);
      }
      await vscode.commands.executeCommand(COMMANDS.revealIdentifier, id.value);
      if (open) {
        await sidebar.revealSection(id.value, open);
      }
    }),
  ];
}

/** A wallet row's label for the list ("Secondary wallet of player123"); none for an address alone, or a label the list would refuse. */
function labelOfWallet(arg: unknown): string | undefined {
  if (!isWalletRow(arg)) {
    return undefined;
  }
  const label = validateLabel(walletLabel(arg.role, arg.owner));
  return label.ok ? label.value : undefined;
}

/** Resolves when the list holds the identifier, or when `settled` settles (the add refused it, say). */
function whenListed(tracked: Services['tracked'], id: string, settled: Promise<unknown>): Promise<void> {
  return new Promise((resolve) => {
    const done = () => (listener.dispose(), resolve());
    const listener = tracked.onDidChange(() => tracked.find(id) && done());
    settled.then(done, done);
  });
}

/**
 * The entry after the one that was last (the first the page read): not found by its place, since
 * entries new at the top of the log, read again with the page, move it down; the first when gone.
 */
function entryAfter(entries: readonly ActivityEntry[], last: ActivityEntry | undefined): ActivityEntry | undefined {
  const key = last && activityKey(last);
  return entries[entries.findIndex((e) => activityKey(e) === key) + 1];
}
