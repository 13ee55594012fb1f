import * as vscode from 'vscode';
import { PlyrError } from '../../core/model/errors';
import { quoted } from '../../core/model/safeText';
import { TrackedIdentifier } from '../../core/model/trackedList';
import { MAX_WATCHED, WATCH_LIST_FILE, withShared } from '../../core/model/watchList';
import { COMMANDS } from '../ids';
import { Services } from '../services';
import { isRowSelection, selectedIdentifiers } from '../views/tree/nodes';
import { isFileNotFound } from '../state/workspaceWatchList';
import { trackedIndexOf } from './trackedArgument';
import { registerCommand } from './register';
import { onChoice } from '../ui/errorPresenter';

/**
 * Share to Workspace File: writes the selected rows of the user's list (identifier and label,
 * nothing else) into the first folder's `.vscode/plyr.json`, for the team. Automation passes
 * identifiers (one or a list); resolves with those added.
 */
export function registerShareToWorkspace(services: Pick<Services, 'tracked' | 'watched' | 'logger'>): vscode.Disposable {
  return registerCommand(services, COMMANDS.shareToWorkspace, async (arg?: unknown, selection?: unknown): Promise<readonly string[]> => {
    const picked = isRowSelection(selection) ? selectedIdentifiers(selection) : Array.isArray(arg) ? arg : [arg];
    const entries = picked.map((item) => entryOf(services, item));
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) {
      throw new PlyrError('invalidFile', vscode.l10n.t('Open a folder first: the identifiers are shared in its {0}.', WATCH_LIST_FILE));
    }
    const file = vscode.Uri.joinPath(folder.uri, WATCH_LIST_FILE);
    await refuseSymbolicLinks([vscode.Uri.joinPath(folder.uri, '.vscode'), file]);
    // Open with unsaved edits, the file is what the editor holds, and the identifiers go in as an
    // edit there, left unsaved: nothing the person typed is written over, and Undo takes them out.
    // (A saved one is read and written on disk: the editor follows, and may hold an older copy.)
    const document = vscode.workspace.textDocuments.find((d) => d.isDirty && d.uri.toString() === file.toString());
    // Only a missing file is written from scratch: one that cannot be read now keeps the team's rows.
    const existing = document ? document.getText() : await vscode.workspace.fs.readFile(file).then(
      (bytes) => new TextDecoder().decode(bytes),
      (error: unknown) => {
        if (isFileNotFound(error)) {
          return undefined;
        }
        throw new PlyrError('invalidFile', vscode.l10n.t('{0} could not be read, so nothing was added to it: {1}', WATCH_LIST_FILE, quoted(error instanceof Error ? error.message : String(error), 200)));
      },
    );
    const next = withShared(existing, entries);
    if (!next.ok) {
      throw new PlyrError('invalidFile', next.message);
    }
    if (next.value.added.length > 0) {
      if (document) {
        await editOpenFile(document, next.value.text);
      } else {
        await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(folder.uri, '.vscode'));
        await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(next.value.text));
      }
      await services.watched.reload();
    }
    const open = vscode.l10n.t('Open File');
    const { added, leftOut } = next.value;
    const message =
      leftOut > 0
        ? added.length === 0
          ? vscode.l10n.t('{0} already holds {1} identifiers, the most it may: nothing was added.', WATCH_LIST_FILE, MAX_WATCHED)
          : vscode.l10n.t('Shared {0} identifiers in {1}; {2} more did not fit, as it holds at most {3}. Commit it to share them with your team.', added.length, WATCH_LIST_FILE, leftOut, MAX_WATCHED)
        : added.length === 0
          ? vscode.l10n.t('{0} already lists them.', WATCH_LIST_FILE)
          : added.length === 1
            ? vscode.l10n.t('Shared 1 identifier in {0}: commit it to share it with your team.', WATCH_LIST_FILE)
            : vscode.l10n.t('Shared {0} identifiers in {1}: commit it to share them with your team.', added.length, WATCH_LIST_FILE);
    const shown = document && next.value.added.length > 0 ? `${message} ${vscode.l10n.t('The file is open with unsaved changes: they are kept, and it is left unsaved for you to save.')}` : message;
    onChoice(
      vscode.window.showInformationMessage(shown, open),
      async (choice) => {
        if (choice === open) {
          await vscode.window.showTextDocument(file);
        }
      },
      services,
    );
    return next.value.added;
  });
}

/** The new text as one edit of the open document, undone by the editor's Undo; not saved (see above). */
async function editOpenFile(document: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), text);
  if (!(await vscode.workspace.applyEdit(edit))) {
    throw new PlyrError('invalidFile', vscode.l10n.t('{0} is open, and the editor refused the change: nothing was added.', WATCH_LIST_FILE));
  }
}

/**
 * A cloned repository may make `.vscode` or the file a symbolic link to a file outside the
 * workspace: the extension writes only the workspace's own file, so a link is refused.
 */
async function refuseSymbolicLinks(uris: readonly vscode.Uri[]): Promise<void> {
  for (const uri of uris) {
    const type = await vscode.workspace.fs.stat(uri).then(
      (stat) => stat.type,
      () => vscode.FileType.Unknown, // not there yet: it will be created as a plain folder or file
    );
    if (type & vscode.FileType.SymbolicLink) {
      throw new PlyrError('invalidFile', vscode.l10n.t('{0} is a symbolic link, so the identifiers were not written through it: make it a plain folder or file inside the workspace.', quoted(vscode.workspace.asRelativePath(uri))));
    }
  }
}

/** A row or identifier of the user's list: only its identifier (as written) and label travel. */
function entryOf(services: Pick<Services, 'tracked'>, item: unknown): TrackedIdentifier {
  const tracked = services.tracked.all[trackedIndexOf(services.tracked, item)];
  return { id: tracked.id, kind: tracked.kind, ...(tracked.label ? { label: tracked.label } : {}), ...(tracked.written ? { written: tracked.written } : {}) };
}
