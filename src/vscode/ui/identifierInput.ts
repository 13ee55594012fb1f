import * as vscode from 'vscode';
import { identifierWarning, parseIdentifier, ParseResult } from '../../core/model/identifier';

/**
 * An input box's check of a typed identifier: `check`'s refusal as an error; for a valid one, a
 * probable typo (mixed case with a failing checksum, or a PLYR ID that looks like a mistyped
 * address) as a warning that still lets the user go on.
 */
export function validateIdentifierInput(value: string, check: (value: string) => ParseResult<unknown> = parseIdentifier): string | vscode.InputBoxValidationMessage | undefined {
  if (value.trim() === '') {
    return undefined;
  }
  const checked = check(value);
  if (!checked.ok) {
    return checked.message;
  }
  const parsed = parseIdentifier(value);
  const warning = parsed.ok ? identifierWarning(parsed.value) : undefined;
  return warning === undefined ? undefined : { message: warning, severity: vscode.InputBoxValidationSeverity.Warning };
}

export interface CheckedInputOptions {
  readonly title: string;
  readonly prompt: string;
  readonly placeHolder?: string;
  readonly value?: string;
  /** A later step of several: a Back button (VS Code's own) resolves with BACK. */
  readonly back?: boolean;
  /** Told each edit: what a step left by Back had typed, for when it is shown again. */
  readonly typed?: (value: string) => void;
  /** Shown at first in place of `validate`'s word, until the text is edited: why the last try failed. Enter tries again. */
  readonly failure?: string;
  readonly validate: (value: string) => string | vscode.InputBoxValidationMessage | undefined;
}

/** What a step's Back button resolves with. */
export const BACK = Symbol('back');

/**
 * An input box like showInputBox with `validateInput`, whose check shows from the start: VS Code
 * (1.90) runs showInputBox's check on its initial value but shows the message only after an
 * edit, so a box that opens with a mistyped address would hide its checksum warning. Resolves
 * with the text accepted (never one with an error), BACK when its Back button is pressed, or
 * undefined when the box is dismissed.
 */
export function askCheckedText(options: CheckedInputOptions & { readonly back: true }): Promise<string | typeof BACK | undefined>;
export function askCheckedText(options: CheckedInputOptions): Promise<string | undefined>;
export function askCheckedText(options: CheckedInputOptions): Promise<string | typeof BACK | undefined> {
  const box = vscode.window.createInputBox();
  box.title = options.title;
  // VS Code adds "(Press 'Enter' to confirm or 'Escape' to cancel)" to a created box's prompt too.
  box.prompt = options.prompt;
  box.placeholder = options.placeHolder;
  box.value = options.value ?? '';
  box.ignoreFocusOut = true;
  box.buttons = options.back ? [vscode.QuickInputButtons.Back] : [];
  const check = (value: string) => (box.validationMessage = options.validate(value));
  if (options.failure === undefined) {
    check(box.value);
  } else {
    box.validationMessage = options.failure;
  }
  return new Promise<string | typeof BACK | undefined>((resolve) => {
    const listeners = [
      box.onDidChangeValue((value) => (check(value), options.typed?.(value))),
      box.onDidTriggerButton((button) => {
        if (button === vscode.QuickInputButtons.Back) {
          resolve(BACK);
          box.hide();
        }
      }),
      box.onDidAccept(() => {
        const message = options.validate(box.value);
        // An error holds the box open, as showInputBox does; a warning lets the user go on.
        if (typeof message === 'string' || message?.severity === vscode.InputBoxValidationSeverity.Error) {
          box.validationMessage = message;
          return;
        }
        resolve(box.value);
        box.hide();
      }),
      box.onDidHide(() => {
        resolve(undefined);
        listeners.forEach((l) => l.dispose());
        box.dispose();
      }),
    ];
    box.show();
  });
}
