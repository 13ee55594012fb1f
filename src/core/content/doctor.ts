import * as l10n from '@vscode/l10n';
import { describeDuration, isPlyrError, PlyrError } from '../model/errors';
import { inertText, oneLine, quoted } from '../model/safeText';
import type { PacingState, ServerAnswer, SignedAnswer } from '../api/plyrClient';
import { MAX_CLOCK_CORRECTION_MS } from '../api/apiSession';
import { AUTH_REFUSAL, serverErrorText } from '../api/responses';
import type { CredentialSource } from '../api/signer';

export type { PacingState, ServerAnswer, SignedAnswer };

/**
 * PLYR: Test Connection — checks, in order, what a balance request depends on, and names the fix
 * of each failure. Pure orchestration over a probe (the client and the settings), so the order,
 * thresholds and wording are unit-tested without a network.
 */
export type DoctorCheckId = 'network' | 'server' | 'credentials' | 'clock' | 'signedCall' | 'rateLimit';
export type DoctorFix = 'setCredentials' | 'readCredentialsAgain' | 'openSettings' | 'allowServer' | 'fixClock' | 'waitForRateLimit';

export interface DoctorCheck {
  readonly check: DoctorCheckId;
  readonly ok: boolean;
  /** A warning passes but deserves attention (a clock 1 to 5 minutes off). */
  readonly warning?: boolean;
  /** One sentence for a person; never a secret. */
  readonly detail: string;
  readonly fix?: DoctorFix;
  /** With the fix `waitForRateLimit`: how long the server asked to wait (its Retry-After), when it said. */
  readonly waitMs?: number;
}

export interface DoctorProbe {
  /** The network and API root in use, or why the settings do not name one. */
  target(): { readonly ok: true; readonly network: string; readonly url: string } | { readonly ok: false; readonly message: string };
  /** One unauthenticated request (`/api/tokenlist`), no retries. Throws a PlyrError when unreachable. */
  reachServer(signal?: AbortSignal): Promise<ServerAnswer>;
  /**
   * Where the credentials come from, undefined when none are set. Rejects (a PlyrError) when
   * credentials are stored but cannot be read: a locked keyring.
   */
  credentialSource(): Promise<CredentialSource | undefined>;
  /** One signed balance request, no retries. Throws a PlyrError when unreachable. */
  signedCall(signal?: AbortSignal): Promise<SignedAnswer>;
  /** What the client learned of the server's rate limit, if it is pacing its requests. */
  pacing?(): PacingState | undefined;
  now(): number;
}

export const CLOCK_WARNING_MS = 60_000;
export const CLOCK_FAILURE_MS = 5 * 60_000;

/**
 * The checks, in order, each failure with its fix. Cancelled (`signal`), it stops with a
 * `cancelled` PlyrError instead of a report: a request it cut short is not the server's failure.
 */
export async function runDoctor(probe: DoctorProbe, signal?: AbortSignal): Promise<DoctorCheck[]> {
  const checks: DoctorCheck[] = [];
  const target = probe.target();
  if (!target.ok) {
    checks.push({ check: 'network', ok: false, detail: target.message, fix: 'openSettings' });
    return [...checks, ...notTried(['server', 'credentials', 'clock', 'signedCall', 'rateLimit'], l10n.t('Not checked: the network settings come first.'))];
  }
  checks.push({ check: 'network', ok: true, detail: l10n.t('{0} at {1}', target.network, quoted(target.url, 200)) });

  let server: ServerAnswer | undefined;
  const sentAt = probe.now();
  try {
    server = await probe.reachServer(signal);
    checks.push(serverCheck(server));
  } catch (error) {
    stopIfCancelled(signal);
    const fix = serverFix(error);
    checks.push({ check: 'server', ok: false, detail: messageOf(error), ...(fix ? { fix } : {}) });
  }
  stopIfCancelled(signal);

  let hasCredentials = false;
  let unreadable = false;
  try {
    const source = await probe.credentialSource();
    hasCredentials = source !== undefined;
    checks.push(
      source
        ? { check: 'credentials', ok: true, detail: credentialsSetText(source) }
        : { check: 'credentials', ok: false, detail: l10n.t('No API key and secret key are set.'), fix: 'setCredentials' },
    );
  } catch (error) {
    unreadable = true;
    checks.push({ check: 'credentials', ok: false, detail: messageOf(error), fix: 'readCredentialsAgain' });
  }

  const clock = clockCheck(server, sentAt, probe.now());
  checks.push(clock);

  let signed: SignedAnswer | undefined;
  if (!server || !hasCredentials) {
    const why = !server ? l10n.t('Not tried: the server cannot be reached.') : unreadable ? l10n.t('Not tried: the credentials could not be read.') : l10n.t('Not tried: set the credentials first.');
    checks.push(...notTried(['signedCall'], why));
  } else {
    try {
      signed = await probe.signedCall(signal);
      checks.push(signedCallCheck(signed, clock));
    } catch (error) {
      stopIfCancelled(signal);
      const fix = signedCallFix(error);
      checks.push({ check: 'signedCall', ok: false, detail: messageOf(error), ...(fix ? { fix } : {}) });
    }
  }
  stopIfCancelled(signal);

  checks.push(rateLimitCheck([server, signed].find((answer) => answer?.status === 429), probe.pacing?.()));
  return checks;
}

