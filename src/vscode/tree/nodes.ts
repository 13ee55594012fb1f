/** The tree's rows as plain data; the provider maps them to TreeItems. */
export type BalanceNode = IdentifierNode | TokenNode | ErrorNode;

export interface IdentifierNode {
  readonly type: 'identifier';
  readonly id: string;
}

export interface TokenNode {
  readonly type: 'token';
  readonly id: string;
  readonly token: string;
  /** The exact decimal string as received. */
  readonly amount: string;
}

export interface ErrorNode {
  readonly type: 'error';
  readonly id: string;
}

/** The identifier a row command was invoked on: a row, or an identifier string (automation). */
export function identifierOf(arg: unknown): unknown {
  if (typeof arg === 'object' && arg !== null && 'type' in arg && 'id' in arg) {
    return (arg as BalanceNode).id;
  }
  return arg;
}
