import * as vscode from 'vscode';
import { COMMANDS } from '../ids';
import { Services } from '../services';
import { registerCommand } from './register';

/** PLYR: Show Log. */
export function registerShowLog(services: Pick<Services, 'logger' | 'log'>): vscode.Disposable {
  return registerCommand(services, COMMANDS.showLog, () => services.log.show());
}
