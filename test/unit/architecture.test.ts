import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { COMMANDS, EDITOR_MENU_COMMANDS, EDITOR_SCHEMES, HOVER_COMMANDS, SETTINGS, TITLE_BAR_COMMANDS } from '../../src/vscode/ids';

// This file runs from out/test/unit/; the repository root is three levels up.
const ROOT = path.resolve(__dirname, '..', '..', '..');
const CORE_SOURCES = path.join(ROOT, 'src', 'core');
const CORE_OUTPUT = path.join(ROOT, 'out', 'src', 'core');
const IMPORTS_VSCODE = /(?:\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*|\bimport\s+)['"]vscode['"]/;

/** Every `.ts` file below `dir`, as paths relative to it ("model/identifier.ts"). */
function sourcesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => name.split(path.sep).join('/'))
    .sort();
}

/** The relative imports of a source file, resolved to paths relative to `root` ("api/signer"). */
function importsOf(root: string, file: string): string[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  return [...text.matchAll(/(?:from|import)\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1])));
}

describe('architecture: the core does not depend on VS Code', () => {
  const sources = sourcesBelow(CORE_SOURCES);

  it('finds the core sources, in their folders', () => {
    assert.ok(sources.length >= 30, `only ${sources.length} files in ${CORE_SOURCES}`);
    assert.ok(sources.includes('api/plyrClient.ts'));
    assert.deepEqual(sources.filter((name) => !name.includes('/')), [], 'every core file lives in a folder by role');
  });

  it('recognises a vscode import when it sees one', () => {
    assert.match("import * as vscode from 'vscode';", IMPORTS_VSCODE);
    assert.match('const vscode = require("vscode");', IMPORTS_VSCODE);
    assert.match("import 'vscode';", IMPORTS_VSCODE);
    assert.doesNotMatch("import { x } from './vscodeish';", IMPORTS_VSCODE);
  });

  it('has no file under src/core that imports vscode', () => {
    for (const name of sources) {
      const text = readFileSync(path.join(CORE_SOURCES, name), 'utf8');
      assert.doesNotMatch(text, IMPORTS_VSCODE, `${name} imports vscode`);
      assert.ok(importsOf(CORE_SOURCES, name).every((target) => !target.startsWith('..')), `${name} imports from outside src/core`);
    }
  });

  it('keeps each core folder to the folders its README allows', () => {
    // model: plain data and its rules; api: talking to the server; store: what is kept and shared;
    // content: what people read. Each may import only the folders before it (and itself).
    const order = ['model', 'api', 'store', 'content'];
    assert.deepEqual([...new Set(sources.map((name) => name.split('/')[0]))].sort(), [...order].sort());
    for (const name of sources) {
      const folder = name.split('/')[0];
      for (const target of importsOf(CORE_SOURCES, name)) {
        const into = target.split('/')[0];
        assert.ok(order.indexOf(into) <= order.indexOf(folder), `core/${name} imports core/${target}: ${folder} may not import ${into}`);
      }
    }
  });

  it('loads every compiled core module in plain Node, where vscode does not exist', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- proves vscode cannot be loaded here
    assert.throws(() => require('vscode'), /Cannot find module 'vscode'/);
    const modules = sourcesBelow(CORE_SOURCES).map((name) => name.replace(/\.ts$/, '.js'));
    for (const name of modules) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loads each compiled module by its path
      const loaded: unknown = require(path.join(CORE_OUTPUT, name));
      assert.equal(typeof loaded, 'object', name);
    }
    const vscodeLayer = Object.keys(require.cache).filter((file) => file.includes(`${path.sep}src${path.sep}vscode${path.sep}`) && !file.endsWith(`${path.sep}ids.js`));
    assert.deepEqual(vscodeLayer, []);
  });
});

