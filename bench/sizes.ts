import * as fs from 'node:fs';
import * as path from 'node:path';
import { BUNDLE_CEILING_KIB, SIZE_TARGETS } from './budgets';
import { type Figure, renderTable, rowsOf, tableRows, withTable } from './report';
import { ROOT } from '../test/runners/codeServer';
import { builtVsix } from '../test/runners/vsix';

/**
 * The bundle and package rows of docs/benchmarks.md, from what `npm run package` left: the minified
 * dist/extension.js and the .vsix, against the targets of issue 18. `npm run bench` takes them
 * with the rest; `npm run bench:sizes` measures only these and rewrites their two rows in place,
 * each value marked as measured alone, the rest of the report as it was.
 */
export const BUNDLE_ROW = 'bundle, dist/extension.js (minified)';
export const PACKAGE_ROW_PREFIX = 'package, ';

export function sizeFigures(note = ''): Figure[] {
  const bundleKiB = fs.statSync(path.join(ROOT, 'dist/extension.js')).size / 1024;
  const vsixKiB = fs.statSync(builtVsix()).size / 1024;
  const bundleLimit = `${SIZE_TARGETS.bundleKiB} KiB (issue 18; the budget test holds it to ${BUNDLE_CEILING_KIB} KiB until then)`;
  return [
    { what: BUNDLE_ROW, value: `${bundleKiB.toFixed(1)} KiB${note}`, limit: bundleLimit, ratio: bundleKiB / SIZE_TARGETS.bundleKiB },
    { what: `${PACKAGE_ROW_PREFIX}${path.basename(builtVsix())}`, value: `${vsixKiB.toFixed(1)} KiB${note}`, limit: `${SIZE_TARGETS.vsixKiB} KiB (issue 18)`, ratio: vsixKiB / SIZE_TARGETS.vsixKiB },
  ];
}

function main(): void {
  const file = path.join(ROOT, 'docs/benchmarks.md');
  const doc = fs.readFileSync(file, 'utf8');
  const fresh = rowsOf(sizeFigures(` (measured alone by \`npm run bench:sizes\` on ${new Date().toISOString().slice(0, 10)})`), doc);
  const rows = tableRows(doc);
  const missing = fresh.filter((f) => !rows.some((row) => row.what === f.what));
  fs.writeFileSync(file, withTable(doc, renderTable([...missing, ...rows.map((row) => fresh.find((f) => f.what === row.what) ?? row)])));
  for (const row of fresh) {
    console.log(`${row.what}: ${row.value}, previous run ${row.previous || 'none'} (limit ${row.limit}: ${row.against})`);
  }
}

if (require.main === module) {
  main();
}
