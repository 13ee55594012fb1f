import { performance } from 'node:perf_hooks';
import { Logger } from './logger';
import { realSleep, Sleep } from './retry';

/**
 * What the pacer learned of a server's rate limit: about `limitPerSecond` requests were accepted
 * in the second it refused one, and requests to it leave at about `pacePerSecond`.
 */
export interface PacingState {
  readonly limitPerSecond: number;
  readonly pacePerSecond: number;
}

/** What a request's answer tells the pacer. */
export interface PacerAnswer {
  readonly status: number;
  /** The server's Retry-After, in ms, when it sent one. */
  readonly retryAfterMs?: number;
  /** The server's Date header as sent: whole seconds of the server's own clock. */
  readonly serverDate?: string | null;
}

export interface PacerOptions {
  readonly logger: Logger;
  /** Monotonic milliseconds since the epoch (its seconds count answers from a server that sends no Date). */
  readonly now?: () => number;
  readonly sleep?: Sleep;
  /**
   * The longest a request waits at a gate unless its caller says otherwise: at a gate closed for
   * longer it fails at once (GateClosed, which the client reports as "try again in …"), unsent.
   */
  readonly maxGateMs?: number;
  /**
   * Told, with the API root, when its gate closes (a 429), moves later, is opened or runs out:
   * {@link RatePacer.gateOpensAt} says until when. Its listeners need no timer of their own.
   */
  readonly onGate?: (root: string) => void;
}

/** The gate after a 429 without Retry-After: the usual limiter window. */
export const DEFAULT_GATE_MS = 1000;
/** The longest gate held: a Retry-After of days (a misconfigured proxy, say) holds requests for 10 minutes, then one tries. */
export const MAX_GATE_MS = 10 * 60_000;
/** Pace at this share of what the server accepted in one second: arrival jitter stays under its limit. */
export const PACE_MARGIN = 0.95;
/** Fewer accepted requests than this in the refusal's second do not show a per-second limit (a quota, another client): only the gate applies. */
export const MIN_EVIDENCE = 10;
/** Multiplicative decrease on each further 429. */
export const DECREASE = 0.8;
/** Additive increase: this share of the first learned pace, per interval of waiting requests without a 429. */
export const INCREASE_SHARE = 0.02;
export const INCREASE_INTERVAL_MS = 5000;
/**
 * A turn taken late (a busy event loop) is made up by this much at most: the next ones come sooner.
 * Half the margin's 5% of a second, so the server's count stays under its limit even then.
 */
export const CATCH_UP_MS = 25;
/** No 429 for this long and requests go unpaced again. */
export const QUIET_MS = 30_000;
const MIN_PACE = 1;
/** Seconds of evidence kept: the refusal's, and room for answers out of order. */
const SECONDS_KEPT = 3;

interface Waiter {
  /** The longest it waits at a gate: one closed for longer (a later 429's Retry-After) fails it then. */
  readonly maxWaitMs: number;
  readonly resolve: (sentAt: number) => void;
  readonly reject: (error: unknown) => void;
  readonly signal?: AbortSignal;
  readonly onAbort: () => void;
}

/**
 * Paces the requests to one API root after the server refuses one with 429. Until then it only
 * counts answers per server second (no wait, no timer). On a 429: nothing leaves before its
 * Retry-After (one gate every request waits at, not only the refused one, or fails at once when
 * it would wait longer than it may: see {@link PacerOptions.maxGateMs}); then requests are
 * spaced at 95% of what the server accepted in the refusal's second (by its Date header, the
 * second it counted them in; by our clock without one). Each further 429 cuts the pace by a
 * fifth; each 5 s of waiting requests without one adds 2% of the first pace; 30 s without one
 * and requests go unpaced again.
 *
 * Spacing, not a token bucket: a server counting per fixed second lets a bucket's burst land in
 * one window on top of the steady rate, which is the refusal the pacing is there to avoid. Only a
 * late turn is made up, by {@link CATCH_UP_MS} at most.
 */
export class RatePacer {
  readonly #now: () => number;
  readonly #sleep: Sleep;
  readonly #maxGateMs: number;
  readonly #queue: Waiter[] = [];
  #pumping = false;
  /** Ends the pump's wait for the gate early (the gate was opened). */
  #wake?: () => void;
  /** Stops the wait for the gate to run out (it moved or was opened). */
  #gateWatch?: AbortController;
  /** Accepted answers per server second (its Date header, else `~` + our second), newest last. */
  readonly #accepted = new Map<string, number>();
  #gateUntil = -Infinity;
  /** The second of a 429 whose evidence is read when the gate opens: the answers sent before it are in by then. */
  #pending?: string;
  #pace?: number;
  #limit = 0;
  #step = 0;
  #nextAt = -Infinity;
  #last429At = -Infinity;
  #decreasedAt = -Infinity;
  #increasedAt = -Infinity;

  readonly #root: string;
  readonly #options: PacerOptions;

  constructor(root: string, options: PacerOptions) {
    this.#root = root;
    this.#options = options;
    this.#now = options.now ?? (() => performance.timeOrigin + performance.now());
    this.#sleep = options.sleep ?? realSleep;
    this.#maxGateMs = options.maxGateMs ?? Infinity;
  }

