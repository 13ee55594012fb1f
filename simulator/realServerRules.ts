import Koa from 'koa';
import { isAddressText, toChecksumAddress } from '../src/core/model/identifier';

/**
 * How the real PLYR API server reads text and writes values: viem 2.18's address checks, its own
 * `verifyPlyrid`, viem's `formatUnits`, and what its error handler answers when a controller throws.
 * Written from the rules, so the simulator's routes answer the same odd inputs the same way.
 */

/**
 * viem's strict `isAddress`, as the real server checks addresses: `0x` + 40 hex digits, either all
 * lower case or exactly the EIP-55 checksummed form (so all upper case fails too).
 */
export function isStrictAddress(raw: string): boolean {
  return isAddressText(raw) && (raw === raw.toLowerCase() || raw === toChecksumAddress(raw.slice(2)));
}

/** viem's `getAddress` of an address that passes {@link isStrictAddress}, or undefined. */
export function checksummed(raw: string): string | undefined {
  return isStrictAddress(raw) ? toChecksumAddress(raw.slice(2)) : undefined;
}

/** viem 2.x `getAddress`: any case is taken (no checksum check); anything else throws this error. */
export function getAddress(raw: unknown): string {
  const text = String(raw);
  if (!isAddressText(text)) {
    throw new ServerCrash('InvalidAddressError', `Address "${text}" is invalid.\n\n- Address must be a hex value of 20 bytes (40 hex characters).\n- Address must match its checksum counterpart.\n\nVersion: viem@2.18.4`);
  }
  return toChecksumAddress(text.slice(2));
}

/**
 * The server's `verifyPlyrid`: the lower-cased ID, or false. It lower-cases first and checks after,
 * so any character JavaScript lower-cases into ASCII (the Kelvin sign) passes, as on the server.
 */
export function verifyPlyrid(raw: string): string | false {
  const id = raw.toLowerCase();
  const shape = /^[a-z0-9](?!.*--)[a-z0-9-]*[a-z0-9]$/;
  return id.length >= 5 && id.length <= 64 && shape.test(id) && /[a-z]/.test(id) ? id : false;
}

/**
 * viem's `formatUnits`, as the server writes every balance and chip: no fraction digits when there
 * are none ("0", "250"), unlike ethers ("0.0").
 */
export function formatUnits(value: bigint, decimals: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** viem's `formatEther`: {@link formatUnits} at 18 decimals. */
export function formatEther(value: bigint): string {
  return formatUnits(value, 18);
}

/**
 * What viem throws when a contract call returns nothing: the server reads `balanceOf` and
 * `decimals` of any well-formed token address, so an address that is no token contract ends here.
 */
export function notAContract(address: string, functionName: 'balanceOf' | 'decimals', args: string): ServerCrash {
  return new ServerCrash(
    'ContractFunctionZeroDataError',
    `The contract function "${functionName}" returned no data ("0x").\n\nThis could be due to any of the following:\n  - The contract does not have the function "${functionName}",\n  - The parameters passed to the contract function may be invalid, or\n  - The address is not a contract.\n \nContract Call:\n  address:   ${address}\n  function:  ${functionName}(${functionName === 'balanceOf' ? 'address account' : ''})\n  args:               (${args})\n\nVersion: viem@2.18.4`,
  );
}

/** What viem throws when a contract call reverts without a reason: a contract without that function (an NFT's `decimals`). */
export function contractReverted(address: string, functionName: 'balanceOf' | 'decimals'): ServerCrash {
  return new ServerCrash(
    'ContractFunctionExecutionError',
    `The contract function "${functionName}" reverted.\n\nContract Call:\n  address:   ${address}\n  function:  ${functionName}()\n\nDocs: https://viem.sh/docs/contract/readContract\nVersion: viem@2.18.4`,
  );
}

/** What a controller throws: the error handler answers it as 500 `{ error, stack }`. */
export class ServerCrash extends Error {
  constructor(
    readonly errorName: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The server's `errorHandler` middleware: `err.status || 500` (these errors carry none; viem's
 * HttpRequestError carries the chain node's, which the 'status' fault answers), the message, and
 * the stack trace, which the real server sends to the client too.
 */
export function answerCrash(ctx: Koa.Context, crash: ServerCrash): void {
  ctx.status = 500;
  ctx.body = { error: crash.message, stack: `${crash.errorName}: ${crash.message}\n    at (PLYR API simulator)` };
}

/** A query parameter read with `.toLowerCase()` the way the server does: a repeated one is an array, and that throws. */
export function lowerCaseParam(name: string, value: string | string[]): string {
  if (Array.isArray(value)) {
    throw new ServerCrash('TypeError', `${name}.toLowerCase is not a function`);
  }
  return value.toLowerCase();
}

export function answerError(ctx: Koa.Context, status: number, message: string): void {
  ctx.status = status;
  ctx.body = { error: message };
}
