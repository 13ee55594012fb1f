import * as l10n from '@vscode/l10n';
import { ActivityEntry } from '../model/activity';
import { inertLabel } from '../model/safeText';
import { formatAmountCompact } from './format';
import { MASKED_AMOUNT } from './privacy';
import { describeAge } from './time';
import { RowContent, tokenLabel } from './treeContent';

// Placeholder until the activity content model lands (wt-why); replaced at merge.
export function activityRow(input: { entry: ActivityEntry; masked: boolean; now: number }): RowContent {
  const { entry, masked } = input;
  const amount = entry.amount === undefined ? '' : ` ${masked ? MASKED_AMOUNT : formatAmountCompact(entry.amount)}`;
  const token = entry.token ? ` ${tokenLabel(entry.token)}` : '';
  const label = inertLabel(`${entry.action}${amount}${token}`);
  const parts = [entry.gameId ? l10n.t('game {0}', entry.gameId) : undefined, describeAge(input.now - entry.at), entry.succeeded === false ? l10n.t('failed') : undefined].filter((p): p is string => p !== undefined);
  const description = inertLabel(parts.join(' · '), 120);
  return { label, description, tooltip: `${label}\n${description}`, spoken: `${label}, ${description}`, icon: { id: entry.succeeded === false ? 'error' : 'circle-outline' } };
}
