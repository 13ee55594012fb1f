import * as vscode from 'vscode';
import { identifierWarning, parseIdentifier, ParseResult } from '../../core/model/identifier';

/**
 * An input box's check of a typed identifier: `check`'s refusal as an error; for a valid one, a
 * probable typo (mixed case with a failing checksum, or a PLYR ID that looks like a mistyped
 * address) as a warning that still lets the user go on.
 */
export function validateIdentifierInput(value: string, check: (value: string) => ParseResult<unknown> = parseIdentifier): string | vscode.InputBoxValidationMessage | undefined {
  if (value.trim() === '') {
    return undefined;
  }
  const checked = check(value);
  if (!checked.ok) {
    return checked.message;
  }
  const parsed = parseIdentifier(value);
  const warning = parsed.ok ? identifierWarning(parsed.value) : undefined;
  return warning === undefined ? undefined : { message: warning, severity: vscode.InputBoxValidationSeverity.Warning };
}
