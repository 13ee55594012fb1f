import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

// This file runs from out/test/unit/; the repository root is three levels up.
const ROOT = path.resolve(__dirname, '..', '..', '..');
const BUNDLE = 'dist/extension.js';
/** esbuild's metafile of the last `node scripts/build.mjs` (with or without --production). */
const META = path.join(ROOT, 'dist', 'meta.json');

/**
 * Packages that polyfill what Node 20 (the extension host's) has built in: web streams, Blob and
 * File, FormData, DOMException, AbortController, EventTarget, URL, TextEncoder. node-fetch 3 pulls
 * in the first four; scripts/shims/ gives it Node's own instead.
 */
const POLYFILLS = /node_modules\/(web-streams-polyfill|formdata-polyfill|fetch-blob|node-domexception|abort-controller|node-abort-controller|event-target-shim|whatwg-url|text-encoding|core-js|@ungap\/[^/]+|[^/]*polyfill[^/]*)\//;

interface Metafile {
  outputs: Record<string, { bytes: number; entryPoint?: string; inputs: Record<string, { bytesInOutput: number }> }>;
}

describe('the bundle holds no polyfill of what Node 20 has', () => {
  assert.ok(existsSync(META), `${META} is missing: run node scripts/build.mjs first`);
  const meta = JSON.parse(readFileSync(META, 'utf8')) as Metafile;
  const [outfile, output] = Object.entries(meta.outputs).find(([, o]) => o.entryPoint) ?? [];
  const inputs = Object.keys(output?.inputs ?? {});

  it('reads the metafile of the bundle on disk, with node-fetch in it', () => {
    assert.equal(outfile, BUNDLE);
    assert.equal(output?.bytes, statSync(path.join(ROOT, BUNDLE)).size, 'dist/meta.json is not from the build that wrote dist/extension.js');
    assert.ok(inputs.includes('src/extension.ts'));
    assert.ok(inputs.some((input) => input.includes('node_modules/node-fetch/')), 'node-fetch is not bundled: the check below would pass for nothing');
  });

  it('recognises a polyfill when it sees one', () => {
    assert.match('../node_modules/web-streams-polyfill/dist/ponyfill.es2018.js', POLYFILLS);
    assert.match('node_modules/fetch-blob/streams.cjs', POLYFILLS);
    assert.match('node_modules/formdata-polyfill/esm.min.js', POLYFILLS);
    assert.doesNotMatch('node_modules/node-fetch/src/body.js', POLYFILLS);
    assert.doesNotMatch('scripts/shims/fetch-blob.mjs', POLYFILLS);
  });

  it('bundles none of web-streams-polyfill, fetch-blob, formdata-polyfill, node-domexception and their like', () => {
    assert.deepEqual(inputs.filter((input) => POLYFILLS.test(input)), []);
  });

  it("leaves out node-fetch's parts the extension never runs: the multipart parser (Response.formData) and the data: URL decoder", () => {
    assert.deepEqual(inputs.filter((input) => /node_modules\/(data-uri-to-buffer\/|node-fetch\/src\/utils\/multipart-parser)/.test(input)), []);
    assert.ok(inputs.includes('scripts/shims/data-uri-to-buffer.mjs') && inputs.includes('scripts/shims/multipart-parser.mjs'), 'the shims stand in for them');
  });
});
