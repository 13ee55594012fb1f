import type * as vscode from 'vscode';

/**
 * How long to wait before each new try. VS Code's window learns of rows a beat after its extension
 * host does (microsoft/vscode#96089): a reveal in between, as when a link tracks an address while
 * the view opens for the first time, fails with "Data tree node not found" though the row is there.
 */
const RETRY_DELAYS_MS = [50, 100, 200, 400, 800];

/** `view.reveal`, tried again a little later while the window does not know the row yet; any other failure at once. */
export async function revealWhenKnown<T>(view: Pick<vscode.TreeView<T>, 'reveal'>, node: T, options: Parameters<vscode.TreeView<T>['reveal']>[1], delays: readonly number[] = RETRY_DELAYS_MS): Promise<void> {
  for (const delay of delays) {
    try {
      return await view.reveal(node, options);
    } catch (error) {
      if (!notKnownYet(error)) {
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
  return await view.reveal(node, options);
}

function notKnownYet(error: unknown): boolean {
  return error instanceof Error && error.message.includes('Data tree node not found');
}
