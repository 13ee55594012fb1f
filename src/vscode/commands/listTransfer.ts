import * as path from 'node:path';
import * as vscode from 'vscode';
import { PlyrError } from '../../core/model/errors';
import { exportList, formatOfPath, MAX_IMPORT_BYTES, mergeImported, parseImport, RejectedRow, withoutImported } from '../../core/model/listTransfer';
import { Logger } from '../../core/api/logger';
import { MAX_TRACKED } from '../../core/model/trackedList';
import { MAX_GROUPS } from '../../core/model/groups';
import { quoted } from '../../core/model/safeText';
import { ImportCounts, ImportProblems, importProblemItems, importSummaryText } from '../../core/content/importSummary';
import { COMMANDS } from '../ids';
import { Services } from '../services';
import { TrackedStore } from '../state/trackedStore';
import { registerCommand } from './register';
import { showError } from '../ui/errorPresenter';

const FILTERS = { JSON: ['json'], CSV: ['csv'] };

export interface ImportSummary {
  readonly added: number;
  readonly duplicates: number;
  readonly rejected: readonly RejectedRow[];
  /** Rows imported that may hold a typo, with the reason. */
  readonly warnings: readonly RejectedRow[];
  /** Rows not read because the list was full. */
  readonly overLimit: number;
}

/**
 * PLYR: Export Identifiers and PLYR: Import Identifiers, with save and open dialogs (or a file
 * URI, for automation). Import reports every refused row with its reason, skips duplicates, and
 * is undone in one step.
 */
export function registerListTransfer(services: Pick<Services, 'tracked' | 'refresher' | 'logger' | 'log'>): vscode.Disposable[] {
  const { tracked, logger } = services;

  const exportTo = async (argument?: unknown): Promise<number | undefined> => {
    const target = fileArgument(argument);
    const uri = target ?? (await vscode.window.showSaveDialog({ title: vscode.l10n.t('Export PLYR Identifiers'), filters: FILTERS, defaultUri: defaultFile('plyr-identifiers.json') }));
    if (!uri) {
      return undefined;
    }
    const format = formatOrThrow(uri);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(exportList({ list: tracked.all, groups: tracked.groups }, format)));
    if (!target) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0} identifiers to {1}.', tracked.all.length, quoted(uri.fsPath, 200)));
    }
    return tracked.all.length;
  };

  const importFrom = async (argument?: unknown): Promise<ImportSummary | undefined> => {
    const uri = fileArgument(argument) ?? (await vscode.window.showOpenDialog({ title: vscode.l10n.t('Import PLYR Identifiers'), filters: FILTERS, canSelectMany: false }))?.[0];
    if (!uri) {
      return undefined;
    }
    const format = formatOrThrow(uri);
    const { size } = await vscode.workspace.fs.stat(uri);
    if (size > MAX_IMPORT_BYTES) {
      throw new PlyrError('invalidFile', vscode.l10n.t('The file is {0} MiB; an identifier list is at most {1} MiB.', (size / 1024 / 1024).toFixed(1), MAX_IMPORT_BYTES / 1024 / 1024));
    }
    const parsed = parseImport(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), format);
    let added: readonly string[] = [];
    let addedGroups: readonly string[] = [];
    // Rows repeated in the file (parsed) and rows the list held already (merged) are both skipped.
    let alreadyListed = 0;
    // Rows past the limit in the file, and new rows that would take the list past it.
    let overLimit = parsed.overLimit;
    let withoutGroup = 0;
    await tracked.updateLayout((layout) => {
      const merged = mergeImported(layout, parsed);
      ({ added, addedGroups, withoutGroup } = merged);
      alreadyListed = merged.duplicates;
      overLimit += merged.overLimit;
      return merged.layout;
    });
    // Asked as the rows the view loads are: in turn, stopped by Stop Refreshing, and not at all
    // if known already or undone before their turn. The user's rows start closed: no render asks them.
    added.forEach((id) => void services.refresher.load(id));
    logRows(logger, 'refused', parsed.rejected);
    // A warned row may also be one the list held already: the log says what it may hold, not that it went in.
    logRows(logger, 'may hold a typo', parsed.warnings);
    if (overLimit > 0) {
      logger.warn(`Import: ${overLimit} rows refused: over the ${MAX_TRACKED} limit.`);
    }
    if (withoutGroup > 0) {
      logger.warn(`Import: ${withoutGroup} rows taken without their group: the list has ${MAX_GROUPS} groups, the most it may.`);
    }
    const summary: ImportSummary = { added: added.length, duplicates: parsed.duplicates + alreadyListed, rejected: parsed.rejected, warnings: parsed.warnings, overLimit };
    const counts: ImportCounts = { added: added.length, alreadyListed, repeated: parsed.duplicates, refused: parsed.rejected.length + overLimit, groupsAdded: addedGroups.length, warnings: parsed.warnings.length, withoutGroup, maxGroups: MAX_GROUPS };
    // Its Undo runs after the command settled: a failure of it is shown, not lost.
    const problems: ImportProblems = { rejected: parsed.rejected, warnings: parsed.warnings, overLimit, maxTracked: MAX_TRACKED, withoutGroup, maxGroups: MAX_GROUPS };
    report(counts, problems, undoOfImport(tracked, added, addedGroups)).catch((error: unknown) => showError(error, services));
    return summary;
  };

  const report = async (counts: ImportCounts, problems: ImportProblems, undoImport: () => Promise<void>): Promise<void> => {
    // An import that only made groups (its rows all listed already) changed the list too.
    const undoable = counts.added + counts.groupsAdded > 0;
    const undo = vscode.l10n.t('Undo');
    // The button opens the rows themselves: named for the refused ones when there are some, else for the doubtful ones.
    const showRows = counts.refused > 0 ? vscode.l10n.t('Show Refused Rows') : vscode.l10n.t('Show Rows with Warnings');
    const message = importSummaryText(counts);
    const hasProblems = counts.refused + counts.warnings + counts.withoutGroup > 0;
    const actions = [...(undoable ? [undo] : []), ...(hasProblems ? [showRows] : [])];
    const choice = await (hasProblems ? vscode.window.showWarningMessage(message, ...actions) : vscode.window.showInformationMessage(message, ...actions));
    if (choice === undo) {
      await undoImport();
    } else if (choice === showRows) {
      await showProblemRows(problems);
    }
  };

  /** The rows to look at, read-only: picking one does nothing; the last item opens the log, which has the rest of the story. */
  const showProblemRows = async (problems: ImportProblems): Promise<void> => {
    const openLog: vscode.QuickPickItem = { label: `$(output) ${vscode.l10n.t('Show PLYR Log')}` };
    const picked = await vscode.window.showQuickPick([...importProblemItems(problems), openLog], {
      title: vscode.l10n.t('PLYR: Rows of the Import to Check'),
      placeHolder: vscode.l10n.t('Each row refused or taken with a doubt, and why'),
      matchOnDescription: true,
      matchOnDetail: true,
    });
    if (picked === openLog) {
      services.log.show(true);
    }
  };

  return [registerCommand(services, COMMANDS.exportList, exportTo), registerCommand(services, COMMANDS.importList, importFrom)];
}

