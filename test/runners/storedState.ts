import * as fs from 'node:fs';
import * as path from 'node:path';
import { Page } from 'playwright-core';
import { ROOT } from './codeServer';
import { poll } from './poll';

/**
 * What a session expects the web workbench to have stored before the browser may close: for each
 * globalState key of the extension, a piece of the value's JSON. The suites write it (to the file
 * named by PLYR_TEST_EXPECT_STORED) when the next session reads the state back.
 */
export type StoredExpectation = Record<string, string>;

const EXTENSION_ID = (() => {
  const { publisher, name } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { publisher: string; name: string };
  return `${publisher}.${name}`;
})();

/**
 * The extension's globalState as the web workbench keeps it: one JSON string per extension in the
 * default profile's IndexedDB database (`vscode-web-state-db-global`, table `ItemTable`). Runs in
 * the page, so it is written as a string (the project's TypeScript has no DOM types).
 */
const READ_STATE = `(async (key) => {
  const db = await new Promise((resolve, reject) => {
    const open = indexedDB.open('vscode-web-state-db-global');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  try {
    if (!db.objectStoreNames.contains('ItemTable')) {
      return null; // not the workbench's database (another VS Code version names it otherwise)
    }
    return await new Promise((resolve, reject) => {
      const get = db.transaction('ItemTable').objectStore('ItemTable').get(key);
      get.onsuccess = () => resolve(get.result ?? null);
      get.onerror = () => reject(get.error);
    });
  } finally {
    db.close();
  }
})`;

async function storedState(page: Page): Promise<Record<string, unknown>> {
  const raw = await page.evaluate(`${READ_STATE}(${JSON.stringify(EXTENSION_ID)})`);
  return typeof raw === 'string' ? (JSON.parse(raw) as Record<string, unknown>) : {};
}

function missing(state: Record<string, unknown>, expected: StoredExpectation): string[] {
  return Object.entries(expected)
    .filter(([key, piece]) => !(JSON.stringify(state[key]) ?? '').includes(piece))
    .map(([key, piece]) => `${key} ∌ ${piece}`);
}

/**
 * Waits until the browser's storage holds what the suites expect. The workbench writes globalState
 * to IndexedDB shortly after the extension updates it, and nothing flushes it when the browser
 * closes; a restart test that closed the browser first would read an older state.
 */
export async function untilStored(page: Page, expected: StoredExpectation, timeoutMs = 30_000): Promise<void> {
  const left = await poll(async () => missing(await storedState(page), expected), (keys) => keys.length === 0, timeoutMs);
  if (left.length > 0) {
    throw new Error(`The browser had not stored the extension's state after ${timeoutMs / 1000} s (${left.join('; ')})`);
  }
}
