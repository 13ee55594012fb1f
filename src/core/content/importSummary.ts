import * as l10n from '@vscode/l10n';
import type { RejectedRow } from '../model/listTransfer';
import { inertLabel } from '../model/safeText';

/** What an import did, counted for its message. */
export interface ImportCounts {
  readonly added: number;
  /** Rows of identifiers the list held already. */
  readonly alreadyListed: number;
  /** Rows that repeat an earlier row of the same file. */
  readonly repeated: number;
  /** Rows refused, for their content or for the list's limit. */
  readonly refused: number;
  readonly groupsAdded: number;
  /** Rows taken that may hold a typo. */
  readonly warnings: number;
  /** Rows taken without their group, the list having as many groups as it may (`maxGroups`). */
  readonly withoutGroup: number;
  readonly maxGroups: number;
}

/** The import's one message: what it added and skipped, and why, each kind of skip by its name. */
export function importSummaryText(c: ImportCounts): string {
  const imported = c.added === 1 ? l10n.t('Imported 1 identifier') : l10n.t('Imported {0} identifiers', c.added);
  // What was not imported, only where there is some: "Imported 2 identifiers." rather than "…; 0 rows refused."
  const skipped = [...(c.alreadyListed > 0 ? [l10n.t('{0} already in the list', c.alreadyListed)] : []), ...(c.refused === 0 ? [] : [c.refused === 1 ? l10n.t('1 row refused') : l10n.t('{0} rows refused', c.refused)])];
  return [
    `${[imported, ...skipped].join('; ')}.`,
    ...(c.repeated === 1 ? [l10n.t('1 row repeated an earlier row of the file.')] : c.repeated > 1 ? [l10n.t('{0} rows repeated an earlier row of the file.', c.repeated)] : []),
    ...(c.groupsAdded === 1 ? [l10n.t('1 new group.')] : c.groupsAdded > 1 ? [l10n.t('{0} new groups.', c.groupsAdded)] : []),
    ...(c.warnings === 1 ? [l10n.t('1 row may hold a typo (see the log).')] : c.warnings > 1 ? [l10n.t('{0} rows may hold a typo (see the log).', c.warnings)] : []),
    ...(c.withoutGroup === 1
      ? [l10n.t('1 row went in without its group: the list has {0} groups, the most it may.', c.maxGroups)]
      : c.withoutGroup > 1
        ? [l10n.t('{0} rows went in without their group: the list has {1} groups, the most it may.', c.withoutGroup, c.maxGroups)]
        : []),
  ].join(' ');
}

/** What an import left out or took with a doubt, for the list its notification's button opens. */
export interface ImportProblems {
  readonly rejected: readonly RejectedRow[];
  /** Rows taken that may hold a typo. */
  readonly warnings: readonly RejectedRow[];
  /** Rows refused for the list's limit (`maxTracked`): counted, not listed one by one. */
  readonly overLimit: number;
  readonly maxTracked: number;
  /** Rows taken without their group (`maxGroups` reached): counted, not listed one by one. */
  readonly withoutGroup: number;
  readonly maxGroups: number;
}

export interface ImportProblemItem {
  readonly label: string;
  readonly description?: string;
  readonly detail?: string;
}

/** Rows listed one by one at most: a file of thousands of bad rows must not make a list of thousands. */
export const LISTED_ROWS = 200;

/**
 * The import's refused and doubtful rows in the file's order, "Row 3" with the identifier the file
 * wrote there (inert: it is the file's text) and why; past `LISTED_ROWS` one line counts the rest.
 * Rows over the limit or without their group are counted, one line each.
 */
export function importProblemItems(p: ImportProblems, listed = LISTED_ROWS): ImportProblemItem[] {
  const rows = [...p.rejected.map((r) => ({ ...r, refused: true })), ...p.warnings.map((r) => ({ ...r, refused: false }))].sort((a, b) => a.row - b.row);
  const items: ImportProblemItem[] = rows.slice(0, listed).map(({ row, reason, text, refused }) => ({
    label: l10n.t('Row {0}', row),
    ...(text ? { description: inertLabel(text) } : {}),
    // A reason may quote the file too (a group name, a notify cell).
    detail: refused ? l10n.t('Refused: {0}', inertLabel(reason, 300)) : l10n.t('May hold a typo: {0}', inertLabel(reason, 300)),
  }));
  if (rows.length > listed) {
    items.push({ label: l10n.t('{0} more rows', rows.length - listed), detail: l10n.t('Not listed here: fix the rows above, then import the file again to see them.') });
  }
  if (p.overLimit > 0) {
    items.push({ label: l10n.t('Rows over the limit: {0}', p.overLimit), detail: l10n.t('Refused: the list holds at most {0} identifiers.', p.maxTracked) });
  }
  if (p.withoutGroup > 0) {
    items.push({ label: l10n.t('Rows without their group: {0}', p.withoutGroup), detail: l10n.t('Taken without the group they named: the list has {0} groups, the most it may.', p.maxGroups) });
  }
  return items;
}
