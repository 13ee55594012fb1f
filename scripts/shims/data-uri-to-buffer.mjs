// node-fetch decodes a data: URL's body with data-uri-to-buffer. The extension only asks the PLYR
// API's http(s) URLs (the base URL setting refuses any other scheme), so the decoder stays out of
// the bundle, and a data: URL says why it fails.
export default function dataUriToBuffer() {
  throw new TypeError('data: URLs are not fetched by this extension (scripts/shims/data-uri-to-buffer.mjs)');
}
