import * as l10n from '@vscode/l10n';
import { ActivityEntry } from '../model/activity';
import { amountIn } from '../model/balances';
import { isAddressText } from '../model/identifier';
import { inertLabel } from '../model/safeText';
import { isTransactionHash } from '../model/transactionHash';
import { formatAmount, formatAmountCompact } from './format';
import { MASKED_AMOUNT } from './privacy';
import { describeAge, describeMoment } from './time';
import { RowContent, RowIcon, TooltipPart } from './treeContent';
import { tokenLabel, TokenNames } from './shortNames';

/**
 * How one entry of an account's activity log reads: a row of the view, an item of Why?'s list,
 * its tooltip and what a screen reader says. Every field came from the server: each goes in as
 * one inert line (safeText.ts), and into Markdown only as text that VS Code escapes. Under the
 * privacy mask no amount shows.
 */

const ERROR_COLOR = 'list.errorForeground';
/** A server's word (an action, a game) in a row: one short line. */
const WORD = 40;
/** An amount: long enough for any real one, cut (…) beyond. */
const AMOUNT = 100;

/** Money out, money in, a permission, a session, the account; anything else is just history. */
const ACTION_ICONS: Readonly<Record<string, string>> = {
  pay: 'arrow-up',
  joinPay: 'arrow-up',
  createJoinPay: 'arrow-up',
  earn: 'arrow-down',
  deposit: 'arrow-down',
  approve: 'unlock',
  revoke: 'lock',
  login: 'sign-in',
  logout: 'sign-out',
  register: 'account',
  secondaryBind: 'link',
};

export interface ActivityInput {
  readonly entry: ActivityEntry;
  readonly masked: boolean;
  readonly now: number;
  readonly locale?: string;
  /** The token list's names for the contract addresses an entry may name its token by. */
  readonly names?: TokenNames;
}

/** "pay 12.5 GAMR", "game tavern · 3 min. ago · failed", the details in the tooltip. */
export function activityRow(input: ActivityInput): RowContent {
  const { entry, masked, now, locale } = input;
  const action = inertLabel(entry.action, WORD);
  const token = entry.token === undefined ? undefined : inertLabel(tokenLabel(entry.token, input.names), WORD);
  const hasAmount = entry.amount !== undefined;
  const shown = !hasAmount ? undefined : masked ? MASKED_AMOUNT : inertLabel(formatAmountCompact(entry.amount!, locale), AMOUNT);
  const game = entry.gameId === undefined ? undefined : l10n.t({ message: 'game {0}', args: [inertLabel(entry.gameId, WORD)], comment: 'The game an activity happened in, by its ID, such as: game tavern' });
  const age = describeAge(now - entry.at, locale);
  const failed = entry.succeeded === false ? l10n.t({ message: 'failed', comment: 'An activity whose transaction was reverted' }) : undefined;
  // Read aloud: the exact amount, grouped, and commas where the row shows a middle dot.
  const exact = hasAmount && !masked ? inertLabel(formatAmount(entry.amount!, locale), AMOUNT) : undefined;
  const hidden = hasAmount && masked ? l10n.t('amount hidden') : undefined;
  return {
    label: what(action, shown, token),
    description: [game, age, failed].filter(isText).join(' · '),
    tooltip: { parts: tooltipParts(input, what(action, shown, token)), icons: false },
    spoken: [what(action, exact, token), hidden, game, age, failed].filter(isText).join(', '),
    icon: iconOf(entry),
  };
}

/** What Why?'s list shows of an entry: the row, and its transaction (shortened) as the detail. */
export function activityPickItem(input: ActivityInput): { readonly label: string; readonly description: string; readonly detail: string } {
  const row = activityRow(input);
  const hash = input.entry.txHash;
  const detail = isTransactionHash(hash) ? l10n.t('transaction {0}', shortHash(hash)) : l10n.t('no transaction');
  return { label: row.label, description: row.description ?? '', detail };
}

