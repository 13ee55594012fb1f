import * as vscode from 'vscode';
import { Logger } from '../../core/api/logger';
import { isPlyrError } from '../../core/model/errors';
import { showError } from '../ui/errorPresenter';
import { isShownRow } from '../views/tree/nodes';

/**
 * The one way a command is registered, and so its one error path. A failure is logged. When a
 * person ran the command (the palette, a key, a menu on a row of the view: no argument, or a row
 * the view showed), one message says what happened with the fitting fix and Show Log, and the
 * command settles quietly. When automation ran it (`executeCommand` with arguments), it rejects
 * with the typed error, for the caller to handle.
 */
export function registerCommand(deps: { readonly logger: Logger }, id: string, handler: (...args: never[]) => unknown): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    try {
      return await (handler as (...args: unknown[]) => unknown)(...args);
    } catch (error) {
      if (byPerson(args)) {
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
