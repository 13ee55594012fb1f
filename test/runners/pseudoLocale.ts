import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './codeServer';

/** VS Code's pseudo-language: every letter of a translated message is swapped for an accented one. */
export const PSEUDO_LOCALE = 'qps-ploc';

/**
 * Adds the pseudo-localised bundle (`bundle.l10n.qps-ploc.json`, made by @vscode/l10n-dev's
 * generate-pseudo from the committed English bundle, which the package does not hold) to an
 * extension folder. Only the runtime strings: the manifest's (package.nls.json) stay English, so
 * the palette finds commands by their titles. The bundle is made for the run and never packaged.
 */
export function addPseudoBundle(extensionDir: string): void {
  const english = path.join(extensionDir, 'l10n', 'bundle.l10n.json');
  fs.mkdirSync(path.dirname(english), { recursive: true });
  // generate-pseudo writes beside its input: a copy, removed after, leaves the folder as packaged.
  fs.copyFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.json'), english);
  try {
    execFileSync(path.join(ROOT, 'node_modules', '.bin', 'vscode-l10n-dev'), ['generate-pseudo', '--language', PSEUDO_LOCALE, english], { stdio: 'pipe' });
  } finally {
    fs.rmSync(english);
  }
}

/** A copy of the development folder's runtime files (as the .vsix holds them) with the pseudo bundle added. */
export function pseudoLocalisedCopy(target: string): string {
  for (const entry of ['package.json', 'package.nls.json', 'dist', 'media', 'schemas']) {
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
