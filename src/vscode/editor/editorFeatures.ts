import * as vscode from 'vscode';
import { AccountLookup } from '../../core/store/accountLookup';
import { CONTEXT_KEYS, EDITOR_SCHEMES } from '../ids';
import { SettingsEvents } from '../settings';
import { AddressHoverProvider, HoverServices } from './addressHoverProvider';
import { CheckBalanceCodeActionProvider } from './checkBalanceCodeAction';
import { ChecksumCodeActionProvider } from './checksumCodeActions';
import { ChecksumDiagnostics } from './checksumDiagnostics';
import { AddressInlayHintsProvider, InlayHintServices } from './inlayHintsProvider';
import { inlayHintUpdates } from './inlayHintUpdates';

/** Text documents the editor features work in (not `git:` diffs or `output:`, whose addresses would be checked and looked up again). */
const DOCUMENTS: vscode.DocumentSelector = EDITOR_SCHEMES.map((scheme) => ({ scheme }));

/** What the editor features read, and what tells the inlay hints to update. */
export interface EditorFeatureServices extends HoverServices, Omit<InlayHintServices, 'accounts' | 'serverPending'> {
  readonly settings: Pick<SettingsEvents, 'onDidChange' | 'clientConfig' | 'hover' | 'inlayHints' | 'inlayHintMaximumLength' | 'view' | 'diagnostics'>;
  readonly store: HoverServices['store'] & InlayHintServices['store'] & { readonly onDidChange: vscode.Event<string[]> };
  readonly credentials: HoverServices['credentials'] & { readonly onDidChange: vscode.Event<void> };
  readonly tracked: HoverServices['tracked'] & { readonly onDidChange: vscode.Event<void> };
  readonly watched: InlayHintServices['watched'] & { readonly onDidChange: vscode.Event<void> };
  readonly privacy: HoverServices['privacy'] & { readonly onDidChange: vscode.Event<boolean> };
  readonly values: HoverServices['values'] & InlayHintServices['values'] & { readonly onDidChange: vscode.Event<void> };
}

/** The workspace's server waiting for the user's yes (state/serverTrust.ts). */
export interface ServerGate {
  pending(): string | undefined;
  readonly onDidAllow: vscode.Event<void>;
}

/**
 * The address hover, the inlay hints after addresses, the light-bulb action, and the checksum
 * diagnostics with their quick fixes; their commands live in commands/editor.ts.
 */
export function registerEditorFeatures(services: EditorFeatureServices, accounts: AccountLookup, server: ServerGate): vscode.Disposable[] {
  const checksums = new ChecksumDiagnostics(DOCUMENTS, services.settings);
  return [
    vscode.languages.registerHoverProvider(DOCUMENTS, new AddressHoverProvider(services, accounts, checksums)),
    ...registerInlayHints(services, accounts, server),
    vscode.languages.registerCodeActionsProvider(DOCUMENTS, new CheckBalanceCodeActionProvider(services.settings), { providedCodeActionKinds: CheckBalanceCodeActionProvider.kinds }),
    checksums,
    vscode.languages.registerCodeActionsProvider(DOCUMENTS, new ChecksumCodeActionProvider(checksums), { providedCodeActionKinds: ChecksumCodeActionProvider.kinds }),
    addressLanguagesContext(services.settings),
  ];
}

/** The editor's context menu offers Check Balance in the languages the hover and light bulb work in (the manifest's `when`). */
function addressLanguagesContext(settings: EditorFeatureServices['settings']): vscode.Disposable {
  const update = () => {
    const { languages } = settings.hover();
    void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.addressLanguages, languages);
    void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.someLanguagesOnly, languages.length > 0);
  };
  update();
  // `diagnostics` is the change of plyr.hover.languages too.
  return settings.onDidChange((change) => change.diagnostics && update());
}

/** The hints after addresses, and what re-asks the editor for them. */
function registerInlayHints(services: EditorFeatureServices, accounts: AccountLookup, server: ServerGate): vscode.Disposable[] {
  const changed = new vscode.EventEmitter<void>();
  const provider = new AddressInlayHintsProvider({ ...services, accounts, serverPending: () => server.pending() !== undefined }, changed.event);
  const { settings, privacy, tracked, watched, credentials, values, store } = services;
  const logTokenProblem = () => {
    const problem = settings.inlayHints().tokenProblem;
    if (problem) {
      services.logger.warn(`plyr.inlayHints.token: ${problem} The hints show PLYR.`);
    }
  };
  logTokenProblem();
  const updates = inlayHintUpdates(
    provider,
    { settingsChanged: settings.onDidChange, changed: [privacy.onDidChange, tracked.onDidChange, watched.onDidChange, credentials.onDidChange, server.onDidAllow, values.onDidChange], storeChanged: store.onDidChange },
    () => changed.fire(),
  );
  return [changed, updates, settings.onDidChange((change) => change.inlayHints && logTokenProblem()), vscode.languages.registerInlayHintsProvider(DOCUMENTS, provider)];
}
