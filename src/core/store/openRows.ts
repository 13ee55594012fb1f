import { AccountSection } from './accountStore';
import { deleteWhere } from './deleteWhere';

/** The list a row comes from: the user's own (TrackedStore) or the workspace's (WorkspaceWatchList). */
export type RowSource = 'user' | 'workspace';

/** Whether an identifier is still in the list a row came from. */
export type Listed = (source: RowSource, plyrId: string) => boolean;

interface OpenSection {
  readonly source: RowSource;
  readonly plyrId: string;
  readonly section: AccountSection;
}

interface OpenWallet {
  readonly source: RowSource;
  readonly owner: string;
  readonly address: string;
}

/**
 * The account rows open in the view: a group under a PLYR ID, or a wallet. Only these cost
 * requests: a refresh asks again for what someone is looking at, and nothing else. A PLYR ID in
 * both lists has a row under each; each row is kept by its list, so closing one leaves the other open.
 */
export class OpenRows {
  readonly #sections = new Map<string, OpenSection>();
  readonly #wallets = new Map<string, OpenWallet>();

  openSection(source: RowSource, plyrId: string, section: AccountSection, open: boolean): void {
    toggle(this.#sections, `${source}\n${plyrId}\n${section}`, { source, plyrId, section }, open);
  }

  openWallet(source: RowSource, owner: string, address: string, open: boolean): void {
    toggle(this.#wallets, `${source}\n${owner}\n${address}`, { source, owner, address }, open);
  }

  /**
   * Closes the rows of identifiers gone from their list. VS Code sends no collapse for a row it
   * no longer shows (nor for one collapsed just before its removal), and a later refresh would
   * otherwise ask again for a group no one can see once the identifier is back.
   */
  forgetUnlisted(listed: Listed): void {
    deleteWhere(this.#sections, (row) => !listed(row.source, row.plyrId));
    deleteWhere(this.#wallets, (row) => !listed(row.source, row.owner));
  }

  /** The open groups of identifiers still listed, each once however many rows show it. */
  openSections(listed: Listed): { readonly plyrId: string; readonly section: AccountSection }[] {
    const open = new Map<string, { plyrId: string; section: AccountSection }>();
    for (const { source, plyrId, section } of this.#sections.values()) {
      if (listed(source, plyrId)) {
        open.set(`${plyrId}\n${section}`, { plyrId, section });
      }
    }
    return [...open.values()];
  }

  /** The open wallets' addresses, of owners still listed, each once. */
  openWallets(listed: Listed): string[] {
    return [...new Set([...this.#wallets.values()].filter((w) => listed(w.source, w.owner)).map((w) => w.address))];
  }
}

function toggle<T>(rows: Map<string, T>, key: string, row: T, open: boolean): void {
  if (open) {
    rows.set(key, row);
  } else {
    rows.delete(key);
  }
}
