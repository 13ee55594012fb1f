import * as vscode from 'vscode';
import { Logger } from '../../core/api/logger';
import { quoted } from '../../core/model/safeText';
import { TrackedIdentifier, TrackedList } from '../../core/model/trackedList';
import { parseWatchList, WATCH_LIST_FILE, WatchList } from '../../core/model/watchList';

/** Whether the workspace is trusted, and when it becomes so (VS Code's own, but for a test). */
export interface WorkspaceTrust {
  readonly isTrusted: boolean;
  readonly onDidGrant: vscode.Event<void>;
}

const VSCODE_TRUST: WorkspaceTrust = {
  get isTrusted() {
    return vscode.workspace.isTrusted;
  },
  onDidGrant: vscode.workspace.onDidGrantWorkspaceTrust,
};

/**
 * The team's watch-list, `.vscode/plyr.json` in each workspace folder: read at start, re-read when
 * a file is created, changed or deleted; written only by Share to Workspace File. Entries of all
 * folders are merged in folder order; problems go to the log and to the tree. In a workspace not
 * trusted, its entries are not taken (the user's key would look up what a cloned repository
 * lists): one problem row says how many wait for trust, and they load once it is granted.
 */
export class WorkspaceWatchList implements vscode.Disposable {
  readonly #changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.#changed.event;
  readonly #trusted = new vscode.EventEmitter<void>();
  /** Read again because the workspace was just trusted: what it lists may now be looked up. */
  readonly onDidLoadTrusted = this.#trusted.event;
  #entries: TrackedList = [];
  #byId = new Map<string, TrackedIdentifier>();
  #problemList: readonly string[] = [];
  readonly #disposables: vscode.Disposable[] = [];
  /** Each reload gets a number; a slower, older read never overwrites a newer one. */
  #generation = 0;
  /** The newest reload, which an overtaken one waits for. */
  #newest: Promise<void> = Promise.resolve();
  /** Each folder's entries as last read: what a file that cannot be read now (locked, say) keeps showing. */
  readonly #lastRead = new Map<string, readonly TrackedIdentifier[]>();

  readonly #logger: Logger;
  readonly #trust: WorkspaceTrust;

  constructor(logger: Logger, trust: WorkspaceTrust = VSCODE_TRUST) {
    this.#logger = logger;
    this.#trust = trust;
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${WATCH_LIST_FILE}`);
    const reload = () => void this.reload();
    const reloadTrusted = () => void this.reload().then(() => this.#trusted.fire());
    this.#disposables.push(watcher, watcher.onDidCreate(reload), watcher.onDidChange(reload), watcher.onDidDelete(reload), vscode.workspace.onDidChangeWorkspaceFolders(reload), trust.onDidGrant(reloadTrusted), this.#changed, this.#trusted);
  }

  get all(): TrackedList {
    return this.#entries;
  }

  get problems(): readonly string[] {
    return this.#problemList;
  }

  find(id: string): TrackedIdentifier | undefined {
    return this.#byId.get(id);
  }

  /** The file of the first workspace folder, where "Open" in the tree takes the user. */
  fileUri(): vscode.Uri | undefined {
    const folder = vscode.workspace.workspaceFolders?.[0];
    return folder && vscode.Uri.joinPath(folder.uri, WATCH_LIST_FILE);
  }

  /**
   * Reads the files again. Resolves once the list holds a read that began no earlier than this
   * call: when a newer one (a file watcher's) overtakes it, when that one is done.
   */
  reload(): Promise<void> {
    this.#newest = this.#read(++this.#generation);
    return this.#newest;
  }

  async #read(generation: number): Promise<void> {
    const entries: TrackedIdentifier[] = [];
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const text = await readText(vscode.Uri.joinPath(folder.uri, WATCH_LIST_FILE));
      const key = folder.uri.toString();
      if (text === undefined || text === TOO_LARGE) {
        // A file unreadable later shows what was read of it, never of one deleted or refused since.
        this.#lastRead.delete(key);
      }
      if (text === undefined) {
        continue;
      }
      let list: WatchList;
      if (text === TOO_LARGE) {
        list = { entries: [], problems: [vscode.l10n.t('{0} in {1} is over 1 MB and was not read.', WATCH_LIST_FILE, quoted(folder.name))] };
      } else if (typeof text !== 'string') {
        list = { entries: this.#lastRead.get(key) ?? [], problems: [vscode.l10n.t('{0} in {1} could not be read ({2}): its rows are as last read.', WATCH_LIST_FILE, quoted(folder.name), quoted(text.unreadable, 200))] };
      } else {
        const parsed = parseWatchList(text);
        // No JSON for a moment (typed with auto-save on, or mid-merge): the rows stay as last read,
        // rather than blink out and take their remembered balances with them.
        const kept = parsed.notJson ? this.#lastRead.get(key) : undefined;
        list = kept ? { entries: kept, problems: [...parsed.problems, vscode.l10n.t('{0} in {1}: its rows are as last read until it is valid JSON again.', WATCH_LIST_FILE, quoted(folder.name))] } : parsed;
        if (!kept) {
          this.#lastRead.set(key, list.entries);
        }
      }
      problems.push(...list.problems);
      for (const entry of list.entries.filter((e) => !seen.has(e.id))) {
        seen.add(entry.id);
        entries.push(entry);
      }
    }
    if (generation !== this.#generation) {
      return this.#newest;
    }
    const waiting = this.#trust.isTrusted ? 0 : entries.length;
    if (waiting > 0) {
      problems.unshift(vscode.l10n.t('The identifiers {0} lists ({1}) are looked up once you trust this workspace (Manage Workspace Trust).', WATCH_LIST_FILE, waiting));
      entries.length = 0;
    }
    for (const problem of problems) {
      this.#logger.warn(problem);
    }
    this.#entries = entries;
    this.#byId = new Map(entries.map((e) => [e.id, e]));
    this.#problemList = problems;
    this.#changed.fire();
  }

  dispose(): void {
    vscode.Disposable.from(...this.#disposables).dispose();
  }
}

const MAX_FILE_BYTES = 1_000_000;
const TOO_LARGE = Symbol('too large');

/**
 * The file's text; undefined when it does not exist (the usual case); TOO_LARGE past 1 MB; why
 * not when it exists but cannot be read (a lock, a permission, a folder in its place).
 */
async function readText(uri: vscode.Uri): Promise<string | typeof TOO_LARGE | { unreadable: string } | undefined> {
  try {
    if ((await vscode.workspace.fs.stat(uri)).size > MAX_FILE_BYTES) {
      return TOO_LARGE;
    }
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch (error) {
    return isFileNotFound(error) ? undefined : { unreadable: error instanceof Error ? error.message : String(error) };
  }
}

export function isFileNotFound(error: unknown): boolean {
  return error instanceof vscode.FileSystemError && error.code === 'FileNotFound';
}
