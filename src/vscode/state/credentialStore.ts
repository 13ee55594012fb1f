import * as vscode from 'vscode';
import { Logger } from '../../core/api/logger';
import { CredentialSource, Credentials, redactApiKey } from '../../core/api/signer';
import { PlyrError } from '../../core/model/errors';
import { CONTEXT_KEYS, SECRET_KEYS } from '../ids';

/** How long a failed read of the stored credentials stands before they are read again. */
export const READ_AGAIN_AFTER_MS = 60_000;

/**
 * API credentials in SecretStorage, and nowhere else. Other windows share the storage, so its
 * change event keeps the `plyr.hasCredentials` context key true to what is stored.
 */
export class CredentialStore implements vscode.Disposable {
  readonly #changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.#changed.event;
  readonly #subscription: vscode.Disposable;
  /**
   * What this window last wrote or read, to tell its own storage events from other windows': a
   * window that only ever read the stored credentials must still hear another one clear them.
   */
  #lastKnown: string | undefined;
  #cached: Promise<Credentials | undefined> | undefined;
  /** Reads started: only the newest one's outcome is kept (one dropped meanwhile may land late). */
  #reads = 0;
  /** Whether the last read failed: a keyring that stays locked is logged once, not per request. */
  #unreadable = false;
  /**
   * A read worked after a failed one: news for whatever said it could not ask (the rows), told
   * once, by whoever started the read (the storage event, store() and clear() announce themselves).
   */
  #recovered = false;
  /** When a failed read is tried again (ms, this.now()). */
  #readAgainAt: number | undefined;
  /** Whether `plyr.credentialsKnown` is set (see {@link refreshContextKey}). */
  #known = false;
  /** Changes of what is stored: this window's writes, and another window's as its event comes. */
  #changes = 0;

  readonly #secrets: vscode.SecretStorage;
  readonly #logger: Logger;
  readonly #environment: () => Credentials | undefined;
  /** The credentials given from the environment: what {@link sourceOf} tells from stored ones. */
  readonly #givenFromEnvironment = new WeakSet<Credentials>();
  readonly #now: () => number;

