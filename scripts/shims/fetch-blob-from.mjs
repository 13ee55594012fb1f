// Stands in for fetch-blob/from.js (see plugin.mjs): node-fetch builds response.formData()'s files
// with this File and re-exports the rest. The readers below are never used by the extension (esbuild
// drops them); they exist so node-fetch's re-exports resolve, and read the whole file at once where
// fetch-blob read it lazily.
import { readFileSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { Blob, File } from 'node:buffer';

export { Blob, File };
export const blobFromSync = (path, type = '') => new Blob([readFileSync(path)], { type });
export const blobFrom = async (path, type = '') => new Blob([await readFile(path)], { type });
export const fileFromSync = (path, type = '') => new File([readFileSync(path)], basename(path), { type, lastModified: statSync(path).mtimeMs });
export const fileFrom = async (path, type = '') => new File([await readFile(path)], basename(path), { type, lastModified: (await stat(path)).mtimeMs });
