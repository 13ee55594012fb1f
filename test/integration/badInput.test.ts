import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DEMO_CREDENTIALS, DEMO_USERS } from '../../simulator/demoData';
import { Simulator } from '../../simulator/server';
import { credentialsArgument, Expectation, HOSTILE_INPUTS, HostileInput, literal, tokenFilter, tokenFilterEntry, whole, within } from '../support/hostileInputs';
import { checkBalance, plyrApi, resetSettings, setDemoCredentials, startAndUseSimulator, untrackAll, waitFor } from './helpers';

/**
 * The bad-input matrix (issue 6), command side: every command that takes an argument is fed every
 * hostile input of test/support/hostileInputs.ts (the list the validators' unit tests use). Each
 * must be refused with its specific message and error code, without a request to the server and
 * without changing the list. Inputs a command legitimately accepts are not fed to it (they would
 * act); `undefined` where a command takes "no argument" to mean "ask" is in the dismissed-UI test.
 */

const exec = (command: string, ...args: unknown[]) => vscode.commands.executeCommand<unknown>(command, ...args);
/** A sidebar row as the tree passes it to a row command. */
const row = (id: unknown) => ({ type: 'identifier', id, source: 'user' });

const TRACKED_ID = 'player123';
const ADDRESS = DEMO_USERS[0].primaryAddress;
const GAMR = '9007199.254740993123456789';

interface CommandCase {
  readonly title: string;
  readonly code: string;
  readonly call: (value: unknown) => Thenable<unknown>;
  /** The exact refusal for an input, or undefined when the input is not fed to this command. */
  readonly expect: (input: HostileInput) => RegExp | undefined;
  /** More checks once the refusal, the silence of the server and the unchanged list are asserted. */
  readonly verify?: (input: HostileInput, message: string) => Promise<void>;
}

/** Refusals only: an input the column accepts would make the command act, so it is not fed. */
const refused = (expectation: Expectation): RegExp | undefined => (expectation === 'accepted' ? undefined : expectation);
/** What row commands say about a well-formed identifier that is not in the list. */
const notInList = (input: HostileInput) => literal(`${String(input.value).trim().toLowerCase()} is not in the list.`);

/** A command given an identifier (or a row): refuses what parseIdentifier refuses; `orElse` for the rest. */
function identifierCase(title: string, call: (value: unknown) => Thenable<unknown>, orElse?: (input: HostileInput) => RegExp, code = 'invalidIdentifier'): CommandCase {
  return { title, code, call, expect: (i) => (i.identifier === 'accepted' ? orElse?.(i) : i.identifier) };
}

/** What a row command says when given no identifier at all (a key bound to it, say). */
const NO_ROW = literal('No identifier was given: run this from a row of the PLYR view (its menu, or Delete and F2 on the selected rows), or pass a PLYR ID or 0x address.');

/** The same command given the identifier as typed and as a sidebar row. */
function rowCommand(command: string, rest: readonly unknown[], orElse?: (input: HostileInput) => RegExp): CommandCase[] {
  const args = rest.map((a) => JSON.stringify(a)).join(', ');
  const typed = identifierCase(`${command}(identifier${args ? `, ${args}` : ''})`, (v) => exec(command, v, ...rest), orElse);
  return [
    { ...typed, expect: (i) => (i.value === undefined ? NO_ROW : typed.expect(i)) },
    identifierCase(`${command}(row${args ? `, ${args}` : ''})`, (v) => exec(command, row(v), ...rest), orElse),
  ];
}

/** After a refused setCredentials: the secret is not in the message, and the demo credentials still sign. */
async function credentialsKept(input: HostileInput, message: string): Promise<void> {
  if (typeof input.value === 'string' && input.value.trim().length >= 3) {
    assert.ok(!message.includes(input.value.trim()), `setCredentials with ${input.name}: the message shows the value`);
  }
  const result = await checkBalance(TRACKED_ID, 'gamr');
  assert.equal(result.balances.gamr, GAMR, `setCredentials with ${input.name}: the stored credentials changed`);
}

