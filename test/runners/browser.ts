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

/**
 * The workbench URL for a folder: with `extensionPath`, loading the extension from that folder
 * (development mode) and, optionally, running a test module; without, the installed extensions only.
 */
export function workbenchUrl(origin: string, workspace: string, extensionPath?: string, testsPath?: string): string {
  const payload: [string, string][] = [['skipWelcome', 'true']];
  if (extensionPath) {
    payload.unshift(['extensionDevelopmentPath', `vscode-remote://${origin}${extensionPath}`]);
  }
  if (testsPath) {
    payload.push(['extensionTestsPath', `vscode-remote://${origin}${testsPath}`]);
  }
  return `http://${origin}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}
