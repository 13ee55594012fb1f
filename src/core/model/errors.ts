import * as l10n from '@vscode/l10n';

/** Every way a balance lookup can fail, each with a message that says what to do. */
export type PlyrErrorCode =
  | 'invalidIdentifier'
  | 'invalidToken'
  | 'invalidLabel'
  | 'invalidAddress'
  | 'userNotFound'
  | 'noCredentials'
  | 'credentialsUnreadable'
  | 'missingAuthHeaders'
  | 'invalidApiKey'
  | 'invalidSignature'
  | 'requestExpired'
  | 'forbidden'
  | 'rateLimited'
  | 'serverError'
  | 'chainUnavailable'
  | 'httpError'
  | 'network'
  | 'timeout'
  | 'cancelled'
  | 'malformedResponse'
  | 'unsupported'
  | 'responseTooLarge'
  | 'badConfiguration'
  | 'serverNotConfirmed'
  | 'serverChanged'
  | 'invalidFile'
  | 'invalidGroup'
  | 'invalidHash';

/** The action that fixes an error; the VS Code layer turns it into a button. */
export type PlyrFix = 'setCredentials' | 'readCredentialsAgain' | 'openSettings' | 'showLog' | 'allowServer';

export interface PlyrErrorDetails {
  readonly status?: number;
  readonly retryAfterMs?: number;
  readonly fix?: PlyrFix;
  readonly cause?: unknown;
}

/** Failures that say nothing about the server: they end when the user acts, so are not remembered as its answer. */
export const NOT_THE_SERVERS: ReadonlySet<PlyrErrorCode> = new Set(['cancelled', 'serverNotConfirmed', 'serverChanged', 'noCredentials', 'credentialsUnreadable', 'badConfiguration']);

/**
 * Failures on the server's side or on the way to it (a 5xx, its chain node, a time-out, a dropped
 * connection) that end by themselves: a row that failed so is asked again once the server answers.
 * Not those that need the user (credentials, an unknown account) nor a 429 (its own hold says when).
 */
export const PASSING_FAILURES: ReadonlySet<PlyrErrorCode> = new Set(['serverError', 'chainUnavailable', 'network', 'timeout']);

/** A failure as a store keeps it beside the last good value: when it came, and how long the server said to wait. */
export interface StoredError {
  readonly code: PlyrErrorCode;
  readonly message: string;
  readonly fix?: PlyrFix;
  readonly at: number;
  readonly retryAfterMs?: number;
}

/** The failure to keep, as it came at `at`. */
export function storedError(failure: PlyrError, at: number): StoredError {
  const error = { code: failure.code, message: failure.message, fix: failure.fix, at };
  return failure.retryAfterMs === undefined ? error : { ...error, retryAfterMs: failure.retryAfterMs };
}

export class PlyrError extends Error {
  override readonly name = 'PlyrError';
  readonly status?: number;
  readonly retryAfterMs?: number;
  readonly fix?: PlyrFix;

  constructor(readonly code: PlyrErrorCode, message: string, details: PlyrErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.status = details.status;
    this.retryAfterMs = details.retryAfterMs;
    this.fix = details.fix;
  }
}

export function isPlyrError(value: unknown, code?: PlyrErrorCode): value is PlyrError {
  return value instanceof PlyrError && (code === undefined || value.code === code);
}

/** What a store keeps of a failed load: a PlyrError as it is, anything else (a bug) as one that points to the log. */
export function asPlyrError(error: unknown): PlyrError {
  return error instanceof PlyrError ? error : new PlyrError('httpError', l10n.t('Unexpected error; see the PLYR log.'), { fix: 'showLog', cause: error });
}

/** A 200 answer this extension cannot read at all; `what` is a translated clause saying why. */
export function malformedResponse(what: string): PlyrError {
  const message = l10n.t({
    message: 'The PLYR API sent a response this extension cannot read: {0}. The server may have changed; see the PLYR log for details.',
    args: [what],
    comment: '{0} says what was wrong, such as: the amount for "plyr" is not a plain non-negative decimal number',
  });
  return new PlyrError('malformedResponse', message, { fix: 'showLog' });
}

/** "3 s", "2 min", "1 h", "1 day" for messages about waiting and clocks. */
export function describeDuration(ms: number): string {
  const s = Math.round(Math.abs(ms) / 1000);
  if (s < 120) {
    return l10n.t({ message: '{0} s', args: [s], comment: 'A duration in seconds' });
  }
  // The unit by the rounded figure: 7,199.4 s (a Date header's whole seconds against 2 h) is 2 h, not 120 min.
  const minutes = Math.round(s / 60);
  if (minutes < 120) {
    return l10n.t({ message: '{0} min', args: [minutes], comment: 'A duration in minutes' });
  }
  const hours = Math.round(s / 3600);
  if (hours < 48) {
    return l10n.t({ message: '{0} h', args: [hours], comment: 'A duration in hours' });
  }
  return l10n.t('{0} days', Math.round(s / 86400));
}