const CASES: readonly CommandCase[] = [
  // Check Balance: with no argument at all it asks (see the dismissed-UI test).
  { title: 'plyr.checkBalance(identifier)', code: 'invalidIdentifier', call: (v) => exec('plyr.checkBalance', v), expect: (i) => (i.value === undefined ? undefined : refused(i.identifier)) },
  identifierCase("plyr.checkBalance(identifier, 'gamr')", (v) => exec('plyr.checkBalance', v, 'gamr')),
  { title: "plyr.checkBalance('player123', token)", code: 'invalidToken', call: (v) => exec('plyr.checkBalance', TRACKED_ID, v), expect: (i) => refused(i.token) },
  ...rowCommand('plyr.checkBalanceFor', []),
  // Add Identifier: with no argument at all it asks; a list is the batch form, fed below.
  { title: 'plyr.addIdentifier(identifier)', code: 'invalidIdentifier', call: (v) => exec('plyr.addIdentifier', v), expect: (i) => (i.value === undefined || Array.isArray(i.value) ? undefined : refused(i.identifier)) },
  { title: "plyr.addIdentifier(identifier, 'Label')", code: 'invalidIdentifier', call: (v) => exec('plyr.addIdentifier', v, 'Label'), expect: (i) => (Array.isArray(i.value) ? undefined : refused(i.identifier)) },
  { title: "plyr.addIdentifier('tester-01', label)", code: 'invalidLabel', call: (v) => exec('plyr.addIdentifier', 'tester-01', v), expect: (i) => refused(i.label) },
  {
    title: "plyr.addIdentifier(['tester-01', identifier, 'game-studio'])",
    code: 'invalidIdentifier',
    call: (v) => exec('plyr.addIdentifier', ['tester-01', v, 'game-studio']),
    expect: (i) => refused(within(i.identifier, 'Entry 2: ', ' Nothing was added\\.')),
  },
  {
    title: "plyr.addIdentifier(['tester-01'], label)",
    code: 'invalidLabel',
    call: (v) => exec('plyr.addIdentifier', ['tester-01'], v),
    // A label that is no label (null, blank) adds the list; any other is refused, good or bad.
    expect: (i) => (i.label !== 'accepted' ? i.label : typeof i.value === 'string' && i.value.trim() !== '' ? literal('A label goes with one identifier, not with a list of them: add them, then rename each one.') : undefined),
  },
  ...rowCommand('plyr.removeIdentifier', [], notInList),
  ...rowCommand('plyr.renameIdentifier', ['New label'], notInList),
  // Rename: with no label it asks.
  { title: "plyr.renameIdentifier('player123', label)", code: 'invalidLabel', call: (v) => exec('plyr.renameIdentifier', TRACKED_ID, v), expect: (i) => refused(i.label) },
  ...rowCommand('plyr.refreshIdentifier', [], notInList),
  ...rowCommand('plyr.moveIdentifierUp', [], notInList),
  ...rowCommand('plyr.moveIdentifierDown', [], notInList),
  ...rowCommand('plyr.copyIdentifier', []),
  ...rowCommand('plyr.openInExplorer', [], () => literal('Only wallet addresses can be opened in the explorer.')),
  ...rowCommand('plyr.filterTokens', [['gamr']], notInList),
  // Filter Tokens: with no filter it asks.
  { title: "plyr.filterTokens('player123', ['gamr', token])", code: 'invalidToken', call: (v) => exec('plyr.filterTokens', TRACKED_ID, ['gamr', v]), expect: (i) => refused(within(tokenFilterEntry(i), 'Token filter entry 2: ')) },
  { title: "plyr.filterTokens('player123', tokens)", code: 'invalidToken', call: (v) => exec('plyr.filterTokens', TRACKED_ID, v), expect: (i) => refused(tokenFilter(i)) },
  identifierCase('plyr.refreshAddress(address)', (v) => exec('plyr.refreshAddress', v), () => literal('This command takes a wallet address.')),
  // Set Credentials: with no argument it asks.
  { title: 'plyr.setCredentials(value)', code: 'badConfiguration', call: (v) => exec('plyr.setCredentials', v), expect: (i) => (i.value === undefined ? undefined : refused(credentialsArgument(i))), verify: credentialsKept },
  {
    title: 'plyr.setCredentials({ apiKey: value, secretKey })',
    code: 'badConfiguration',
    call: (v) => exec('plyr.setCredentials', { apiKey: v, secretKey: DEMO_CREDENTIALS.secretKey }),
    expect: (i) => refused(within(i.secret, 'The API key ')),
    verify: credentialsKept,
  },
  {
    title: 'plyr.setCredentials({ apiKey, secretKey: value })',
    code: 'badConfiguration',
    call: (v) => exec('plyr.setCredentials', { apiKey: DEMO_CREDENTIALS.apiKey, secretKey: v }),
    expect: (i) => refused(within(i.secret, 'The secret key ')),
    verify: credentialsKept,
  },
];

