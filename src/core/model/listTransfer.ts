import * as l10n from '@vscode/l10n';
import { isPlainObject } from './balances';
import { identifierWarning, parseIdentifier } from './identifier';
import { quoted } from './safeText';
import { PlyrError } from './errors';
import { parseTokenFilter } from './token';
import { findGroup, Layout, MAX_GROUPS, validateGroupName, withGroup } from './groups';
import { MAX_TRACKED, TrackedIdentifier, trackedEntry } from './trackedList';

/**
 * The user's list, with its groups and order, as a file, JSON or CSV, both ways. Import checks every row as if it were typed
 * (a file is input like any other) and says which rows it refused and why; export writes CSV that
 * a spreadsheet shows as text and never runs.
 */
export type TransferFormat = 'json' | 'csv';

export interface RejectedRow {
  /** 1-based: the CSV line, or the position in the JSON list. */
  readonly row: number;
  readonly reason: string;
  /** The row's identifier as the file wrote it, when text: hostile, to be made inert where shown. */
  readonly text?: string;
}

export interface ParsedImport {
  readonly entries: readonly TrackedIdentifier[];
  /** The groups in the file's order (JSON lists them, empty ones too; CSV names them on rows). */
  readonly groups: readonly string[];
  readonly rejected: readonly RejectedRow[];
  /** Rows taken that may hold a typo (a failing address checksum, an ID that looks like an address). */
  readonly warnings: readonly RejectedRow[];
  /** Rows that repeat an identifier found earlier in the file. */
  readonly duplicates: number;
  /** Rows not read because the list was full (MAX_TRACKED identifiers). */
  readonly overLimit: number;
}

/** Files larger than this are refused whole: a list of MAX_TRACKED rows is far smaller. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
const CSV_HEADER = ['identifier', 'label', 'tokens', 'group', 'notify'];
/** The tokens cell of a row that shows no token (a filter with none ticked); empty is every token. */
const NO_TOKENS = '(none)';
/**
 * The notify cells read as on and as off (in any case; empty is off too), as a spreadsheet may
 * write them. Export writes the first of the on cells. The refusal lists both from here, so what
 * it says is what is read.
 */
const NOTIFY_ON_CELLS: readonly [string, string, string] = ['yes', 'true', '1'];
const NOTIFY_OFF_CELLS: readonly [string, string, string] = ['no', 'false', '0'];
const NOTIFY_ON = NOTIFY_ON_CELLS[0];
/**
 * What a spreadsheet would read as the start of a formula (OWASP CSV injection), after any
 * apostrophes: a value that starts with one is guarded too, so that import, which takes one
 * guarding apostrophe off, gives it back as it was ("'=x" is written "''=x").
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

export function formatOfPath(path: string): TransferFormat | undefined {
  const lower = path.toLowerCase();
  return lower.endsWith('.json') ? 'json' : lower.endsWith('.csv') ? 'csv' : undefined;
}

export function exportList({ list, groups }: Layout, format: TransferFormat): string {
  if (format === 'json') {
    // An address as the user wrote it when its checksum fails: read back, it warns again.
    const identifiers = list.map((t) => ({ id: t.written ?? t.id, ...(t.label ? { label: t.label } : {}), ...(t.tokens ? { tokens: t.tokens } : {}), ...(t.notify ? { notify: true } : {}), ...(t.group !== undefined ? { group: t.group } : {}) }));
    return `${JSON.stringify({ plyrBalance: 1, groups, identifiers }, null, 2)}\n`;
  }
  // CSV has no place for an empty group: only groups with members come back from it.
  const rows = [CSV_HEADER, ...list.map((t) => [t.written ?? t.id, t.label ?? '', t.tokens?.length === 0 ? NO_TOKENS : (t.tokens ?? []).join(' '), t.group ?? '', t.notify ? NOTIFY_ON : ''])];
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
  return collect(csvRecords(text), []);
}

/** The CSV's rows as records, read one at a time (an import stops reading when the list is full). */
function* csvRecords(text: string): Generator<RawRow> {
  let first = true;
  for (const { line, cells } of parseCsv(text)) {
    const header = first && cells[0]?.trim().toLowerCase() === CSV_HEADER[0];
    first = false;
    if (!header) {
      yield {
        row: line,
        record: {
          id: undoFormulaGuard(cells[0] ?? ''),
          label: emptyToUndefined(undoFormulaGuard(cells[1] ?? '')),
          tokens: tokensCell(cells[2]),
          group: emptyToUndefined(undoFormulaGuard(cells[3] ?? '')),
          // A file of four columns (before notify had one) reads as notify off.
          notify: notifyCell(cells[4]),
          // Empty cells past the last column are a spreadsheet's padding (another row used more), not data.
          extra: cells.slice(CSV_HEADER.length).some((cell) => cell.trim() !== ''),
        },
      };
    }
  }
}

