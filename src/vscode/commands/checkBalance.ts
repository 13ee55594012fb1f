import * as vscode from 'vscode';
import { isPlyrError, PlyrError } from '../../core/model/errors';
import { Identifier, parseIdentifier } from '../../core/model/identifier';
import { BalanceResult } from '../../core/api/plyrClient';
import { Balances } from '../../core/model/balances';
import { PriceBook } from '../../core/model/value';
import { parseTokenName } from '../../core/model/token';
import { showBalances } from '../ui/balancesQuickPick';
import { identifierFromEditor } from '../editor/editorIdentifier';
import { showError } from '../ui/errorPresenter';
import { askCheckedText, validateIdentifierInput } from '../ui/identifierInput';
import { COMMANDS } from '../ids';
import { Services } from '../services';
import { readClientConfig } from '../settings';
import { pickToken } from '../ui/tokenPicker';
import { registerCommand } from './register';

/** What `executeCommand('plyr.checkBalance', identifier, token?)` resolves to. */
export interface CheckBalanceResult {
  readonly identifier: string;
  readonly balances: Record<string, string>;
  /**
   * With plyr.showValues on and the token list's prices known: each priced token's value in USD,
   * exact (amount × price, unrounded decimal strings). Tokens without a price are left out.
   */
  readonly values?: Record<string, string>;
}

/** What Check Balance uses: the client (one token), the shared stores (balances, the token list), the values, the mask, the log. */
export type CheckBalanceServices = Pick<Services, 'client' | 'store' | 'tokenList' | 'values' | 'privacy' | 'logger'>;

/**
 * PLYR: Check Balance. From the palette it asks for an identifier (prefilled from the editor) and
 * an optional token, then lists the balances. With arguments it asks nothing, returns the
 * balances and rejects with the typed error.
 */
export function registerCheckBalance(services: CheckBalanceServices): vscode.Disposable {
  return registerCommand(services, COMMANDS.checkBalance, (identifier?: unknown, token?: unknown) =>
    identifier === undefined && token === undefined ? checkBalanceInteractively(services) : programmatic(services, identifier, token),
  );
}

/**
 * Balances through the shared store when all tokens are asked for (so the sidebar and hover see
 * them too, and a request in flight is joined), or straight from the client for one token.
 */
async function fetchBalances(services: Pick<Services, 'client' | 'store'>, identifier: Identifier, token: string | undefined, signal?: AbortSignal): Promise<BalanceResult> {
  if (token !== undefined) {
    return services.client.getBalances(identifier, token, signal);
  }
  const startedAt = Date.now();
  // The network the store asks (its scope is taken now): a switch while waiting does not relabel the answer.
  const network = readClientConfig().network;
  let entry;
  try {
    entry = await services.store.refresh(identifier, { signal });
  } catch (error) {
    throw signal?.aborted ? new PlyrError('cancelled', vscode.l10n.t('The request was cancelled.'), { cause: error }) : error;
  }
  if (entry.error && entry.error.at >= startedAt) {
    throw new PlyrError(entry.error.code, entry.error.message, { fix: entry.error.fix });
  }
  return { identifier, token, balances: entry.balances ?? {}, network, fetchedAt: entry.fetchedAt ?? startedAt };
}

async function programmatic(services: Pick<Services, 'client' | 'store' | 'values'>, rawIdentifier: unknown, rawToken: unknown): Promise<CheckBalanceResult> {
  const identifier = parseIdentifier(rawIdentifier);
  if (!identifier.ok) {
    throw new PlyrError('invalidIdentifier', identifier.message);
  }
  const token = parseTokenName(rawToken);
  if (!token.ok) {
    throw new PlyrError('invalidToken', token.message);
  }
  const prices = pricesFor(services);
  const result = await fetchBalances(services, identifier.value, token.value);
  const values = valuesOf(result.balances, Object.keys(result.balances).length === 0 ? undefined : await prices);
  return { identifier: result.identifier.value, balances: { ...result.balances }, ...(values ? { values } : {}) };
}

/**
 * The prices, asked with the balances (as the hover does): of the server the balances come from,
 * even if the network changes meanwhile. A token list that cannot be had leaves them out.
 */
