// PLYR Balance demo: rest the mouse on an address to see its balances.
export const TREASURY_WALLET = '0x742d35Cc6634C0532925a3b844Bc454e4438f44e';

// A mixed-case address with a typo in its checksum: the hover warns about it.
export const TYPO_WALLET = '0x742d35cC6634C0532925a3b844Bc454e4438f44e';

// The wallet of the player whose PLYR ID is 0xgamer: a PLYR ID may start with 0x, and the hover names it.
export const GAMER_WALLET = '0x45e45A96C52B16E69D84f48eEBA06564db11A9a4';

export const TEST_PLAYERS = ['player123', 'crypto-fennec', 'zero-hero', '0xgamer'];
