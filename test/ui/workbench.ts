import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BrowserContext, Locator, Page } from 'playwright-core';
import { DEMO_CREDENTIALS } from '../../simulator/demoData';
import { Simulator, SimulatorConfig, startSimulator } from '../../simulator/server';
import { launchBrowser, workbenchUrl } from '../runners/browser';
import { CodeServer, ROOT, startCodeServer } from '../runners/codeServer';
import { addPseudoBundle, PSEUDO_LOCALE, registerPseudoLanguagePack } from '../runners/pseudoLocale';
import { poll } from '../runners/poll';
import { builtVsix } from '../runners/vsix';

/**
 * A real VS Code (code-server) in Chromium with the packaged extension installed and pointed at a fresh
 * simulator, driven like a person: clicks, keys, reading what is on screen.
 */
export interface Workbench {
  readonly page: Page;
  readonly sim: Simulator;
  /** The open folder, on disk. */
  readonly workspace: string;
  /** The user's settings.json, on disk: where the Settings editor writes, after its debounce. */
  readonly userSettings: string;
  screenshot(name: string): Promise<string>;
  /**
   * A README picture: one clean state. Fails when a notification toast shows other than the
   * `toasts` the picture is about (clear older ones with clearNotifications before setting it up).
   */
  readmePicture(name: string, toasts?: number): Promise<string>;
  /** Notifications: Clear All Notifications, and waits until no toast shows. */
  clearNotifications(): Promise<void>;
  /** Waits for a locator to be visible; on a time-out saves failed-<name>.png to show why. */
  expectVisible(locator: Locator, name: string, timeout?: number): Promise<void>;
  /**
   * Makes a person's gesture (a click, a Ctrl+click) until what it brings shows: up to three
   * times, 10 s each. On a loaded machine the editor can miss one (the click's modifier, or the
   * code actions it should ask for), and a person would simply do it again.
   */
  gestureUntilVisible(gesture: () => Promise<void>, outcome: Locator, name: string): Promise<void>;
  /**
   * Clicks a notification's button. The toast goes once it took the answer; one still showing 5 s
   * later missed the click (a CI run saw an answer never arrive) and is clicked again, once.
   */
  answer(toast: Locator, button: string, name: string): Promise<void>;
  /**
   * Chooses `option` in one of VS Code's select boxes, as a context menu's item is run: the list
   * closes when what holds the box renders again (the settings editor, as its search settles: a
   * CI run saw the option go as it was clicked), and is then opened again.
   */
  choose(select: Locator, option: string, name: string): Promise<void>;
  palette(command: string): Promise<void>;
  /**
   * Replaces the user's settings.json with `text` as a person edits it, in its editor (a file
   * written behind VS Code's back is not always noticed), saves it and closes it.
   */
  editUserSettings(text: string): Promise<void>;
  /** Types text into the quick input (the one titled `title`, when given) and presses Enter. */
  enter(text: string, title?: string): Promise<void>;
  openPlyrView(): Promise<void>;
  /** Types the demo credentials into PLYR: Set API Credentials. */
  setDemoCredentials(): Promise<void>;
  /** Opens a row's context menu with a right-click and runs one of its items. */
  contextMenu(row: Locator, item: string): Promise<void>;
  /** The accessible labels of the sidebar's rows. */
  sidebarRows(): Promise<string[]>;
  close(): Promise<void>;
}

export const SCREENSHOTS = process.env.PLYR_SCREENSHOTS ?? path.join(ROOT, 'test-results', 'screenshots');

export interface WorkbenchOptions {
  readonly workspaceFiles?: Record<string, string>;
  /** Keep the demo's `.vscode/plyr.json` (by default the sidebar starts empty). */
  readonly watchList?: boolean;
  /** Environment of code-server and so of the extension host (the demo's credentials). */
  readonly env?: Record<string, string>;
  /** More user settings (the demo's). */
  readonly settings?: Record<string, unknown>;
  /** VS Code in its pseudo-language, the extension with its pseudo-localised bundle. */
  readonly pseudoLocale?: boolean;
  /** The user's keybindings.json, as a person would have written it before starting. */
  readonly keybindings?: readonly { readonly key: string; readonly command: string; readonly args?: unknown }[];
  /** How the simulator behaves from its start (before the extension asks it anything). */
  readonly simulator?: Partial<SimulatorConfig>;
}

