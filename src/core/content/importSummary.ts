import * as l10n from '@vscode/l10n';

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
