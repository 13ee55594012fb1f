import { describeMoment } from '../../src/core/content/time';
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { activityPickItem, activityRow, whyHeading, whyNothing, whyTitle } from '../../src/core/content/activityContent';
import { MarkdownTooltip, RowContent, TooltipPart } from '../../src/core/content/treeContent';
import { ActivityEntry } from '../../src/core/model/activity';
import { HOSTILE_INPUTS } from '../support/hostileInputs';

const NOW = 1_800_000_000_000;
const THREE_MIN = NOW - 180_000;
const HASH = `0x${'ab'.repeat(32)}`;
const TOKEN_ADDRESS = '0x742d35Cc6634C0532925a3b844Bc454e4438f44e';
const PAY: ActivityEntry = { id: undefined, action: 'pay', type: 'game', gameId: 'tavern', at: THREE_MIN, token: 'gamr', chip: undefined, amount: '12.5', txHash: HASH, succeeded: true, roomId: '1001' };
const LOGIN: ActivityEntry = { ...PAY, action: 'login', type: 'user', token: undefined, amount: undefined, txHash: undefined, succeeded: undefined, roomId: undefined };
/** Markdown, a command link, an icon and a new block, the way a server could send them. */
const HOSTILE_TEXT = '$(zap) [x](command:workbench.action.closeWindow) <img src=x onerror=alert(1)>\r\n# heading | cell';

const row = (entry: Partial<ActivityEntry> = {}, masked = false) => activityRow({ entry: { ...PAY, ...entry }, masked, now: NOW });

function parts(content: RowContent): readonly TooltipPart[] {
  assert.notEqual(typeof content.tooltip, 'string', 'a Markdown tooltip');
  return (content.tooltip as MarkdownTooltip).parts;
}

/** Everything a row shows or says, tooltip included. */
function everything(content: RowContent): string {
  return [content.label, content.description ?? '', content.spoken, ...parts(content).map((p) => ('text' in p ? p.text : 'code' in p ? p.code : p.markdown))].join('\n');
}

