import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { poll } from './poll';

/**
 * Starts code-server (VS Code's server and web workbench, installed by
 * scripts/install-code-server.sh at the version package.json names) on loopback with throwaway
 * profile folders, as ../shared/code-server.md describes. Used by the test runner and the demo.
 */
export const ROOT = path.resolve(__dirname, '../../..');
export const CODE_SERVER_VERSION: string = process.env.CODE_SERVER_VERSION ?? (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { config: { codeServerVersion: string } }).config.codeServerVersion;
const CODE_SERVER_DIR = process.env.CODE_SERVER_DIR ?? path.join(ROOT, '.vscode-test', `code-server-${CODE_SERVER_VERSION}`);
export const CODE_SERVER_ENTRY = path.join(CODE_SERVER_DIR, 'node_modules/code-server/out/node/entry.js');

/**
 * The tests must run on a VS Code that package.json names: the oldest supported
 * (config.testedVSCodeVersion), or the newest that runs on Node 20 (config.newestVSCodeVersion,
 * when CODE_SERVER_VERSION is config.newestCodeServerVersion).
 */
export function assertTestedVersion(): void {
  const { config } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { config: Record<'testedVSCodeVersion' | 'newestCodeServerVersion' | 'newestVSCodeVersion', string> };
  const [expected, key] = CODE_SERVER_VERSION === config.newestCodeServerVersion ? [config.newestVSCodeVersion, 'newestVSCodeVersion'] : [config.testedVSCodeVersion, 'testedVSCodeVersion'];
  const description = codeServerDescription();
  if (!process.env.CODE_SERVER_DIR && !description.endsWith(`(VS Code ${expected})`)) {
    throw new Error(`The installed ${description} is not the VS Code ${expected} that package.json's config.${key} names.`);
  }
}

/** "code-server 4.90.3 (VS Code 1.90.2)", read from the installed packages, for reports. */
export function codeServerDescription(): string {
  const version = (file: string) => {
    try {
      return (JSON.parse(fs.readFileSync(path.join(CODE_SERVER_DIR, 'node_modules/code-server', file), 'utf8')) as { version: string }).version;
    } catch {
      return '?';
    }
  };
  return `code-server ${version('package.json')} (VS Code ${version('lib/vscode/package.json')})`;
}

export interface CodeServer {
  readonly port: number;
  readonly origin: string;
  readonly dirs: { root: string; userData: string; extensions: string };
  readonly output: string[];
  stop(): Promise<void>;
}

export interface CodeServerOptions {
  readonly workspace: string;
  readonly env?: Record<string, string>;
  readonly port?: number;
  /** Reuse these folders (restart tests); by default a fresh temp folder. */
  readonly root?: string;
  readonly settings?: Record<string, unknown>;
  /** .vsix files to install first, as a user would (`--install-extension`). */
  readonly install?: readonly string[];
  /** The display language (`--locale`), e.g. the pseudo-language qps-ploc. */
  readonly locale?: string;
  /** Last changes to the profile's folders (after `install`), before code-server starts. */
  readonly prepare?: (dirs: { readonly userData: string; readonly extensions: string }) => void;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  if (!fs.existsSync(CODE_SERVER_ENTRY)) {
    throw new Error(`code-server is not installed at ${CODE_SERVER_ENTRY}: run bash scripts/install-code-server.sh`);
  }
  const root = options.root ?? fs.mkdtempSync(path.join(os.tmpdir(), 'plyr-code-server-'));
  const dirs = { root, userData: path.join(root, 'user-data'), extensions: path.join(root, 'extensions') };
  for (const dir of [dirs.userData, dirs.extensions, path.join(root, 'xdg-data'), path.join(root, 'xdg-config'), path.join(dirs.userData, 'User')]) {
    fs.mkdirSync(dir, { recursive: true });
  }
  fs.writeFileSync(path.join(root, 'config.yaml'), 'auth: none\ncert: false\n');
  const settingsFile = path.join(dirs.userData, 'User', 'settings.json');
  if (!fs.existsSync(settingsFile)) {
    const settings = {
      'workbench.startupEditor': 'none',
      'git.openRepositoryInParentFolders': 'never',
      'git.autoRepositoryDetection': false,
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'workbench.tips.enabled': false,
      'security.workspace.trust.enabled': false,
      ...options.settings,
    };
    fs.writeFileSync(settingsFile, JSON.stringify(settings, null, 2));
  }
  for (const vsix of options.install ?? []) {
    installExtension(vsix, dirs, root);
  }
  options.prepare?.(dirs);
  const port = options.port ?? (await freePort());
  const args = [
    CODE_SERVER_ENTRY,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--ignore-last-opened',
    '--config', path.join(root, 'config.yaml'),
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
    ...(options.locale ? ['--locale', options.locale] : []),
    options.workspace,
  ];
  const child: ChildProcess = spawn(process.execPath, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      EXTENSIONS_GALLERY: '{}',
      XDG_DATA_HOME: path.join(root, 'xdg-data'),
      XDG_CONFIG_HOME: path.join(root, 'xdg-config'),
      ...options.env,
    },
  });
  const output: string[] = [];
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      output.push(text);
      if (text.includes('HTTP server listening')) {
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`code-server exited early (${code}):\n${output.join('')}`)));
  });
  await withTimeout(ready, 60_000, 'code-server did not start within 60 s');
  await waitForHealth(`http://127.0.0.1:${port}/healthz`);
  return {
    port,
    origin: `127.0.0.1:${port}`,
    dirs,
    output,
    // The whole process group goes: code-server, its extension hosts, file watchers and terminals.
    // They may outlive code-server's own exit by a moment, so wait until none is left.
    stop: async () => {
      if (child.pid === undefined) {
        return;
      }
      const group = -child.pid;
      const signal = (name: NodeJS.Signals | 0) => {
        try {
          process.kill(group, name);
          return true;
        } catch {
          return false; // no process left in the group
        }
      };
      if (!signal('SIGTERM')) {
        return;
      }
      const gone = await poll(async () => !signal(0), (done) => done, 5000, 50);
      if (!gone) {
        signal('SIGKILL');
        await poll(async () => !signal(0), (done) => done, 5000, 50);
      }
    },
  };
}

/** Installs a .vsix into the profile's extensions folder with code-server's own CLI. */
function installExtension(vsix: string, dirs: { userData: string; extensions: string }, root: string): void {
  const result = spawnSync(process.execPath, [CODE_SERVER_ENTRY, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--config', path.join(root, 'config.yaml'), '--install-extension', vsix], {
    encoding: 'utf8',
    env: { ...process.env, XDG_DATA_HOME: path.join(root, 'xdg-data'), XDG_CONFIG_HOME: path.join(root, 'xdg-config') },
  });
  if (result.status !== 0 || !/successfully installed/i.test(result.stdout + result.stderr)) {
    throw new Error(`code-server could not install ${vsix}:\n${result.stdout}${result.stderr}`);
  }
}

async function waitForHealth(url: string): Promise<void> {
  // A refused connection means not up yet.
  const up = await poll(() => fetch(url).then((r) => r.ok, () => false), (ok) => ok, 30_000, 100);
  if (!up) {
    throw new Error(`${url} did not answer 200 within 30 s`);
  }
}

export function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
