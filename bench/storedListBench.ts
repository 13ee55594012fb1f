import { medianOfRuns } from './stats';
import { sanitizeLayout } from '../src/core/model/groups';
import { sanitizeStored } from '../src/core/model/trackedList';

/**
 * Plain Node: reading the tracked list back from globalState (sanitizeStored, then the groups),
 * as a window does at start-up and again at every change another window or Settings Sync makes:
 * the median of 5, against a limit of our own. An address costs a keccak-256 to check its
 * checksum; a PLYR ID only a pattern.
 */
export const STORED_LIST_LIMIT_MS = 100;

export interface StoredListRow {
  readonly entries: number;
  readonly kind: 'PLYR IDs' | 'addresses';
  readonly ms: number;
}

export function storedListBench(sizes: readonly number[] = [1_000, 5_000]): StoredListRow[] {
  return sizes.flatMap((n) =>
    (['PLYR IDs', 'addresses'] as const).map((kind) => {
      const raw = Array.from({ length: n }, (_, i) => ({
        id: kind === 'PLYR IDs' ? `member-${i}` : `0x${i.toString(16).padStart(40, '0')}`,
        kind: kind === 'PLYR IDs' ? 'plyrId' : 'address',
        label: `Label ${i}`,
        group: `Group ${i % 10}`,
        ...(i % 2 === 0 ? { notify: true } : {}),
      }));
      const groups = Array.from({ length: 10 }, (_, i) => `Group ${i}`);
      return { entries: n, kind, ms: medianOfRuns(() => sanitizeLayout(sanitizeStored(raw), groups)) };
    }),
  );
}

if (require.main === module) {
  for (const r of storedListBench()) {
    console.log(`reading a stored list of ${r.entries.toLocaleString('en')} ${r.kind}: ${r.ms} ms (limit ${STORED_LIST_LIMIT_MS} ms, ours: ${Math.round((r.ms / STORED_LIST_LIMIT_MS) * 100)}% of it)`);
  }
}
