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

  /**
   * Fix all's document, for its edit made when it is chosen (resolveCodeAction): VS Code sends an
   * action's edit to the window with the action, and a file of 100,000 addresses would send 20 MB
   * at every move of the caret onto one.
   */
  readonly #fixAllOf = new WeakMap<vscode.CodeAction, vscode.TextDocument>();

  readonly #diagnostics: Pick<ChecksumDiagnostics, 'problemsOf'>;

  constructor(diagnostics: Pick<ChecksumDiagnostics, 'problemsOf'>) {
    this.#diagnostics = diagnostics;
  }

  async provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext, token: vscode.CancellationToken): Promise<vscode.CodeAction[]> {
    if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix)) {
      return [];
    }
    // From the current text (the last pass when it is current), not from the diagnostics' ranges,
    // which may be a keystroke behind. A text changed since the question has no answer: VS Code asks again.
    const problems = await this.#diagnostics.problemsOf(document);
    if (!problems || token.isCancellationRequested) {
      return [];
    }
    const here = problems.filter((problem) => touches(problem, range));
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
      const fixAll = new vscode.CodeAction(vscode.l10n.t('Fix all in file: use the checksummed form of {0} addresses', problems.length), vscode.CodeActionKind.QuickFix);
      fixAll.diagnostics = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
      fixAll.isPreferred = false;
      this.#fixAllOf.set(fixAll, document);
      actions.push(fixAll);
    }
    return actions;
  }

  /** Fix all's edit, from the text as it is when chosen (a text changed since is fixed as it is now). */
  async resolveCodeAction(action: vscode.CodeAction, token: vscode.CancellationToken): Promise<vscode.CodeAction> {
    const document = this.#fixAllOf.get(action);
    const problems = document && (await this.#diagnostics.problemsOf(document));
    if (document && problems && !token.isCancellationRequested) {
      action.edit = editOf(document, problems, 'checksummed');
    }
    return action;
  }
}

function fix(document: vscode.TextDocument, problems: readonly ChecksumProblem[], title: string, form: 'checksummed' | 'lowerCase', diagnostics: vscode.Diagnostic[], preferred: boolean): vscode.CodeAction {
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  action.edit = editOf(document, problems, form);
  action.diagnostics = diagnostics;
  action.isPreferred = preferred;
  return action;
}

function editOf(document: vscode.TextDocument, problems: readonly ChecksumProblem[], form: 'checksummed' | 'lowerCase'): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const problem of problems) {
    edit.replace(document.uri, rangeOf(problem), problem[form]);
  }
  return edit;
}

/** Whether the problem meets the range, ends included (as Range.intersection), without a Range per problem. */
function touches(problem: ChecksumProblem, range: vscode.Range): boolean {
  const { start, end } = range;
  const startsBy = start.line < problem.line || (start.line === problem.line && start.character <= problem.end);
  const endsAfter = end.line > problem.line || (end.line === problem.line && end.character >= problem.start);
  return startsBy && endsAfter;
}
