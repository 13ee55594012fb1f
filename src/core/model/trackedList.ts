import * as l10n from '@vscode/l10n';
import { describeChar, describeType, Identifier, parseIdentifier, ParseResult } from './identifier';

/** One identifier the user keeps in the sidebar. Plain data: what globalState stores and syncs. */
export interface TrackedIdentifier {
  /** Normalised: a lower-case PLYR ID or a checksummed address. */
  readonly id: string;
  readonly kind: 'plyrId' | 'address';
  readonly label?: string;
  /** Tokens to show; undefined shows all. */
  readonly tokens?: readonly string[];
  /** "Notify on change": a notification whenever a refresh finds any of its balances moved. */
  readonly notify?: true;
  /** The name of the group (folder) it is in; none is the top level. See groups.ts. */
  readonly group?: string;
  /**
   * A wallet address as it was written, when its mixed case fails its EIP-55 checksum (a probable
   * typo). `id` stays the checksummed form that requests, lookups and duplicates go by; this keeps
   * the user's text, and so the doubt, wherever the row shows, and is what export writes.
   */
  readonly written?: string;
}

export type TrackedList = readonly TrackedIdentifier[];

const MAX_LABEL = 60;
/**
 * What a label cannot hold once whitespace is folded: control characters, and the bidirectional
 * embeddings, overrides and isolates that could make a row read as another (U+202A-E, U+2066-9).
 * Other invisible format characters are shown as � wherever a label shows (safeText.ts), not
 * refused: a stored group name that holds one would be dropped, with its rows' grouping, on load.
 */
const LABEL_FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
export const MAX_TRACKED = 5000;

export function validateLabel(value: unknown): ParseResult<string | undefined> {
  if (value === undefined || value === null) {
    return { ok: true, value: undefined };
  }
  if (typeof value !== 'string') {
    return { ok: false, message: l10n.t('A label must be text, not {0}.', describeType(value)) };
  }
  const text = value.replace(/\s+/g, ' ').trim();
  if (text.length > MAX_LABEL) {
    return { ok: false, message: l10n.t('A label has at most {0} characters; this one has {1}.', MAX_LABEL, text.length) };
  }
  const forbidden = LABEL_FORBIDDEN.exec(text);
  if (forbidden) {
    return { ok: false, message: l10n.t('A label cannot contain {0}.', describeChar(forbidden[0])) };
  }
  return { ok: true, value: text === '' ? undefined : text };
}

/** An identifier and its label, checked and normalised, as a list entry (not yet in any list). */
export function trackedEntry(rawIdentifier: unknown, rawLabel?: unknown): ParseResult<TrackedIdentifier> {
  const parsed = parseIdentifier(rawIdentifier);
  if (!parsed.ok) {
    return parsed;
  }
  const label = validateLabel(rawLabel);
  if (!label.ok) {
    return label;
  }
  const identifier = parsed.value;
  const { value: id, kind } = identifier;
  // parseIdentifier took it, so it is text; kept trimmed, as the identifier was read.
  const written = identifier.kind === 'address' && !identifier.checksumMatches ? String(rawIdentifier).trim() : undefined;
  return { ok: true, value: { id, kind, ...(label.value === undefined ? {} : { label: label.value }), ...(written === undefined ? {} : { written }) } };
}

/** Adds an identifier at the end; refuses invalid input and duplicates (after normalisation). */
export function addTracked(list: TrackedList, rawIdentifier: unknown, rawLabel?: unknown): ParseResult<{ list: TrackedList; entry: TrackedIdentifier }> {
  const checked = trackedEntry(rawIdentifier, rawLabel);
  if (!checked.ok) {
    return checked;
  }
  const entry = checked.value;
  const id = entry.id;
  if (list.some((t) => t.id === id)) {
    return { ok: false, message: l10n.t('{0} is already in the list.', id) };
  }
  if (list.length >= MAX_TRACKED) {
    return { ok: false, message: l10n.t('The list holds at most {0} identifiers.', MAX_TRACKED) };
  }
  return { ok: true, value: { list: [...list, entry], entry } };
}

/** The position of an identifier given as typed (normalised first), or -1. */
export function indexOfTracked(list: TrackedList, rawIdentifier: unknown): number {
  const parsed = parseIdentifier(rawIdentifier);
  return parsed.ok ? list.findIndex((t) => t.id === parsed.value.value) : -1;
}

export function removeAt(list: TrackedList, index: number): TrackedList {
  return list.filter((_, i) => i !== index);
}

/** Puts an entry back where it was (undo), unless it has been added again meanwhile. */
export function restoreAt(list: TrackedList, entry: TrackedIdentifier, index: number): TrackedList {
  // A list filled up since the removal has no room: the entry stays out (the caller says so).
  if (list.length >= MAX_TRACKED || list.some((t) => t.id === entry.id)) {
    return list;
  }
  const at = Math.max(0, Math.min(index, list.length));
  return [...list.slice(0, at), entry, ...list.slice(at)];
}

