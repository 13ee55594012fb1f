import * as vscode from 'vscode';
import { DEMO_CREDENTIALS } from '../simulator/demoData';

/**
 * Inside the benchmark's extension host: the extension pointed at the simulator at `url` (the
 * user's own settings, as a person would set them), with `settings` besides, and the demo's
 * credentials stored. Returns the `plyr` configuration for further changes.
 */
export async function useSimulator(url: string, settings: Record<string, unknown> = {}): Promise<vscode.WorkspaceConfiguration> {
  const config = vscode.workspace.getConfiguration('plyr');
  for (const [key, value] of Object.entries({ network: 'custom', customBaseUrl: url, ...settings })) {
    await config.update(key, value, vscode.ConfigurationTarget.Global);
  }
  await vscode.commands.executeCommand('plyr.setCredentials', { apiKey: DEMO_CREDENTIALS.apiKey, secretKey: DEMO_CREDENTIALS.secretKey });
  return config;
}
