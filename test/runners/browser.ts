import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BrowserContext, chromium } from 'playwright-core';

/** Debian's Chromium, headless, with the flags that keep it off the (closed) network. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plyr-chromium-'))): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    // VS Code for the web copies and pastes through the browser's clipboard, which asks first.
    permissions: ['clipboard-read', 'clipboard-write'],
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface WorkbenchUrlOptions {
  /** Loads the extension from this folder (development mode) instead of the installed extensions only. */
  readonly extensionPath?: string;
  /** With `extensionPath`, the test module to run in the extension host. */
  readonly testsPath?: string;
  /** A file to open in the editor as the window starts. */
  readonly openFile?: string;
}

/** The workbench URL for a folder, with VS Code's own start-up options in its `payload`. */
export function workbenchUrl(origin: string, workspace: string, options: WorkbenchUrlOptions = {}): string {
  const remote = (file: string) => `vscode-remote://${origin}${file}`;
  const payload: [string, string][] = [['skipWelcome', 'true']];
  if (options.extensionPath) {
    payload.unshift(['extensionDevelopmentPath', remote(options.extensionPath)]);
  }
  if (options.testsPath) {
    payload.push(['extensionTestsPath', remote(options.testsPath)]);
  }
  if (options.openFile) {
    payload.push(['openFile', remote(options.openFile)]);
  }
  return `http://${origin}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}