/** Why?'s title: "Why did GAMR of player123 change by +5?", or without the change where it is not given (the privacy mask). */
export function whyTitle(who: string, tokens: readonly string[], locale?: string, changes?: TokenChanges): string {
  const [only] = tokens;
  const change = tokens.length === 1 && changes !== undefined ? amountIn(changes, only) : undefined;
  if (change !== undefined) {
    return l10n.t({ message: 'Why did {0} of {1} change by {2}?', args: [tokenList(tokens, locale), inertLabel(who), change], comment: '{0} is a token, such as GAMR; {1} is a PLYR ID; {2} is the exact signed change, such as +12.5' });
  }
  return l10n.t({ message: 'Why did {0} of {1} change?', args: [tokenList(tokens, locale, 'conjunction', changes), inertLabel(who)], comment: '{0} lists tokens, each with its change where known, such as GAMR (+12.5) and PLYR (−3); {1} is a PLYR ID' });
}

/** Per token, the exact signed change the refresh brought ("+12.5", "−3"); absent under the privacy mask. */
export type TokenChanges = Readonly<Record<string, string>>;

/**
 * Above Why?'s list: the question, how many entries answer it and whether the log was read far
 * enough, in the title (which wraps, so all of it shows, and stays while the user types to
 * filter); what Enter does in the placeholder, which the box cuts at its width: it opens the
 * transaction where the network has a known explorer (`opens`), else copies its hash; on an entry
 * without one it does nothing.
 */
export function whyHeading(input: { who: string; tokens: readonly string[]; changes?: TokenChanges; count: number; complete: boolean; read: number; opens: boolean; someWithout?: boolean; unexplained?: readonly string[]; locale?: string }): { title: string; placeholder: string } {
  const found = input.count === 1 ? l10n.t('1 activity entry between the refresh before the change and the one that found it names it.') : l10n.t('{0} activity entries between the refresh before the change and the one that found it name it.', input.count);
  // Tokens of the change that no entry listed names: said, with what the log never shows (as
  // whyNothing does), or the list reads as the whole answer.
  const unnamed = input.unexplained?.length ? l10n.t({ message: 'No entry names {0}.', args: [tokenList(input.unexplained, input.locale, 'disjunction')], comment: '{0} lists tokens, such as AVAX, or AVAX or USDC' }) : undefined;
  return {
    title: [whyTitle(input.who, input.tokens, input.locale, input.changes), found, unnamed, incomplete(input.complete, input.read), unnamed && outsideGames()].filter(isText).join(' '),
    // Entries without a transaction (`someWithout`) have nothing for Enter to do: said before it is pressed.
    placeholder: input.someWithout
      ? input.opens
        ? l10n.t('Enter on an entry with a transaction opens it in the explorer.')
        : l10n.t('Enter on an entry with a transaction copies its hash.')
      : input.opens
        ? l10n.t('Enter opens its transaction in the explorer.')
        : l10n.t('Enter copies its transaction hash.'),
  };
}

/**
 * Why? when the log names none of the tokens between the two refreshes: says so, and that
 * transfers straight to or from the wallet, outside games, are not in the log.
 */
export function whyNothing(input: { who: string; tokens: readonly string[]; changes?: TokenChanges; since: number; until: number; now: number; complete: boolean; read: number; locale?: string }): string {
  const { now, locale } = input;
  const [since, until] = [describeAge(now - input.since, locale), describeAge(now - input.until, locale)];
  // Two refreshes within the same minute read alike ("just now and just now"): said once.
  const none =
    since === until
      ? l10n.t({ message: 'No activity of {0} names {1} between the refresh before the change and the one that found it (both {2}).', args: [inertLabel(input.who), tokenList(input.tokens, locale, 'conjunction', input.changes), since], comment: '{0} is a PLYR ID; {1} lists tokens, each with its change where known; {2} is an age such as just now' })
      : l10n.t({ message: 'No activity of {0} names {1} between the refresh before the change and the one that found it ({2} and {3}).', args: [inertLabel(input.who), tokenList(input.tokens, locale, 'conjunction', input.changes), since, until], comment: '{0} is a PLYR ID; {1} lists tokens, each with its change where known; {2} and {3} are ages such as 5 min. ago' });
  return [none, incomplete(input.complete, input.read), outsideGames()].filter(isText).join(' ');
}

function outsideGames(): string {
  return l10n.t("On-chain transfers outside games (straight to or from the account's wallet) do not show in the activity log.");
}

