import { AccountSection } from '../../core/store/accountStore';

/**
 * The account rows open in the view: a group under a PLYR ID, or a wallet. Only these cost
 * requests: a refresh asks again for what someone is looking at, and nothing else.
 */
export class OpenRows {
  private readonly sections = new Map<string, { readonly plyrId: string; readonly section: AccountSection }>();
  /** Open wallets' owners, by address. */
  private readonly walletOwners = new Map<string, string>();

  openSection(plyrId: string, section: AccountSection, open: boolean): void {
    const key = `${plyrId}\n${section}`;
    if (open) {
      this.sections.set(key, { plyrId, section });
    } else {
      this.sections.delete(key);
    }
  }

  openWallet(owner: string, address: string, open: boolean): void {
    if (open) {
      this.walletOwners.set(address, owner);
    } else {
      this.walletOwners.delete(address);
    }
  }

  /** The open groups, of identifiers still listed. */
  openSections(listed: (plyrId: string) => boolean): { readonly plyrId: string; readonly section: AccountSection }[] {
    return [...this.sections.values()].filter((s) => listed(s.plyrId));
  }

  /** The open wallets' addresses, of owners still listed. */
  openWallets(listed: (plyrId: string) => boolean): string[] {
    return [...this.walletOwners].filter(([, owner]) => listed(owner)).map(([address]) => address);
  }
}