/** What an import changed, for its one-step undo. */
export interface ImportResult {
  readonly layout: Layout;
  readonly added: readonly string[];
  /** Groups the import created (a group the list had already is used, not created). */
  readonly addedGroups: readonly string[];
  readonly duplicates: number;
  /** New rows left out because the list would have passed MAX_TRACKED identifiers. */
  readonly overLimit: number;
  /** Rows taken without the group they named: the list had MAX_GROUPS groups already. */
  readonly withoutGroup: number;
}

/**
 * Adds what is new at the end, in the file's order, with the file's groups after the list's own;
 * what the list already holds is skipped (and keeps its group).
 */
export function mergeImported(layout: Layout, parsed: Pick<ParsedImport, 'entries' | 'groups'>): ImportResult {
  const known = new Set(layout.list.map((t) => t.id));
  const fresh = parsed.entries.filter((e) => !known.has(e.id));
  const taken = fresh.slice(0, Math.max(0, MAX_TRACKED - layout.list.length));
  const groups = [...layout.groups];
  const addedGroups: string[] = [];
  const nameOf = (group: string): string | undefined => {
    const existing = findGroup(groups, group);
    if (existing !== undefined || groups.length >= MAX_GROUPS) {
      return existing;
    }
    groups.push(group);
    addedGroups.push(group);
    return group;
  };
  parsed.groups.forEach(nameOf);
  const entries = taken.map((t) => (t.group === undefined ? t : withGroup(t, nameOf(t.group))));
  const withoutGroup = entries.filter((e, i) => taken[i].group !== undefined && e.group === undefined).length;
  return { layout: { list: [...layout.list, ...entries], groups }, added: taken.map((t) => t.id), addedGroups, duplicates: parsed.entries.length - fresh.length, overLimit: fresh.length - taken.length, withoutGroup };
}

/**
 * Undo of an import, in one step: the rows it added go, whatever happened to the list since, and
 * so do the groups it created, unless something was put in them since.
 */
export function withoutImported(layout: Layout, added: readonly string[], addedGroups: readonly string[] = []): Layout {
  const drop = new Set(added);
  const list = layout.list.filter((t) => !drop.has(t.id));
  const used = new Set(list.map((t) => t.group));
  const created = new Set(addedGroups);
  return { list, groups: layout.groups.filter((g) => !created.has(g) || used.has(g)) };
}

/** A file that is not a list at all fails whole (`invalidFile`), its reason in the message: it has no rows to refuse. */
function parseJsonImport(text: string): ParsedImport {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    // Where, when the parser says: never its message, which quotes the file (a key pasted in it, say).
    const at = /at position (\d+)/.exec(error instanceof Error ? error.message : '');
    throw new PlyrError('invalidFile', at ? l10n.t('The file is not valid JSON (line {0}, column {1}): nothing was imported.', ...lineAndColumn(text, Number(at[1]))) : l10n.t('The file is not valid JSON: nothing was imported.'));
  }
  const items = Array.isArray(body) ? body : isPlainObject(body) && Array.isArray(body.identifiers) ? body.identifiers : undefined;
  if (!items) {
    throw new PlyrError('invalidFile', l10n.t('The file holds no list of identifiers (an "identifiers" array): nothing was imported.'));
  }
  const declared = isPlainObject(body) && Array.isArray(body.groups) ? body.groups : [];
  return collect(
    items.map((item: unknown, i) => {
      if (!isPlainObject(item)) {
        // The identifier itself: one that is no text is refused saying what it is instead.
        return { row: i + 1, record: { id: item, label: undefined, tokens: undefined, notify: false, group: undefined } };
      }
      return { row: i + 1, record: { id: item.id ?? item.identifier, label: item.label, tokens: item.tokens, notify: item.notify === true, group: item.group } };
    }),
    declared,
  );
}

/** 1-based line and column of a character offset. */
function lineAndColumn(text: string, offset: number): [number, number] {
  const before = text.slice(0, offset).split('\n');
  return [before.length, before[before.length - 1].length + 1];
}

interface RawRow {
  readonly row: number;
  /** `notify` is true, false, or (CSV) the text of a cell that is neither. */
  readonly record: { id: unknown; label: unknown; tokens: unknown; notify?: boolean | string; group?: unknown; extra?: boolean };
}

/**
 * Each row checked as if typed: identifier, label, token filter and group; duplicates within the
 * file are skipped. Declared group names that are not valid are left out (their rows say why).
 * Linear in the rows: duplicates are found in a set, and once the list is full (MAX_TRACKED) the
 * rest is only counted, not checked.
 */