  /**
   * Waits for this request's turn and returns when it leaves (pass it to {@link record}). A gate
   * that stays closed longer than `maxWaitMs` is thrown as a `GateClosed` without waiting.
   * Cancelling releases the wait at once, and its turn goes to the next request.
   */
  acquire(signal?: AbortSignal, maxWaitMs = this.#maxGateMs): Promise<number> {
    const now = this.#now();
    this.#recover(now);
    if (signal?.aborted) {
      return Promise.reject(new Cancelled());
    }
    if (this.#gateUntil - now > maxWaitMs) {
      return Promise.reject(new GateClosed(this.#gateUntil - now));
    }
    if (this.#queue.length === 0 && now >= this.#readyAt()) {
      this.#release(now, false);
      return Promise.resolve(now);
    }
    return new Promise<number>((resolve, reject) => {
      const waiter: Waiter = {
        maxWaitMs,
        resolve,
        reject,
        signal,
        onAbort: () => {
          const index = this.#queue.indexOf(waiter);
          if (index >= 0) {
            this.#queue.splice(index, 1);
            reject(new Cancelled());
          }
        },
      };
      signal?.addEventListener('abort', waiter.onAbort, { once: true });
      this.#queue.push(waiter);
      void this.#pump();
    });
  }

  /** What the answer to a request that left at `sentAt` says. */
  record(sentAt: number, answer: PacerAnswer): void {
    if (answer.status !== 429) {
      this.#count(answer.serverDate ? answer.serverDate : ourSecond(sentAt));
      return;
    }
    const gateMs = Math.min(answer.retryAfterMs ?? DEFAULT_GATE_MS, MAX_GATE_MS);
    const now = this.#now();
    const closedUntil = this.#gateUntil;
    this.#gateUntil = Math.max(this.#gateUntil, now + gateMs);
    this.#last429At = now;
    this.#failOverlongWaits(now);
    if (this.#gateUntil !== closedUntil) {
      this.#options.onGate?.(this.#root);
      this.#watchGate();
    }
    // Refusals of requests that left before the last decrease were answered by it already.
    if (sentAt < this.#decreasedAt) {
      return;
    }
    this.#decreasedAt = now;
    if (this.#pace === undefined) {
      this.#pending = answer.serverDate && !Number.isNaN(Date.parse(answer.serverDate)) ? answer.serverDate : ourSecond(sentAt);
    } else {
      this.#setPace(Math.max(MIN_PACE, this.#pace * DECREASE), `Rate limited by ${this.#root} again`);
    }
  }

  /**
   * Opens a closed gate at once (new credentials: limits are usually per key, so the next request
   * finds out). The learned pace stays. The requests already waiting keep their order and go now.
   */
  openGate(): void {
    const wasClosed = this.gateOpensAt() !== undefined;
    this.#gateUntil = -Infinity;
    this.#gateWatch?.abort();
    this.#wake?.(); // the waiting requests go now, not at the old gate's time
    if (wasClosed) {
      this.#options.onGate?.(this.#root);
    }
  }

  /** When requests may leave again after a 429 (on the pacer's clock, by default epoch ms); undefined while the gate is open. */
  gateOpensAt(): number | undefined {
    return this.#gateUntil > this.#now() ? this.#gateUntil : undefined;
  }

  /** Tells onGate when the gate runs out, as when it closes: once, at its latest time. */
  #watchGate(): void {
    this.#gateWatch?.abort();
    if (!this.#options.onGate) {
      return; // no one to tell: no timer
    }
    const watch = new AbortController();
    this.#gateWatch = watch;
    void (async () => {
      // A timer may wake a little early by this clock: wait out what is left.
      for (let left = this.#gateUntil - this.#now(); left > 0; left = this.#gateUntil - this.#now()) {
        await this.#sleep(left, watch.signal).catch(() => undefined);
        if (watch.signal.aborted) {
          return;
        }
      }
      this.#gateWatch = undefined;
      this.#options.onGate?.(this.#root);
    })();
  }

  /** Requests already waiting when the gate moved past what they wait for fail now, as they would have on arrival. */
  #failOverlongWaits(now: number): void {
    const remainingMs = this.#gateUntil - now;
    for (const waiter of this.#queue.filter((w) => remainingMs > w.maxWaitMs)) {
      this.#queue.splice(this.#queue.indexOf(waiter), 1);
      waiter.signal?.removeEventListener('abort', waiter.onAbort);
      waiter.reject(new GateClosed(remainingMs));
    }
  }

  /** The learned limit and pace, or undefined while requests go unpaced. */
  state(): PacingState | undefined {
    const now = this.#now();
    this.#recover(now);
    this.#learn(now);
    return this.#pace === undefined ? undefined : { limitPerSecond: this.#limit, pacePerSecond: this.#pace };
  }

