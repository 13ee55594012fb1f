import * as vscode from 'vscode';
import { CHECKSUM_SLICE_MS, ChecksumMemo, ChecksumPass, ChecksumProblem } from '../../core/model/addressChecksum';
import { checksumProblemMessage, problemListing } from '../../core/content/checksumContent';
import { inAddressLanguages, SettingsEvents } from '../settings';

/** The Problems panel's name for where these come from. */
export const DIAGNOSTIC_SOURCE = 'PLYR';
/** After the last keystroke: a pass per pause in typing, not per character. */
export const DIAGNOSTICS_DEBOUNCE_MS = 300;
const EIP_55 = vscode.Uri.parse('https://eips.ethereum.org/EIPS/eip-55');

/** A pass under way, for the version of the document it reads. */
interface Running {
  readonly version: number;
  readonly problems: Promise<readonly ChecksumProblem[] | undefined>;
}

/**
 * Checksum diagnostics for every open document the editor features work in, worked out locally
 * (never the network): at once on open and when a setting they follow changes, once typing pauses
 * on edits, and dropped on close. A pass runs in slices of {@link CHECKSUM_SLICE_MS} (a small
 * file in one), and is given up when the text changes under it. The last pass of each document is
 * kept by version, so the quick fixes read it (or wait for the one under way) instead of scanning
 * again.
 */
export class ChecksumDiagnostics implements vscode.Disposable {
  readonly #collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  /** Each open document's checksums, so a pass after an edit hashes only new addresses. */
  readonly #memos = new Map<string, ChecksumMemo>();
  readonly #pending = new Map<string, ReturnType<typeof setTimeout>>();
  readonly #passes = new Map<string, { readonly version: number; readonly problems: readonly ChecksumProblem[] }>();
  readonly #running = new Map<string, Running>();
  readonly #listeners: vscode.Disposable[];

  readonly #selector: vscode.DocumentSelector;
  readonly #settings: Pick<SettingsEvents, 'onDidChange' | 'diagnostics' | 'hover'>;
  readonly #nextSlice: (slice: () => void) => void;

  /** `nextSlice` runs a pass's next slice: after whatever else waits, unless a test holds it. */
  constructor(
    selector: vscode.DocumentSelector,
    settings: Pick<SettingsEvents, 'onDidChange' | 'diagnostics' | 'hover'>,
    nextSlice: (slice: () => void) => void = setImmediate,
  ) {
    this.#selector = selector;
    this.#settings = settings;
    this.#nextSlice = nextSlice;
    this.#listeners = [
      vscode.workspace.onDidOpenTextDocument((document) => this.#update(document)),
      vscode.workspace.onDidChangeTextDocument((event) => event.contentChanges.length > 0 && this.#schedule(event.document)),
      vscode.workspace.onDidCloseTextDocument((document) => this.#forget(document.uri)),
      settings.onDidChange((change) => change.diagnostics && this.#updateAll()),
    ];
    this.#updateAll();
  }

  /**
   * The document's problems as of its current text: the last pass when nothing changed since, else
   * the pass under way or a new one. Undefined when the text changed before the pass was done.
   */
  problemsOf(document: vscode.TextDocument): Promise<readonly ChecksumProblem[] | undefined> {
    const key = document.uri.toString();
    const last = this.#passes.get(key);
    if (last?.version === document.version) {
      return Promise.resolve(last.problems);
    }
    const running = this.#running.get(key);
    return running?.version === document.version ? running.problems : this.#start(document, key);
  }

  #updateAll(): void {
    this.#passes.clear();
    // Passes under way read the old settings: each gives up at its next slice.
    this.#running.clear();
    for (const document of vscode.workspace.textDocuments) {
      this.#update(document);
    }
  }

  #schedule(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.#pending.get(key));
    this.#pending.set(
      key,
      setTimeout(() => {
        this.#pending.delete(key);
        this.#update(document);
      }, DIAGNOSTICS_DEBOUNCE_MS),
    );
  }

