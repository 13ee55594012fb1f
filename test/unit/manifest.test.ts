import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { apiRoot } from '../../src/core/api/networks';
import { parseIdentifier } from '../../src/core/model/identifier';

// This file runs from out/test/unit/; the repository root is three levels up.
const ROOT = path.resolve(__dirname, '..', '..', '..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

interface Manifest {
  icon: string;
  repository: { url: string };
  browser?: string;
  capabilities: { untrustedWorkspaces: { supported: boolean | 'limited'; restrictedConfigurations?: string[] }; virtualWorkspaces: boolean };
  engines: { vscode: string };
  devDependencies: Record<string, string>;
  scripts: Record<string, string>;
  config: { codeServerVersion: string; testedVSCodeVersion: string; newestCodeServerVersion: string; newestVSCodeVersion: string };
  contributes: {
    commands: { command: string; title: string; category?: string; icon?: string }[];
    menus: { commandPalette: { command: string; when?: string }[] };
    configuration: { properties: Record<string, { default: unknown; pattern?: string; order?: number; enumDescriptions?: string[]; markdownEnumDescriptions?: string[] }> };
    viewsContainers: { activitybar: { icon: string }[] };
    views: Record<string, { icon?: string }[]>;
    jsonValidation: { url: string }[];
    keybindings: { command: string; key: string; mac?: string; when?: string }[];
  };
}

const manifestText = read('package.json');
const manifest = JSON.parse(manifestText) as Manifest;
const nls = JSON.parse(read('package.nls.json')) as Record<string, string>;
const readme = read('README.md');

/** A manifest string with its `%key%` resolved from package.nls.json. */
function localised(value: string): string {
  const key = /^%(.+)%$/.exec(value)?.[1];
  return key === undefined ? value : nls[key];
}

/** The first column of the Markdown table under `heading`, backticks removed, header row skipped. */
function tableColumn(heading: string, column: number): string[] {
  const start = readme.indexOf(`\n${heading}\n`);
  assert.ok(start >= 0, `README has no "${heading}" section`);
  const rows = readme.slice(start).split('\n').slice(2);
  const table = rows.slice(rows.findIndex((line) => line.startsWith('|')));
  const lines = table.slice(0, table.findIndex((line) => !line.startsWith('|')));
  return lines.slice(2).map((line) => line.split('|')[column + 1].trim().replace(/^`|`$/g, ''));
}

describe('manifest strings come from package.nls.json', () => {
  const used = [...manifestText.matchAll(/"%([^"%]+)%"/g)].map((m) => m[1]);

  it('names every title, description and setting text by key', () => {
    assert.ok(used.length >= 40, `only ${used.length} localised strings`);
    for (const command of manifest.contributes.commands) {
      assert.match(command.title, /^%.+%$/, `${command.command} has a literal title`);
    }
  });

  it('resolves every key, and has no key nothing uses', () => {
    for (const key of used) {
      assert.equal(typeof nls[key], 'string', `package.nls.json has no "${key}"`);
    }
    assert.deepEqual(Object.keys(nls).filter((key) => !used.includes(key)), []);
  });
});

describe('the Settings editor', () => {
  const settings = Object.entries(manifest.contributes.configuration.properties);

  it('lists the settings in an order of their own (the server first, signing last), not alphabetically', () => {
    const orders = settings.map(([, s]) => s.order);
    assert.ok(orders.every((o) => typeof o === 'number'), 'a setting without an order');
    assert.equal(new Set(orders).size, orders.length, 'two settings with one order');
    const rank = (name: string) => manifest.contributes.configuration.properties[name].order ?? NaN;
    assert.ok(rank('plyr.network') < rank('plyr.customBaseUrl') && settings.every(([name]) => name.startsWith('plyr.signing.') || rank(name) < rank('plyr.signing.getBody')));
  });

  it('shows Markdown (a code span, a setting link) only where it renders it: markdownEnumDescriptions, not enumDescriptions', () => {
    for (const [name, setting] of settings) {
      for (const text of (setting.enumDescriptions ?? []).map(localised)) {
        assert.doesNotMatch(text, /`|#plyr\./, `${name}: Markdown in a plain enumDescription: ${text}`);
      }
    }
    assert.ok(settings.some(([, s]) => s.markdownEnumDescriptions?.map(localised).some((t) => /`#plyr\./.test(t))));
  });
});

describe('the README agrees with the manifest', () => {
  it('lists every command of the command palette, with its title', () => {
    const hidden = new Set(manifest.contributes.menus.commandPalette.filter((m) => m.when === 'false').map((m) => m.command));
    const palette = manifest.contributes.commands
      .filter((c) => !hidden.has(c.command))
      .map((c) => `${localised(c.category ?? '')}: ${localised(c.title)}`)
      .sort();
    assert.deepEqual(tableColumn('### Commands', 0).sort(), palette);
  });

  it('lists every setting with its default', () => {
    const shown = (value: unknown) => (value === '' ? 'empty' : JSON.stringify(value).replace(/^"|"$/g, ''));
    const expected = Object.entries(manifest.contributes.configuration.properties).map(([key, spec]) => `${key} ${shown(spec.default)}`).sort();
    const keys = tableColumn('### Settings', 0);
    const defaults = tableColumn('### Settings', 1);
    assert.deepEqual(keys.map((key, i) => `${key} ${defaults[i]}`).sort(), expected);
  });
});

describe('the VS Code versions agree', () => {
  it('types the code against the oldest version it claims, and tests on that version', () => {
    const oldest = /^\^(\d+)\.(\d+)\.0$/.exec(manifest.engines.vscode);
    assert.ok(oldest, `engines.vscode is ${manifest.engines.vscode}, not ^X.Y.0`);
    assert.equal(manifest.devDependencies['@types/vscode'], `${oldest[1]}.${oldest[2]}.0`, 'the API the code compiles against is the oldest claimed');
    const [major, minor] = manifest.config.testedVSCodeVersion.split('.');
    assert.deepEqual([major, minor], [oldest[1], oldest[2]], 'the tests run on the oldest claimed version');
  });

  it('runs the integration and UI tests again on a newer VS Code, through a newer code-server', () => {
    const parts = (version: string) => version.split('.').map(Number);
    const newer = (a: string, b: string) => parts(a).reduce((sign, n, i) => sign || Math.sign(n - (parts(b)[i] ?? 0)), 0) > 0;
    assert.ok(newer(manifest.config.newestVSCodeVersion, manifest.config.testedVSCodeVersion), `${manifest.config.newestVSCodeVersion} is newer than ${manifest.config.testedVSCodeVersion}`);
    assert.ok(newer(manifest.config.newestCodeServerVersion, manifest.config.codeServerVersion), `code-server ${manifest.config.newestCodeServerVersion} is newer than ${manifest.config.codeServerVersion}`);
  });
});

describe('the package holds only the allowlisted files', () => {
  it('lists the bundle, the manifest, the translations, the docs, the images the extension shows and the JSON schema, and nothing else', () => {
    const files = execFileSync(process.execPath, [path.join(ROOT, 'node_modules/@vscode/vsce/vsce'), 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' })
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .sort();
    // Not the README's pictures: vsce points their links at the repository, so no one reads a packed copy.
    const views = Object.values(manifest.contributes.views).flat();
    const images = [manifest.icon, ...manifest.contributes.viewsContainers.activitybar.map((c) => c.icon), ...views.flatMap((v) => (v.icon ? [v.icon] : []))];
    const schemas = manifest.contributes.jsonValidation.map((v) => v.url.replace(/^\.\//, ''));
    // The runtime strings' translations, in the folder the manifest's "l10n" names; not the
    // English bundle, which VS Code never loads (in English, l10n.t's own text is the string).
    const bundles = readdirSync(path.join(ROOT, 'l10n')).filter((f) => /^bundle\.l10n\.[\w-]+\.json$/.test(f)).map((f) => `l10n/${f}`);
    const expected = [...new Set(['dist/extension.js', 'package.json', 'package.nls.json', 'README.md', 'CHANGELOG.md', 'LICENSE', ...images, ...schemas, ...bundles])].sort();
    assert.deepEqual(files, expected);
  });

  it('shows the README pictures from the repository: relative links to its files, which vsce points at the repository the manifest names', () => {
    const pictures = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]);
    assert.ok(pictures.length > 0);
    for (const picture of pictures) {
      assert.doesNotMatch(picture, /^[a-z]+:/i, `${picture} is not a path in the repository`);
      assert.ok(existsSync(path.join(ROOT, picture)), `${picture} is missing`);
    }
    assert.match(manifest.repository.url, /^https:\/\/github\.com\/[^/]+\/[^/]+$/);
  });
});

describe('what the README promises about where it runs', () => {
  it('declares untrusted workspaces as limited, the server settings taken from the user only, and virtual workspaces', () => {
    // VS Code enforces restrictedConfigurations: in an untrusted workspace it ignores the workspace's values.
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    // The server, and how often and how hard it is asked with the user's key (the hints' look-ups, a
    // hover cache of 0 s, a polled status bar identifier included).
    const restricted = ['plyr.autoRefreshSeconds', 'plyr.customBaseUrl', 'plyr.hover.cacheSeconds', 'plyr.hover.enabled', 'plyr.inlayHints.show', 'plyr.network', 'plyr.refreshConcurrency', 'plyr.statusBar.identifier'];
    assert.deepEqual([...(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations ?? [])].sort(), restricted);
    assert.match(readme, /ignores the workspace's values of both\s+settings, and of `plyr\.autoRefreshSeconds`, `plyr\.refreshConcurrency`, `plyr\.hover\.enabled`,\s+`plyr\.hover\.cacheSeconds`, `plyr\.inlayHints\.show` and `plyr\.statusBar\.identifier`/);
    for (const setting of restricted) {
      assert.ok(nls['capabilities.untrustedWorkspaces.description'].includes(setting), `the Restricted Mode text names ${setting}`);
    }
    assert.equal(manifest.capabilities.virtualWorkspaces, true);
    assert.match(readme, /virtual and untrusted workspaces \(in an untrusted one, the settings that choose the server, or how\s+often and how much it is asked with your key, come from your user settings only\)/);
    // A Node bundle only: no `browser` entry, so the README must not promise vscode.dev.
    assert.equal(manifest.browser, undefined);
    assert.match(readme, /not vscode\.dev,\s+which has none/);
  });
});

describe('shortcuts and packaging', () => {
  // First keys VS Code binds itself (Cmd+Alt+P: Preserve Case in find and search on a Mac; the chord
  // prefix Ctrl/Cmd+K; the palette): a binding without a `when` that starts with one takes it
  // everywhere (a chord waits for its second key).
  const TAKEN_FIRST_KEYS = new Set(['cmd+alt+p', 'ctrl+k', 'cmd+k', 'ctrl+shift+p', 'cmd+shift+p']);

  it('binds no key that VS Code uses, on any platform, without a when-clause', () => {
    for (const binding of manifest.contributes.keybindings.filter((b) => b.when === undefined)) {
      for (const keys of [binding.key, binding.mac].filter((k): k is string => k !== undefined)) {
        const first = keys.toLowerCase().split(' ')[0];
        assert.ok(!TAKEN_FIRST_KEYS.has(first), `${binding.command}: ${keys} starts with ${first}, one of VS Code's own`);
      }
    }
  });

  it('builds the production bundle before vsce packages or publishes, however vsce is run', () => {
    assert.equal(manifest.scripts['vscode:prepublish'], 'node scripts/build.mjs --production');
  });
});

describe('the Settings editor checks plyr.statusBar.identifier as the item does', () => {
  it('marks what the item would refuse (and log) as a person types it, and nothing it takes', () => {
    const pattern = new RegExp(manifest.contributes.configuration.properties['plyr.statusBar.identifier'].pattern ?? '');
    const ids = ['player123', 'Player123', ' player123 ', 'crypto-fennec', '0xgamer', 'a1b2c', 'x'.repeat(64), 'x'.repeat(65), 'gamr', 'play er', 'player_1', '-player', 'player-', 'pl--ayer', '12345', '0x1234', 'ümlaut1'];
    ids.push('0x742d35Cc6634C0532925a3b844Bc454e4438f44e', '0x742d35cc6634c0532925a3b844bc454e4438f44e', '0X742d35Cc6634C0532925a3b844Bc454e4438f44e', '0x742d35Cc6634C0532925a3b844Bc454e4438f44', '0x742d35Cc6634C0532925a3b844Bc454e4438f44eZ');
    for (const id of ids) {
      assert.equal(pattern.test(id), parseIdentifier(id).ok, id);
    }
    assert.ok(pattern.test(''), 'empty: no item');
  });
});

describe('the Settings editor checks plyr.customBaseUrl as the client does', () => {
  it('marks the URLs the client refuses (plain http only for this machine), in any case', () => {
    // Left to the client's own message: an IPv4 part or a port out of range (which it refuses).
    // JSON schema patterns take no flags: the scheme and "localhost" are spelt in both cases.
    const pattern = new RegExp(manifest.contributes.configuration.properties['plyr.customBaseUrl'].pattern ?? '');
    const urls = ['https://api.example.com', 'https://api.plyr.network/api', 'http://127.0.0.1:4555', 'http://127.0.0.1', 'http://localhost:8080/api', 'http://[::1]:4555/', ' http://127.1.2.3:80 ', 'http://example.com', 'http://10.0.0.1:4555', 'http://localhost.example.com', 'ftp://example.com', 'api.example.com', 'https://'];
    urls.push('HTTPS://API.EXAMPLE.COM', 'Http://LocalHost:4555', 'HTTP://LOCALHOST', 'HTTP://EXAMPLE.COM', 'hTtP://10.0.0.1');
    for (const url of urls) {
      assert.equal(pattern.test(url), apiRoot('custom', url).ok, url);
    }
    assert.ok(pattern.test(''), 'empty: not set');
  });
});
