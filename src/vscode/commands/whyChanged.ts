import * as vscode from 'vscode';
import { explorerOf } from '../../core/api/networks';
import { activityPickItem } from '../../core/content/activityContent';
import { tokenLabel, TokenNames } from '../../core/content/shortNames';
import { ActivityEntry } from '../../core/model/activity';
import { PlyrError } from '../../core/model/errors';
import { Identifier, parseIdentifier } from '../../core/model/identifier';
import { parseTokenName } from '../../core/model/token';
import { explainChange } from '../../core/store/changeExplainer';
import { COMMANDS } from '../ids';
import { Services } from '../services';
import { showExplanation } from '../ui/activityQuickPick';
import { showError } from '../ui/errorPresenter';
import { identifierOf, isShownRow } from '../views/tree/nodes';
import { copyHash, openTransaction } from './activity';
import { registerCommand } from './register';
import { readClientConfig } from '../settings';
import type { AnnouncedChange } from '../ui/changeNotifier';

/** What `executeCommand('plyr.whyChanged', identifier, token?)` resolves to. */
export interface WhyChangedResult {
  readonly identifier: string;
  /** The balance keys whose change it explains. */
  readonly tokens: readonly string[];
  /** Each token's exact signed change ("+12.5", "−3"), as its row and the notification said it. */
  readonly changes: Readonly<Record<string, string>>;
  /** The good answer the change is measured from, and the one that brought it (epoch ms). */
  readonly since: number;
  readonly until: number;
  /** The log was read back to `since`; false when the page cap stopped first. */
  readonly complete: boolean;
  /** How many entries of the log were read to find them. */
  readonly read: number;
  /** The server's clock less ours, by the log's answers: the entries' times are on its clock. */
  readonly clockOffsetMs: number;
  /** The entries that may explain it, newest first, as read. */
  readonly entries: readonly ActivityEntry[];
  /** The tokens (of `tokens`) that none of the entries names, as `tokens` orders them: all of them when there is none. */
  readonly unexplained: readonly string[];
  /** The list as a person sees it: amounts hidden while the privacy mask is on. */
  readonly items: readonly { readonly label: string; readonly description: string; readonly detail: string }[];
}

export type WhyChangedServices = Pick<Services, 'client' | 'store' | 'tokenList' | 'privacy' | 'logger'>;

/** Which change to explain: an identifier, and the tokens (all that changed when none is named). */
interface Question {
  readonly identifier: Identifier;
  readonly token: string | undefined;
}

/**
 * Why did it change? From a changed token row it reads the activity log back to the refresh before
 * the change (with progress) and lists the entries that name the token. With arguments (an
 * identifier and a token, or none for every changed token) it shows nothing and returns them.
 */
export function registerWhyChanged(services: WhyChangedServices): vscode.Disposable {
  return registerCommand(services, COMMANDS.whyChanged, async (arg?: unknown, token?: unknown) => {
    const question = questionOf(arg, token);
    if (isShownRow(arg)) {
      await explainInteractively(services, question);
      return undefined;
    }
    return explain(services, question, changeOf(services, question));
  });
}

/**
 * Why? from a change notification: the change it announced (every token it named, between the
 * answers it came between), whatever refreshes came after it. Its failure is shown here, as the
 * command's would be.
 */
export function explainChangeOf(services: WhyChangedServices, id: string, announced: AnnouncedChange): void {
  const token = announced.tokens.length === 1 ? announced.tokens[0] : undefined;
  Promise.resolve()
    .then(() => {
      const question = questionOf(id, token);
      const { since, until } = announced;
      return explainInteractively(services, question, since !== undefined && until !== undefined ? { tokens: [...announced.tokens], changes: announced.changes, since, until } : changeOf(services, question));
    })
    .catch((error: unknown) => showError(error, services));
}

function questionOf(arg: unknown, rawToken: unknown): Question {
  if (arg === undefined) {
    throw new PlyrError('invalidIdentifier', vscode.l10n.t('Why? explains a balance that the last refresh changed: use it on a changed token in the PLYR view.'));
  }
  const row = typeof arg === 'object' && arg !== null && (arg as { type?: unknown }).type === 'token' ? (arg as { token?: unknown }) : undefined;
  const identifier = parseIdentifier(identifierOf(arg));
  if (!identifier.ok) {
    throw new PlyrError('invalidIdentifier', identifier.message);
  }
  const token = parseTokenName(row ? row.token : rawToken);
  if (!token.ok) {
    throw new PlyrError('invalidToken', token.message);
  }
  return { identifier: identifier.value, token: token.value };
}

