import { after, beforeEach, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
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
  'primary wallet of PLYR ID {0}': 'Hauptwallet der PLYR-Kennung {0}',
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
    assert.match(markdown, /· Hauptwallet der PLYR-Kennung \*\*a\\_b\\\[x\\\]\*\* ·/);
    assert.match(markdown, /\n\nKeine Guthaben\.$/);
  });

  it('gives the English text again once the bundle is empty', () => {
    l10n.config({ contents: {} });
    const parsed = parseIdentifier(42);
    assert.equal(!parsed.ok && parsed.message, 'An identifier must be text, not a number.');
  });
});

// This file runs from out/test/unit/; the repository root is three levels up.
const ROOT = path.resolve(__dirname, '..', '..', '..');
const readJson = (file: string): Record<string, unknown> => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

describe('the l10n bundle', () => {
  it('is where the manifest says, so VS Code loads its translations', () => {
    const manifest = readJson(path.join(ROOT, 'package.json')) as { l10n?: string };
    assert.equal(manifest.l10n, './l10n');
    assert.ok(Object.keys(readJson(path.join(ROOT, 'l10n', 'bundle.l10n.json'))).length > 100);
  });

  it('holds exactly the strings of the source: run `npm run l10n` after changing a message', () => {
    // The npm script itself (@vscode/l10n-dev's export), with its output sent to a scratch folder.
    const [tool, ...args] = ((readJson(path.join(ROOT, 'package.json')) as { scripts: Record<string, string> }).scripts.l10n ?? '').split(' ');
    assert.equal(tool, 'vscode-l10n-dev');
    const out = mkdtempSync(path.join(tmpdir(), 'plyr-l10n-'));
    try {
      const outDir = args.indexOf('--outDir') + 1;
      assert.equal(args[outDir], './l10n');
      args[outDir] = out;
      execFileSync(path.join(ROOT, 'node_modules', '.bin', tool), args, { cwd: ROOT, stdio: 'pipe' });
      const fresh = readJson(path.join(out, 'bundle.l10n.json'));
      const committed = readJson(path.join(ROOT, 'l10n', 'bundle.l10n.json'));
      const missing = Object.keys(fresh).filter((k) => !(k in committed));
      const unused = Object.keys(committed).filter((k) => !(k in fresh));
      assert.deepEqual({ missing, unused }, { missing: [], unused: [] }, 'l10n/bundle.l10n.json is stale: run npm run l10n');
      assert.deepEqual(committed, fresh);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
