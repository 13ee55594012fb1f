import { DAY, DEMO_SECONDARIES, DEMO_USERS, demoTxHash, MINUTE } from './demoData';

/**
 * The demo activity log, as the server's logActivity stores it: `type` `user` or `game`, `gameId`
 * null for account actions and absent where the game sent none, `data` whatever each action
 * records (amounts as the game sent them, a number or a string; `success` the chain receipt's
 * status, `"success"` or `"reverted"`). player123 has eleven game sessions over eleven days in
 * `tavern` and `arena`, the newest still open (its last entry, an earn, 3 minutes before the
 * simulator's start), plus registration, deposits and two secondary wallets: 70 entries.
 */
export interface DemoActivity {
  readonly plyrId: string;
  /** null for account actions (register, secondaryBind); absent where the game sent no gameId. */
  readonly gameId?: string | null;
  readonly type: string;
  readonly action: string;
  readonly data: Readonly<Record<string, unknown>>;
  /** How long before the simulator's start (or last reset) it happened. */
  readonly agoMs: number;
}

const player = DEMO_USERS.find((u) => u.plyrId === 'player123')!;
const SESSIONS = 11;
// Amounts as games send them: numbers and decimal strings mixed, one far below 1.
const PAY_AMOUNTS: readonly (number | string)[] = [12, '7.5', 3.25, '20', 0.5, '1000', 15, '0.000001', 2, '42.42', 8];
const EARN_AMOUNTS: readonly (number | string)[] = ['30', 4, '12.75', 60, '0.5', 2500, '18', 1, '99.99', 5, '16'];

function session(k: number): DemoActivity[] {
  const gameId = k % 2 === 0 ? 'tavern' : 'arena';
  const token = gameId === 'tavern' ? 'gamr' : k % 4 === 1 ? 'plyr' : 'usdc';
  const room = 1000 + (SESSIONS - k) * 7;
  // The newest session began 15 minutes before the start; the others a day or more apart.
  const startAgo = k === 0 ? 15 * MINUTE : k * DAY + ((k * 173) % 480) * MINUTE;
  const at = (minutes: number) => startAgo - minutes * MINUTE;
  const hash = (step: string) => demoTxHash(`player123:${k}:${step}`);
  const game = (action: string, minutes: number, data: Record<string, unknown>): DemoActivity => ({ plyrId: 'player123', gameId, type: 'game', action, data: { gameId, ...data }, agoMs: at(minutes) });
  const account = (action: string, minutes: number): DemoActivity => ({ plyrId: 'player123', gameId, type: 'user', action, data: { gameId }, agoMs: at(minutes) });
  const entries = [account('login', 0)];
  if (k % 4 === 2) {
    entries.push(game('approve', 1, { token, amount: k === 2 ? 100 : '250' }));
  }
  const fee = k % 2 === 0 ? 5 : '2.5';
  if (k % 3 === 0) {
    entries.push(game('createJoinPay', 3, { roomId: String(room), token, amount: fee, hash: hash('fee'), success: 'success' }));
  } else {
    entries.push(game('joinPay', 3, { roomId: String(room), token, amount: fee, hash: hash('fee'), success: 'success' }));
  }
  entries.push(game('pay', 6, { roomId: String(room), token, amount: PAY_AMOUNTS[k], hash: hash('pay'), success: 'success' }));
  if (k % 2 === 0) {
    // The one failed transaction: the server logs the pay, then answers the game an error.
    const success = k === 4 ? 'reverted' : 'success';
    entries.push(game('pay', 8, { roomId: String(room), token, amount: PAY_AMOUNTS[SESSIONS - 1 - k], hash: hash('pay2'), success }));
  }
  // A batch earn logs the roomId as the game sent it (a number here), not as a string.
  entries.push(game('earn', 12, { roomId: room, token, amount: EARN_AMOUNTS[k], hash: hash('earn'), success: 'success' }));
  if (k !== 0) {
    entries.push(account('logout', 16));
  }
  if (k === 7) {
    entries.push(game('revoke', 20, { token: 'gamr' }));
  }
  return entries;
}

const [firstSecondary, secondSecondary] = DEMO_SECONDARIES.filter((s) => s.plyrId === 'player123');

const accountEvents: DemoActivity[] = [
  {
    plyrId: 'player123',
    gameId: null,
    type: 'user',
    action: 'register',
    data: { ippClaimed: false, primaryAddress: player.primaryAddress, hash: demoTxHash('player123:register'), success: 'success' },
    agoMs: player.registeredAgoMs,
  },
  { plyrId: 'player123', gameId: null, type: 'user', action: 'secondaryBind', data: { secondaryAddress: firstSecondary.secondaryAddress }, agoMs: firstSecondary.boundAgoMs },
  { plyrId: 'player123', gameId: null, type: 'user', action: 'secondaryBind', data: { secondaryAddress: secondSecondary.secondaryAddress }, agoMs: secondSecondary.boundAgoMs },
  { plyrId: 'player123', type: 'user', action: 'deposit', data: { token: 'plyr', amount: '500', hash: demoTxHash('player123:deposit:1') }, agoMs: 18 * DAY },
  { plyrId: 'player123', gameId: 'tavern', type: 'user', action: 'deposit', data: { token: 'gamr', amount: 1000, hash: demoTxHash('player123:deposit:2') }, agoMs: 9 * DAY + 2 * MINUTE },
  { plyrId: 'player123', type: 'user', action: 'deposit', data: { token: 'usdc', amount: '250.75', hash: demoTxHash('player123:deposit:3') }, agoMs: 4 * DAY + 45 * MINUTE },
];

/**
 * Entries of other accounts. The first is stored under `Player123` as a game sent it (approve logs
 * the ID unchanged): the route matches IDs exactly, so `player123`'s log does not show it.
 */
const otherEvents: DemoActivity[] = [
  { plyrId: 'Player123', gameId: 'Tavern', type: 'game', action: 'approve', data: { gameId: 'Tavern', token: 'gamr', amount: '100' }, agoMs: 2 * DAY + 30 * MINUTE },
  { plyrId: 'crypto-fennec', gameId: null, type: 'user', action: 'register', data: { ippClaimed: false, primaryAddress: DEMO_USERS[1].primaryAddress, hash: demoTxHash('crypto-fennec:register'), success: 'success' }, agoMs: DEMO_USERS[1].registeredAgoMs },
  { plyrId: 'crypto-fennec', gameId: 'arena', type: 'user', action: 'login', data: { gameId: 'arena' }, agoMs: DAY },
  { plyrId: 'crypto-fennec', gameId: 'arena', type: 'game', action: 'pay', data: { gameId: 'arena', roomId: '1001', token: 'plyr', amount: 5, hash: demoTxHash('crypto-fennec:pay'), success: 'success' }, agoMs: DAY - 5 * MINUTE },
];

/** In the order they were logged (oldest first), as the collection holds them. */
export const DEMO_ACTIVITY: readonly DemoActivity[] = [...accountEvents, ...otherEvents, ...Array.from({ length: SESSIONS }, (_, k) => session(k)).flat()].sort((a, b) => b.agoMs - a.agoMs);
