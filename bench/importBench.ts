import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { medianOfRuns } from './stats';
import { parseImport } from '../src/core/model/listTransfer';

/**
 * Plain Node: importing a CSV of N distinct PLYR IDs (what PLYR: Import Identifiers does with the
 * file's text), against the time of reading that file from disk and decoding it. The median of 5
 * runs of each. The list holds at most 5,000: past that the rows are counted, not read.
 */
export interface ImportBenchRow {
  readonly rows: number;
  readonly fileKiB: number;
  readonly readMs: number;
  readonly parseMs: number;
  readonly imported: number;
  readonly overLimit: number;
}

export function importBench(sizes: readonly number[] = [5_000, 100_000]): ImportBenchRow[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plyr-import-bench-'));
  try {
    return sizes.map((rows) => {
      const file = path.join(dir, `list-${rows}.csv`);
      fs.writeFileSync(file, ['identifier,label', ...Array.from({ length: rows }, (_, i) => `player-${i},Player ${i}`)].join('\n'));
      let text = '';
      const readMs = medianOfRuns(() => {
        text = new TextDecoder().decode(fs.readFileSync(file));
      });
      let parsed = parseImport(text, 'csv');
      const parseMs = medianOfRuns(() => {
        parsed = parseImport(text, 'csv');
      });
      return { rows, fileKiB: Math.round(fs.statSync(file).size / 1024), readMs, parseMs, imported: parsed.entries.length, overLimit: parsed.overLimit };
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  for (const r of importBench([5_000, 100_000, 655_000])) {
    console.log(`import of ${r.rows.toLocaleString('en')} rows (${r.fileKiB} KiB): ${r.parseMs} ms, ${(r.parseMs / r.readMs).toFixed(1)}× the ${r.readMs} ms of reading the file; ${r.imported} imported, ${r.overLimit.toLocaleString('en')} over the limit`);
  }
}