describe('activityContent: an activity row', () => {
  it('a payment: action, amount and token; the game, the age; the details in the tooltip', () => {
    const r = row();
    assert.equal(r.label, 'pay 12.5 GAMR');
    assert.equal(r.description, 'game tavern · 3 min. ago');
    assert.equal(r.spoken, 'pay 12.5 GAMR, game tavern, 3 min. ago');
    assert.deepEqual(r.icon, { id: 'arrow-up' });
    assert.deepEqual(r.tooltip, {
      icons: false,
      parts: [
        { markdown: '**' },
        { text: 'pay 12.5 GAMR' },
        { markdown: '**' },
        { markdown: '\n\nAmount: ' },
        { code: '12.5' },
        { markdown: '\n\nToken: ' },
        { text: 'GAMR' },
        { markdown: '\n\nGame: ' },
        { text: 'tavern' },
        { markdown: '\n\nRoom: ' },
        { text: '1001' },
        { markdown: '\n\nWhen: ' },
        { text: `${describeMoment(THREE_MIN, undefined, true)} (3 min. ago)` },
        { markdown: '\n\nLogged by: ' },
        { text: 'game' },
        { markdown: '\n\nTransaction: ' },
        { code: HASH },
        { markdown: '\n\nOutcome: ' },
        { text: 'succeeded' },
      ],
    });
  });

  it('says "failed" only for a reverted transaction, in words and with the error icon', () => {
    const failed = row({ succeeded: false });
    assert.equal(failed.description, 'game tavern · 3 min. ago · failed');
    assert.equal(failed.spoken, 'pay 12.5 GAMR, game tavern, 3 min. ago, failed');
    assert.deepEqual(failed.icon, { id: 'error', color: 'list.errorForeground' });
    assert.deepEqual(parts(failed).slice(-2), [{ markdown: '\n\nOutcome: ' }, { text: 'failed (reverted)' }]);
    const unsaid = row({ succeeded: undefined });
    assert.equal(unsaid.description, 'game tavern · 3 min. ago', 'no status is not a failure');
    assert.ok(!parts(unsaid).some((p) => 'markdown' in p && p.markdown.includes('Outcome')));
  });

  it('rounds a long amount in the label, reads the exact one aloud and shows it in the tooltip', () => {
    const r = row({ amount: '1234567.123456789' });
    assert.equal(r.label, 'pay 1,234,567.123457 GAMR');
    assert.equal(r.spoken, 'pay 1,234,567.123456789 GAMR, game tavern, 3 min. ago');
    assert.deepEqual(parts(r).slice(3, 5), [{ markdown: '\n\nAmount: ' }, { code: '1234567.123456789' }]);
    assert.equal(row({ amount: '0.0000001' }).label, 'pay < 0.000001 GAMR', 'dust does not read as zero');
  });

  it('names a token given as an address by its short form, and the full address in the tooltip', () => {
    const r = row({ token: TOKEN_ADDRESS });
    assert.equal(r.label, 'pay 12.5 0x742d…f44e');
    assert.deepEqual(parts(r).slice(5, 7), [{ markdown: '\n\nToken: ' }, { text: TOKEN_ADDRESS }]);
  });

  it('reads entries without an amount, a token, a game or a transaction', () => {
    const login = activityRow({ entry: LOGIN, masked: false, now: NOW });
    assert.equal(login.label, 'login');
    assert.equal(login.spoken, 'login, game tavern, 3 min. ago');
    assert.deepEqual(login.icon, { id: 'sign-in' });
    assert.equal(row({ action: 'approve', amount: undefined }).label, 'approve GAMR');
    assert.deepEqual(row({ action: 'approve', amount: undefined }).icon, { id: 'unlock' });
    assert.equal(row({ action: 'earn', token: undefined }).label, 'earn 12.5');
    const account = row({ action: 'secondaryBind', gameId: undefined, token: undefined, amount: undefined, type: 'user' });
    assert.equal(account.description, '3 min. ago');
    assert.deepEqual(account.icon, { id: 'link' });
    for (const action of ['somethingNew', 'constructor', 'toString', '__proto__']) {
      assert.deepEqual(row({ action }).icon, { id: 'history' }, action);
    }
    assert.equal(activityPickItem({ entry: LOGIN, masked: false, now: NOW }).detail, 'no transaction');
  });

  it('lists an entry in Why? with its row and its shortened transaction', () => {
    assert.deepEqual(activityPickItem({ entry: PAY, masked: false, now: NOW }), { label: 'pay 12.5 GAMR', description: 'game tavern · 3 min. ago', detail: `transaction 0xabababab…abababab` });
  });
});

describe('activityContent: under the privacy mask', () => {
  it('hides the amount everywhere (label, words, tooltip, Why? item), keeps the rest', () => {
    const r = row({ amount: '1234567.125' }, true);
    assert.equal(r.label, 'pay ••• GAMR');
    assert.equal(r.description, 'game tavern · 3 min. ago');
    assert.equal(r.spoken, 'pay GAMR, amount hidden, game tavern, 3 min. ago');
    assert.deepEqual(parts(r).slice(3, 5), [{ markdown: '\n\nAmount: ' }, { text: '•••' }]);
    assert.ok(!/1,?234|567|125/.test(everything(r)), everything(r));
    const item = activityPickItem({ entry: { ...PAY, amount: '1234567.125' }, masked: true, now: NOW });
    assert.equal(item.label, 'pay ••• GAMR');
    assert.ok(!/1,?234|567|125/.test(JSON.stringify(item)));
  });

  it('has nothing to hide in an entry without an amount', () => {
    const r = activityRow({ entry: LOGIN, masked: true, now: NOW });
    assert.equal(r.label, 'login');
    assert.equal(r.spoken, 'login, game tavern, 3 min. ago');
  });
});