/** Moves the entry at `from` to `to` (clamped); the others keep their order. */
export function moveTo(list: TrackedList, from: number, to: number): TrackedList {
  if (from < 0 || from >= list.length) {
    return list;
  }
  const target = Math.max(0, Math.min(to, list.length - 1));
  const rest = removeAt(list, from);
  return [...rest.slice(0, target), list[from], ...rest.slice(target)];
}

/** An entry taken out of the list, and where it stood, for an undo. */
export interface RemovedEntry {
  readonly entry: TrackedIdentifier;
  readonly index: number;
}

/** Takes the given identifiers out in one edit; the others keep their order. */
export function removeEntries(list: TrackedList, ids: readonly string[]): { list: TrackedList; removed: readonly RemovedEntry[] } {
  const gone = new Set(ids);
  const removed = list.flatMap((entry, index) => (gone.has(entry.id) ? [{ entry, index }] : []));
  return { list: removed.length === 0 ? list : list.filter((t) => !gone.has(t.id)), removed };
}

/** Puts removed entries back where they stood, the first first, so that they keep their order. */
export function restoreEntries(list: TrackedList, removed: readonly RemovedEntry[]): TrackedList {
  return [...removed].sort((a, b) => a.index - b.index).reduce((next, { entry, index }) => restoreAt(next, entry, index), list);
}

type EntryPatch = { label?: string | undefined; tokens?: readonly string[] | undefined; notify?: true | undefined; group?: string | undefined };

/**
 * Edits the entry with this id, found in the list the edit is given: the list may have changed
 * since the command looked (another window, Settings Sync). Gone meanwhile: nothing changes.
 */
export function updateEntry(list: TrackedList, id: string, patch: EntryPatch): TrackedList {
  const index = list.findIndex((t) => t.id === id);
  return index < 0 ? list : updateAt(list, index, patch);
}

export function updateAt(list: TrackedList, index: number, patch: EntryPatch): TrackedList {
  return list.map((t, i) => {
    if (i !== index) {
      return t;
    }
    const next: { -readonly [K in keyof TrackedIdentifier]: TrackedIdentifier[K] } = { ...t, ...patch };
    for (const key of ['label', 'tokens', 'notify', 'group'] as const) {
      if (next[key] === undefined) {
        delete next[key];
      }
    }
    return next;
  });
}

/**
 * Reads what globalState held, keeping only well-formed entries: the store may have been written by
 * another version, or synced from another machine.
 */
export function sanitizeStored(raw: unknown): TrackedIdentifier[] {
  if (!Array.isArray(raw)) {
    return [];
  }
  // Built in one pass: a window reads the list again at every change another makes, and 5,000
  // entries added and edited one list copy at a time held the extension host for 200 ms.
  const list: TrackedIdentifier[] = [];
  const seen = new Set<string>();
  for (const item of raw.slice(0, MAX_TRACKED)) {
    const record = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    // A label today's rules refuse (an older version took it) costs the label, never the identifier.
    const entry = trackedEntry(storedIdentifier(record), storedLabel(record.label));
    if (!entry.ok || seen.has(entry.value.id)) {
      continue;
    }
    seen.add(entry.value.id);
    list.push({
      ...entry.value,
      ...(Array.isArray(record.tokens) && record.tokens.every((t) => typeof t === 'string') ? { tokens: record.tokens as string[] } : {}),
      ...(record.notify === true ? { notify: true as const } : {}),
      // Checked against the stored groups by sanitizeLayout.
      ...(typeof record.group === 'string' ? { group: record.group } : {}),
    });
  }
  return list;
}

/**
 * The identifier as the user wrote it (`written`) when it still reads as the stored id, else the
 * id: a store edited by hand, or by another version, is checked rather than trusted.
 */
function storedIdentifier(record: Record<string, unknown>): unknown {
  if (typeof record.written !== 'string') {
    return record.id;
  }
  const written = parseIdentifier(record.written);
  const id = parseIdentifier(record.id);
  return written.ok && id.ok && written.value.value === id.value.value ? record.written : record.id;
}

/**
 * A stored label as today's rules take it; one they refuse mended (its forbidden characters
 * dropped, cut to length), else none.
 */
function storedLabel(raw: unknown): string | undefined {
  const asStored = validateLabel(raw);
  if (asStored.ok || typeof raw !== 'string') {
    return asStored.ok ? asStored.value : undefined;
  }
  // Spaces first: a tab or a line break (forbidden too) parts words rather than gluing them.
  const cleaned = raw.replace(/\s+/g, ' ').replace(new RegExp(LABEL_FORBIDDEN.source, 'gu'), '').replace(/ +/g, ' ').trim();
  let cut = '';
  for (const char of cleaned) {
    if (cut.length + char.length > MAX_LABEL) {
      break;
    }
    cut += char;
  }
  const label = validateLabel(cut);
  return label.ok ? label.value : undefined;
}

/** The request identifier for a tracked entry (stored ids are normalised already); one {@link TrackedIdentifier.written} fails its checksum. */
export function toIdentifier(tracked: TrackedIdentifier): Identifier {
  return tracked.kind === 'address' ? { kind: 'address', value: tracked.id, checksumMatches: tracked.written === undefined } : { kind: 'plyrId', value: tracked.id };
}
