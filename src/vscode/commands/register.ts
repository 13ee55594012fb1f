import * as vscode from 'vscode';
import { Logger } from '../../core/api/logger';
import { isPlyrError } from '../../core/model/errors';
import { showError } from '../ui/errorPresenter';
import { EDITOR_MENU_COMMANDS, isByPersonMarker, TITLE_BAR_COMMANDS } from '../ids';
import { isShownRow } from '../views/tree/nodes';

/**
 * The one way a command is registered, and so its one error path. A failure is logged. When a
 * person ran the command (the palette, a key, a menu on a row of the view: no argument, or a row
 * the view showed; or a gesture that passes arguments, marked with BY_PERSON), one message says what happened with the fitting fix and Show Log, and the
 * command settles quietly. When automation ran it (`executeCommand` with arguments), it rejects
 * with the typed error, for the caller to handle. What a menu passes of its own (the view's rows
 * to a title-bar command, the document to an editor-menu command) is dropped: the person gets the
 * command as from the palette, not a rejected argument.
 */
export function registerCommand(deps: { readonly logger: Logger }, id: string, handler: (...args: never[]) => unknown): vscode.Disposable {
  const fromTitleBar = TITLE_BAR_COMMANDS.includes(id);
  const fromEditorMenu = EDITOR_MENU_COMMANDS.includes(id);
  return vscode.commands.registerCommand(id, async (...received: unknown[]) => {
    const gesture = isByPersonMarker(received.at(-1));
    const given = gesture ? received.slice(0, -1) : received;
    const menuContext = (fromTitleBar && isTitleBarContext(given)) || (fromEditorMenu && given[0] instanceof vscode.Uri);
    const args = menuContext ? [] : given;
    try {
      return await (handler as (...args: unknown[]) => unknown)(...args);
    } catch (error) {
      if (gesture || byPerson(args)) {
        // showError logs it, and shows nothing for a cancellation (the person's own doing). Not
        // awaited: the command settles now, and the message's button runs its fix when clicked.
        void showError(error, deps);
        return undefined;
      }
      deps.logger.warn(`${id} failed: ${isPlyrError(error) ? `${error.code}: ${error.message}` : String(error)}`);
      throw error;
    }
  });
}

function byPerson(args: readonly unknown[]): boolean {
  return args.length === 0 || isShownRow(args[0]);
}

/** What VS Code's title bar passes (1.100): the view's focused row (or nothing) and its selected rows. */
function isTitleBarContext(args: readonly unknown[]): boolean {
  const [focused, selected] = args;
  return (
    args.length > 0 &&
    args.length <= 2 &&
    (focused === undefined || isShownRow(focused)) &&
    (selected === undefined || (Array.isArray(selected) && selected.every(isShownRow)))
  );
}