  /**
   * `environment` gives credentials from the process environment (PLYR_API_KEY and
   * PLYR_SECRET_KEY: CI machines, dev containers, the demo), used only while SecretStorage holds none.
   */
  constructor(
    secrets: vscode.SecretStorage,
    logger: Logger,
    environment: () => Credentials | undefined = () => undefined,
    now: () => number = Date.now,
  ) {
    this.#secrets = secrets;
    this.#logger = logger;
    this.#environment = environment;
    this.#now = now;
    this.#subscription = secrets.onDidChange(async (e) => {
      if (e.key === SECRET_KEYS.credentials) {
        const known = this.#lastKnown;
        const recovered = await this.#readAfterWrite(); // lastKnown is now what is stored
        // Our own store() already announced its change; another window's change is news.
        if (this.#lastKnown !== known) {
          this.#changes++;
        }
        if (this.#lastKnown !== known || recovered) {
          this.#changed.fire();
        }
      }
    });
  }

  /**
   * The stored credentials, or undefined when none are set. Kept in memory between changes: every
   * request needs them, and a read can cross to another process (the browser, in VS Code for the
   * web). A read that fails (a locked keyring) rejects with a `credentialsUnreadable` PlyrError,
   * not "none": the user's credentials are there, and setting them again is not the fix. It stands
   * for {@link READ_AGAIN_AFTER_MS}, or until {@link readAgain}: a locked keyring may prompt on
   * each read, so nothing reads it again on its own any sooner (nor on a timer: only when asked).
   */
  get(): Promise<Credentials | undefined> {
    return this.#load(true);
  }

  /** `announce`: a read started here that works after a failed one fires onDidChange. */
  #load(announce: boolean): Promise<Credentials | undefined> {
    if (this.#readAgainAt !== undefined && this.#now() >= this.#readAgainAt) {
      this.#readAgainAt = undefined;
      this.#cached = undefined;
    }
    if (!this.#cached) {
      const reading = this.#read();
      this.#cached = reading;
      if (announce) {
        void this.#announceIfRecovered(reading);
      }
    }
    return this.#cached;
  }

  async #announceIfRecovered(reading: Promise<Credentials | undefined>): Promise<void> {
    try {
      await reading;
      // Not by a read overtaken since: the one that overtook it tells.
      if (this.#cached === reading && (await this.#takeRecovery())) {
        this.#changed.fire();
      }
    } catch {
      // A failed read is told to whoever asked for it; nothing to announce.
    }
  }

  /** Reads what a write (this window's or another's) left; whether that ended a failed read's spell. */
  async #readAfterWrite(): Promise<boolean> {
    this.#cached = undefined;
    this.#readAgainAt = undefined;
    await this.#load(false).catch(() => undefined);
    const recovered = await this.#takeRecovery(); // which sets the context keys when it is one
    if (!recovered) {
      await this.refreshContextKey();
    }
    return recovered;
  }

  /** Whether a read recovered since last asked; if so, the context keys say so (credentials first: no "set them" flash). */
  async #takeRecovery(): Promise<boolean> {
    if (!this.#recovered) {
      return false;
    }
    this.#recovered = false;
    this.#logger.info('The stored API credentials could be read again.');
    await this.refreshContextKey();
    // A read may have failed again meanwhile: the key says what is true now.
    await vscode.commands.executeCommand('setContext', CONTEXT_KEYS.credentialsUnreadable, this.#unreadable);
    return true;
  }

  /**
   * Reads the stored credentials now if the last read failed (a person unlocked the keyring and
   * asks again); otherwise the same as {@link get}.
   */
  readAgain(): Promise<Credentials | undefined> {
    if (this.#readAgainAt !== undefined) {
      this.#readAgainAt = this.#now();
    }
    return this.get();
  }

  async #read(): Promise<Credentials | undefined> {
    const read = ++this.#reads;
    let raw: string | undefined;
    try {
      raw = await this.#secrets.get(SECRET_KEYS.credentials);
    } catch {
      // A keyring still locked at start-up may open a moment later, and no event says so.
      if (read === this.#reads) {
        this.#readAgainAt = this.#now() + READ_AGAIN_AFTER_MS;
        this.#recovered = false; // a recovery not told yet is over
        if (!this.#unreadable) {
          this.#unreadable = true;
          vscode.commands.executeCommand('setContext', CONTEXT_KEYS.credentialsUnreadable, true).then(undefined, () => undefined);
          this.#logger.warn('Could not read the stored API credentials (is the system keyring locked?); no signed request is sent until they are read. They are read again when next needed, a minute later at the earliest, or at once by "PLYR: Read API Credentials Again".');
        }
      }
      throw unreadableError();
    }
    if (read !== this.#reads) {
      return raw ? parseQuietly(raw) : this.#remember(this.#environment()); // overtaken: its callers get its answer, and nothing else changes
    }
    this.#readAgainAt = undefined;
    if (this.#unreadable) {
      this.#unreadable = false;
      this.#recovered = true;
    }
    this.#lastKnown = raw;
    if (!raw) {
      return this.#fromEnvironment();
    }
    try {
      return parseStored(raw);
    } catch {
      this.#logger.warn('The stored API credentials are not in the form this extension writes; treating them as not set. Set them again.');
      return undefined;
    }
  }

  #fromEnvironment(): Credentials | undefined {
    const credentials = this.#remember(this.#environment());
    if (credentials) {
      this.#logger.info(`Using the API credentials from the environment (PLYR_API_KEY, ${redactApiKey(credentials.apiKey)}, and PLYR_SECRET_KEY); they are not stored.`);
    }
    return credentials;
  }

  /** Marks the environment's credentials by the object itself: a read overtaken, or cached, still says where it came from. */
  #remember(credentials: Credentials | undefined): Credentials | undefined {
    if (credentials) {
      this.#givenFromEnvironment.add(credentials);
    }
    return credentials;
  }

  /** Where credentials that {@link get} or {@link readAgain} gave come from (for Test Connection). */
  sourceOf(credentials: Credentials): CredentialSource {
    return this.#givenFromEnvironment.has(credentials) ? 'environment' : 'secretStorage';
  }

  /**
   * How many times what is stored has changed, here or in another window: an Undo puts back what a
   * change replaced only while this is still the count that change left.
   */
  get changeCount(): number {
    return this.#changes;
  }

  /**
   * Stores these credentials; gives back what they replaced (for an undo), if readable, and the
   * {@link changeCount} this write set (an undo compares with it: a later count is someone else's).
   */
  async store(credentials: Credentials): Promise<{ replaced: Credentials | undefined; change: number }> {
    const raw = await this.#readStored();
    const change = ++this.#changes;
    this.#lastKnown = JSON.stringify({ apiKey: credentials.apiKey, secretKey: credentials.secretKey });
    await this.#secrets.store(SECRET_KEYS.credentials, this.#lastKnown);
    await this.#readAfterWrite();
    // Storing the same value again raises no storage event; a deliberate re-entry still refreshes.
    this.#changed.fire();
    return { replaced: parseQuietly(raw), change };
  }

  /** Deletes the stored credentials; gives back what was stored (for an undo), if readable, and the change count it set. */
  async clear(): Promise<{ cleared: Credentials | undefined; change: number }> {
    const raw = await this.#readStored();
    const change = ++this.#changes;
    this.#lastKnown = undefined;
    await this.#secrets.delete(SECRET_KEYS.credentials);
    await this.#readAfterWrite();
    this.#changed.fire();
    return { cleared: parseQuietly(raw), change };
  }

  /** What SecretStorage holds now, undefined when it cannot be read (a locked keyring). */
  #readStored(): Promise<string | undefined> {
    return Promise.resolve(this.#secrets.get(SECRET_KEYS.credentials)).catch(() => undefined);
  }

  /**
   * Sets `plyr.hasCredentials`; left as it was while they cannot be read (they are not known to be
   * gone). The first time, `plyr.credentialsKnown` too: the welcome that asks for credentials waits
   * for it, rather than show for the moment the first read takes to someone who has them.
   */
  async refreshContextKey(): Promise<void> {
    let present: boolean;
    try {
      present = (await this.get()) !== undefined;
    } catch {
      return;
    }
    await vscode.commands.executeCommand('setContext', CONTEXT_KEYS.hasCredentials, present);
    if (!this.#known) {
      this.#known = true;
      await vscode.commands.executeCommand('setContext', CONTEXT_KEYS.credentialsKnown, true);
    }
  }

  dispose(): void {
    this.#subscription.dispose();
    this.#changed.dispose();
  }
}

function unreadableError(): PlyrError {
  const message = vscode.l10n.t({
    message: 'Could not read the PLYR API credentials from the system keyring (is it locked?). Unlock it, then run "PLYR: Read API Credentials Again"; otherwise they are read again when next needed, a minute later at the earliest.',
    comment: '"PLYR: Read API Credentials Again" is a command as the Command Palette shows it: use its translated title',
  });
  return new PlyrError('credentialsUnreadable', message, { fix: 'readCredentialsAgain' });
}

/** Stored credentials as written by store(), or undefined for none or any other text. */
function parseQuietly(raw: string | undefined): Credentials | undefined {
  try {
    return raw ? parseStored(raw) : undefined;
  } catch {
    return undefined;
  }
}

/** Stored credentials as written by store(); throws on text that is not JSON. */
function parseStored(raw: string): Credentials | undefined {
  const parsed = JSON.parse(raw) as Partial<Credentials>;
  return typeof parsed.apiKey === 'string' && typeof parsed.secretKey === 'string' ? { apiKey: parsed.apiKey, secretKey: parsed.secretKey } : undefined;
}
