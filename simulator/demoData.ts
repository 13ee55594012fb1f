import { keccak_256 } from '@noble/hashes/sha3';
import { toChecksumAddress } from '../src/core/model/identifier';

/**
 * Demo data for the PLYR API simulator: tokens with 18, 6 and 9 decimals, seven users (one whose
 * PLYR ID starts with 0x) with a primary address (theirs) and a mirror address (the account's own
 * wallet, whose holdings are the PLYR ID's balances), one balance above 2^53 base units, and one
 * user holding nothing.
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
}

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

function user(plyrId: string, primaryAddress = demoAddress(`primary:${plyrId}`)): DemoUser {
  return { plyrId, primaryAddress, mirrorAddress: demoAddress(`mirror:${plyrId}`) };
}

export const DEMO_USERS: readonly DemoUser[] = [
  user('player123', '0x742d35Cc6634C0532925a3b844Bc454e4438f44e'),
  user('crypto-fennec'),
  user('treasury-main'),
  user('zero-hero'),
  user('game-studio'),
  user('tester-01'),
  // A PLYR ID may start with 0x: the real server registers and serves such IDs.
  user('0xgamer'),
];

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

/** ethers' formatUnits: at least one fraction digit ("0.0"), trailing zeros trimmed. */
export function formatUnits(value: bigint, decimals: number): string {
  const base = 10n ** BigInt(decimals);
  const whole = value / base;
  const fraction = (value % base).toString().padStart(decimals, '0').replace(/0+$/, '');
  return `${whole}.${fraction === '' ? '0' : fraction}`;
}
