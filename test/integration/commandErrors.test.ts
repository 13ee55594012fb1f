import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { rejection, timesLogged, untrackAll, waitFor } from './helpers';

/**
 * One error path for every command (commands/register.ts): automation gets the typed error;
 * a person (no arguments: the palette, a key) gets one message with its fix, and the command
 * settles instead of VS Code's generic "Command … resulted in an error".
 */
describe('the one error path of every command', () => {
  before(() => untrackAll());

  it('rejects with the typed error when automation passes arguments', async () => {
    const error = await rejection(vscode.commands.executeCommand('plyr.shareToWorkspace', 'nobody-here'));
    assert.equal(error.code, 'invalidIdentifier');
    assert.match(error.message, /nobody-here is not in the list/);
  });

  it('settles with a message instead of rejecting when a person runs it with nothing to act on', async () => {
    // From the palette Share to Workspace File has no row: the same failure, shown, not thrown.
    // Shown: the error presenter logs each message it shows as an error line (automation's rejections are warnings).
    // A row command with no row says where to run it from.
    const shown = '[error] invalidIdentifier: No identifier was given: run this from a row of the PLYR view';
    const before = timesLogged(shown);
    assert.equal(await vscode.commands.executeCommand('plyr.shareToWorkspace'), undefined);
    assert.equal(await vscode.commands.executeCommand('plyr.removeIdentifier'), undefined);
    await waitFor(() => timesLogged(shown) === before + 2, () => `two messages shown (logged: ${timesLogged(shown) - before})`);
    const error = await rejection(vscode.commands.executeCommand('plyr.refreshIdentifier', undefined));
    assert.match(error.message, /^No identifier was given: run this from a row of the PLYR view/, 'automation gets it too');
  });

  it("settles with a message when a person's gesture passes arguments (marked as such), as a hover link does", async () => {
    const shown = '[error] invalidIdentifier: ';
    const before = timesLogged(shown);
    assert.equal(await vscode.commands.executeCommand('plyr.refreshAddress', 'player123', { plyrByPerson: true }), undefined);
    await waitFor(() => timesLogged(shown) === before + 1, 'the message shown');
    assert.equal((await rejection(vscode.commands.executeCommand('plyr.refreshAddress', 'player123'))).code, 'invalidIdentifier', 'unmarked: rejected');
  });
});