/** The installed extension gets its pseudo-localised bundle, and the profile the pseudo-language. */
function pseudoLocalise(dirs: { readonly userData: string; readonly extensions: string }): void {
  registerPseudoLanguagePack(dirs.userData);
  const installed = fs.readdirSync(dirs.extensions).filter((name) => name.startsWith('plyr-tools.plyr-balance-'));
  assert.equal(installed.length, 1, `one installed PLYR Balance in ${dirs.extensions}`);
  addPseudoBundle(path.join(dirs.extensions, installed[0]));
}

/** Waits for a locator to be visible; on a time-out saves failed-<name>.png to show why. */
export function expectVisible(page: Page, locator: Locator, name: string, timeout = 30_000): Promise<void> {
  return expectState(page, locator, 'visible', name, timeout);
}

/** Waits for a locator to reach `state`; on a time-out saves failed-<name>.png and says what showed. */
async function expectState(page: Page, locator: Locator, state: 'visible' | 'hidden', name: string, timeout: number): Promise<void> {
  try {
    await locator.waitFor({ state, timeout });
  } catch (error) {
    await recordFailure(page, name);
    throw error;
  }
}

/** Saves failed-<name>.png, and says in words what it shows: CI keeps only the log. */
async function recordFailure(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `failed-${name}.png`) }).catch(() => undefined);
  console.error(`failed-${name}: what the workbench showed\n${await describeScreen(page).catch((e: unknown) => `(could not be read: ${String(e)})`)}`);
}

/**
 * Opens a list (a context menu, a select box's options) unless `item` shows, and clicks `item`
 * until the list closes, three times at most, as a person would: a menu still settling can miss
 * the first click, and a list whose holder renders again (the settings editor, as its search
 * settles) closes under it.
 */
async function pickFromList(page: Page, open: () => Promise<void>, item: Locator, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    if (!(await item.isVisible())) {
      await open(); // the click below waits for the item
    }
    const picked = await item
      .click({ timeout: 10_000 })
      .then(() => item.waitFor({ state: 'hidden', timeout: 2_000 }))
      .then(() => true, () => false);
    if (picked) {
      return;
    }
    if (attempt === 3) {
      await recordFailure(page, name);
      throw new Error(`"${name}" was not picked after ${attempt} clicks`);
    }
  }
}

/** The sidebar's rows, the notifications and the quick input, as text. */
async function describeScreen(page: Page): Promise<string> {
  const texts = (selector: string, attribute?: string) =>
    page.locator(selector).evaluateAll((nodes, name) => nodes.map((n) => (name ? n.getAttribute(name) : n.textContent) ?? ''), attribute);
  const sections: [string, string[]][] = [
    ['sidebar title', await texts('.part.sidebar .title-label')],
    ['sidebar rows', await texts('.part.sidebar .monaco-list-row', 'aria-label')],
    ['notifications', await texts('.notification-toast .notification-list-item-message')],
    ['quick input', await texts('.quick-input-widget:not([style*="display: none"]) .quick-input-list .monaco-list-row', 'aria-label')],
  ];
  return sections.map(([title, lines]) => `  ${title}: ${lines.length ? lines.map((l) => `\n    ${l}`).join('') : '(none)'}`).join('\n');
}

/** Opens a workspace file with Quick Open (Ctrl+P), as a person would. */
export async function openFile(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget .quick-input-box input').fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
}

/**
 * Rests the mouse on the editor text `target` until `hover` shows (Playwright re-finds the text if
 * the editor re-renders). While the editor is still starting, a first rest can show nothing: move
 * away and back, as a person would.
 */
export async function restMouseOn(page: Page, target: Locator, hover: Locator): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await page.mouse.move(0, 0);
    await target.hover();
    try {
      await hover.waitFor({ state: 'visible', timeout: 6_000 });
      return;
    } catch (error) {
      if (attempt === 5) {
        await recordFailure(page, 'hover');
        throw error;
      }
    }
  }
}

