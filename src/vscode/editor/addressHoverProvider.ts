import * as vscode from 'vscode';
import { AccountLookup } from '../../core/store/accountLookup';
import { addressAt, MAX_SCANNED_LINE } from '../../core/model/addressScan';
import { isPlyrError } from '../../core/model/errors';
import { AddressHover, HoverLink, renderAddressHover, renderNoCredentialsHover, renderBlockedHover } from '../../core/content/hoverContent';
import { AddressIdentifier, isAddressText, parseIdentifier } from '../../core/model/identifier';
import { BalanceStore } from '../../core/store/balanceStore';
import { Logger } from '../../core/api/logger';
import { explorerOf } from '../../core/api/networks';
import { COMMANDS, gestureArgs, HOVER_COMMANDS } from '../ids';
import { inAddressLanguages, networkLabel, SettingsEvents } from '../settings';
import { CredentialStore } from '../state/credentialStore';
import { PrivacyMask } from '../state/privacyMask';
import { TrackedStore } from '../state/trackedStore';
import type { ChecksumDiagnostics } from './checksumDiagnostics';
import { Values } from '../state/values';

/** Lines longer than this (minified code, data blobs) get no hover: scanning them costs too much. */
export const MAX_HOVER_LINE = MAX_SCANNED_LINE;

/** The few members of the services a hover reads: a benchmark can hand it stand-ins for the rest. */
export interface HoverServices {
  readonly credentials: Pick<CredentialStore, 'get'>;
  readonly store: Pick<BalanceStore, 'refresh'>;
  /** Whether the address is in the user's list (no "Track in sidebar" link then), and its label. */
  readonly tracked: Pick<TrackedStore, 'find'>;
  /** The workspace's watch-list: its label for the address, when the user's list has none, and "Show in sidebar" for its row. */
  readonly watched: Pick<TrackedStore, 'find'>;
  readonly privacy: Pick<PrivacyMask, 'on'>;
  /** The prices for the Value column, and the names of tokens keyed by contract, from the token list the sidebar shares. */
  readonly values: Pick<Values, 'load' | 'names'>;
  /** The network in use and the hover's settings, as of the last settings change (read once per change, not per hover). */
  readonly settings: Pick<SettingsEvents, 'clientConfig' | 'hover'>;
  readonly logger: Logger;
}

/**
 * Balances where an address is written. Cheap guards first; data comes from the shared balance
 * store (a fresh entry costs no request, simultaneous hovers share one); a dismissed hover cancels
 * only a request nobody else waits for; failures become one line, never a popup.
 */
export class AddressHoverProvider implements vscode.HoverProvider {
  readonly #services: HoverServices;
  readonly #accounts: AccountLookup;
  readonly #checksums: Pick<ChecksumDiagnostics, 'warnsAt'> | undefined;

