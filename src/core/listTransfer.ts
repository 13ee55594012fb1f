import * as l10n from '@vscode/l10n';
import { isPlainObject } from './balances';
import { parseIdentifier } from './identifier';
import { parseTokenFilter } from './token';
import { addTracked, MAX_TRACKED, TrackedIdentifier, TrackedList, updateAt } from './trackedList';

/**
 * The user's list as a file, JSON or CSV, both ways. Import checks every row as if it were typed
 * (a file is input like any other) and says which rows it refused and why; export writes CSV that
 * a spreadsheet shows as text and never runs.
 */
export type TransferFormat = 'json' | 'csv';

export interface RejectedRow {
  /** 1-based: the CSV line, or the position in the JSON list. */
  readonly row: number;
  readonly reason: string;
}

export interface ParsedImport {
  readonly entries: readonly TrackedIdentifier[];
  readonly rejected: readonly RejectedRow[];
  /** Rows that repeat an identifier found earlier in the file. */
  readonly duplicates: number;
}

/** Files larger than this are refused whole: a list of MAX_TRACKED rows is far smaller. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
const CSV_HEADER = ['identifier', 'label', 'tokens'];
/** What a spreadsheet would read as the start of a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

export function formatOfPath(path: string): TransferFormat | undefined {
  const lower = path.toLowerCase();
  return lower.endsWith('.json') ? 'json' : lower.endsWith('.csv') ? 'csv' : undefined;
}

export function exportList(list: TrackedList, format: TransferFormat): string {
  if (format === 'json') {
    const identifiers = list.map((t) => ({ id: t.id, ...(t.label ? { label: t.label } : {}), ...(t.tokens ? { tokens: t.tokens } : {}), ...(t.notify ? { notify: true } : {}) }));
    return `${JSON.stringify({ plyrBalance: 1, identifiers }, null, 2)}\n`;
  }
  const rows = [CSV_HEADER, ...list.map((t) => [t.id, t.label ?? '', (t.tokens ?? []).join(' ')])];
  return rows.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** A CSV cell a spreadsheet shows as text: quoted when needed, and a formula start defused with `'`. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function parseImport(text: string, format: TransferFormat): ParsedImport {
  if (format === 'json') {
    return parseJsonImport(text);
  }
  const rows = parseCsv(text);
  const first = rows[0]?.cells.map((c) => c.trim().toLowerCase());
  const body = first && first[0] === CSV_HEADER[0] ? rows.slice(1) : rows;
  return collect(body.map(({ line, cells }) => ({ row: line, record: { id: undoFormulaGuard(cells[0] ?? ''), label: emptyToUndefined(undoFormulaGuard(cells[1] ?? '')), tokens: tokensCell(cells[2]), extra: cells.length > 3 } })));
}

/** Adds what is new at the end, in the file's order; what the list already holds is skipped. */
export function mergeImported(list: TrackedList, entries: readonly TrackedIdentifier[]): { list: TrackedList; added: readonly string[]; duplicates: number } {
  const known = new Set(list.map((t) => t.id));
  const fresh = entries.filter((e) => !known.has(e.id));
  const room = Math.max(0, MAX_TRACKED - list.length);
  const taken = fresh.slice(0, room);
  return { list: [...list, ...taken], added: taken.map((t) => t.id), duplicates: entries.length - fresh.length };
}

/** Undo of an import, in one step: the rows it added go, whatever happened to the list since. */
export function withoutImported(list: TrackedList, added: readonly string[]): TrackedList {
  const drop = new Set(added);
  return list.filter((t) => !drop.has(t.id));
}

function parseJsonImport(text: string): ParsedImport {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { entries: [], rejected: [{ row: 0, reason: l10n.t('The file is not valid JSON.') }], duplicates: 0 };
  }
  const items = Array.isArray(body) ? body : isPlainObject(body) && Array.isArray(body.identifiers) ? body.identifiers : undefined;
  if (!items) {
    return { entries: [], rejected: [{ row: 0, reason: l10n.t('The file holds no list of identifiers (an "identifiers" array).') }], duplicates: 0 };
  }
  return collect(
    items.map((item: unknown, i) => {
      const record = isPlainObject(item) ? item : typeof item === 'string' ? { id: item } : {};
      return { row: i + 1, record: { id: record.id ?? record.identifier, label: record.label, tokens: record.tokens, notify: record.notify === true } };
    }),
  );
}

interface RawRow {
  readonly row: number;
  readonly record: { id: unknown; label: unknown; tokens: unknown; notify?: boolean; extra?: boolean };
}

/** Each row checked as if typed: identifier, label and token filter; duplicates within the file are skipped. */
function collect(rows: readonly RawRow[]): ParsedImport {
  let list: TrackedList = [];
  const rejected: RejectedRow[] = [];
  let duplicates = 0;
  for (const { row, record } of rows) {
    if (record.extra) {
      rejected.push({ row, reason: l10n.t('The row has more than 3 columns (identifier, label, tokens).') });
      continue;
    }
    const parsed = parseIdentifier(record.id);
    if (parsed.ok && list.some((t) => t.id === parsed.value.value)) {
      duplicates++;
      continue;
    }
    const added = addTracked(list, record.id, record.label);
    if (!added.ok) {
      rejected.push({ row, reason: added.message });
      continue;
    }
    const tokens = parseTokenFilter(record.tokens);
    if (!tokens.ok) {
      rejected.push({ row, reason: tokens.message });
      continue;
    }
    list = updateAt(added.value.list, list.length, { tokens: tokens.value, notify: record.notify ? true : undefined });
  }
  return { entries: list, rejected, duplicates };
}

function tokensCell(cell: string | undefined): string[] | undefined {
  const names = (cell ?? '').split(/\s+/).filter((t) => t !== '');
  return names.length > 0 ? names : undefined;
}

function emptyToUndefined(text: string): string | undefined {
  return text.trim() === '' ? undefined : text;
}

/** Reverses csvCell's `'` before a formula start, so a label like "=Team" comes back as it was. */
function undoFormulaGuard(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/** RFC 4180: commas, quoted cells with doubled quotes and line breaks inside; blank lines skipped. */
function parseCsv(text: string): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const endRow = () => {
    cells.push(cell);
    if (cells.length > 1 || cells[0].trim() !== '') {
      rows.push({ line: rowLine, cells });
    }
    cells = [];
    cell = '';
  };
  const source = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        if (c === '\n') {
          line++;
        }
        cell += c;
      }
    } else if (c === '"' && cell === '') {
      quoted = true;
    } else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') {
        i++;
      }
      endRow();
      line++;
      rowLine = line;
    } else {
      cell += c;
    }
  }
  if (cell !== '' || cells.length > 0) {
    endRow();
  }
  return rows;
}