/**
 * The Undo of an import, taken right after it: the rows it added go, whatever was done to them
 * since, but not one the user removed and added again meanwhile (its own, no longer the import's).
 */
export function undoOfImport(tracked: Pick<TrackedStore, 'arrivalOf' | 'updateLayout'>, added: readonly string[], addedGroups: readonly string[]): () => Promise<void> {
  const arrivals = added.map((id) => tracked.arrivalOf(id));
  return () => tracked.updateLayout((layout) => withoutImported(layout, added.filter((id, i) => tracked.arrivalOf(id) === arrivals[i]), addedGroups));
}

/** The first rows one line each, the rest in one line: a huge file must not flood the log. */
const LOGGED_ROWS = 20;

function logRows(logger: Logger, what: string, rows: readonly RejectedRow[]): void {
  for (const { row, reason } of rows.slice(0, LOGGED_ROWS)) {
    logger.warn(`Import: row ${row} ${what}: ${reason}`);
  }
  if (rows.length > LOGGED_ROWS) {
    logger.warn(`Import: ${rows.length - LOGGED_ROWS} more rows ${what} (the first ${LOGGED_ROWS} are above).`);
  }
}

/** Automation's file: a URI, or an absolute path; none opens the dialog. */
function fileArgument(value: unknown): vscode.Uri | undefined {
  if (value === undefined || value instanceof vscode.Uri) {
    return value;
  }
  if (typeof value === 'string' && path.isAbsolute(value)) {
    return vscode.Uri.file(value);
  }
  throw new PlyrError('invalidFile', vscode.l10n.t('Give the file as a URI or an absolute path, not {0}.', quoted(String(value), 200)));
}

function formatOrThrow(uri: vscode.Uri) {
  const format = formatOfPath(uri.path);
  if (!format) {
    throw new PlyrError('invalidFile', vscode.l10n.t('Use a .json or .csv file, not {0}.', quoted(uri.path.split('/').pop() ?? uri.path)));
  }
  return format;
}

function defaultFile(name: string): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder ? vscode.Uri.joinPath(folder, name) : undefined;
}
