/** Every id the manifest and the code share, declared once (a unit test checks the manifest). */
export const COMMANDS = {
  checkBalance: 'plyr.checkBalance',
  setCredentials: 'plyr.setCredentials',
  clearCredentials: 'plyr.clearCredentials',
  showLog: 'plyr.showLog',
} as const;

export const CONTEXT_KEYS = {
  hasCredentials: 'plyr.hasCredentials',
} as const;

export const SETTINGS = {
  section: 'plyr',
  network: 'network',
  customBaseUrl: 'customBaseUrl',
  requestTimeoutSeconds: 'requestTimeoutSeconds',
  signingGetBody: 'signing.getBody',
  signingRetryOtherConvention: 'signing.retryOtherConvention',
} as const;

export const SECRET_KEYS = {
  credentials: 'plyr.credentials',
} as const;

export const LOG_CHANNEL_NAME = 'PLYR';
