import { keccak_256 } from '@noble/hashes/sha3';
import { toChecksumAddress } from '../src/core/model/identifier';

/**
 * Demo data for the PLYR API simulator: tokens with 18, 6 and 9 decimals, seven users (one whose
 * PLYR ID starts with 0x) with a primary address (theirs) and a mirror address (the account's own
 * wallet, whose holdings are the PLYR ID's balances), one balance above 2^53 base units, and one
 * user holding nothing; game chips in three games, allowances and secondary wallets (the activity
 * log is in demoActivity.ts). Times are offsets back from the simulator's start (or last reset),
 * so that "3 min ago" reads the same on every run.
 */
export interface DemoToken {
  readonly apiId: string;
  readonly symbol: string;
  readonly name: string;
  readonly decimals: number;
  readonly address: string;
}

export interface DemoUser {
  readonly plyrId: string;
  readonly primaryAddress: string;
  readonly mirrorAddress: string;
  /** As stored: '' (user info then answers the server's default picture), an `ipfs://` URI or a URL. */
  readonly avatar: string;
  readonly registeredAgoMs: number;
  /** An Instant Play Pass account, and whether its owner has claimed it. */
  readonly isIPP: boolean;
  readonly ippClaimed: boolean;
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export const DEMO_CHAIN_ID = 16180;

/** A deterministic, valid, checksummed address for a seed. */
export function demoAddress(seed: string): string {
  const hex = Buffer.from(keccak_256(new TextEncoder().encode(seed))).toString('hex').slice(0, 40);
  return toChecksumAddress(hex);
}

export const DEMO_TOKENS: readonly DemoToken[] = [
  { apiId: 'plyr', symbol: 'PLYR', name: 'PLYR', decimals: 18, address: '0x0000000000000000000000000000000000000000' },
  { apiId: 'gamr', symbol: 'GAMR', name: 'GAMR', decimals: 18, address: demoAddress('token:gamr') },
  { apiId: 'avax', symbol: 'AVAX', name: 'Avalanche', decimals: 18, address: demoAddress('token:avax') },
  { apiId: 'usdc', symbol: 'USDC', name: 'USD Coin', decimals: 6, address: demoAddress('token:usdc') },
  { apiId: 'floki', symbol: 'FLOKI', name: 'FLOKI', decimals: 9, address: demoAddress('token:floki') },
];

/**
 * Prices as the real token list service writes them: `String(number)` of what CoinMarketCap,
 * CoinGecko or CoinMarketCap DEX quoted, or `null` when no source had one (FLOKI here).
 */
export const DEMO_PRICES: Readonly<Record<string, unknown>> = { plyr: '0.0123', gamr: '0.5', avax: '35.2', usdc: '1', floki: null };

/** Where each token's price comes from (`priceSource`); a priced token not named here is CoinGecko's. */
export const DEMO_PRICE_SOURCES: Readonly<Record<string, string>> = { plyr: 'cmc_api', gamr: 'cmc_dex_api', avax: 'cmc_api', usdc: 'cg_api' };

/** How often the real token list service refreshes its prices (tokenListService's REFRESH_INTERVAL). */
export const PRICE_REFRESH_MS = 10 * MINUTE;

type Profile = Partial<Pick<DemoUser, 'avatar' | 'registeredAgoMs' | 'isIPP' | 'ippClaimed'>>;

function user(plyrId: string, primaryAddress = demoAddress(`primary:${plyrId}`), profile: Profile = {}): DemoUser {
  return { plyrId, primaryAddress, mirrorAddress: demoAddress(`mirror:${plyrId}`), avatar: '', registeredAgoMs: 30 * DAY, isIPP: false, ippClaimed: false, ...profile };
}

export const DEMO_USERS: readonly DemoUser[] = [
  user('player123', '0x742d35Cc6634C0532925a3b844Bc454e4438f44e', { registeredAgoMs: 20 * DAY }),
  user('crypto-fennec', undefined, { avatar: 'ipfs://QmDemoFennecAvatar', registeredAgoMs: 45 * DAY }),
  user('treasury-main', undefined, { registeredAgoMs: 400 * DAY }),
  user('zero-hero', undefined, { registeredAgoMs: 3 * DAY }),
  user('game-studio', undefined, { avatar: 'https://example.com/game-studio.png', registeredAgoMs: 120 * DAY }),
  user('tester-01', undefined, { registeredAgoMs: DAY, isIPP: true }),
  // A PLYR ID may start with 0x: the real server registers and serves such IDs.
  user('0xgamer', undefined, { isIPP: true, ippClaimed: true }),
];

/**
 * Load-test users: any PLYR ID `load-<digits>` exists, holding 1.5 PLYR and 42 GAMR, so that
 * tests and benchmarks can track thousands of identifiers.
 */
export const GENERATED_USER = /^load-\d{1,6}$/;
export const GENERATED_HOLDINGS: Readonly<Record<string, bigint>> = { plyr: 1_500_000_000_000_000_000n, gamr: 42_000_000_000_000_000_000n };

/** The account stored under exactly this PLYR ID (a demo user or a load-test one), if any. */
export function findDemoUser(plyrId: string): DemoUser | undefined {
  return DEMO_USERS.find((u) => u.plyrId === plyrId) ?? (GENERATED_USER.test(plyrId) ? user(plyrId) : undefined);
}

/** A deterministic transaction hash (`0x` + 64 hex digits) for a seed. */
export function demoTxHash(seed: string): string {
  return `0x${Buffer.from(keccak_256(new TextEncoder().encode(`tx:${seed}`))).toString('hex')}`;
}

/** Holdings in base units, by address (lower case) then token apiId. Absent means zero. */
type Holdings = Readonly<Record<string, bigint>>;

export const DEMO_HOLDINGS: ReadonlyMap<string, Holdings> = new Map(
  Object.entries<Holdings>({
    [demoAddress('mirror:player123')]: {
      plyr: 1_234_500_000_000_000_000_000n, // 1234.5
      gamr: 9_007_199_254_740_993_123_456_789n, // 9007199.254740993123456789: above 2^53 base units, 18 significant decimals
      usdc: 250_750_000n, // 250.75 (6 decimals)
      floki: 1_000_000_123_456_789n, // 1000000.123456789 (9 decimals)
    },
    ['0x742d35Cc6634C0532925a3b844Bc454e4438f44e']: { plyr: 1_500_000_000_000_000_000n, avax: 20_000_000_000_000_000n },
    [demoAddress('mirror:crypto-fennec')]: { plyr: 42_000_000_000_000_000_001n, gamr: 500_000_000_000_000_000n, usdc: 1n },
    [demoAddress('mirror:treasury-main')]: { plyr: 1_000_000_000_000_000_000_000_000_000n, gamr: 123_456_789_012_345_678_901_234_567_890_123n, avax: 5_000_000_000_000_000_000_000n },
    [demoAddress('mirror:game-studio')]: { plyr: 77_700_000_000_000_000_000n, floki: 3_141_590_000n },
    [demoAddress('mirror:tester-01')]: { gamr: 10_000_000_000_000_000_000n },
    [demoAddress('mirror:0xgamer')]: { plyr: 7_000_000_000_000_000_000n, gamr: 250_000_000_000_000_000_000n },
  }).map(([address, tokens]) => [address.toLowerCase(), tokens]),
);

export interface DemoApiKey {
  readonly apiKey: string;
  readonly secretKey: string;
  readonly canReadBalances: boolean;
}

export const DEMO_CREDENTIALS: DemoApiKey = { apiKey: 'demo-api-key-0001', secretKey: 'demo-secret-key-do-not-use-in-production', canReadBalances: true };
/**
 * A key the real server answers 403 `Insufficient permissions`: every known role (user, game, admin)
 * passes the balance routes, so only a key whose recorded role is none of them gets it.
 */
export const LIMITED_CREDENTIALS: DemoApiKey = { apiKey: 'limited-api-key-0002', secretKey: 'limited-secret-key', canReadBalances: false };

/** A game chip as the server's Chip collection holds it: 18 decimals, address checksummed. */
export interface DemoChip {
  readonly gameId: string;
  readonly chip: string;
  readonly name: string;
  readonly symbol: string;
  /**
   * As the game gave it: absent (created without one, so the answer has no `image` key), '', an
   * `ipfs://` URI, or a path starting with `/`, which the simulator serves and answers as a full URL.
   */
  readonly image?: string;
}

function chip(gameId: string, name: string, symbol: string, image?: string): DemoChip {
  const found = { gameId, chip: demoAddress(`chip:${gameId}:${symbol}`), name, symbol };
  return image === undefined ? found : { ...found, image };
}

/** Every chip of every game, in the order the server's Chip.find returns them. */
export const DEMO_CHIPS: readonly DemoChip[] = [
  chip('tavern', 'Tavern Gold', 'TGOLD', '/__sim/images/tgold.svg'),
  chip('tavern', 'Tavern Ale', 'ALE', ''),
  chip('arena', 'Arena Coin', 'ARENA', '/__sim/images/arena.svg'),
  chip('arena', 'Glory', 'GLORY', 'ipfs://QmDemoGloryChipImage'),
  chip('arena', 'Arena Ticket', 'TIX'),
  // A game nobody here plays: without gameId the server still lists its chips, at "0".
  chip('dungeon', 'Dungeon Shard', 'SHARD', '/__sim/images/shard.svg'),
];

/** A game's NFT contract: a contract, but no ERC-20 (`decimals` reverts), so no token to read a balance of. */
export const DEMO_NFT_CONTRACT = demoAddress('nft:arena:badges');

const chipAddress = (gameId: string, symbol: string) => DEMO_CHIPS.find((c) => c.gameId === gameId && c.symbol === symbol)!.chip.toLowerCase();

/** Chip holdings in base units (18 decimals), by mirror address then chip address (both lower case). Absent means zero. */
export const DEMO_CHIP_HOLDINGS: ReadonlyMap<string, Holdings> = new Map(
  Object.entries<Holdings>({
    [demoAddress('mirror:player123')]: {
      [chipAddress('tavern', 'TGOLD')]: 1_500_000_000_000_000_000_000n, // 1500
      [chipAddress('tavern', 'ALE')]: 3_250_000_000_000_000_000n, // 3.25
      [chipAddress('arena', 'ARENA')]: 42_000_000_000_000_000_001n, // 42.000000000000000001
      [chipAddress('arena', 'TIX')]: 7_000_000_000_000_000_000n, // 7
    },
    [demoAddress('mirror:crypto-fennec')]: { [chipAddress('arena', 'ARENA')]: 5_000_000_000_000_000_000n },
  }).map(([address, chips]) => [address.toLowerCase(), chips]),
);

/**
 * What a game may spend of a token, as the server's UserApprove holds it: IDs and token lower
 * case (a listed name or a token address), `amount` a number (the schema casts what the game sent),
 * `expiresIn` in seconds from `createdAt`.
 */
export interface DemoAllowance {
  readonly plyrId: string;
  readonly gameId: string;
  readonly token: string;
  readonly amount: number;
  readonly expiresIn: number;
  readonly createdAgoMs: number;
}

const YEAR_SECONDS = 365 * 86400;

export const DEMO_ALLOWANCES: readonly DemoAllowance[] = [
  { plyrId: 'player123', gameId: 'tavern', token: 'gamr', amount: 100, expiresIn: YEAR_SECONDS, createdAgoMs: 2 * DAY },
  { plyrId: 'player123', gameId: 'tavern', token: 'plyr', amount: 25.5, expiresIn: 86400, createdAgoMs: 3 * HOUR },
  // Expires 30 minutes after the simulator's start (or last reset).
  { plyrId: 'player123', gameId: 'arena', token: 'usdc', amount: 50, expiresIn: 86400, createdAgoMs: DAY - 30 * MINUTE },
  // Expired an hour before the start: the server leaves it out.
  { plyrId: 'player123', gameId: 'arena', token: 'gamr', amount: 10, expiresIn: 3600, createdAgoMs: 2 * HOUR },
  { plyrId: 'player123', gameId: 'arena', token: demoAddress('token:floki').toLowerCase(), amount: 1000000, expiresIn: 7 * 86400, createdAgoMs: 6 * DAY },
  { plyrId: 'crypto-fennec', gameId: 'arena', token: 'plyr', amount: 5, expiresIn: YEAR_SECONDS, createdAgoMs: DAY },
];

/** A wallet bound to an account as a secondary, as the server's Secondary collection holds it. */
export interface DemoSecondary {
  readonly plyrId: string;
  readonly secondaryAddress: string;
  readonly boundAgoMs: number;
}

export const DEMO_SECONDARIES: readonly DemoSecondary[] = [
  { plyrId: 'player123', secondaryAddress: demoAddress('secondary:player123:1'), boundAgoMs: 19 * DAY },
  { plyrId: 'player123', secondaryAddress: demoAddress('secondary:player123:2'), boundAgoMs: 10 * DAY },
];
