import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './codeServer';

/** VS Code's pseudo-language: every letter of a translated message is swapped for an accented one. */
export const PSEUDO_LOCALE = 'qps-ploc';

/**
 * Adds the pseudo-localised bundle (`bundle.l10n.qps-ploc.json`, made by @vscode/l10n-dev's
 * generate-pseudo from the committed English bundle) to an extension folder. Only the runtime
 * strings: the manifest's (package.nls.json) stay English, so the palette finds commands by their
 * titles. The bundle is made for the run and never packaged.
 */
export function addPseudoBundle(extensionDir: string): void {
  const bundle = path.join(extensionDir, 'l10n', 'bundle.l10n.json');
  if (!fs.existsSync(bundle)) {
    throw new Error(`No l10n bundle at ${bundle}: the manifest's "l10n" folder must hold bundle.l10n.json`);
  }
  execFileSync(path.join(ROOT, 'node_modules', '.bin', 'vscode-l10n-dev'), ['generate-pseudo', '--language', PSEUDO_LOCALE, bundle], { stdio: 'pipe' });
}

/** A copy of the development folder's runtime files (as the .vsix holds them) with the pseudo bundle added. */
export function pseudoLocalisedCopy(target: string): string {
  for (const entry of ['package.json', 'package.nls.json', 'dist', 'media', 'schemas', 'l10n']) {
    fs.cpSync(path.join(ROOT, entry), path.join(target, entry), { recursive: true });
  }
  addPseudoBundle(target);
  return target;
}

/**
 * VS Code shows a display language only when a language pack for it is known; without one,
 * `--locale qps-ploc` falls back to English and no extension bundle loads. This registers a pack
 * for the pseudo-language with no translations of its own in the profile's `languagepacks.json`
 * (where VS Code 1.90 lists installed packs), so VS Code's own text stays English (the palette
 * finds commands by their English titles) while extensions run in `qps-ploc`.
 */
export function registerPseudoLanguagePack(userDataDir: string): void {
  const translations = path.join(userDataDir, 'pseudo-language-pack', 'main.i18n.json');
  fs.mkdirSync(path.dirname(translations), { recursive: true });
  fs.writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  const pack = { hash: 'plyr-pseudo-1', label: 'Pseudo', extensions: [{ extensionIdentifier: { id: 'plyr-tests.pseudo-language-pack' }, version: '0.0.1' }], translations: { vscode: translations } };
  fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify({ [PSEUDO_LOCALE]: pack }, null, 2));
}
