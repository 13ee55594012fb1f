// Bundles the extension with esbuild: src/extension.ts -> dist/extension.js (CommonJS for the
// extension host, `vscode` provided by the host, node-fetch and the rest bundled in).
// `--production` minifies and drops source maps; otherwise maps are written for debugging. Both
// take Node's own Blob, File and FormData for node-fetch's polyfills (scripts/shims/), and write
// what went in to dist/meta.json (esbuild's metafile; not packaged) for test/unit/bundle.test.ts.
import * as esbuild from 'esbuild';
import { writeFileSync } from 'node:fs';
import { nodeBuiltinShims } from './shims/plugin.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const options = {
  entryPoints: ['src/extension.ts'],
  bundle: true,
  outfile: 'dist/extension.js',
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: ['vscode'],
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  legalComments: production ? 'none' : 'inline',
  // Non-ASCII text (…, ·, ≈) as UTF-8, not \u escapes: six bytes each otherwise.
  charset: 'utf8',
  logLevel: 'warning',
  metafile: true,
  plugins: [nodeBuiltinShims],
};

if (watch) {
  const context = await esbuild.context(options);
  await context.watch();
  console.log('esbuild: watching src/ for changes');
} else {
  const result = await esbuild.build(options);
  writeFileSync('dist/meta.json', JSON.stringify(result.metafile));
  const bytes = Object.values(result.metafile.outputs).find((o) => o.entryPoint)?.bytes ?? 0;
  console.log(`esbuild: dist/extension.js ${(bytes / 1024).toFixed(1)} KiB${production ? ' (minified)' : ''}`);
}
