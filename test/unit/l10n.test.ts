import { after, beforeEach, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as l10n from '@vscode/l10n';
import { errorFromResponse } from '../../src/core/api/responses';
import { renderAddressHover } from '../../src/core/content/hoverContent';
import { parseIdentifier } from '../../src/core/model/identifier';

// The core cannot use vscode.l10n; the extension hands VS Code's bundle to @vscode/l10n at
// activation. A small bundle stands in for it here.
const BUNDLE = {
  'An identifier must be text, not {0}.': 'Ein Bezeichner muss Text sein, nicht {0}.',
  'a number': 'eine Zahl',
  // A message given with a comment is keyed "message/comment".
  '{0} s/A duration in seconds': '{0} Sek.',
  'The PLYR API is rate limiting requests. Try again in {0}.': 'Die PLYR-API drosselt Anfragen. Versuchen Sie es in {0} erneut.',
  'PLYR ID {0}': 'PLYR-Kennung {0}',
  'No token balances.': 'Keine Guthaben.',
};

describe('core strings go through @vscode/l10n', () => {
  beforeEach(() => l10n.config({ contents: BUNDLE }));
  // An empty bundle is what an English VS Code gives: every message as written.
  after(() => l10n.config({ contents: {} }));

  it('translates a validation message and the words put into it', () => {
    const parsed = parseIdentifier(42);
    assert.equal(parsed.ok, false);
    assert.equal(!parsed.ok && parsed.message, 'Ein Bezeichner muss Text sein, nicht eine Zahl.');
  });

  it('translates an error message, finding a commented message by its key', () => {
    const error = errorFromResponse({ status: 429, headers: { get: () => null }, body: '' }, 30_000);
    assert.equal(error.message, 'Die PLYR-API drosselt Anfragen. Versuchen Sie es in 30 Sek. erneut.');
    assert.equal(error.code, 'rateLimited');
  });

  it('translates the hover around server text, which stays escaped', () => {
    const markdown = renderAddressHover({
      address: '0x742d35Cc6634C0532925a3b844Bc454e4438f44e',
      checksumMatches: true,
      networkLabel: 'PLYR PHI mainnet',
      plyrId: 'a_b[x]',
      noAccount: false,
      balances: {},
      links: [],
      now: 0,
    });
    assert.match(markdown, /· PLYR-Kennung \*\*a\\_b\\\[x\\\]\*\* ·/);
    assert.match(markdown, /\n\nKeine Guthaben\.$/);
  });

  it('gives the English text again once the bundle is empty', () => {
    l10n.config({ contents: {} });
    const parsed = parseIdentifier(42);
    assert.equal(!parsed.ok && parsed.message, 'An identifier must be text, not a number.');
  });
});
