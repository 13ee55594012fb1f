import * as vscode from 'vscode';
import { formatAmount } from '../core/format';
import { BalanceResult } from '../core/plyrClient';
import { NETWORKS } from '../core/networks';
import { inertLabel } from './labels';

interface AmountItem extends vscode.QuickPickItem {
  readonly exact: string;
}

const COPY_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('copy'), tooltip: 'Copy exact amount' };

/**
 * Shows a balance result as a list: token, grouped amount with every significant decimal.
 * Enter (or the copy button) copies the exact amount as received.
 */
export async function showBalances(result: BalanceResult): Promise<void> {
  const who = result.identifier.value;
  const network = result.network === 'custom' ? 'custom network' : NETWORKS[result.network].label;
  const entries = Object.entries(result.balances);
  if (entries.length === 0) {
    void vscode.window.showInformationMessage(`${who} has no token balances on ${network}.`);
    return;
  }
  const pick = vscode.window.createQuickPick<AmountItem>();
  pick.title = `Balances of ${who} · ${network}`;
  const checksumWarning = result.identifier.kind === 'address' && !result.identifier.checksumMatches ? ' (warning: this address fails its EIP-55 checksum, check it for a typo)' : '';
  pick.placeholder = `Select a token to copy its exact amount${checksumWarning}`;
  pick.items = entries.map(([token, amount]) => ({
    label: inertLabel(token.toUpperCase()),
    description: formatAmount(amount),
    exact: amount,
    buttons: [COPY_BUTTON],
  }));
  const copy = async (item: AmountItem) => {
    await vscode.env.clipboard.writeText(item.exact);
    vscode.window.setStatusBarMessage(`Copied ${item.exact} ${item.label}`, 3000);
  };
  pick.onDidTriggerItemButton((e) => void copy(e.item));
  pick.onDidAccept(() => {
    const item = pick.selectedItems[0];
    if (item) {
      void copy(item);
    }
    pick.hide();
  });
  pick.onDidHide(() => pick.dispose());
  pick.show();
}
