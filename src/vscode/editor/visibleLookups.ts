import { setMaxListeners } from 'node:events';
import * as vscode from 'vscode';
import { Slots } from '../../core/store/slots';

/**
 * How long the requests of a range that was cancelled are kept for the range that replaces it.
 * On a scroll VS Code cancels the old range's request, then asks for the new one: an address in
 * both is joined in that time, never asked again. Past it, what nobody else waits for is aborted.
 */
export const CANCEL_GRACE_MS = 250;

export interface VisibleLookupOptions<T> {
  /** The turns new requests wait for, shared by every range (plyr.refreshConcurrency, as a refresh). */
  readonly slots: Slots;
  /** Already asked by someone: joining costs no request, so it waits for no turn. */
  readonly inFlight: (item: T) => boolean;
  /** One item's look-up through the shared store; its failures are the store's to record. */
  readonly ask: (item: T, signal: AbortSignal) => Promise<unknown>;
}

/**
 * Looks up every item of a visible range and resolves when all have settled. Once the range is
 * cancelled no new request starts, and the waits still open are let go after CANCEL_GRACE_MS.
 */
export async function lookUpVisible<T>(items: readonly T[], token: vscode.CancellationToken, options: VisibleLookupOptions<T>): Promise<void> {
  const stop = new AbortController();
  const abort = new AbortController();
  // Each item listens to both while it waits or is asked: as many listeners as items, which past
  // Node's default of 10 it would report as a possible leak in the extension host's log.
  setMaxListeners(Math.max(10, items.length), stop.signal, abort.signal);
  let grace: ReturnType<typeof setTimeout> | undefined;
  const listener = token.onCancellationRequested(() => {
    stop.abort();
    grace = setTimeout(() => abort.abort(), CANCEL_GRACE_MS);
  });
  const ask = (item: T) => options.ask(item, abort.signal).then(
    () => undefined,
    () => undefined,
  );
  try {
    const joined = items.filter(options.inFlight);
    const rest = items.filter((item) => !options.inFlight(item));
    // A request not started when the range goes is never started.
    await Promise.all([...joined.map(ask), ...rest.map((item) => options.slots.run(() => ask(item), stop.signal).catch(() => undefined))]);
  } finally {
    listener.dispose();
    clearTimeout(grace);
  }
}