describe('architecture: the VS Code layer', () => {
  const VSCODE_SOURCES = path.join(ROOT, 'src', 'vscode');
  const sources = sourcesBelow(VSCODE_SOURCES);

  it('registers every command in commands/, through the one helper (commands/register.ts)', () => {
    for (const name of sources) {
      const text = readFileSync(path.join(VSCODE_SOURCES, name), 'utf8');
      if (name !== 'commands/register.ts') {
        assert.doesNotMatch(text, /vscode\.commands\.registerCommand\(/, `${name} registers a command past the one error path`);
      }
      if (!name.startsWith('commands/')) {
        assert.doesNotMatch(text, /\bregisterCommand\(/, `${name} registers a command outside commands/`);
      }
    }
    const extension = readFileSync(path.join(ROOT, 'src', 'extension.ts'), 'utf8');
    assert.doesNotMatch(extension, /registerCommand\(/, 'extension.ts registers a command itself');
  });

  it('hears settings change in one place (settings.ts), so no consumer depends on the order of listeners', () => {
    const files = [...sources.map((name) => ({ name, text: readFileSync(path.join(VSCODE_SOURCES, name), 'utf8') })), { name: '../extension.ts', text: readFileSync(path.join(ROOT, 'src', 'extension.ts'), 'utf8') }];
    const listening = files.filter(({ text }) => /\bonDidChangeConfiguration\b/.test(text)).map(({ name }) => name);
    assert.deepEqual(listening, ['settings.ts']);
    const classifying = files.filter(({ text }) => /\baffectsConfiguration\(/.test(text)).map(({ name }) => name);
    assert.deepEqual(classifying, ['settings.ts'], 'what a change touched is worked out once, in SettingsChange');
  });

  it('gives the views, the editor features and the state their settings from SettingsEvents, read once per change', () => {
    // They read on hot paths (each row, hover, range of hints, store change): a read each time is a getConfiguration each time.
    const reading = sources.filter((name) => /^(views|editor|state)\//.test(name) && /\bread(ClientConfig|ViewSettings|ValueSettings|StatusBarSettings|HoverSettings|InlayHintSettings|DiagnosticsSettings)\(/.test(readFileSync(path.join(VSCODE_SOURCES, name), 'utf8')));
    assert.deepEqual(reading, []);
    // Nor past settings.ts to VS Code's configuration: what a setting means (its default, its bounds) is said once.
    const configuring = sources.filter((name) => /\bgetConfiguration\(/.test(readFileSync(path.join(VSCODE_SOURCES, name), 'utf8')));
    assert.deepEqual(configuring, ['settings.ts']);
  });

  it('writes globalState through SerialState only (VS Code loses a write made while another is on its way)', () => {
    const files = [...sources.map((name) => ({ name, text: readFileSync(path.join(VSCODE_SOURCES, name), 'utf8') })), { name: '../extension.ts', text: readFileSync(path.join(ROOT, 'src', 'extension.ts'), 'utf8') }];
    const uses = files.flatMap(({ name, text }) => text.split('\n').filter((line) => /\.globalState\b/.test(line)).map((line) => `${name}: ${line.trim()}`));
    assert.deepEqual(uses, ['../extension.ts: const globalState = new SerialState(context.globalState);', '../extension.ts: context.globalState.setKeysForSync(SYNCED_STATE_KEYS);']);
  });

  it('keeps views from importing commands, and state from importing views, commands or editor features', () => {
    for (const name of sources) {
      const targets = importsOf(VSCODE_SOURCES, name);
      if (name.startsWith('views/')) {
        assert.deepEqual(targets.filter((t) => t.startsWith('commands/')), [], `${name} imports a command`);
      }
      if (name.startsWith('state/')) {
        assert.deepEqual(targets.filter((t) => /^(views|commands|editor|ui)\//.test(t)), [], `${name} imports past the state`);
      }
    }
  });
});

describe('architecture: the manifest matches the code', () => {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    contributes: { commands: { command: string }[]; configuration: { properties: Record<string, { markdownDescription?: string }> }; menus: Record<string, { command: string }[]> };
  };

  it('contributes exactly the commands in COMMANDS', () => {
    const contributed = manifest.contributes.commands.map((c) => c.command).sort();
    assert.deepEqual(contributed, Object.values(COMMANDS).sort());
    assert.equal(new Set(contributed).size, contributed.length);
  });

  it('knows every command of a menu that passes arguments of its own (the view title bar, the editor menu)', () => {
    const inMenu = (menu: string) => [...new Set(manifest.contributes.menus[menu].map((m) => m.command))].sort();
    assert.deepEqual([...TITLE_BAR_COMMANDS].sort(), inMenu('view/title'));
    assert.deepEqual([...EDITOR_MENU_COMMANDS].sort(), inMenu('editor/context'));
  });

  it('offers the editor menu item in the documents the editor features work in, and in no others', () => {
    const when = (manifest.contributes.menus['editor/context'] as { when?: string }[]).map((m) => m.when ?? '');
    const schemes = when.map((w) => /resourceScheme =~ \/\^\(([^)]+)\)\$\//.exec(w)?.[1].split('|').sort());
    assert.deepEqual(schemes, [[...EDITOR_SCHEMES].sort()]);
    assert.ok(when.every((w) => w.includes('editorLangId in plyr.addressLanguages')), 'and the languages of plyr.hover.languages');
  });

  it('lets hover links run no command that stores credentials or grants consent from its arguments', () => {
    assert.ok(!HOVER_COMMANDS.includes(COMMANDS.setCredentials));
    assert.ok(!HOVER_COMMANDS.includes(COMMANDS.allowWorkspaceServer));
    assert.ok(HOVER_COMMANDS.includes(COMMANDS.setCredentialsFromLink) && HOVER_COMMANDS.includes(COMMANDS.allowWorkspaceServerFromLink));
  });

  it('declares every setting in SETTINGS, with a Markdown description', () => {
    const properties = manifest.contributes.configuration.properties;
    const keys = Object.entries(SETTINGS)
      .filter(([name]) => name !== 'section')
      .map(([, key]) => `${SETTINGS.section}.${key}`);
    assert.ok(keys.length >= 5);
    for (const key of keys) {
      assert.ok(Object.prototype.hasOwnProperty.call(properties, key), `package.json does not declare ${key}`);
    }
    for (const [key, property] of Object.entries(properties)) {
      assert.equal(typeof property.markdownDescription, 'string', `${key} has no markdownDescription`);
      assert.ok((property.markdownDescription ?? '').length > 10, `${key} has an empty markdownDescription`);
    }
  });

  it('declares no setting that SETTINGS does not name', () => {
    assert.equal(SETTINGS.section, 'plyr');
    const named = new Set(Object.entries(SETTINGS).filter(([name]) => name !== 'section').map(([, key]) => `plyr.${key}`));
    for (const key of Object.keys(manifest.contributes.configuration.properties)) {
      assert.ok(named.has(key), `package.json declares ${key}, which src/vscode/ids.ts does not name`);
    }
  });
});