function pricesFor(services: Pick<Services, 'values'>): Promise<PriceBook | undefined> {
  return services.values.load().catch(() => undefined);
}

/** Each priced token's exact value; undefined when no token has a price. */
function valuesOf(balances: Balances, prices: PriceBook | undefined): Record<string, string> | undefined {
  const values = Object.entries(balances).flatMap(([token, amount]) => {
    const value = prices?.worth(token, amount)?.usd;
    return value === undefined ? [] : [[token, value] as const];
  });
  return values.length > 0 ? Object.fromEntries(values) : undefined;
}

/**
 * The palette flow. With an identifier (a tree row's) it starts at the token step; with a prefill
 * (an address from the editor) the input box starts with it. The server's refusal of what was
 * typed (no such account, no such token) opens that step again on it, saying why, rather than
 * ending in a notification: the user corrects it in place.
 */
export async function checkBalanceInteractively(services: CheckBalanceServices, preset?: Identifier, prefill?: string): Promise<void> {
  let identifier = preset;
  let typed = prefill ?? identifierFromEditor(vscode.window.activeTextEditor);
  let failure: { readonly step: Step; readonly message: string } | undefined;
  for (;;) {
    identifier ??= await askIdentifier(typed, failure?.step === 'identifier' ? failure.message : undefined);
    if (!identifier) {
      return;
    }
    const tokens = new AbortController();
    // The token list the values use too: asked at most once per its validity, whoever asks.
    const choice = await pickToken(services.tokenList.tokens(tokens.signal), failure?.step === 'token' ? failure.message : undefined);
    tokens.abort();
    if (!choice) {
      return;
    }
    try {
      const prices = pricesFor(services);
      const result = await fetchWithProgress(services, identifier, choice.token);
      // The token step fetched the list: a token typed as its contract address goes by the list's name.
      await showBalances(result, services.privacy, Object.keys(result.balances).length === 0 ? undefined : await prices, (token) => services.tokenList.balanceKeyOf(token));
      return;
    } catch (error) {
      const step = stepRefused(error);
      // A tree row's identifier is not the user's typing: its refusal is told as any other failure.
      if (step === undefined || (step === 'identifier' && preset !== undefined)) {
        await showError(error, services);
        return;
      }
      const refused = error as PlyrError; // stepRefused names a step for a PlyrError only
      services.logger.warn(`${refused.code}: ${refused.message}`);
      failure = { step, message: refused.message };
      if (step === 'identifier') {
        typed = identifier.value;
        identifier = undefined;
      }
    }
  }
}

/** The step whose input the server refused, to be asked again; undefined for any other failure. */
type Step = 'identifier' | 'token';
function stepRefused(error: unknown): Step | undefined {
  if (isPlyrError(error, 'userNotFound') || isPlyrError(error, 'invalidIdentifier') || isPlyrError(error, 'invalidAddress')) {
    return 'identifier';
  }
  return isPlyrError(error, 'invalidToken') ? 'token' : undefined;
}

async function askIdentifier(prefill: string | undefined, failure: string | undefined): Promise<Identifier | undefined> {
  // Checked from the start: a prefilled address that fails its checksum warns before any edit.
  const text = await askCheckedText({
    title: vscode.l10n.t('PLYR: Check Balance'),
    prompt: vscode.l10n.t('A PLYR ID (such as player123) or a 0x wallet address'),
    placeHolder: vscode.l10n.t('player123 or 0x…'),
    value: prefill,
    failure,
    validate: (value) => validateIdentifierInput(value),
  });
  const parsed = text === undefined || text.trim() === '' ? undefined : parseIdentifier(text);
  return parsed?.ok ? parsed.value : undefined;
}

async function fetchWithProgress(services: Pick<Services, 'client' | 'store'>, identifier: Identifier, token: string | undefined): Promise<BalanceResult> {
  return await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking balances of {0}…', identifier.value), cancellable: true },
    (_progress, cancellation) => {
      const abort = new AbortController();
      const listener = cancellation.onCancellationRequested(() => abort.abort());
      return fetchBalances(services, identifier, token, abort.signal).finally(() => listener.dispose());
    },
  );
}
