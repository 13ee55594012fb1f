import * as vscode from 'vscode';
import { PlyrError } from '../../core/model/errors';
import { AddressIdentifier, Identifier, parseIdentifier, PlyrIdIdentifier } from '../../core/model/identifier';

/**
 * The identifier a command (or the API for other extensions) was given, when it is of the kind
 * that command takes; otherwise the error that says why, before anything is asked of the server.
 */
export function identifierArgument(value: unknown): Identifier {
  const parsed = parseIdentifier(value);
  if (!parsed.ok) {
    throw new PlyrError('invalidIdentifier', parsed.message);
  }
  return parsed.value;
}

export function plyrIdArgument(value: unknown): PlyrIdIdentifier {
  const identifier = identifierArgument(value);
  if (identifier.kind !== 'plyrId') {
    throw new PlyrError('invalidIdentifier', vscode.l10n.t('Only a PLYR ID has chips, allowances, activity and wallets; {0} is a wallet address.', identifier.value));
  }
  return identifier;
}

export function addressArgument(value: unknown): AddressIdentifier {
  const identifier = identifierArgument(value);
  if (identifier.kind !== 'address') {
    throw new PlyrError('invalidIdentifier', vscode.l10n.t('This command takes a wallet address.'));
  }
  return identifier;
}
