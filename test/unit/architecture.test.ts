import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { COMMANDS, HOVER_COMMANDS, SETTINGS } from '../../src/vscode/ids';

// This file runs from out/test/unit/; the repository root is three levels up.
const ROOT = path.resolve(__dirname, '..', '..', '..');
const CORE_SOURCES = path.join(ROOT, 'src', 'core');
const CORE_OUTPUT = path.join(ROOT, 'out', 'src', 'core');
const IMPORTS_VSCODE = /(?:\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*|\bimport\s+)['"]vscode['"]/;

describe('architecture: the core does not depend on VS Code', () => {
  const sources = readdirSync(CORE_SOURCES).filter((name) => name.endsWith('.ts'));

  it('finds the core sources', () => {
    assert.ok(sources.length >= 10, `only ${sources.length} files in ${CORE_SOURCES}`);
    assert.ok(sources.includes('plyrClient.ts'));
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
      assert.doesNotMatch(text, /from\s*['"]\.\.\/vscode\//, `${name} imports from src/vscode`);
    }
  });

  it('loads every compiled core module in plain Node, where vscode does not exist', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- proves vscode cannot be loaded here
    assert.throws(() => require('vscode'), /Cannot find module 'vscode'/);
    const modules = readdirSync(CORE_OUTPUT).filter((name) => name.endsWith('.js'));
    for (const name of sources) {
      assert.ok(modules.includes(name.replace(/\.ts$/, '.js')), `${name} has no compiled module in ${CORE_OUTPUT}`);
    }
    for (const name of modules) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loads each compiled module by its path
      const loaded: unknown = require(path.join(CORE_OUTPUT, name));
      assert.equal(typeof loaded, 'object', name);
    }
    const vscodeLayer = Object.keys(require.cache).filter((file) => file.includes(`${path.sep}src${path.sep}vscode${path.sep}`) && !file.endsWith(`${path.sep}ids.js`));
    assert.deepEqual(vscodeLayer, []);
  });
});

describe('architecture: the manifest matches the code', () => {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    contributes: { commands: { command: string }[]; configuration: { properties: Record<string, { markdownDescription?: string }> } };
  };

  it('contributes exactly the commands in COMMANDS', () => {
    const contributed = manifest.contributes.commands.map((c) => c.command).sort();
    assert.deepEqual(contributed, Object.values(COMMANDS).sort());
    assert.equal(new Set(contributed).size, contributed.length);
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
