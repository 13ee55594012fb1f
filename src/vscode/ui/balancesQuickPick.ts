import * as vscode from 'vscode';
import { formatAmount } from '../../core/content/format';
import { BalanceResult } from '../../core/api/plyrClient';
import { MASKED_AMOUNT } from '../../core/content/privacy';
import { describeAge } from '../../core/content/time';
import { inertLabel } from '../../core/model/safeText';
import { tokenLabel, TokenNames } from '../../core/content/shortNames';
import { PriceBook, totalValue } from '../../core/model/value';
import { approximately } from '../../core/content/valueContent';
import { balanceListHeading } from '../../core/content/balanceListContent';
import { identifierWarning } from '../../core/model/identifier';
import { networkName } from '../settings';
import { followMask, MaskState } from './maskState';

interface AmountItem extends vscode.QuickPickItem {
  readonly exact: string;
}

// Made when shown, not at load: the translation may not be there yet.
const copyButton = (): vscode.QuickInputButton => ({ iconPath: new vscode.ThemeIcon('copy'), tooltip: vscode.l10n.t('Copy exact amount') });

/**
 * Shows a balance result as a list: token, grouped amount with every significant decimal (or •••
 * under the privacy mask, followed while the list is open), and with `prices` its value and, in
 * the title, the total; a token asked for by its contract goes by the token list's name (`names`). Enter (or the copy button) copies the exact amount as received.
 */
export async function showBalances(result: BalanceResult, privacy: MaskState, prices?: PriceBook, names?: TokenNames): Promise<void> {
  const who = result.identifier.value;
  const network = networkName(result.network);
  const entries = Object.entries(result.balances);
  if (entries.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} has no token balances on {1}.', who, network));
    return;
  }
  const pick = vscode.window.createQuickPick<AmountItem>();
  // The progress notification shown before it may close just as it opens and take the focus
  // back: the result stays until Escape, as the steps before it do.
  pick.ignoreFocusOut = true;
  const button = copyButton();
  const render = (masked: boolean) => {
    // Every surface says how old its numbers are; here they are as old as the answer.
    const heading = balanceListHeading({
      who,
      network,
      age: describeAge(Date.now() - result.fetchedAt),
      total: prices ? totalValue(entries, prices) : undefined,
      masked,
      warning: identifierWarning(result.identifier),
    });
    pick.title = heading.title;
    pick.placeholder = heading.placeholder;
    pick.items = entries.map(([token, amount]) => {
      const value = prices?.worth(token, amount)?.usd;
      const shown = masked ? MASKED_AMOUNT : formatAmount(amount);
      return {
        label: inertLabel(tokenLabel(token, names)),
        description: value === undefined ? shown : `${shown} · ${approximately(value, masked)}`,
        exact: amount,
        buttons: [button],
      };
    });
  };
  render(privacy.on);
  followMask(pick, privacy, render);
  const copy = async (item: AmountItem) => {
    await vscode.env.clipboard.writeText(item.exact);
    const copied = privacy.on
      ? vscode.l10n.t({ message: 'Copied the exact {0} amount', args: [item.label], comment: 'A token; the privacy mask hides the amount' })
      : vscode.l10n.t({ message: 'Copied {0} {1}', args: [item.exact, item.label], comment: 'An amount, then its token' });
    vscode.window.setStatusBarMessage(copied, 3000);
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
