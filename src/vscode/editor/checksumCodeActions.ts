import * as vscode from 'vscode';
import { ChecksumProblem } from '../../core/model/addressChecksum';
import { ChecksumDiagnostics, DIAGNOSTIC_SOURCE, rangeOf } from './checksumDiagnostics';

/**
 * The quick fixes of a checksum diagnostic: the checksummed form (preferred) or lower case, and,
 * when the file has several, all of them checksummed at once. Fix-all is a quick fix and not a
 * `source.fixAll` action on purpose: checksumming an address whose checksum failed hides what may
 * be a typo, so it is never applied on save without someone choosing it.
 */
export class ChecksumCodeActionProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly diagnostics: Pick<ChecksumDiagnostics, 'problemsOf'>) {}

  async provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext, token: vscode.CancellationToken): Promise<vscode.CodeAction[]> {
    if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix)) {
      return [];
    }
    // From the current text (the last pass when it is current), not from the diagnostics' ranges,
    // which may be a keystroke behind. A text changed since the question has no answer: VS Code asks again.
    const problems = await this.diagnostics.problemsOf(document);
    if (!problems || token.isCancellationRequested) {
      return [];
    }
    const here = problems.filter((problem) => rangeOf(problem).intersection(range) !== undefined);
    if (here.length === 0) {
      return [];
    }
    const actions: vscode.CodeAction[] = [];
    for (const problem of here) {
      const diagnostics = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && d.range.isEqual(rangeOf(problem)));
      actions.push(fix(document, [problem], vscode.l10n.t('Use the checksummed form'), 'checksummed', diagnostics, true));
      if (problem.kind === 'mismatch') {
        actions.push(fix(document, [problem], vscode.l10n.t('Use lower case'), 'lowerCase', diagnostics, false));
      }
    }
    if (problems.length > 1) {
      const all = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
      actions.push(fix(document, problems, vscode.l10n.t('Fix all in file: use the checksummed form of {0} addresses', problems.length), 'checksummed', all, false));
    }
    return actions;
  }
}

function fix(document: vscode.TextDocument, problems: readonly ChecksumProblem[], title: string, form: 'checksummed' | 'lowerCase', diagnostics: vscode.Diagnostic[], preferred: boolean): vscode.CodeAction {
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  action.edit = new vscode.WorkspaceEdit();
  for (const problem of problems) {
    action.edit.replace(document.uri, rangeOf(problem), problem[form]);
  }
  action.diagnostics = diagnostics;
  action.isPreferred = preferred;
  return action;
}
