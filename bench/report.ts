/**
 * The table of docs/benchmarks.md: one row per figure, today's value beside the previous report's
 * (rows matched by their measure), the limit and how much of it is used.
 */
export interface Figure {
  readonly what: string;
  readonly value: string;
  readonly limit: string;
  /** value / limit, when there is a limit. */
  readonly ratio?: number;
}

/** One row of the report's table, as text. */
export interface Row {
  readonly what: string;
  readonly value: string;
  readonly previous: string;
  readonly limit: string;
  readonly against: string;
}

const HEADER = ['measure', 'value', 'previous run', 'limit', 'against the limit'];

/** "84% of the limit": a detail report's figure against its limit. */
export function percentOfLimit(value: number, limit: number): string {
  return `${((value / limit) * 100).toFixed(0)}% of the limit`;
}

export function againstLimit(ratio: number | undefined): string {
  if (ratio === undefined) {
    return '';
  }
  return ratio === Infinity ? '**failed**' : `${(ratio * 100).toFixed(0)}%${ratio > 1 ? ' **over**' : ''}`;
}

/** The rows of a report's table; reads reports written before the "previous run" column too. */
export function tableRows(doc: string): Row[] {
  const lines = doc.split('\n').filter((line) => line.startsWith('|'));
  const header = (lines[0] ?? '').split('|').slice(1, -1).map((cell) => cell.trim());
  const column = (cells: string[], name: string) => (header.includes(name) ? cells[header.indexOf(name)] : '');
  return lines.slice(2).map((line) => {
    const cells = line.split('|').slice(1, -1).map((cell) => cell.trim());
    return { what: cells[0], value: column(cells, 'value'), previous: column(cells, 'previous run'), limit: column(cells, 'limit'), against: column(cells, 'against the limit') };
  });
}

/** Today's figures as rows, each beside its value in the previous report (if it had that row). */
export function rowsOf(figures: readonly Figure[], previousDoc: string): Row[] {
  const previous = new Map(tableRows(previousDoc).map((row) => [row.what, row.value]));
  return figures.map((f) => ({ what: f.what, value: f.value, previous: previous.get(f.what) ?? '', limit: f.limit, against: againstLimit(f.ratio) }));
}

export function renderTable(rows: readonly Row[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(HEADER), `|${HEADER.map(() => '---').join('|')}|`, ...rows.map((r) => line([r.what, r.value, r.previous, r.limit, r.against]))].join('\n');
}

/** A report with its table replaced (the text around it kept). */
export function withTable(doc: string, table: string): string {
  const lines = doc.split('\n');
  const start = lines.findIndex((line) => line.startsWith('|'));
  const end = lines.findIndex((line, i) => i > start && !line.startsWith('|'));
  return [...lines.slice(0, start), table, ...lines.slice(end)].join('\n');
}
