// Stands in for formdata-polyfill/esm.min.js (see plugin.mjs): Node's own FormData, and the one
// helper node-fetch takes from the polyfill, the body of a FormData request as a multipart Blob
// (the HTML standard's multipart/form-data encoding). The extension sends no FormData.
import { Blob } from 'node:buffer';
import { randomUUID } from 'node:crypto';

export const FormData = globalThis.FormData;

const CRLF = '\r\n';
const lineBreaks = (text) => text.replace(/\r\n|\r|\n/g, CRLF);
const quoted = (text) => text.replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/"/g, '%22');

/** node-fetch reads the boundary back from the type, after its one '='. */
export function formDataToBlob(formData) {
  const boundary = `formdata-${randomUUID()}`;
  const parts = [];
  for (const [name, value] of formData) {
    const disposition = `--${boundary}${CRLF}Content-Disposition: form-data; name="${quoted(lineBreaks(name))}"`;
    if (typeof value === 'string') {
      parts.push(`${disposition}${CRLF}${CRLF}${lineBreaks(value)}${CRLF}`);
    } else {
      parts.push(`${disposition}; filename="${quoted(value.name)}"${CRLF}Content-Type: ${value.type || 'application/octet-stream'}${CRLF}${CRLF}`, value, CRLF);
    }
  }
  parts.push(`--${boundary}--${CRLF}`);
  return new Blob(parts, { type: `multipart/form-data; boundary=${boundary}` });
}
