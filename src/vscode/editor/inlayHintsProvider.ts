import * as vscode from 'vscode';
import { AccountLookup } from '../../core/store/accountLookup';
import { addressesIn } from '../../core/model/addressScan';
import { addressHint, AddressHint, fittedHint, warnedHint } from '../../core/content/inlayHintContent';
import { AddressIdentifier, identifierWarning, parseIdentifier } from '../../core/model/identifier';
import { PriceBook } from '../../core/model/value';
import { BalanceStore } from '../../core/store/balanceStore';
import { Slots } from '../../core/store/slots';
import { Logger } from '../../core/api/logger';
import { COMMANDS, gestureArgs } from '../ids';
import { inAddressLanguages, InlayHintSettings, SettingsEvents } from '../settings';
import { CredentialStore } from '../state/credentialStore';
import { PrivacyMask } from '../state/privacyMask';
import { TrackedStore } from '../state/trackedStore';
import { Values } from '../state/values';
import { MAX_HOVER_LINE } from './addressHoverProvider';
import { lookUpVisible } from './visibleLookups';

/** The members of the services the hints read; a benchmark hands it stand-ins for the rest. */
export interface InlayHintServices {
  readonly credentials: Pick<CredentialStore, 'get'>;
  readonly store: Pick<BalanceStore, 'refresh' | 'get'>;
  /** Either list: its label names the address, and a click reveals it. */
  readonly tracked: Pick<TrackedStore, 'find'>;
  readonly watched: Pick<TrackedStore, 'find'>;
  readonly privacy: Pick<PrivacyMask, 'on'>;
  readonly values: Pick<Values, 'load' | 'peek' | 'balanceKeyOf'>;
  readonly accounts: Pick<AccountLookup, 'plyrIdOf' | 'knownOwner'>;
  /** Whether the API server in use waits for the user's yes (a workspace's server): no request then. */
  readonly serverPending: () => boolean;
  /** As of the last settings change: what the hints show and how long, the hover's languages and cache age, the refresh's concurrency. */
  readonly settings: Pick<SettingsEvents, 'inlayHints' | 'inlayHintMaximumLength' | 'hover' | 'view'>;
  readonly logger: Logger;
}

/** What one pass's hints share: what they show, the token's balance key, the prices, the time. */
interface HintScene {
  readonly show: InlayHintSettings['show'];
  readonly token: string;
  readonly prices: PriceBook | undefined;
  readonly now: number;
}

/** An address written in the document, where its hint goes. */
interface Written {
  readonly identifier: AddressIdentifier;
  readonly end: vscode.Position;
}

/**
 * The label, PLYR ID, amount or value after each address in the visible range (plyr.inlayHints.show,
 * off by default), through VS Code's inlay hints. Only the range asked is looked up, through the
 * stores the hover and the sidebar share; nothing is asked without credentials or before the
 * workspace's server is allowed. What each address showed is kept, so that a change of the store
 * re-asks the editor only when a hint would read otherwise.
 */
export class AddressInlayHintsProvider implements vscode.InlayHintsProvider {
  /** Each address's hint text as last returned, oldest first (kept to MAX_RENDERED). */
  readonly #rendered = new Map<string, string>();
  /** Each address text's checksummed form: hashing is most of a hint's cost, and screens repeat. */
  readonly #parsed = new Map<string, AddressIdentifier | undefined>();
  /** New requests at a time, across every range asked (plyr.refreshConcurrency, as a refresh). */
  readonly #slots = new Slots(() => this.#services.settings.view().refreshConcurrency);

  readonly #services: InlayHintServices;

  /** `onDidChangeInlayHints`: when hints would read otherwise (inlayHintUpdates.ts decides). */
  constructor(services: InlayHintServices, readonly onDidChangeInlayHints?: vscode.Event<void>) {
    this.#services = services;
  }