function collect(rows: Iterable<RawRow>, declaredGroups: readonly unknown[]): ParsedImport {
  const entries: TrackedIdentifier[] = [];
  const seen = new Set<string>();
  const groups: string[] = [];
  for (const raw of declaredGroups.slice(0, MAX_GROUPS)) {
    const name = validateGroupName(raw, groups);
    if (name.ok) {
      groups.push(name.value);
    }
  }
  const rejected: RejectedRow[] = [];
  const warnings: RejectedRow[] = [];
  let duplicates = 0;
  let overLimit = 0;
  for (const { row, record } of rows) {
    if (entries.length >= MAX_TRACKED) {
      overLimit++;
      continue;
    }
    // The row as its reason's list shows it: its number, and its identifier if it has one as text.
    const at = typeof record.id === 'string' ? { row, text: record.id } : { row };
    if (record.extra) {
      rejected.push({ ...at, reason: l10n.t('The row has more than {0} columns ({1}).', CSV_HEADER.length, CSV_HEADER.join(', ')) });
      continue;
    }
    if (record.id === undefined) {
      rejected.push({ ...at, reason: l10n.t('The row names no identifier (an "id" field).') });
      continue;
    }
    const parsed = parseIdentifier(record.id);
    if (parsed.ok && seen.has(parsed.value.value)) {
      duplicates++;
      continue;
    }
    const entry = trackedEntry(record.id, record.label);
    if (!entry.ok) {
      rejected.push({ ...at, reason: entry.message });
      continue;
    }
    const tokens = parseTokenFilter(record.tokens);
    if (!tokens.ok) {
      rejected.push({ ...at, reason: tokens.message });
      continue;
    }
    if (typeof record.notify === 'string') {
      rejected.push({ ...at, reason: notifyRefusal(record.notify) });
      continue;
    }
    const group = record.group === undefined || record.group === null ? undefined : validateGroupName(record.group, []);
    if (group && !group.ok) {
      rejected.push({ ...at, reason: group.message });
      continue;
    }
    const groupName = group && (findGroup(groups, group.value) ?? (groups.push(group.value), group.value));
    entries.push({ ...entry.value, ...(tokens.value ? { tokens: tokens.value } : {}), ...(record.notify === true ? { notify: true as const } : {}), ...(groupName !== undefined ? { group: groupName } : {}) });
    seen.add(entry.value.id);
    const warning = parsed.ok ? identifierWarning(parsed.value) : undefined;
    if (warning !== undefined) {
      warnings.push({ ...at, reason: warning });
    }
  }
  return { entries, groups, rejected, warnings, duplicates, overLimit };
}

/** On, off, or (neither) the cell as read, for the row to be refused with it. */
function notifyCell(cell: string | undefined): boolean | string {
  const text = (cell ?? '').trim();
  const word = text.toLowerCase();
  return NOTIFY_ON_CELLS.includes(word) ? true : word === '' || NOTIFY_OFF_CELLS.includes(word) ? false : text;
}

/** Why a notify cell was refused: every cell that is read, so that the fix is in the message. */
function notifyRefusal(cell: string): string {
  const [on1, on2, on3] = NOTIFY_ON_CELLS;
  const [off1, off2, off3] = NOTIFY_OFF_CELLS;
  return l10n.t({
    message: 'The notify column holds {0}, {1} or {2} for on, and nothing, {3}, {4} or {5} for off, not {6}.',
    args: [on1, on2, on3, off1, off2, off3, quoted(cell, 40)],
    comment: '{0} to {5} are the cells as written in the file (yes, true, 1, no, false, 0): not translated; {6} is the cell refused',
  });
}

function tokensCell(cell: string | undefined): string[] | undefined {
  if (cell?.trim() === NO_TOKENS) {
    return [];
  }
  const names = (cell ?? '').split(/\s+/).filter((t) => t !== '');
  return names.length > 0 ? names : undefined;
}

function emptyToUndefined(text: string): string | undefined {
  return text.trim() === '' ? undefined : text;
}

/** Reverses csvCell's `'` before a formula start, so a label like "=Team" (or "'=Team") comes back as it was. */
function undoFormulaGuard(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/** RFC 4180: commas, quoted cells with doubled quotes and line breaks inside; blank lines skipped. */
function* parseCsv(text: string): Generator<{ line: number; cells: string[] }> {
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  // The row just ended, or undefined for a blank line.
  const endRow = (): { line: number; cells: string[] } | undefined => {
    cells.push(cell);
    const row = cells.length > 1 || cells[0].trim() !== '' ? { line: rowLine, cells } : undefined;
    cells = [];
    cell = '';
    return row;
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
      const row = endRow();
      if (row) {
        yield row;
      }
      line++;
      rowLine = line;
    } else {
      cell += c;
    }
  }
  if (cell !== '' || cells.length > 0) {
    const row = endRow();
    if (row) {
      yield row;
    }
  }
}
