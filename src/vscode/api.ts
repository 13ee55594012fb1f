import * as vscode from 'vscode';
import { BalanceStore } from '../core/balanceStore';
import { TrackedStore } from './trackedStore';

/** One tracked identifier as other extensions see it. */
export interface TrackedSnapshot {
  readonly identifier: string;
  readonly kind: 'plyrId' | 'address';
  readonly label?: string;
  /** The last good balances (decimal strings as received), even when a later refresh failed. */
  readonly balances?: Readonly<Record<string, string>>;
  readonly status: 'ok' | 'loading' | 'error' | 'unknown';
  /** Epoch ms of the last good balances. */
  readonly updatedAt?: number;
  readonly error?: { readonly code: string; readonly message: string };
}

/** What `activate()` returns: `vscode.extensions.getExtension('plyr-tools.plyr-balance').exports`. */
export interface PlyrBalanceApi {
  readonly apiVersion: 1;
  getTracked(): TrackedSnapshot[];
  /** Fires when the list or any tracked identifier's balances change. */
  readonly onDidChange: vscode.Event<void>;
}

export function createApi(tracked: TrackedStore, store: BalanceStore, disposables: vscode.Disposable[]): PlyrBalanceApi {
  const changed = new vscode.EventEmitter<void>();
  const storeListener = store.onDidChange(() => changed.fire());
  disposables.push(changed, tracked.onDidChange(() => changed.fire()), { dispose: () => storeListener.dispose() });
  return {
    apiVersion: 1,
    onDidChange: changed.event,
    getTracked: () =>
      tracked.all.map((t) => {
        const entry = store.get(t.id);
        const status = !entry ? 'unknown' : entry.loading ? 'loading' : entry.error ? 'error' : 'ok';
        return {
          identifier: t.id,
          kind: t.kind,
          ...(t.label ? { label: t.label } : {}),
          ...(entry?.balances ? { balances: { ...entry.balances } } : {}),
          status,
          ...(entry?.fetchedAt ? { updatedAt: entry.fetchedAt } : {}),
          ...(entry?.error ? { error: { code: entry.error.code, message: entry.error.message } } : {}),
        };
      }),
  };
}
