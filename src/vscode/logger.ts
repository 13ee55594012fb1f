import * as vscode from 'vscode';
import { Logger } from '../core/api/logger';

/** The core's Logger on the "PLYR" LogOutputChannel (levels and files come with it). */
export function channelLogger(channel: vscode.LogOutputChannel): Logger {
  return {
    trace: (m) => channel.trace(m),
    debug: (m) => channel.debug(m),
    info: (m) => channel.info(m),
    warn: (m) => channel.warn(m),
    error: (m) => channel.error(m),
  };
}
