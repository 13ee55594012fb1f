import { keccak_256 } from '@noble/hashes/sha3';
import { DEMO_ALLOWANCES, DEMO_CHIP_HOLDINGS, DEMO_SECONDARIES, findDemoUser } from './demoData';
import { DEMO_ACTIVITY } from './demoActivity';

/**
 * The simulator's changing account data beyond token balances: the activity log and chip holdings,
 * with the demo data's relative times fixed against an anchor (the start, then each reset, on the
 * simulator's clock). Answers are shaped as the server's Mongo documents serialise.
 */

/** An entry to log, as the server's logActivity takes it. */
export interface ActivityInput {
  /** Default: null for `user` actions, as the server logs account actions; give it for game ones. */
  readonly gameId?: string | null;
  /** Default: `user` for account actions (login, logout, register, deposit, secondaryBind, ...), `game` otherwise. */
  readonly type?: string;
  readonly action: string;
  readonly data?: Readonly<Record<string, unknown>>;
  /** Epoch ms on the simulator's clock; default: now. */
  readonly timestamp?: number;
}

/** An activity log entry as the route answers it (a Mongo document: `_id`, `__v`, the timestamp as an ISO string). */
export interface ActivityJson {
  readonly _id: string;
  readonly plyrId: string;
  readonly gameId?: string | null;
  readonly type: string;
  readonly action: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly timestamp: string;
  readonly __v: 0;
}

interface StoredActivity {
  readonly json: ActivityJson;
  readonly at: number;
  /** Insertion order: among equal timestamps the later logged is answered first. */
  readonly seq: number;
}

const USER_ACTIONS = new Set(['login', 'logout', 'loginAndApprove', 'register', 'deposit', 'secondaryBind', 'secondaryUnbind', 'updateAvatar', 'reset2fa', 'discardSession', 'revealClaimingCode', 'revealPrivateKey']);

/** A Mongo ObjectId's text: 4 bytes of creation seconds, then 8 deterministic bytes. */
function objectId(at: number, seq: number): string {
  const seconds = Math.max(0, Math.floor(at / 1000)).toString(16).padStart(8, '0').slice(-8);
  const rest = Buffer.from(keccak_256(new TextEncoder().encode(`objectid:${seq}`))).toString('hex').slice(0, 10);
  return seconds + rest + seq.toString(16).padStart(6, '0').slice(-6);
}

export class AccountState {
  private anchor = 0;
  private seq = 0;
  private activity: StoredActivity[] = [];
  private chipHoldings = new Map<string, Record<string, bigint>>();

  constructor(private readonly now: () => number) {
    this.reset();
  }

  /** When the demo data's times count back from (epoch ms, simulator clock). */
  get anchorMs(): number {
    return this.anchor;
  }

  reset(): void {
    this.anchor = this.now();
    this.seq = 0;
    this.activity = [];
    for (const entry of DEMO_ACTIVITY) {
      const { plyrId, agoMs, ...rest } = entry;
      this.logActivity(plyrId, { ...rest, timestamp: this.anchor - agoMs });
    }
    this.chipHoldings = new Map([...DEMO_CHIP_HOLDINGS].map(([address, held]) => [address, { ...held }]));
  }

  /** Stores an entry under the PLYR ID exactly as given (the server's logActivity lower-cases nothing). */
  logActivity(plyrId: string, input: ActivityInput): ActivityJson {
    const type = input.type ?? (USER_ACTIONS.has(input.action) ? 'user' : 'game');
    const gameId = input.gameId !== undefined ? input.gameId : type === 'user' ? null : undefined;
    const at = input.timestamp ?? this.now();
    const seq = ++this.seq;
    const json: ActivityJson = {
      _id: objectId(at, seq),
      plyrId,
      ...(gameId === undefined ? {} : { gameId }),
      type,
      action: input.action,
      data: { ...input.data },
      timestamp: new Date(at).toISOString(),
      __v: 0,
    };
    this.activity.push({ json, at, seq });
    return json;
  }

  /** ActivityLog.find({ plyrId }).sort({ timestamp: -1 }).skip(offset).limit(limit), limit 0 meaning none. */
  activityOf(plyrId: string, offset: number, limit: number): ActivityJson[] {
    const matching = this.activity.filter((e) => e.json.plyrId === plyrId).sort((a, b) => b.at - a.at || b.seq - a.seq);
    return matching.slice(offset, limit === 0 ? undefined : offset + limit).map((e) => e.json);
  }

  /** UserApprove documents of an account (lower-cased ID), expired ones left out, without `_id` and `__v`. */
  allowancesOf(plyrId: string, gameId?: string): Record<string, unknown>[] {
    const now = this.now();
    return DEMO_ALLOWANCES.filter((a) => a.plyrId === plyrId && (gameId === undefined || a.gameId === gameId))
      .map((a) => ({ ...a, createdAt: this.anchor - a.createdAgoMs }))
      .filter((a) => a.expiresIn * 1000 + a.createdAt >= now)
      .map(({ plyrId: id, gameId: game, token, amount, expiresIn, createdAt }) => ({ plyrId: id, gameId: game, token, amount, expiresIn, createdAt: new Date(createdAt).toISOString() }));
  }

  /** Secondary documents of an account (lower-cased ID), as Mongo serialises them. */
  secondariesOf(plyrId: string): Record<string, unknown>[] {
    return DEMO_SECONDARIES.filter((s) => s.plyrId === plyrId).map((s, i) => {
      const boundAt = this.anchor - s.boundAgoMs;
      return { _id: objectId(boundAt, 0xf00000 + i), plyrId: s.plyrId, secondaryAddress: s.secondaryAddress, boundAt: new Date(boundAt).toISOString(), __v: 0 };
    });
  }

  chipBalance(mirrorAddress: string, chip: string): bigint {
    return this.chipHoldings.get(mirrorAddress.toLowerCase())?.[chip.toLowerCase()] ?? 0n;
  }

  /** Sets a PLYR ID's (or address's) holding of a chip (its address, any case), in base units. */
  setChipHolding(holder: string, chip: string, baseUnits: bigint): void {
    const address = (findDemoUser(holder)?.mirrorAddress ?? holder).toLowerCase();
    this.chipHoldings.set(address, { ...this.chipHoldings.get(address), [chip.toLowerCase()]: baseUnits });
  }
}
