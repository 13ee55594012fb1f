import * as vscode from 'vscode';
import { ChecksumMemo, ChecksumProblem, checksumProblemsIn } from '../../core/model/addressChecksum';
import { checksumProblemMessage } from '../../core/content/checksumContent';
import { inAddressLanguages, SettingsEvents } from '../settings';

/** The Problems panel's name for where these come from. */
export const DIAGNOSTIC_SOURCE = 'PLYR';
/** After the last keystroke: a pass per pause in typing, not per character. */
export const DIAGNOSTICS_DEBOUNCE_MS = 300;
const EIP_55 = vscode.Uri.parse('https://eips.ethereum.org/EIPS/eip-55');

/**
 * Checksum diagnostics for every open document the editor features work in, worked out locally
 * (never the network): at once on open and when a setting they follow changes, once typing pauses
 * on edits, and dropped on close. The last pass of each document is kept by version, so the quick
 * fixes read it instead of scanning again.
 */
export class ChecksumDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  /** Each open document's checksums, so a pass after an edit hashes only new addresses. */
  private readonly memos = new Map<string, ChecksumMemo>();
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly passes = new Map<string, { readonly version: number; readonly problems: readonly ChecksumProblem[] }>();
  private readonly listeners: vscode.Disposable[];

  constructor(
    private readonly selector: vscode.DocumentSelector,
    private readonly settings: Pick<SettingsEvents, 'onDidChange' | 'diagnostics' | 'hover'>,
  ) {
    this.listeners = [
      vscode.workspace.onDidOpenTextDocument((document) => this.update(document)),
      vscode.workspace.onDidChangeTextDocument((event) => event.contentChanges.length > 0 && this.schedule(event.document)),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri)),
      settings.onDidChange((change) => change.diagnostics && this.updateAll()),
    ];
    this.updateAll();
  }

  /** The document's problems as of its current text, from the last pass when nothing changed since. */
  problemsOf(document: vscode.TextDocument): readonly ChecksumProblem[] {
    const key = document.uri.toString();
    const last = this.passes.get(key);
    if (last?.version === document.version) {
      return last.problems;
    }
    const problems = this.scan(document, key);
    if (!document.isClosed) {
      this.passes.set(key, { version: document.version, problems });
    }
    return problems;
  }

  private updateAll(): void {
    this.passes.clear();
    for (const document of vscode.workspace.textDocuments) {
      this.update(document);
    }
  }

  private schedule(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.set(
      key,
      setTimeout(() => {
        this.pending.delete(key);
        this.update(document);
      }, DIAGNOSTICS_DEBOUNCE_MS),
    );
  }

  private update(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.delete(key);
    // Output channels, diff views and the like are not the editor features' to mark.
    if (!document.isClosed && vscode.languages.match(this.selector, document) > 0) {
      this.collection.set(document.uri, this.problemsOf(document).map(toDiagnostic));
    }
  }

  private scan(document: vscode.TextDocument, key: string): readonly ChecksumProblem[] {
    const settings = this.settings.diagnostics();
    // The hover's guards: the same documents, the same languages, the same long-line limit (in the scan).
    if (!settings.checksum || document.isClosed || vscode.languages.match(this.selector, document) === 0 || !inAddressLanguages(document.languageId, this.settings.hover())) {
      return [];
    }
    let memo = this.memos.get(key);
    if (!memo) {
      memo = new ChecksumMemo();
      this.memos.set(key, memo);
    }
    return checksumProblemsIn(document.getText(), { lowerCase: settings.lowerCase }, memo);
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.delete(key);
    this.passes.delete(key);
    this.memos.delete(key);
    this.collection.delete(uri);
  }

  dispose(): void {
    for (const timer of this.pending.values()) {
      clearTimeout(timer);
    }
    this.pending.clear();
    vscode.Disposable.from(...this.listeners, this.collection).dispose();
  }
}

/** Where a problem is, as a range of the document. */
export function rangeOf(problem: ChecksumProblem): vscode.Range {
  return new vscode.Range(problem.line, problem.start, problem.line, problem.end);
}

function toDiagnostic(problem: ChecksumProblem): vscode.Diagnostic {
  const severity = problem.kind === 'mismatch' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information;
  const diagnostic = new vscode.Diagnostic(rangeOf(problem), checksumProblemMessage(problem), severity);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = { value: 'EIP-55', target: EIP_55 };
  return diagnostic;
}
