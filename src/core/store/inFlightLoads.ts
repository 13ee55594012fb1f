/**
 * The loads of one key not settled yet, by sequence number, with the kind of each (the first page
 * or the next one). None when none: a thousand keys at rest keep no empty maps (0.37 KB each).
 */
export type InFlightLoads = Map<number, string> | undefined;

export function withStarted(loads: InFlightLoads, seq: number, kind = ''): Map<number, string> {
  return (loads ?? new Map<number, string>()).set(seq, kind);
}

export function withSettled(loads: InFlightLoads, seq: number): InFlightLoads {
  loads?.delete(seq);
  return loads?.size ? loads : undefined;
}

/**
 * Whether the key is loading: a load in flight may yet be shown, being newer than the answer shown
 * of its kind. An older one (overtaken by an answer that landed) keeps nothing loading.
 */
export function mayYetBeShown(loads: InFlightLoads, shownSeq: (kind: string) => number): boolean {
  return loads !== undefined && [...loads].some(([seq, kind]) => seq > shownSeq(kind));
}
