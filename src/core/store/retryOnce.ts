/** A row whose last answer is a failure that asking again may mend. */
export interface FailedRow {
  readonly key: string;
  /** When it was last answered well (its fetchedAt); undefined when it never was. */
  readonly answeredAt?: number;
  /** When it failed: an answer that came before cannot tell that its failure is over. */
  readonly failedAt?: number;
}

/**
 * Which failed rows to ask again: each once per failure. A row asked again that fails once more
 * is not due again until it has had a good answer since (or its failure was of another kind), so a
 * server that keeps failing is never asked in a loop; a refresh still asks it.
 */
export class RetryOnce {
  /** The rows asked again, with their answeredAt then: a later good answer makes a new failure due. */
  readonly #asked = new Map<string, number | undefined>();

  /** The rows due among those failed now; forgets the rows no longer failed (answered, or gone). */
  due(failed: readonly FailedRow[]): FailedRow[] {
    const now = new Map(failed.map((row) => [row.key, row]));
    for (const key of [...this.#asked.keys()].filter((k) => !now.has(k))) {
      this.#asked.delete(key);
    }
    return failed.filter((row) => !this.#asked.has(row.key) || this.#asked.get(row.key) !== row.answeredAt);
  }

  /** These rows are being asked again. */
  asked(rows: readonly FailedRow[]): void {
    rows.forEach((row) => this.#asked.set(row.key, row.answeredAt));
  }
}