/** Commands that answer some arguments by doing nothing, by design. */
const SILENT: readonly { readonly title: string; readonly call: (value: unknown) => Thenable<unknown> }[] = [
  // Copy Amount is on token rows only; anything else is no token row.
  { title: 'plyr.copyAmount(value)', call: (v) => exec('plyr.copyAmount', v) },
  { title: 'plyr.copyAmount(row)', call: (v) => exec('plyr.copyAmount', row(v)) },
];

/** Commands whose UI opens for "no argument" (or a prefill): dismissed, they do nothing. */
const ASKING: readonly { readonly title: string; readonly call: () => Thenable<unknown> }[] = [
  { title: 'plyr.checkBalance()', call: () => exec('plyr.checkBalance') },
  { title: 'plyr.addIdentifier()', call: () => exec('plyr.addIdentifier') },
  { title: 'plyr.setCredentials()', call: () => exec('plyr.setCredentials') },
  { title: "plyr.renameIdentifier('player123')", call: () => exec('plyr.renameIdentifier', TRACKED_ID) },
  { title: "plyr.filterTokens('player123')", call: () => exec('plyr.filterTokens', TRACKED_ID) },
  // Several rows selected: the context menu passes them after the clicked row. Not a label nor a filter.
  { title: 'plyr.renameIdentifier(row, [rows])', call: () => exec('plyr.renameIdentifier', row(TRACKED_ID), [row(TRACKED_ID), row('crypto-fennec')]) },
  { title: 'plyr.filterTokens(row, [rows])', call: () => exec('plyr.filterTokens', row(TRACKED_ID), [row(TRACKED_ID), row('crypto-fennec')]) },
  // The editor's Check Balance prefills the input box with text; hostile text is only shown there.
  ...HOSTILE_INPUTS.map((input) => ({ title: `plyr.checkBalanceFromEditor(${input.name})`, call: () => exec('plyr.checkBalanceFromEditor', input.value) })),
];

