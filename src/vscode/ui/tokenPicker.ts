import * as vscode from 'vscode';
import { inertLabel } from '../../core/model/safeText';
import { parseTokenName } from '../../core/model/token';
import { listedTokenText } from '../../core/content/shortNames';
import { TokenInfo } from '../../core/api/tokenList';

interface TokenItem extends vscode.QuickPickItem {
  /** undefined: all tokens; null: not a valid choice. */
  readonly token: string | undefined | null;
}

// Made when the picker opens, not at load: the translation may not be there yet.
const allTokens = (): TokenItem => ({ label: vscode.l10n.t('All tokens'), iconPath: new vscode.ThemeIcon('list-flat'), token: undefined });

/** An error's first sentence as a row's label, the rest as its detail: a label is cut, a detail wraps. */
function errorRow(message: string): TokenItem {
  const [reason, ...rest] = message.split(/(?<=[.!?])\s+|(?<=。)/);
  return { label: `$(error) ${reason}`, detail: rest.join(' ') || undefined, token: null, alwaysShow: true };
}

/**
 * The optional token step: "All tokens" first, then the token list as it arrives, and whatever the
 * user types, validated. `failure`: why the token chosen last was refused, atop the list until the
 * user types. Resolves `{ token }`, or undefined when dismissed.
 */
export function pickToken(tokenList: Promise<readonly TokenInfo[]>, failure?: string): Promise<{ token: string | undefined } | undefined> {
  const pick = vscode.window.createQuickPick<TokenItem>();
  pick.title = vscode.l10n.t('PLYR: Check Balance: token');
  pick.placeholder = vscode.l10n.t('All tokens, a token from the list, or type a token name or contract address');
  const all = allTokens();
  pick.ignoreFocusOut = true;
  pick.matchOnDescription = true;
  let listed: TokenItem[] = [];
  /** Why the list is missing, in its place: typing a token still works. */
  let unlisted: TokenItem | undefined;
  const refused = failure === undefined ? undefined : errorRow(failure);
  const render = () => {
    const typed = pick.value.trim();
    const exact = listed.some((i) => i.token === typed.toLowerCase());
    const parsed = typed !== '' && !exact ? parseTokenName(typed) : undefined;
    const tail = unlisted ? [unlisted] : [];
    if (parsed?.ok) {
      const use: TokenItem = { label: inertLabel(typed), iconPath: new vscode.ThemeIcon('edit'), description: vscode.l10n.t('Use this token name or address'), token: parsed.value, alwaysShow: true };
      pick.items = [use, all, ...listed, ...tail];
    } else if (parsed) {
      // After the tokens the text matches (a full name, "usd coin", by the description): VS Code
      // selects the first row shown, and Enter on it should pick one. The reason on the row, the rule below.
      pick.items = [all, ...listed, errorRow(parsed.message), ...tail];
    } else if (refused && typed === '') {
      // The refusal on top, and "All tokens" selected, so that Enter still goes on.
      pick.items = [refused, all, ...listed, ...tail];
      pick.activeItems = [all];
    } else {
      pick.items = [all, ...listed, ...tail];
    }
  };
  pick.busy = true;
  render();
  tokenList
    .then((tokens) => {
      listed = tokens.filter((t) => !t.disabledOnUI).map((t) => ({ ...listedTokenText(t), token: t.apiId }));
      render();
    })
    .catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      unlisted = { label: `$(warning) ${vscode.l10n.t('The token list could not be loaded: type a token name or contract address.')}`, detail: inertLabel(reason), token: null, alwaysShow: true };
      render();
    })
    .finally(() => (pick.busy = false));

  return new Promise((resolve) => {
    let settled = false;
    const finish = (value: { token: string | undefined } | undefined) => {
      settled = true;
      resolve(value);
      pick.dispose();
    };
    pick.onDidChangeValue(render);
    pick.onDidAccept(() => {
      const item = pick.selectedItems[0];
      if (item && item.token !== null) {
        finish({ token: item.token });
      }
    });
    pick.onDidHide(() => {
      if (!settled) {
        finish(undefined);
      }
    });
    pick.show();
  });
}
