import * as l10n from '@vscode/l10n';
import { describeType, identifierWarning, parseIdentifier, ParseResult } from './identifier';
import { validateGroupName } from './groups';
import { quoted } from './safeText';
import { TrackedIdentifier, trackedEntry } from './trackedList';

/**
 * A team's watch-list: `.vscode/plyr.json` in a workspace, committed with the code, listing the
 * identifiers everyone watches (never credentials). The extension reads it, and writes it only
 * when the user shares identifiers into it (withShared).
 *
 *   { "identifiers": ["player123", { "id": "0x742d…f44e", "label": "Treasury", "group": "Studio" }] }
 */
export const WATCH_LIST_FILE = '.vscode/plyr.json';
export const MAX_WATCHED = 500;

export interface WatchList {
  readonly entries: readonly TrackedIdentifier[];
  /** One line per rejected row or field, for the log and the tree; empty when all is well. */
  readonly problems: readonly string[];
  /** The text is no JSON at all: a file mid-edit (auto-save) or mid-merge, as often as not. */
  readonly notJson?: true;
}

/** A field name that suggests a credential: the whole file is refused rather than shared further. */
const CREDENTIAL_FIELD = /key|secret|signature|password|credential|auth/i;

export function parseWatchList(text: string): WatchList {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    // The parser's message quotes the file's text: quoted, it stays inert.
    return { ...refused(l10n.t('{0} is not valid JSON: {1}', WATCH_LIST_FILE, quoted((error as Error).message, 100))), notJson: true };
  }
  const credential = credentialField(data);
  if (credential !== undefined) {
    return refused(l10n.t('{0} has a field named {1}. Credentials never go in this file, which is shared with everyone who clones the workspace: remove the field (and change the key if it was committed).', WATCH_LIST_FILE, quoted(credential, 40)));
  }
  const rows = (data as { identifiers?: unknown } | null)?.identifiers;
  if (typeof data !== 'object' || data === null || Array.isArray(data) || !Array.isArray(rows)) {
    return refused(l10n.t('{0} must be an object with an "identifiers" list.', WATCH_LIST_FILE));
  }
  const entries: TrackedIdentifier[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  rows.slice(0, MAX_WATCHED).forEach((row: unknown, index) => {
    const entry = watchedEntry(row);
    if (!entry.ok) {
      problems.push(l10n.t('{0}, entry {1}: {2}', WATCH_LIST_FILE, index + 1, entry.message));
    } else if (seen.has(entry.value.id)) {
      // Named as written: a mistyped copy of an address reads as the same wallet, and says why.
      const written = writtenId(row);
      const twice = written === entry.value.id ? l10n.t('{0} is listed twice; the first one is kept.', written) : l10n.t('{0} is {1}, listed already; the first one is kept.', written, entry.value.id);
      const warning = warningOf(row);
      problems.push(l10n.t('{0}, entry {1}: {2}', WATCH_LIST_FILE, index + 1, warning === undefined ? twice : `${twice} ${warning}`));
    } else {
      seen.add(entry.value.id);
      entries.push(entry.value);
      // Taken, as Import takes it, but said: a mistyped mixed-case address reads another wallet.
      const warning = warningOf(row);
      if (warning !== undefined) {
        problems.push(l10n.t('{0}, entry {1}: {2}', WATCH_LIST_FILE, index + 1, warning));
      }
    }
  });
  if (rows.length > MAX_WATCHED) {
    problems.push(l10n.t('{0} lists {1} identifiers; the first {2} are shown.', WATCH_LIST_FILE, rows.length, MAX_WATCHED));
  }
  return { entries, problems };
}

