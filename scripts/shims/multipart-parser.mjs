// node-fetch reads a multipart body only in Response.formData(), which the extension never calls:
// that parser (about 4 KiB minified) stays out of the bundle, and a call says why it fails.
export async function toFormData() {
  throw new TypeError('Response.formData() is not available in this bundle (scripts/shims/multipart-parser.mjs)');
}