  async provideInlayHints(document: vscode.TextDocument, range: vscode.Range, token: vscode.CancellationToken): Promise<vscode.InlayHint[]> {
    const settings = this.#services.settings.inlayHints();
    const hover = this.#services.settings.hover();
    if (settings.show === 'off') {
      // Nothing shows anywhere: no store change is news to the editor (see changedSinceShown).
      this.#rendered.clear();
      return [];
    }
    if (!inAddressLanguages(document.languageId, hover)) {
      return [];
    }
    const written = addressesWritten(document, range, this.#parsed);
    if (written.length === 0 || !(await this.#services.credentials.get().catch(() => undefined)) || this.#services.serverPending() || token.isCancellationRequested) {
      return [];
    }
    const ids = [...new Map(written.map((w) => [w.identifier.value, w.identifier])).values()];
    const prices = settings.show === 'value' ? this.#services.values.load().catch(() => undefined) : undefined;
    await this.#lookUp(ids, settings, hover.cacheMs, token);
    const book = await prices;
    if (token.isCancellationRequested) {
      return [];
    }
    const scene = this.#sceneOf(settings, book);
    const shown: { address: string; end: vscode.Position; hint: AddressHint }[] = [];
    for (const { identifier, end } of written) {
      // Remembered before it is fitted to its line: the fit follows from it and the line.
      const hint = this.#hintOf(identifier.value, scene);
      remembered(this.#rendered, identifier.value, hint?.text ?? '');
      if (hint) {
        // What the text as written deserves (its checksum) is told here, not remembered: no store change alters it.
        const warning = identifierWarning(identifier);
        shown.push({ address: identifier.value, end, hint: warning ? warnedHint(hint, warning) : hint });
      }
    }
    const fit = lineShares(shown.map((s) => s.end.line), this.#services.settings.inlayHintMaximumLength(document.languageId));
    return shown.map(({ address, end, hint }) => inlayHint(address, end, fittedHint(hint, fit(end.line))));
  }

  /** The addresses whose hint would read otherwise now than when last returned. */
  changedSinceShown(ids: readonly string[]): boolean {
    // Worked out once, and only when a changed address was shown: most store changes are of others.
    let scene: HintScene | undefined;
    return ids.some((id) => {
      const shown = this.#rendered.get(id);
      if (shown === undefined) {
        return false;
      }
      scene ??= this.#sceneOf(this.#services.settings.inlayHints(), this.#services.values.peek());
      return shown !== (this.#hintOf(id, scene)?.text ?? '');
    });
  }

  /** Whether any hint was returned since the provider started (nothing to update otherwise). */
  get showing(): boolean {
    return this.#rendered.size > 0;
  }

  #lookUp(ids: readonly AddressIdentifier[], settings: InlayHintSettings, cacheMs: number, token: vscode.CancellationToken): Promise<void> {
    const { store, accounts, tracked, watched } = this.#services;
    if (settings.show === 'name') {
      // A label names the address already: only the others' owners are asked.
      const unnamed = ids.filter((id) => !(tracked.find(id.value)?.label ?? watched.find(id.value)?.label));
      return lookUpVisible(unnamed, token, { slots: this.#slots, inFlight: () => false, ask: (id, signal) => accounts.plyrIdOf(id.value, cacheMs, signal) });
    }
    // An address whose last answer failed within the cache age is not asked again by a pass (each
    // failure re-renders the hints): a refresh, or the hover's Refresh, asks it.
    const now = Date.now();
    const due = ids.filter((id) => !(now - (store.get(id.value)?.error?.at ?? -Infinity) < cacheMs));
    return lookUpVisible(due, token, { slots: this.#slots, inFlight: (id) => store.get(id.value)?.loading === true, ask: (id, signal) => store.refresh(id, { signal, maxAgeMs: cacheMs }) });
  }

  /** What every hint of one pass shares, worked out once for all its addresses. */
  #sceneOf(settings: InlayHintSettings, prices: PriceBook | undefined): HintScene {
    return { show: settings.show, token: this.#services.values.balanceKeyOf(settings.token), prices, now: Date.now() };
  }

  #hintOf(id: string, { show, token, prices, now }: HintScene): AddressHint | undefined {
    if (show === 'off') {
      return undefined;
    }
    const { tracked, watched, store, accounts, privacy } = this.#services;
    const mine = tracked.find(id);
    const shared = watched.find(id);
    // An address tracked without a label keeps the watch-list's name for it (as its owner look-up above assumed).
    const label = mine?.label ?? shared?.label;
    return addressHint({ show, label, tracked: mine !== undefined || shared !== undefined, plyrId: accounts.knownOwner(id), token, entry: store.get(id), prices, masked: privacy.on, now });
  }
}

/** Addresses remembered for change events: more than any screen shows, few enough to check on each store change. */
const MAX_RENDERED = 2000;

/** Every well-formed address in `range`, on lines short enough to scan (the hover's guard). */
function addressesWritten(document: vscode.TextDocument, range: vscode.Range, parsed: Map<string, AddressIdentifier | undefined>): Written[] {
  const written: Written[] = [];
  const last = Math.min(range.end.line, document.lineCount - 1);
  for (let line = range.start.line; line <= last; line++) {
    const text = document.lineAt(line).text;
    if (text.length > MAX_HOVER_LINE) {
      continue;
    }
    for (const found of addressesIn(text)) {
      const identifier = parsed.has(found.text) ? parsed.get(found.text) : remembered(parsed, found.text, addressIdentifier(found.text));
      const end = new vscode.Position(line, found.end);
      if (identifier && range.contains(end)) {
        written.push({ identifier, end });
      }
    }
  }
  return written;
}

function addressIdentifier(text: string): AddressIdentifier | undefined {
  const parsed = parseIdentifier(text);
  return parsed.ok && parsed.value.kind === 'address' ? parsed.value : undefined;
}

/** `value` put in a map kept to MAX_RENDERED entries (the oldest goes first). */
function remembered<V>(map: Map<string, V>, key: string, value: V): V {
  map.delete(key);
  map.set(key, value);
  if (map.size > MAX_RENDERED) {
    map.delete(map.keys().next().value as string);
  }
  return value;
}

/**
 * Each line's share of VS Code's limit (0: none). The limit is a line's: VS Code cuts the hints of a
 * line once their lengths add up past it, so two addresses on one line get half each.
 */
function lineShares(lines: readonly number[], maxLength: number): (line: number) => number {
  const counts = new Map<number, number>();
  for (const line of lines) {
    counts.set(line, (counts.get(line) ?? 0) + 1);
  }
  return (line) => (maxLength > 0 ? Math.max(1, Math.floor(maxLength / (counts.get(line) ?? 1))) : 0);
}

/** One hint after the address: plain text, and a click that reveals it or offers to track it. */
function inlayHint(address: string, position: vscode.Position, hint: AddressHint): vscode.InlayHint {
  const part = new vscode.InlayHintLabelPart(hint.text);
  part.tooltip = hint.tooltip;
  part.command =
    hint.action === 'reveal'
      ? { title: vscode.l10n.t('Reveal in the PLYR view'), command: COMMANDS.revealIdentifier, arguments: gestureArgs(address) }
      : { title: vscode.l10n.t('Track in the PLYR view'), command: COMMANDS.offerToTrack, arguments: gestureArgs(address) };
  const inlay = new vscode.InlayHint(position, [part]);
  inlay.paddingLeft = true;
  return inlay;
}