/** One row: an identifier, or `{ id, label?, group? }`. */
function watchedEntry(row: unknown): ParseResult<TrackedIdentifier> {
  const fields = typeof row === 'string' ? { id: row } : row;
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
    return { ok: false, message: l10n.t('expected an identifier or {0}, not {1}.', '{ "id": …, "label": … }', describeType(row)) };
  }
  const { id, label, group } = fields as { id?: unknown; label?: unknown; group?: unknown };
  const entry = trackedEntry(id, label);
  if (!entry.ok) {
    return entry;
  }
  const checkedGroup = group === undefined ? undefined : validateGroupName(group, []);
  if (checkedGroup && !checkedGroup.ok) {
    return checkedGroup;
  }
  return { ok: true, value: checkedGroup ? { ...entry.value, group: checkedGroup.value } : entry.value };
}

/** A row's identifier as the file writes it (trimmed); only called for a row that parsed. */
function writtenId(row: unknown): string {
  return String(typeof row === 'string' ? row : (row as { id?: unknown }).id).trim();
}

/** What may be wrong with a row's identifier although it was taken (see identifierWarning). */
function warningOf(row: unknown): string | undefined {
  const parsed = parseIdentifier(typeof row === 'string' ? row : (row as { id?: unknown }).id);
  return parsed.ok ? identifierWarning(parsed.value) : undefined;
}

function refused(problem: string): WatchList {
  return { entries: [], problems: [problem] };
}

/**
 * The first field name, at any depth, that looks like a credential (the shallowest first): walked
 * with a queue rather than by recursion, so that no nesting is too deep to check.
 */
function credentialField(root: unknown): string | undefined {
  const queue: unknown[] = [root];
  for (let next = 0; next < queue.length; next++) {
    const value = queue[next];
    if (typeof value === 'object' && value !== null) {
      for (const [name, inner] of Object.entries(value)) {
        if (!Array.isArray(value) && CREDENTIAL_FIELD.test(name)) {
          return name;
        }
        queue.push(inner);
      }
    }
  }
  return undefined;
}

/**
 * The watch-list file's text with `shared` appended (those it lists already are skipped; those
 * past {@link MAX_WATCHED} are counted in `leftOut`), or why it cannot be written: a file that does
 * not read as a valid watch-list is never overwritten. Other fields of the file are kept as they
 * are, and so are its indentation and line ends.
 */
export function withShared(existing: string | undefined, shared: readonly TrackedIdentifier[]): ParseResult<{ text: string; added: readonly string[]; leftOut: number }> {
  let data: { identifiers: unknown[] } & Record<string, unknown> = { identifiers: [] };
  let listed: readonly TrackedIdentifier[] = [];
  if (existing !== undefined && existing.trim() !== '') {
    const current = parseWatchList(existing);
    if (current.entries.length === 0 && current.problems.length > 0) {
      return { ok: false, message: l10n.t('{0} was not changed: {1}', WATCH_LIST_FILE, current.problems[0]) };
    }
    data = JSON.parse(existing) as typeof data;
    listed = current.entries;
  }
  const known = new Set(listed.map((e) => e.id));
  const room = Math.max(0, MAX_WATCHED - data.identifiers.length);
  // Each once, however many times it is handed over (a row and its copy, or one id in two cases).
  // An address goes in as the user wrote it: one that fails its checksum warns there too.
  const unlisted = shared.filter((e) => !known.has(e.id) && known.add(e.id));
  const fresh = unlisted.slice(0, room);
  data.identifiers = [...data.identifiers, ...fresh.map((e) => (e.label ? { id: e.written ?? e.id, label: e.label } : (e.written ?? e.id)))];
  const indent = /^([ \t]+)\S/m.exec(existing ?? '')?.[1] ?? 2;
  const eol = existing?.includes('\r\n') ? '\r\n' : '\n';
  // JSON.stringify writes no line break inside a string: each one it writes is a line end.
  const text = `${JSON.stringify(data, null, indent).replace(/\n/g, eol)}${eol}`;
  return { ok: true, value: { text, added: fresh.map((e) => e.id), leftOut: unlisted.length - fresh.length } };
}