function incomplete(complete: boolean, read: number): string | undefined {
  return complete ? undefined : l10n.t('Only the newest {0} entries of the log were read; an older one may explain it too.', read);
}

/**
 * "GAMR and PLYR" (or "GAMR or PLYR"), as the language lists things; each token followed by its
 * change when `changes` has it: "GAMR (+12.5) and PLYR (−3)".
 */
function tokenList(tokens: readonly string[], locale: string | undefined, type: 'conjunction' | 'disjunction' = 'conjunction', changes?: TokenChanges): string {
  return new Intl.ListFormat(locale, { type }).format(
    tokens.map((t) => {
      const name = inertLabel(tokenLabel(t), WORD);
      const change = changes === undefined ? undefined : amountIn(changes, t);
      return change === undefined ? name : l10n.t({ message: '{0} ({1})', args: [name, change], comment: 'A token and the exact signed change of its balance, such as GAMR (+12.5)' });
    }),
  );
}

function what(action: string, amount: string | undefined, token: string | undefined): string {
  if (amount !== undefined && token !== undefined) {
    return l10n.t({ message: '{0} {1} {2}', args: [action, amount, token], comment: "An activity: what happened (the server's word: pay, earn), an amount and its token, such as: pay 12.5 GAMR" });
  }
  const detail = amount ?? token;
  return detail === undefined ? action : l10n.t({ message: '{0} {1}', args: [action, detail], comment: "An activity: what happened (the server's word), then an amount or a token, such as: approve GAMR" });
}

function tooltipParts(input: ActivityInput, title: string): TooltipPart[] {
  const { entry, masked, now, locale } = input;
  const parts: TooltipPart[] = [{ markdown: '**' }, { text: title }, { markdown: '**' }];
  // Each detail on its own line: our label as Markdown, the server's value as one inert line of
  // text (or code), which tooltipMarkdown escapes.
  const line = (label: string, value: string, code = false) => {
    parts.push({ markdown: `\n\n${label} ` }, code ? { code: value } : { text: value });
  };
  if (entry.amount !== undefined) {
    line(l10n.t('Amount:'), masked ? MASKED_AMOUNT : inertLabel(entry.amount, AMOUNT), !masked);
  }
  if (entry.token !== undefined) {
    // As the row names it ("GAMR"); a contract address whole, after the list's name for it if any.
    const label = tokenLabel(entry.token, input.names);
    line(l10n.t('Token:'), inertLabel(!isAddressText(entry.token) ? label : label === tokenLabel(entry.token) ? entry.token : `${label} (${entry.token})`, WORD * 2));
  }
  if (entry.chip !== undefined) {
    line(l10n.t('Chip:'), inertLabel(entry.chip, WORD * 2));
  }
  if (entry.gameId !== undefined) {
    line(l10n.t('Game:'), inertLabel(entry.gameId, WORD * 2));
  }
  if (entry.roomId !== undefined) {
    line(l10n.t('Room:'), inertLabel(entry.roomId, WORD * 2));
  }
  line(l10n.t('When:'), `${describeMoment(entry.at, locale, true)} (${describeAge(now - entry.at, locale)})`);
  if (entry.type !== undefined) {
    line(l10n.t('Logged by:'), inertLabel(entry.type, WORD));
  }
  if (isTransactionHash(entry.txHash)) {
    line(l10n.t('Transaction:'), entry.txHash, true);
  }
  if (entry.succeeded !== undefined) {
    line(l10n.t('Outcome:'), entry.succeeded ? l10n.t('succeeded') : l10n.t('failed (reverted)'));
  }
  return parts;
}

function iconOf(entry: ActivityEntry): RowIcon {
  if (entry.succeeded === false) {
    return { id: 'error', color: ERROR_COLOR };
  }
  return { id: Object.prototype.hasOwnProperty.call(ACTION_ICONS, entry.action) ? ACTION_ICONS[entry.action] : 'history' };
}

/** `0x1234abcd…89abcdef`: enough of a hash to tell two apart. */
function shortHash(hash: string): string {
  return `${hash.slice(0, 10)}…${hash.slice(-8)}`;
}

function isText(value: string | undefined): value is string {
  return value !== undefined && value !== '';
}