  /** `checksums`: the checksum warnings in the editor, whose hover already shows one at an address. */
  constructor(services: HoverServices, accounts: AccountLookup, checksums?: Pick<ChecksumDiagnostics, 'warnsAt'>) {
    this.#services = services;
    this.#accounts = accounts;
    this.#checksums = checksums;
  }

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const settings = this.#services.settings.hover();
    const under = settings.enabled && inAddressLanguages(document.languageId, settings) ? addressUnder(document, position) : undefined;
    if (!under) {
      return undefined;
    }
    const { identifier, range } = under;
    let credentialsSet: boolean;
    try {
      credentialsSet = (await this.#services.credentials.get()) !== undefined;
    } catch (error) {
      // Stored but unreadable (a locked keyring): not "none". Why, and the way to read them again.
      const message = isPlyrError(error) ? error.message : String(error);
      return this.#hover(renderBlockedHover(message, { label: vscode.l10n.t('Read API Credentials Again'), command: COMMANDS.readCredentialsAgain, args: [] }), range);
    }
    if (!credentialsSet) {
      return this.#hover(renderNoCredentialsHover({ label: vscode.l10n.t('Set API Credentials'), command: COMMANDS.setCredentialsFromLink, args: [] }), range);
    }
    // Dismissed while the credentials were read: VS Code tells a late listener a tick later, when the requests would be out.
    if (token.isCancellationRequested) {
      return undefined;
    }
    const abort = new AbortController();
    const listener = token.onCancellationRequested(() => abort.abort());
    try {
      // The token list is asked beside the balances (when due at all): a failure only leaves the values out.
      const prices = this.#services.values.load(abort.signal).catch(() => undefined);
      const lookups = Promise.all([
        this.#services.store.refresh(identifier, { signal: abort.signal, maxAgeMs: settings.cacheMs }),
        ownerOf(this.#accounts, identifier.value, settings.cacheMs, abort.signal),
      ]);
      // What needs no data is worked out while the requests are in flight.
      const client = this.#services.settings.clientConfig();
      const links = this.#links(identifier.value, explorerOf(client.network, client.customBaseUrl) !== undefined, document.getText(range));
      const [entry, account] = await lookups;
      // A balance keyed by a token's contract waits for the list's name for it (asked only then, with values off).
      const names = Object.keys(entry.balances ?? {}).some(isAddressText) ? await this.#services.values.names(abort.signal) : undefined;
      if (token.isCancellationRequested) {
        return undefined;
      }
      if (account.plyrId !== undefined) {
        // Known from the owner look-up the hover makes anyway: no request of its own.
        links.push({ label: vscode.l10n.t('Account Details'), command: COMMANDS.revealAccount, args: gestureArgs(account.plyrId) });
      }
      if (entry.error?.code === 'serverNotConfirmed') {
        return this.#hover(renderBlockedHover(entry.error.message, { label: vscode.l10n.t('Allow Workspace Server'), command: COMMANDS.allowWorkspaceServerFromLink, args: [] }), range);
      }
      const noAccount = entry.error?.code === 'userNotFound' || (!account.failed && account.plyrId === undefined);
      const model: AddressHover = {
        address: identifier.value,
        label: this.#services.tracked.find(identifier.value)?.label ?? this.#services.watched.find(identifier.value)?.label,
        checksumMatches: identifier.checksumMatches,
        checksumWarnedBeside: this.#checksums?.warnsAt(document.uri, position) === true,
        networkLabel: networkLabel(client),
        plyrId: account.plyrId,
        noAccount,
        balances: entry.balances,
        fetchedAt: entry.fetchedAt,
        error: entry.error && entry.error.code !== 'userNotFound' ? entry.error.message : undefined,
        stale: entry.error !== undefined,
        links,
        now: Date.now(),
        masked: this.#services.privacy.on,
        prices: await prices,
        names,
      };
      return this.#hover(renderAddressHover(model), range);
    } catch (error) {
      if (abort.signal.aborted || token.isCancellationRequested) {
        return undefined;
      }
      this.#services.logger.warn(`Hover lookup failed: ${isPlyrError(error) ? error.code : String(error)}`);
      return undefined;
    } finally {
      listener.dispose();
    }
  }

  /** `written`: the address as the file has it, which Check Balance checks as typed (a typo's warning with it). */
  #links(address: string, hasExplorer: boolean, written: string): HoverLink[] {
    const links: HoverLink[] = [];
    // A row for it already (the user's list or the workspace's watch-list): show that one, rather than list it twice.
    links.push(
      this.#services.tracked.find(address) || this.#services.watched.find(address)
        ? { label: vscode.l10n.t('Show in sidebar'), command: COMMANDS.revealIdentifier, args: gestureArgs(address) }
        : { label: vscode.l10n.t('Track in sidebar'), command: COMMANDS.trackWallet, args: gestureArgs(address) },
    );
    links.push({ label: vscode.l10n.t('Refresh'), command: COMMANDS.refreshAddress, args: gestureArgs(address) });
    links.push({ label: vscode.l10n.t('Copy address'), command: COMMANDS.copyIdentifier, args: gestureArgs(address) });
    if (hasExplorer) {
      links.push({ label: vscode.l10n.t('Open in explorer'), command: COMMANDS.openInExplorer, args: gestureArgs(address) });
    }
    links.push({ label: vscode.l10n.t('Check Balance'), command: COMMANDS.checkBalanceFor, args: gestureArgs(written) });
    return links;
  }

  #hover(markdown: string, range: vscode.Range): vscode.Hover {
    const content = new vscode.MarkdownString(markdown);
    content.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
    content.supportHtml = false;
    content.supportThemeIcons = false;
    return new vscode.Hover(content, range);
  }
}

/** The well-formed address under the pointer, on a line short enough to scan. */
function addressUnder(document: vscode.TextDocument, position: vscode.Position): { identifier: AddressIdentifier; range: vscode.Range } | undefined {
  const line = document.lineAt(position.line);
  if (line.range.end.character > MAX_HOVER_LINE) {
    return undefined;
  }
  const found = addressAt(line.text, position.character);
  const parsed = found ? parseIdentifier(found.text) : undefined;
  if (!found || !parsed?.ok || parsed.value.kind !== 'address') {
    return undefined;
  }
  return { identifier: parsed.value, range: new vscode.Range(position.line, found.start, position.line, found.end) };
}

/** The address's owner; a failed look-up (not a cancelled one) is said, not thrown (the balances still show), with the owner found before it. */
function ownerOf(accounts: AccountLookup, address: string, cacheMs: number, signal: AbortSignal): Promise<{ plyrId: string | undefined; failed: boolean }> {
  return accounts.plyrIdOf(address, cacheMs, signal).then(
    (plyrId) => ({ plyrId, failed: false }),
    (error: unknown) => {
      if (signal.aborted) {
        throw error;
      }
      return { plyrId: accounts.knownOwner(address), failed: true };
    },
  );
}
