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