  #update(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.#pending.get(key));
    this.#pending.delete(key);
    // Output channels, diff views and the like are not the editor features' to mark.
    if (!document.isClosed && vscode.languages.match(this.#selector, document) > 0) {
      void this.problemsOf(document).then((problems) => problems && !document.isClosed && this.#collection.set(document.uri, diagnosticsOf(problems)));
    }
  }

  /** A pass over the document's current text, its first slice at once; the next ones after whatever else waits. */
  #start(document: vscode.TextDocument, key: string): Promise<readonly ChecksumProblem[] | undefined> {
    const { version } = document;
    const pass = this.#passOver(document, key);
    let settle!: (problems: readonly ChecksumProblem[] | undefined) => void;
    const entry: Running = { version, problems: new Promise((resolve) => (settle = resolve)) };
    this.#running.set(key, entry);
    const slice = () => {
      // Given up: the settings changed, the document closed, or its text changed (an edit schedules the next pass).
      if (this.#running.get(key) !== entry || document.isClosed || document.version !== version) {
        if (this.#running.get(key) === entry) {
          this.#running.delete(key);
        }
        settle(undefined);
      } else if (pass && !pass.scanUntil(performance.now() + CHECKSUM_SLICE_MS)) {
        this.#nextSlice(slice);
      } else {
        this.#running.delete(key);
        const problems = pass?.problems ?? [];
        this.#passes.set(key, { version, problems });
        settle(problems);
      }
    };
    slice();
    return entry.problems;
  }

  /** A pass for the document, or undefined when it is not checked (the setting off, or the hover's guards). */
  #passOver(document: vscode.TextDocument, key: string): ChecksumPass | undefined {
    const settings = this.#settings.diagnostics();
    // The hover's guards: the same documents, the same languages, the same long-line limit (in the scan).
    if (!settings.checksum || document.isClosed || vscode.languages.match(this.#selector, document) === 0 || !inAddressLanguages(document.languageId, this.#settings.hover())) {
      return undefined;
    }
    let memo = this.#memos.get(key);
    if (!memo) {
      memo = new ChecksumMemo();
      this.#memos.set(key, memo);
    }
    return new ChecksumPass(document.getText(), { lowerCase: settings.lowerCase }, memo);
  }

  /** Whether one of this collection's warnings covers the position: the editor's hover shows it there. */
  warnsAt(uri: vscode.Uri, position: vscode.Position): boolean {
    return this.#collection.get(uri)?.some((diagnostic) => diagnostic.range.contains(position)) ?? false;
  }

  #forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.#pending.get(key));
    this.#pending.delete(key);
    this.#passes.delete(key);
    this.#running.delete(key);
    this.#memos.delete(key);
    this.#collection.delete(uri);
  }

  dispose(): void {
    for (const timer of this.#pending.values()) {
      clearTimeout(timer);
    }
    this.#pending.clear();
    this.#running.clear();
    vscode.Disposable.from(...this.#listeners, this.#collection).dispose();
  }
}

/** Where a problem is, as a range of the document. */
export function rangeOf(problem: ChecksumProblem): vscode.Range {
  return new vscode.Range(problem.line, problem.start, problem.line, problem.end);
}

/** A diagnostic per problem listed (see problemListing), and one that says how many are left out. */
function diagnosticsOf(problems: readonly ChecksumProblem[]): vscode.Diagnostic[] {
  const { listed, leftOut } = problemListing(problems);
  const diagnostics = listed.map(toDiagnostic);
  if (leftOut) {
    diagnostics.push(diagnostic(leftOut.at, leftOut.message, vscode.DiagnosticSeverity.Information));
  }
  return diagnostics;
}

function toDiagnostic(problem: ChecksumProblem): vscode.Diagnostic {
  return diagnostic(problem, checksumProblemMessage(problem), problem.kind === 'mismatch' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information);
}

function diagnostic(problem: ChecksumProblem, message: string, severity: vscode.DiagnosticSeverity): vscode.Diagnostic {
  const made = new vscode.Diagnostic(rangeOf(problem), message, severity);
  made.source = DIAGNOSTIC_SOURCE;
  made.code = { value: 'EIP-55', target: EIP_55 };
  return made;
}
