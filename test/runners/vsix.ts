import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './codeServer';

/** The package `npm run package` makes (`<name>-<version>.vsix` at the root), for tests and the demo. */
export function builtVsix(): string {
  const { name, version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  const file = path.join(ROOT, `${name}-${version}.vsix`);
  if (!fs.existsSync(file)) {
    throw new Error(`${path.basename(file)} is missing: run npm run package first`);
  }
  return file;
}
