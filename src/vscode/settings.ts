import * as vscode from 'vscode';
import { ClientConfig } from '../core/plyrClient';
import { NetworkName } from '../core/networks';
import { SigningConvention } from '../core/signer';
import { SETTINGS } from './ids';

const NETWORKS: readonly NetworkName[] = ['mainnet', 'testnet', 'custom'];
const CONVENTIONS: readonly SigningConvention[] = ['emptyObject', 'null'];

/** Typed, defaulted view of the `plyr.*` settings, read fresh each time (changes apply at once). */
export function readClientConfig(): ClientConfig {
  const config = vscode.workspace.getConfiguration(SETTINGS.section);
  const network = config.get<string>(SETTINGS.network, 'mainnet');
  const signing = config.get<string>(SETTINGS.signingGetBody, 'emptyObject');
  const seconds = config.get<number>(SETTINGS.requestTimeoutSeconds, 10);
  return {
    network: NETWORKS.includes(network as NetworkName) ? (network as NetworkName) : 'mainnet',
    customBaseUrl: config.get<string>(SETTINGS.customBaseUrl, ''),
    timeoutMs: Math.min(120, Math.max(1, Number.isFinite(seconds) ? seconds : 10)) * 1000,
    signing: CONVENTIONS.includes(signing as SigningConvention) ? (signing as SigningConvention) : 'emptyObject',
    retryOtherConvention: config.get<boolean>(SETTINGS.signingRetryOtherConvention, true),
  };
}