export async function openWorkbench(options: WorkbenchOptions = {}): Promise<Workbench> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'plyr-ui-'));
  const workspace = path.join(scratch, 'workspace');
  fs.mkdirSync(workspace, { recursive: true });
  // The demo's workspace: the files a newcomer sees in `npm run demo`.
  fs.cpSync(path.join(ROOT, 'demo/workspace'), workspace, { recursive: true });
  if (!options.watchList) {
    fs.rmSync(path.join(workspace, '.vscode', 'plyr.json'), { force: true });
  }
  for (const [name, text] of Object.entries(options.workspaceFiles ?? {})) {
    fs.writeFileSync(path.join(workspace, name), text);
  }
  const sim = await startSimulator({ config: options.simulator });
  let server: CodeServer | undefined;
  let browser: BrowserContext | undefined;
  try {
    // The extension as a user installs it: the packaged .vsix, not the development folder.
    server = await startCodeServer({
      workspace,
      root: path.join(scratch, 'code-server'),
      install: [builtVsix()],
      ...(options.pseudoLocale ? { locale: PSEUDO_LOCALE } : {}),
      prepare: (dirs) => {
        if (options.pseudoLocale) {
          pseudoLocalise(dirs);
        }
        if (options.keybindings) {
          fs.writeFileSync(path.join(dirs.userData, 'User', 'keybindings.json'), JSON.stringify(options.keybindings, null, 2));
        }
      },
      env: options.env,
      // Values in dollars off, as in the integration suites: these tests read rows and count
      // requests as they were before values; a test of values passes { 'plyr.showValues': true }.
      settings: { 'plyr.network': 'custom', 'plyr.customBaseUrl': sim.url, 'workbench.colorTheme': 'Default Light Modern', 'plyr.showValues': false, ...options.settings },
    });
    browser = await launchBrowser(path.join(scratch, 'chromium'));
    const page = browser.pages()[0] ?? (await browser.newPage());
    await page.goto(workbenchUrl(server.origin, workspace));
    await page.waitForSelector('.part.activitybar a.action-label[aria-label^="PLYR"]', { timeout: 60_000 });
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    const openServer = server;
    const openBrowser = browser;
    const bench: Workbench = {
      page,
      sim,
      workspace,
      userSettings: path.join(openServer.dirs.userData, 'User', 'settings.json'),
      async screenshot(name) {
        const file = path.join(SCREENSHOTS, `${name}.png`);
        await page.screenshot({ path: file });
        return file;
      },
      async readmePicture(name, toasts = 0) {
        // A progress notification closes a moment after its work is done: give it that moment.
        const toastTexts = () => page.locator('.notification-toast .notification-list-item-message').allInnerTexts();
        const shown = await poll(toastTexts, (texts) => texts.length === toasts, 5_000);
        assert.equal(shown.length, toasts, `the picture ${name} shows ${toasts} notification(s), not: ${shown.join(' | ')}`);
        // VS Code fades a hover or a toast in (CSS animations): the picture waits for them to end, spinners aside.
        const fading = () => page.evaluate<number>('document.getAnimations().filter((a) => a.playState === "running" && a.effect?.getTiming().iterations !== Infinity).length');
        await poll(fading, (running) => running === 0, 2_000);
        return bench.screenshot(name);
      },
      async clearNotifications() {
        await bench.palette('Notifications: Clear All Notifications');
        await page.locator('.notification-toast').first().waitFor({ state: 'detached' });
      },
      expectVisible: (locator, name, timeout) => expectVisible(page, locator, name, timeout),
      async gestureUntilVisible(gesture, outcome, name) {
        for (let attempt = 1; attempt < 3; attempt++) {
          await gesture();
          if (await outcome.waitFor({ state: 'visible', timeout: 10_000 }).then(() => true, () => false)) {
            return;
          }
        }
        await gesture();
        await expectVisible(page, outcome, name, 10_000);
      },
      async answer(toast, button, name) {
        const click = () => toast.locator('a.monaco-button', { hasText: button }).click();
        await click();
        if (!(await toast.waitFor({ state: 'hidden', timeout: 5_000 }).then(() => true, () => false))) {
          await click();
          await expectState(page, toast, 'hidden', name, 5_000);
        }
      },
      choose: (select, option, name) => pickFromList(page, () => select.click(), page.locator('.monaco-select-box-dropdown-container .monaco-list-row', { hasText: option }), name),
      async palette(command) {
        const input = page.locator('.quick-input-widget .quick-input-box input');
        // A menu or notification closing at that moment can take the focus back and close the
        // palette as it opens, or just after it showed (one CI run saw it go between the two):
        // opened and typed into again then, as any missed gesture.
        const openAndType = async () => {
          await page.keyboard.press('F1');
          await input.fill(`>${command}`, { timeout: 5_000 }).catch(() => undefined);
        };
        await bench.gestureUntilVisible(openAndType, page.locator('.quick-input-list .monaco-list-row', { hasText: command }).first(), `palette-${command.replace(/\W+/g, '-')}`);
        await page.keyboard.press('Enter');
      },
      async editUserSettings(text) {
        await bench.palette('Preferences: Open User Settings (JSON)');
        await bench.expectVisible(page.locator('.tab.active', { hasText: 'settings.json' }), 'settings-json-open');
        await page.locator('.editor-instance .monaco-editor textarea').first().focus();
        await page.keyboard.press('Control+A');
        await page.keyboard.insertText(text);
        await page.keyboard.press('Control+S');
        await page.locator('.tab.active.dirty').waitFor({ state: 'detached' });
        await page.keyboard.press('Control+W');
      },
      async enter(text, title) {
        if (title) {
          await bench.expectVisible(page.locator('.quick-input-widget .quick-input-title', { hasText: title }), `quick-input-${title.replace(/\W+/g, '-')}`);
        }
        const input = page.locator('.quick-input-widget .quick-input-box input');
        await input.waitFor();
        await input.fill(text);
        await page.keyboard.press('Enter');
      },
      async setDemoCredentials() {
        await bench.palette('PLYR: Set API Credentials');
        await bench.enter(DEMO_CREDENTIALS.apiKey, '(1/2)');
        await bench.enter(DEMO_CREDENTIALS.secretKey, '(2/2)');
        // Stored once the confirmation shows: a hover before that would see no credentials.
        await bench.expectVisible(page.locator('.notification-toast', { hasText: 'credentials saved' }), 'credentials-saved');
      },
      async openPlyrView() {
        const entry = page.locator('.part.activitybar a.action-label[aria-label^="PLYR"]');
        const shown = page.locator('.part.sidebar .title-label', { hasText: 'PLYR' });
        // The extension may open the view itself (plyr.openViewOnStartup) just as the entry is
        // clicked, and a click on the open container closes it: click until the view shows.
        for (let attempt = 1; !(await shown.isVisible()); attempt++) {
          if (attempt > 5) {
            await bench.expectVisible(shown, 'plyr-view'); // or fails, with a screenshot
          }
          await entry.click();
          await shown.waitFor({ state: 'visible', timeout: 3_000 }).catch(() => undefined);
        }
        await page.locator('.part.sidebar .pane-header', { hasText: 'Balances' }).first().waitFor({ state: 'attached' });
      },
      async contextMenu(row, item) {
        const entry = page.locator('.context-view .action-item:not(.disabled) .action-label', { hasText: item });
        await pickFromList(page, () => row.click({ button: 'right' }), entry, `menu-${item.replace(/\W+/g, '-')}`);
      },
      sidebarRows: () => page.$$eval('.part.sidebar .monaco-list-row', (rows) => rows.map((r) => r.getAttribute('aria-label') ?? '')),
      async close() {
        await openBrowser.close().catch(() => undefined);
        await openServer.stop();
        await sim.close();
        fs.rmSync(scratch, { recursive: true, force: true });
      },
    };
    return bench;
  } catch (error) {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    await sim.close();
    throw error;
  }
}