/** A change the store saw: the balance keys that moved, and between which good answers (epoch ms). */
interface Change {
  readonly tokens: string[];
  readonly changes: Readonly<Record<string, string>>;
  readonly since: number;
  readonly until: number;
}

/** The change the last refresh brought, or why there is none to explain (before any request). */
function changeOf(services: Pick<Services, 'store'>, { identifier, token }: Question): Change {
  const id = identifier.value;
  if (identifier.kind === 'address') {
    throw new PlyrError('unsupported', vscode.l10n.t('Only PLYR IDs have an activity log; {0} is a wallet address: its explorer lists its transfers.', id));
  }
  const entry = services.store.get(id);
  const changed = Object.keys(entry?.changes ?? {});
  const tokens = token === undefined ? changed : changed.filter((t) => t.toLowerCase() === token.toLowerCase());
  if (entry?.changedSince === undefined || entry.fetchedAt === undefined || tokens.length === 0) {
    const message =
      token === undefined
        ? vscode.l10n.t('The last refresh of {0} changed no balance: there is nothing to explain.', id)
        : vscode.l10n.t('The last refresh of {0} did not change {1}: there is nothing to explain.', id, tokenLabel(token));
    throw new PlyrError('invalidToken', message);
  }
  const changes = Object.fromEntries(Object.entries(entry.changes ?? {}).filter(([t]) => tokens.includes(t)));
  return { tokens, changes, since: entry.changedSince, until: entry.fetchedAt };
}

async function explain(services: WhyChangedServices, question: Question, { tokens, changes, since, until }: Change, signal?: AbortSignal, onPage?: (read: number) => void): Promise<WhyChangedResult> {
  const id = question.identifier.value;
  const found = await explainChange({
    fetchPage: (paging, pageSignal) => services.client.account.getActivity(id, paging, pageSignal),
    // The shared list: a change explained within its validity costs no request for it.
    tokenList: (listSignal) => services.tokenList.tokens(listSignal),
    tokens,
    since,
    until,
    signal,
    onPage,
  });
  const items = itemsOf(found.explaining, services.privacy.on, found.clockOffsetMs, namesOf(services));
  return { identifier: id, tokens, changes, since, until, complete: found.complete, read: found.entries.length, clockOffsetMs: found.clockOffsetMs, entries: found.explaining, unexplained: found.unexplained, items };
}

/** The token list's names for tokens the log names by their contract (the list Why? may have asked). */
function namesOf(services: Pick<WhyChangedServices, 'tokenList'>): TokenNames {
  return (token) => services.tokenList.balanceKeyOf(token);
}

/** The list's items, ages on the server's clock (as the window was), amounts masked or not. */
function itemsOf(entries: readonly ActivityEntry[], masked: boolean, clockOffsetMs: number, names: TokenNames) {
  const now = Date.now() + clockOffsetMs;
  return entries.map((entry) => activityPickItem({ entry, masked, now, locale: vscode.env.language, names }));
}

async function explainInteractively(services: WhyChangedServices, question: Question, change = changeOf(services, question)): Promise<void> {
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading the activity log of {0}…', question.identifier.value), cancellable: true },
    (progress, cancellation) => {
      const abort = new AbortController();
      const listener = cancellation.onCancellationRequested(() => abort.abort());
      const onPage = (read: number) => progress.report({ message: read === 1 ? vscode.l10n.t('1 entry read') : vscode.l10n.t('{0} entries read', read) });
      return explain(services, question, change, abort.signal, onPage).finally(() => listener.dispose());
    },
  );
  const config = readClientConfig();
  const actions = {
    canOpen: explorerOf(config.network, config.customBaseUrl) !== undefined,
    open: (hash: string) => openTransaction(hash, true).then(undefined, (error: unknown) => showError(error, services)),
    copy: (hash: string) => copyHash(hash).then(undefined, (error: unknown) => showError(error, services)),
  };
  // The privacy mask turned on while the list is open hides its amounts too.
  const follow = { privacy: services.privacy, itemsFor: (masked: boolean) => itemsOf(result.entries, masked, result.clockOffsetMs, namesOf(services)) };
  await showExplanation({ ...result, who: result.identifier }, actions, follow);
}