describe('bad input: every command refuses hostile arguments with a specific message, and asks the server nothing', () => {
  let sim: Simulator;
  const config = () => vscode.workspace.getConfiguration('plyr');
  const state = async () => (await plyrApi()).getTracked().map((t) => ({ identifier: t.identifier, label: t.label }));

  /** Runs `act`, then asserts the server saw no request and the list did not change (not even an event). */
  async function quietly<T>(what: string, act: () => Promise<T>): Promise<T> {
    const api = await plyrApi();
    const before = await state();
    let events = 0;
    const listener = api.onDidChange(() => events++);
    sim.reset();
    try {
      const result = await act();
      assert.deepEqual(sim.requests.map((r) => r.path), [], `${what}: the server got requests`);
      assert.equal(events, 0, `${what}: the list or a balance changed`);
      assert.deepEqual(await state(), before, `${what}: the list changed`);
      return result;
    } finally {
      listener.dispose();
    }
  }

  before(async () => {
    await untrackAll();
    sim = await startAndUseSimulator();
    await config().update('autoRefreshSeconds', 0, vscode.ConfigurationTarget.Global);
    await setDemoCredentials();
    await exec('plyr.addIdentifier', TRACKED_ID, 'Main');
    await exec('plyr.addIdentifier', ['crypto-fennec', ADDRESS]);
    // Anything the set-up started (a refresh on the new settings or credentials) is over.
    await exec('plyr.refresh');
  });
  after(async () => {
    await untrackAll();
    await config().update('autoRefreshSeconds', undefined, vscode.ConfigurationTarget.Global);
    await resetSettings();
    await sim.close();
  });

  it('starts from a list of three with balances, and the demo credentials', async () => {
    assert.deepEqual(await state(), [
      { identifier: TRACKED_ID, label: 'Main' },
      { identifier: 'crypto-fennec', label: undefined },
      { identifier: ADDRESS, label: undefined },
    ]);
    assert.equal((await checkBalance(TRACKED_ID, 'gamr')).balances.gamr, GAMR);
  });

  for (const command of CASES) {
    it(`${command.title}: refuses each hostile input`, async () => {
      let fed = 0;
      for (const input of HOSTILE_INPUTS) {
        const expected = command.expect(input);
        if (expected === undefined) {
          continue;
        }
        fed++;
        const what = `${command.title} with ${input.name}`;
        const error = await quietly(what, async () => {
          try {
            await command.call(input.value);
          } catch (error) {
            return error as Error & { code?: unknown };
          }
          return assert.fail(`${what}: accepted, expected a refusal matching ${expected}`);
        });
        assert.equal(error.code, command.code, `${what}: the error code (message: ${error.message})`);
        assert.match(error.message, expected.source.startsWith('^') ? expected : whole(expected), `${what}: the message`);
        assert.ok(error.message.length < 250, `${what}: a ${error.message.length}-character message`);
        await command.verify?.(input, error.message);
      }
      assert.ok(fed >= 15, `${command.title}: only ${fed} hostile inputs were fed`);
    });
  }

  it('plyr.addIdentifier: a list with a duplicate entry adds nothing, an empty list does nothing', async () => {
    const error = await quietly('a list with a duplicate', () =>
      Promise.resolve(exec('plyr.addIdentifier', ['tester-01', 'Tester-01'])).then(
        () => assert.fail('a list with a duplicate was accepted'),
        (e: Error & { code?: string }) => e,
      ),
    );
    assert.equal(error.code, 'invalidIdentifier');
    assert.match(error.message, /^Entry 2: tester-01 is already in the list\. Nothing was added\.$/);
    // All of nothing: an empty batch (a computed list that came out empty) is no error and does nothing.
    assert.equal(await quietly('an empty list', () => Promise.resolve(exec('plyr.addIdentifier', []))), undefined);
  });

  it('plyr.filterTokens: a filter longer than the limit is refused whole', async () => {
    const error = await quietly('1001 tokens', () =>
      Promise.resolve(exec('plyr.filterTokens', TRACKED_ID, new Array(1001).fill('gamr'))).then(
        () => assert.fail('1001 tokens were accepted'),
        (e: Error & { code?: string }) => e,
      ),
    );
    assert.equal(error.code, 'invalidToken');
    assert.equal(error.message, 'A token filter has at most 1000 names; this one has 1001.');
  });

  for (const command of SILENT) {
    it(`${command.title}: does nothing for anything but a token row`, async () => {
      for (const input of HOSTILE_INPUTS) {
        const what = `${command.title} with ${input.name}`;
        assert.equal(await quietly(what, () => Promise.resolve(command.call(input.value))), undefined, what);
      }
    });
  }

  it('commands that ask when given no argument do nothing once their input is dismissed', async () => {
    for (const command of ASKING) {
      const outcome = await quietly(command.title, async () => {
        let settled = false;
        const result = Promise.resolve(command.call()).then(
          (value) => ({ value }),
          (error: unknown) => ({ error }),
        );
        void result.then(() => (settled = true));
        // Dismiss the input box or quick pick as soon as it shows; no fixed wait.
        await waitFor(async () => settled || (await exec('workbench.action.closeQuickOpen'), false), `${command.title} to settle once dismissed`);
        return result;
      });
      assert.deepEqual(outcome, { value: undefined }, `${command.title}: resolved with ${JSON.stringify(outcome)}`);
    }
    assert.equal((await checkBalance(TRACKED_ID, 'gamr')).balances.gamr, GAMR, 'the credentials are still those stored');
  });
});
