import * as vscode from 'vscode';
import { DoctorCheck, DoctorCheckId, DoctorFix, DoctorProbe, detailLine, runDoctor } from '../../core/content/doctor';
import { apiRoot } from '../../core/api/networks';
import { COMMANDS } from '../ids';
import { actionLabel } from '../ui/errorPresenter';
import { runFix } from '../ui/fixes';
import { Services } from '../services';
import { networkName, readClientConfig } from '../settings';
import { registerCommand } from './register';

/** A PLYR ID for the signed check when none is tracked: "no account" still proves the signature. */
const PROBE_PLYR_ID = 'connection-test';
/** "Wait a little" when the server named no time: as long as a first retry waits. */
const RATE_LIMIT_WAIT_MS = 5_000;
/** The longest wait a rate limit's gate holds requests for (core/api/ratePacer.ts): no longer here either. */
const MAX_RATE_LIMIT_WAIT_MS = 10 * 60_000;

// Looked up when shown: the translation may not be loaded at import time.
const title = (check: DoctorCheckId): string =>
  ({
    network: vscode.l10n.t('Network and server'),
    server: vscode.l10n.t('Server reachable'),
    credentials: vscode.l10n.t('API credentials'),
    clock: vscode.l10n.t('Clock'),
    signedCall: vscode.l10n.t('Signed request'),
    rateLimit: vscode.l10n.t('Rate limit'),
  })[check];

/**
 * PLYR: Test Connection. Runs the doctor's checks with progress, lists them (each failure with
 * its fix), and returns them as data for automation: `[{ check, ok, detail }]`, never a secret.
 */
export function registerTestConnection(services: Pick<Services, 'client' | 'credentials' | 'tracked' | 'logger' | 'log'>): vscode.Disposable {
  return registerCommand(services, COMMANDS.testConnection, async (): Promise<DoctorCheck[]> => {
    const checks = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Testing the connection to the PLYR API…'), cancellable: true },
      async (_, token) => {
        const abort = new AbortController();
        const cancelled = token.onCancellationRequested(() => abort.abort());
        try {
          return await runDoctor(probe(services), abort.signal);
        } finally {
          cancelled.dispose();
        }
      },
    );
    services.logger.info(`Test Connection: ${checks.map((c) => `${c.check} ${state(c)}`).join(', ')}`);
    // The list shows each detail's first sentence (a quick pick's detail is one line): the log has all of it.
    for (const c of checks) {
      services.logger.info(`Test Connection: ${c.check} ${state(c)}: ${c.detail}`);
    }
    void showChecks(checks, services).catch((error: unknown) => services.logger.warn(`Test Connection's fix failed: ${String(error)}`));
    return checks;
  });
}

const state = (c: DoctorCheck): string => (c.ok ? (c.warning ? 'warning' : 'ok') : 'failed');

function probe(services: Pick<Services, 'client' | 'credentials' | 'tracked'>): DoctorProbe {
  return {
    target: () => {
      const config = readClientConfig();
      const root = apiRoot(config.network, config.customBaseUrl);
      // The detail gives the URL itself: "custom network at 'http://…'", not the URL twice.
      return root.ok ? { ok: true, network: networkName(config.network), url: root.url.href } : { ok: false, message: root.message };
    },
    reachServer: (signal) => services.client.probeServer(signal),
    // Asked for by a person: a keyring that could not be read is read again now.
    credentialSource: async () => {
      const credentials = await services.credentials.readAgain();
      return credentials && services.credentials.sourceOf(credentials);
    },
    signedCall: (signal) => services.client.probeSignedCall(services.tracked.all.find((t) => t.kind === 'plyrId')?.id ?? PROBE_PLYR_ID, signal),
    pacing: () => services.client.pacing(),
    now: Date.now,
  };
}

interface CheckItem extends vscode.QuickPickItem {
  readonly fix?: DoctorFix;
}

async function showChecks(checks: readonly DoctorCheck[], services: Pick<Services, 'log'>): Promise<void> {
  const failed = checks.filter((c) => !c.ok).length;
  const items: CheckItem[] = checks.map((c) => ({
    label: `${c.ok ? (c.warning ? '$(warning)' : '$(pass)') : '$(error)'} ${title(c.check)}`,
    detail: detailLine(c.detail),
    ...(c.fix ? { description: fixLabel(c.fix), fix: c.fix } : {}),
  }));
  if (checks.some((c) => detailLine(c.detail) !== c.detail)) {
    // A row whose detail was shortened has its fix to run when picked: this one opens the rest.
    items.push({ label: `$(output) ${actionLabel('showLog')}`, detail: vscode.l10n.t('The full text of each check') });
  }
  const choice = await vscode.window.showQuickPick(items, {
    title: failed === 0 ? vscode.l10n.t('PLYR: Test Connection: all checks passed') : vscode.l10n.t('PLYR: Test Connection: {0} of {1} checks failed', failed, checks.length),
    placeHolder: items.some((item) => item.fix) ? vscode.l10n.t('Pick a check to run its fix') : failed === 0
        ? vscode.l10n.t('Nothing to fix: Escape closes the list')
        : vscode.l10n.t('No fix to run from here: the details say what failed. Escape closes the list'),
  });
  if (!choice) {
    return; // dismissed
  }
  switch (choice.fix) {
    case 'setCredentials':
    case 'readCredentialsAgain':
    case 'openSettings':
    case 'allowServer':
      await runFix(choice.fix);
      return;
    case 'fixClock':
      void vscode.window.showInformationMessage(vscode.l10n.t("Set your computer's clock to the network time (on most systems: date and time settings, set automatically)."));
      return;
    case 'waitForRateLimit':
      await waitThenTestAgain(Math.min(Math.max(0, ...checks.map((c) => c.waitMs ?? 0)) || RATE_LIMIT_WAIT_MS, MAX_RATE_LIMIT_WAIT_MS));
      return;
    default:
      services.log.show(true); // a check without a fix: its details are in the log
  }
}

/** Waits out the server's rate limit with a countdown (cancellable), then runs Test Connection again. */
async function waitThenTestAgain(waitMs: number): Promise<void> {
  const waited = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t("Waiting for the PLYR API's rate limit…"), cancellable: true },
    (progress, token) =>
      new Promise<boolean>((resolve) => {
        const until = Date.now() + waitMs;
        const tick = () => progress.report({ message: vscode.l10n.t('{0} s, then Test Connection runs again', Math.ceil((until - Date.now()) / 1000)) });
        tick();
        const timer = setInterval(tick, 1000);
        const done = setTimeout(() => finish(true), waitMs);
        const cancelled = token.onCancellationRequested(() => finish(false));
        function finish(ok: boolean) {
          clearInterval(timer);
          clearTimeout(done);
          cancelled.dispose();
          resolve(ok);
        }
      }),
  );
  if (waited) {
    await vscode.commands.executeCommand(COMMANDS.testConnection);
  }
}

function fixLabel(fix: DoctorFix): string {
  switch (fix) {
    case 'setCredentials':
    case 'readCredentialsAgain':
    case 'openSettings':
    case 'allowServer':
      return vscode.l10n.t('Fix: {0}', actionLabel(fix));
    case 'fixClock':
      return vscode.l10n.t('Fix: correct your clock');
    case 'waitForRateLimit':
      return vscode.l10n.t('Wait, then test again');
  }
}
