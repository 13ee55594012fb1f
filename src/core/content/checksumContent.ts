import * as l10n from '@vscode/l10n';
import { ChecksumProblem } from '../model/addressChecksum';
import { checksumMismatchWarning } from '../model/identifier';

/** A checksum diagnostic's message: what is wrong (in the hover's words), then the checksummed form. */
export function checksumProblemMessage(problem: Pick<ChecksumProblem, 'kind' | 'checksummed'>): string {
  const what =
    problem.kind === 'mismatch'
      ? checksumMismatchWarning()
      : l10n.t('This address is all lower case: no EIP-55 checksum can catch a typo in it.');
  return `${what} ${l10n.t('Checksummed, it reads {0}.', problem.checksummed)}`;
}

/**
 * Problems a file lists at most. VS Code shows 1,000 diagnostics of a file and drops the rest:
 * made, the rest cost time in one block (a quarter of a second for 100,000 all-lower-case
 * addresses) and memory while the file is open. The quick fixes read the pass, and reach them all.
 */
export const MAX_LISTED_PROBLEMS = 1000;

export interface ProblemListing {
  /** In the file's order. */
  readonly listed: readonly ChecksumProblem[];
  /** Past the limit: where the note of those left out goes (the first of them), and the note. */
  readonly leftOut?: { readonly at: ChecksumProblem; readonly message: string };
}

/**
 * The problems a file lists: all of them, or, past {@link MAX_LISTED_PROBLEMS}, the mismatches
 * first (likely typos), then the all-lower-case ones, and a note of how many are left out.
 */
export function problemListing(problems: readonly ChecksumProblem[]): ProblemListing {
  if (problems.length <= MAX_LISTED_PROBLEMS) {
    return { listed: problems };
  }
  // One walk, in the file's order: room for every mismatch first, what is left for the others.
  const room = MAX_LISTED_PROBLEMS - 1;
  const mismatches = problems.reduce((n, p) => n + (p.kind === 'mismatch' ? 1 : 0), 0);
  let mismatchRoom = room;
  let otherRoom = Math.max(0, room - mismatches);
  const listed: ChecksumProblem[] = [];
  let at: ChecksumProblem | undefined;
  for (const p of problems) {
    if (p.kind === 'mismatch' ? mismatchRoom-- > 0 : otherRoom-- > 0) {
      listed.push(p);
    } else {
      at ??= p;
    }
  }
  const message = l10n.t(
    '{0} more addresses in this file fail their checksum or are all lower case; the first {1} are listed. "Fix all in file" writes the checksummed form of every one.',
    problems.length - listed.length,
    listed.length,
  );
  return { listed, leftOut: { at: at!, message } };
}
