// An esbuild plugin that keeps polyfills of what Node 20 (the extension host's, target node20) has
// built in out of the bundle. node-fetch 3 imports Blob and File from fetch-blob, whose stream()
// pulls in web-streams-polyfill (about 59 KiB minified, most of the old bundle's dependencies), and
// FormData from formdata-polyfill; fetch-blob also brings node-domexception. Each import resolves
// instead to a shim in this folder that re-exports Node's own. An import of these packages with no
// shim fails the build rather than bundling the polyfill. node-fetch's multipart parser, used only by
// Response.formData() (never called here), and its data: URL decoder (only http(s) URLs are asked)
// are left out the same way. test/unit/bundle.test.ts checks the result.
import { fileURLToPath } from 'node:url';

const SHIMS = {
  'fetch-blob': 'fetch-blob.mjs',
  'fetch-blob/from.js': 'fetch-blob-from.mjs',
  'formdata-polyfill/esm.min.js': 'formdata-polyfill.mjs',
};

export const nodeBuiltinShims = {
  name: 'node-builtin-shims',
  setup(build) {
    build.onResolve({ filter: /^(fetch-blob|formdata-polyfill)(\/|$)/ }, ({ path, importer }) =>
      Object.hasOwn(SHIMS, path)
        ? { path: fileURLToPath(new URL(SHIMS[path], import.meta.url)) }
        : { errors: [{ text: `${path} (imported by ${importer}) has no shim in scripts/shims/: add one rather than bundling a polyfill` }] },
    );
    build.onResolve({ filter: /\/multipart-parser\.js$/ }, ({ importer }) =>
      /[\\/]node-fetch[\\/]/.test(importer) ? { path: fileURLToPath(new URL('multipart-parser.mjs', import.meta.url)) } : undefined,
    );
    build.onResolve({ filter: /^data-uri-to-buffer$/ }, ({ importer }) =>
      /[\\/]node-fetch[\\/]/.test(importer) ? { path: fileURLToPath(new URL('data-uri-to-buffer.mjs', import.meta.url)) } : undefined,
    );
  },
};