/** About what a quick pick's detail line shows at its usual width: VS Code cuts a longer one, with no way to read the rest. */
export const DETAIL_LINE_MAX = 85;

/**
 * A check's detail on one line: its first sentence, or when that is too long its first clauses
 * (each message says the main thing first). The whole detail goes to the PLYR log.
 */
export function detailLine(detail: string, max = DETAIL_LINE_MAX): string {
  // A full stop before a space (not inside a URL or "(is it running?)."), or a CJK one.
  const first = detail.split(/(?<=[.!?])\s+|(?<=。)/)[0] ?? detail;
  if (first.length <= max) {
    return first;
  }
  const clause = Math.max(first.lastIndexOf(': ', max - 1), first.lastIndexOf('; ', max - 1));
  return clause >= max / 2 ? `${first.slice(0, clause)}…` : oneLine(first, max);
}

function stopIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    throw new PlyrError('cancelled', l10n.t('Test Connection was cancelled.'));
  }
}

/** Says where the credentials come from: where to change them (the environment's count only while none are stored). */
function credentialsSetText(source: CredentialSource): string {
  return source === 'environment'
    ? l10n.t('An API key and a secret key are set (environment: PLYR_API_KEY and PLYR_SECRET_KEY).')
    : l10n.t("An API key and a secret key are set (stored in VS Code's secret storage).");
}

function serverCheck(server: ServerAnswer): DoctorCheck {
  if (server.status === 200 || server.status === 429) {
    return { check: 'server', ok: true, detail: l10n.t('The PLYR API answered in {0} ms.', server.elapsedMs) };
  }
  if (server.status >= 500) {
    // The server's own failure: no setting fixes it; the words are the sidebar's.
    return { check: 'server', ok: false, detail: serverErrorText(server.status, server.retryAfterMs) };
  }
  return { check: 'server', ok: false, detail: l10n.t('The PLYR API answered with HTTP {0}.', server.status), fix: 'openSettings' };
}

/**
 * A server the workspace chose is not asked anything until the user allows it; a server that
 * failed (5xx) needs time, not a setting; an unreachable one or a timeout, the settings (its URL, the time limit).
 */
function serverFix(error: unknown): DoctorFix | undefined {
  if (isPlyrError(error, 'serverNotConfirmed')) {
    return 'allowServer';
  }
  return serverFailed(error) || connectionCutOff(error) ? undefined : 'openSettings';
}

/** A connection reset or closed under the request (transport.ts gives it no fix): the server was reached, no setting is to blame. */
function connectionCutOff(error: unknown): boolean {
  return isPlyrError(error, 'network') && error.fix === undefined;
}

function serverFailed(error: unknown): boolean {
  return isPlyrError(error) && (error.code === 'serverError' || error.code === 'chainUnavailable' || (error.status ?? 0) >= 500);
}

function rateLimitCheck(limited: ServerAnswer | SignedAnswer | undefined, pacing: PacingState | undefined): DoctorCheck {
  const paced = pacing && l10n.t('The PLYR API limited us to about {0} requests/s: requests to it are paced at about {1}/s.', Math.round(pacing.limitPerSecond), Math.round(pacing.pacePerSecond));
  if (!limited) {
    return { check: 'rateLimit', ok: true, detail: paced ?? l10n.t('Not rate limited.') };
  }
  const wait = limited.retryAfterMs !== undefined ? l10n.t('The PLYR API is limiting requests: it asks to wait {0}.', describeDuration(limited.retryAfterMs)) : l10n.t('The PLYR API is limiting requests: wait a little and try again.');
  return { check: 'rateLimit', ok: false, detail: paced ? `${wait} ${paced}` : wait, fix: 'waitForRateLimit', ...(limited.retryAfterMs !== undefined ? { waitMs: limited.retryAfterMs } : {}) };
}

