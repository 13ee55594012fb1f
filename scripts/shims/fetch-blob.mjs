// Stands in for fetch-blob (see plugin.mjs): node-fetch's Body makes its blob() from this Blob and
// recognises a Blob body by its shape, which Node's Blob (with stream(), a built-in web stream) has.
export { Blob as default } from 'node:buffer';