  #readyAt(): number {
    return this.#pace === undefined ? this.#gateUntil : Math.max(this.#gateUntil, this.#nextAt);
  }

  /** Hands the turns out in order, one at a time, while requests wait. */
  async #pump(): Promise<void> {
    if (this.#pumping) {
      return;
    }
    this.#pumping = true;
    try {
      while (this.#queue.length > 0) {
        const now = this.#now();
        const at = this.#readyAt();
        if (now < at) {
          // Woken early (the gate opened), the sleep is stopped: its timer would run on for up to the gate's length.
          const early = new AbortController();
          await new Promise<void>((resolve) => {
            this.#wake = resolve;
            this.#sleep(at - now, early.signal).then(resolve, resolve);
          });
          early.abort();
          this.#wake = undefined;
          continue;
        }
        const waiter = this.#queue.shift()!;
        waiter.signal?.removeEventListener('abort', waiter.onAbort);
        this.#release(now, true);
        waiter.resolve(now);
      }
    } finally {
      this.#pumping = false;
    }
  }

  /** A request leaves at `now`; `waited` when it had to wait (the pace is what holds requests back). */
  #release(now: number, waited: boolean): void {
    this.#learn(now);
    if (this.#pace === undefined) {
      return;
    }
    if (!waited) {
      // The pace held nothing back: the interval for an increase starts again.
      this.#increasedAt = now;
    } else if (now - Math.max(this.#decreasedAt, this.#increasedAt) >= INCREASE_INTERVAL_MS) {
      this.#increasedAt = now;
      this.#setPace(this.#pace + this.#step, `No 429 from ${this.#root} for ${INCREASE_INTERVAL_MS / 1000} s`);
    }
    const interval = 1000 / this.#pace;
    this.#nextAt = Math.max(this.#nextAt, now - Math.max(CATCH_UP_MS, interval / 2)) + interval;
  }

  /**
   * Once the gate opens, what the server accepted in the refusal's second gives the limit: the
   * second it was full in. (Not the one before: it may hold requests from before the limit applied,
   * and would overstate it.)
   */
  #learn(now: number): void {
    if (!this.#pending || now < this.#gateUntil) {
      return;
    }
    const allowed = this.#accepted.get(this.#pending) ?? 0;
    this.#pending = undefined;
    if (allowed < MIN_EVIDENCE) {
      return;
    }
    this.#limit = allowed;
    this.#step = allowed * PACE_MARGIN * INCREASE_SHARE;
    this.#nextAt = now;
    this.#setPace(allowed * PACE_MARGIN, `Rate limited by ${this.#root} (about ${allowed} requests accepted in one second)`);
  }

  #recover(now: number): void {
    if (this.#pace !== undefined && now - this.#last429At >= QUIET_MS) {
      this.#pace = undefined;
      this.#options.logger.info(`No 429 from ${this.#root} for ${QUIET_MS / 1000} s: back to unpaced.`);
    }
  }

  /** One log line per change of the pace as shown (whole requests per second). */
  #setPace(pace: number, why: string): void {
    const before = this.#pace === undefined ? undefined : Math.round(this.#pace);
    this.#pace = pace;
    if (Math.round(pace) !== before) {
      this.#options.logger.info(`${why}: pacing requests at about ${Math.round(pace)}/s.`);
    }
  }

  #count(second: string): void {
    const seen = this.#accepted.get(second);
    if (seen !== undefined) {
      this.#accepted.set(second, seen + 1);
      return;
    }
    this.#accepted.set(second, 1);
    if (this.#accepted.size > SECONDS_KEPT) {
      this.#accepted.delete(this.#accepted.keys().next().value!);
    }
  }
}

/** One pacer per API root (origin and path prefix), shared by every request to it. */
export class RatePacers {
  readonly #byRoot = new Map<string, RatePacer>();

  readonly #options: PacerOptions;

  constructor(options: PacerOptions) {
    this.#options = options;
  }

  of(root: URL): RatePacer {
    let pacer = this.#byRoot.get(root.href);
    if (!pacer) {
      pacer = new RatePacer(root.href, this.#options);
      this.#byRoot.set(root.href, pacer);
    }
    return pacer;
  }

  /** Every root's gate opened: see {@link RatePacer.openGate}. */
  openGates(): void {
    this.#byRoot.forEach((pacer) => pacer.openGate());
  }

  /** What was learned of a root, without starting a pacer for it. */
  stateOf(root: URL): PacingState | undefined {
    return this.#byRoot.get(root.href)?.state();
  }

  /** Until when a root holds requests after a 429: see {@link RatePacer.gateOpensAt}. */
  gateOpensAt(root: URL): number | undefined {
    return this.#byRoot.get(root.href)?.gateOpensAt();
  }
}

/** Thrown by {@link RatePacer.acquire} for a gate that stays closed longer than the caller waits. */
export class GateClosed extends Error {
  override readonly name = 'GateClosed';
  constructor(readonly remainingMs: number) {
    super(`rate limited for another ${Math.ceil(remainingMs)} ms`);
  }
}

/** Thrown by {@link RatePacer.acquire} when its signal aborts while it waits. */
export class Cancelled extends Error {
  override readonly name = 'Cancelled';
  constructor() {
    super('cancelled while waiting for its turn');
  }
}

function ourSecond(ms: number): string {
  return `~${Math.floor(ms / 1000)}`;
}