function clockCheck(server: ServerAnswer | undefined, sentAt: number, receivedAt: number): DoctorCheck {
  if (server?.serverDateMs === undefined) {
    return { check: 'clock', ok: false, detail: l10n.t('Not checked: no answer with the server time.') };
  }
  // The Date header has whole seconds; compare with the middle of the round trip.
  const offset = server.serverDateMs - (sentAt + receivedAt) / 2;
  const size = Math.abs(offset);
  const direction = offset > 0 ? l10n.t('behind') : l10n.t('ahead of');
  if (size > MAX_CLOCK_CORRECTION_MS) {
    return { check: 'clock', ok: false, detail: l10n.t("Your clock is {0} {1} the server's: signed calls fail until you correct it. The extension corrects up to an hour only.", describeDuration(offset), direction), fix: 'fixClock' };
  }
  if (size > CLOCK_FAILURE_MS) {
    // A warning, not a failure: the signed call after it passes, corrected (saying it failed beside a pass read as a contradiction).
    return { check: 'clock', ok: true, warning: true, detail: l10n.t("Your clock is {0} {1} the server's: the extension corrects its own requests. Past 5 minutes the server refuses what this clock signs: correct the system clock for everything else.", describeDuration(offset), direction), fix: 'fixClock' };
  }
  if (size > CLOCK_WARNING_MS) {
    return { check: 'clock', ok: true, warning: true, detail: l10n.t("Your clock is {0} {1} the server's. Correct it before it reaches 5 minutes, when signed calls fail.", describeDuration(offset), direction), fix: 'fixClock' };
  }
  return { check: 'clock', ok: true, detail: l10n.t("Your clock agrees with the server's (within a minute).") };
}

/** 401s that name the key or its headers: the server checks them before the time, so the clock is cleared. */
const KEY_REFUSALS: ReadonlySet<string> = new Set([AUTH_REFUSAL.invalidSignature, AUTH_REFUSAL.invalidApiKey, AUTH_REFUSAL.missingHeaders]);
/**
 * A refusal that names the time: the PLYR API's own (AUTH_REFUSAL.expired, which the client
 * corrects its clock for), or a gateway's in front of it ("timestamp outside the window").
 */
const TIME_REFUSAL = /expired|timestamp|clock/i;

/**
 * Whether the clock, not the key, explains a 401: the server says so, or it names no cause and the
 * clock is further off than the extension corrects.
 */
function clockExplains(answer: SignedAnswer, clock: DoctorCheck): boolean {
  if (answer.status !== 401) {
    return false; // a 403 comes after the time was checked
  }
  if (answer.serverMessage !== undefined && TIME_REFUSAL.test(answer.serverMessage)) {
    return true;
  }
  return !clock.ok && clock.fix === 'fixClock' && (answer.serverMessage === undefined || !KEY_REFUSALS.has(answer.serverMessage));
}

function signedCallFix(error: unknown): DoctorFix | undefined {
  if (isPlyrError(error, 'requestExpired')) {
    return 'fixClock';
  }
  if (serverFailed(error) || connectionCutOff(error)) {
    return undefined;
  }
  return isPlyrError(error) && error.fix === 'setCredentials' ? 'setCredentials' : 'openSettings';
}

function signedCallCheck(answer: SignedAnswer, clock: DoctorCheck): DoctorCheck {
  const convention = answer.convention === 'emptyObject' ? 'timestamp + "{}"' : 'timestamp + "null"';
  // Any answer past the signature check (even "user not found") proves the signature was accepted.
  if (answer.status !== 401 && answer.status !== 403 && answer.status !== 429 && answer.status < 500) {
    return { check: 'signedCall', ok: true, detail: l10n.t('A signed request was accepted (signing {0}).', convention) };
  }
  if (answer.status === 429) {
    return { check: 'signedCall', ok: false, detail: l10n.t('Not known: the server is limiting requests.'), fix: 'waitForRateLimit' };
  }
  if (answer.status === 401 || answer.status === 403) {
    const reason = answer.serverMessage ? l10n.t('The server refused the signed request: {0}.', inertText(answer.serverMessage, 100)) : l10n.t('The server refused the signed request (HTTP {0}).', answer.status);
    if (clockExplains(answer, clock)) {
      return { check: 'signedCall', ok: false, detail: `${reason} ${l10n.t('Your clock is the likely cause, not the API key: see the Clock check.')}`, fix: 'fixClock' };
    }
    return { check: 'signedCall', ok: false, detail: `${reason} ${l10n.t('Check the API key and secret key.')}`, fix: 'setCredentials' };
  }
  // A 5xx: the server failed, whatever the signature; time fixes it, not a setting.
  return { check: 'signedCall', ok: false, detail: serverErrorText(answer.status, answer.retryAfterMs) };
}

function notTried(ids: readonly DoctorCheckId[], detail: string): DoctorCheck[] {
  return ids.map((check) => ({ check, ok: false, detail }));
}

function messageOf(error: unknown): string {
  return isPlyrError(error) ? error.message : l10n.t('The request failed unexpectedly.');
}