describe('activityContent: outside text', () => {
  const hostile = [HOSTILE_TEXT, ...HOSTILE_INPUTS.flatMap((input) => (typeof input.value === 'string' ? [input.value] : []))];
  const plainMarkdown = parts(row({ chip: TOKEN_ADDRESS })).flatMap((p) => ('markdown' in p ? [p.markdown] : []));

  it('keeps every field to one inert line: no icon, no control or bidi character, bounded', () => {
    assert.equal(row({ action: '$(zap)' }).label, '$\u200b(zap) 12.5 GAMR');
    assert.equal(row({ gameId: '$(zap)' }).description, 'game $\u200b(zap) · 3 min. ago');
    for (const value of hostile) {
      const entries: Partial<ActivityEntry>[] = [{ action: value }, { gameId: value }, { token: value }, { amount: value }, { roomId: value }, { type: value }, { chip: value }];
      for (const fields of entries) {
        const r = row(fields);
        const item = activityPickItem({ entry: { ...PAY, ...fields }, masked: false, now: NOW });
        for (const text of [r.label, r.description ?? '', r.spoken, item.label, item.description, item.detail]) {
          assert.doesNotMatch(text, /\$\(|[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/, JSON.stringify(value).slice(0, 80));
        }
        assert.ok(r.label.replace(/\u200b/g, '').length <= 200, `${r.label.length} characters`);
        // Outside text is only ever a text or code part, which tooltipMarkdown makes inert; the Markdown is ours.
        for (const part of parts(r)) {
          if ('markdown' in part) {
            assert.ok(plainMarkdown.includes(part.markdown), `${JSON.stringify(part.markdown)} for ${JSON.stringify(value).slice(0, 80)}`);
          } else {
            assert.doesNotMatch('text' in part ? part.text : part.code, /\$\(|[\r\n\u2028\u2029\u202a-\u202e\u2066-\u2069]/, JSON.stringify(value).slice(0, 80));
          }
        }
      }
    }
  });

  it('never puts anything but a real hash in the tooltip as a transaction', () => {
    for (const value of hostile) {
      const r = row({ txHash: value });
      assert.ok(!parts(r).some((p) => 'markdown' in p && p.markdown.includes('Transaction')), JSON.stringify(value).slice(0, 80));
      assert.equal(activityPickItem({ entry: { ...PAY, txHash: value }, masked: false, now: NOW }).detail, 'no transaction');
    }
  });
});

describe('activityContent: Why?', () => {
  it('titles the list with the tokens and the PLYR ID', () => {
    assert.equal(whyTitle('player123', ['gamr']), 'Why did GAMR of player123 change?');
    assert.equal(whyTitle('player123', ['gamr', 'plyr']), 'Why did GAMR and PLYR of player123 change?');
    assert.equal(whyTitle('player123', ['$(zap)\n']), 'Why did "$\u200b(zap)␊" of player123 change?');
  });

  it('says by how much each token changed, exactly, where the change is known (not under the privacy mask)', () => {
    assert.equal(whyTitle('player123', ['gamr'], 'en', { gamr: '+12.5' }), 'Why did GAMR of player123 change by +12.5?');
    assert.equal(whyTitle('player123', ['gamr', 'plyr'], 'en', { gamr: '+12.5', plyr: '\u22123' }), 'Why did GAMR (+12.5) and PLYR (\u22123) of player123 change?');
    assert.equal(whyTitle('player123', ['gamr', 'plyr'], 'en', { plyr: '\u22123' }), 'Why did GAMR and PLYR (\u22123) of player123 change?', 'a token whose change is not known is named alone');
    // An inherited key (constructor) is no change: only the map's own keys are.
    assert.equal(whyTitle('player123', ['constructor'], 'en', {}), 'Why did CONSTRUCTOR of player123 change?');
    const heading = whyHeading({ who: 'player123', tokens: ['gamr'], changes: { gamr: '+0.000000000000000001' }, count: 1, complete: true, read: 70, opens: true }).title;
    assert.match(heading, /^Why did GAMR of player123 change by \+0\.000000000000000001\? 1 activity entry/, 'the exact change, not rounded');
    const input = { who: 'player123', tokens: ['plyr'], changes: { plyr: '\u22121000' }, since: NOW - 300_000, until: NOW - 10_000, now: NOW, complete: true, read: 70 };
    assert.match(whyNothing(input), /^No activity of player123 names PLYR \(\u22121000\) between/);
  });

  it('says how many entries it found and whether the log was read far enough in the title, which stays while typing; what Enter does in the placeholder', () => {
    const heading = (count: number, complete: boolean, read: number, opens = true) => whyHeading({ who: 'player123', tokens: ['gamr'], count, complete, read, opens });
    assert.deepEqual(heading(1, true, 70), {
      title: 'Why did GAMR of player123 change? 1 activity entry between the refresh before the change and the one that found it names it.',
      placeholder: 'Enter opens its transaction in the explorer.',
    });
    assert.equal(heading(1, true, 70, false).placeholder, 'Enter copies its transaction hash.', 'on a network without a known explorer');
    const withSome = (opens: boolean) => whyHeading({ who: 'player123', tokens: ['gamr'], count: 2, complete: true, read: 70, opens, someWithout: true }).placeholder;
    assert.equal(withSome(true), 'Enter on an entry with a transaction opens it in the explorer.', 'an entry without a transaction listed too');
    assert.equal(withSome(false), 'Enter on an entry with a transaction copies its hash.');
    assert.equal(
      heading(2, false, 1000).title,
      'Why did GAMR of player123 change? 2 activity entries between the refresh before the change and the one that found it name it. Only the newest 1000 entries of the log were read; an older one may explain it too.',
    );
  });

  it('says which tokens of the change no entry listed names, and what the log never shows, in singular and plural', () => {
    const heading = (unexplained: string[], complete = true) => whyHeading({ who: 'treasury-main', tokens: ['plyr', 'avax', 'usdc'], count: 1, complete, read: 1000, opens: true, unexplained }).title;
    assert.equal(
      heading(['avax']),
      "Why did PLYR, AVAX, and USDC of treasury-main change? 1 activity entry between the refresh before the change and the one that found it names it. No entry names AVAX. On-chain transfers outside games (straight to or from the account's wallet) do not show in the activity log.",
    );
    assert.match(heading(['avax', 'usdc']), /names it\. No entry names AVAX or USDC\. On-chain transfers/);
    assert.match(heading(['avax'], false), /No entry names AVAX\. Only the newest 1000 entries of the log were read; an older one may explain it too\. On-chain transfers/);
    assert.equal(heading([]), 'Why did PLYR, AVAX, and USDC of treasury-main change? 1 activity entry between the refresh before the change and the one that found it names it.', 'every token named: nothing more');
    const hostile = whyHeading({ who: 'x', tokens: ['$(zap)\n'], count: 1, complete: true, read: 1, opens: true, unexplained: ['$(zap)\n'] }).title;
    assert.match(hostile, /No entry names "\$\u200b\(zap\)␊"\./, 'a server token inert: no icon, one line');
  });

  it('says when nothing in the log explains the change, and what the log never shows', () => {
    const input = { who: 'player123', tokens: ['plyr'], since: NOW - 300_000, until: NOW - 10_000, now: NOW, complete: true, read: 70 };
    assert.equal(
      whyNothing(input),
      "No activity of player123 names PLYR between the refresh before the change and the one that found it (5 min. ago and just now). On-chain transfers outside games (straight to or from the account's wallet) do not show in the activity log.",
    );
    assert.match(whyNothing({ ...input, since: NOW - 20_000 }), /between the refresh before the change and the one that found it \(both just now\)\. On-chain/, 'two ages that read alike, said once');
    assert.match(whyNothing({ ...input, complete: false, read: 1000 }), /\(5 min\. ago and just now\)\. Only the newest 1000 entries of the log were read; an older one may explain it too\. On-chain/);
  });
});
