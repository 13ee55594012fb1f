import { DEMO_CREDENTIALS } from '../../simulator/demoData';
import { PSEUDO_LOCALE } from './pseudoLocale';

/** One start of VS Code for the integration suites: what it runs, in which profile, in which language. */
export interface SuiteSession {
  /** Sessions that share a profile run in it one after the other (a restart): the same folder, the same port. */
  readonly profile: 'main' | 'restart' | 'env' | 'pseudo';
  readonly env: Record<string, string>;
  readonly locale?: string;
}

/**
 * The sessions every runner starts (code-server's and @vscode/test-electron's), in order: every
 * suite; the restart check, which tracks identifiers and reads them back after VS Code restarts
 * on the same profile (the simulator on the same port: remembered balances are kept per API root);
 * credentials from the environment; VS Code in its pseudo-language, where no English may be left.
 * `selected` (PLYR_TEST_FILES) keeps the sessions of the suites it names.
 */
/** The suites that run in a session of their own, never in the main one. */
export const OWN_SESSION_SUITES: readonly string[] = ['persistence', 'envCredentials', 'pseudoLocale'];

export function suiteSessions(simulatorPort: string, selected?: readonly string[]): SuiteSession[] {
  const separate: (SuiteSession & { readonly suite: string })[] = [
    { suite: 'persistence', profile: 'restart', env: { PLYR_TEST_FILES: 'persistence', PLYR_TEST_PHASE: 'before-restart', PLYR_TEST_SIM_PORT: simulatorPort } },
    { suite: 'persistence', profile: 'restart', env: { PLYR_TEST_FILES: 'persistence', PLYR_TEST_PHASE: 'after-restart', PLYR_TEST_SIM_PORT: simulatorPort } },
    { suite: 'envCredentials', profile: 'env', env: { PLYR_TEST_FILES: 'envCredentials', PLYR_API_KEY: DEMO_CREDENTIALS.apiKey, PLYR_SECRET_KEY: DEMO_CREDENTIALS.secretKey } },
    { suite: 'pseudoLocale', profile: 'pseudo', env: { PLYR_TEST_FILES: 'pseudoLocale' }, locale: PSEUDO_LOCALE },
  ];
  const main = selected?.filter((suite) => !OWN_SESSION_SUITES.includes(suite));
  return [
    ...(!selected || main!.length > 0 ? [{ profile: 'main' as const, env: main ? { PLYR_TEST_FILES: main.join(',') } : {} }] : []),
    ...separate.filter((s) => !selected || selected.includes(s.suite)).map(({ profile, env, locale }) => ({ profile, env, ...(locale ? { locale } : {}) })),
  ];
}
