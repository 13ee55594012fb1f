import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { PlyrErrorCode, PlyrFix } from '../../src/core/model/errors';
import { errorFromResponse, HttpResponse, jsonErrorMessage, notATokenContract, parseJsonBody } from '../../src/core/api/responses';
import { errorRow, MarkdownTooltip, tooltipMarkdown } from '../../src/core/content/treeContent';
import { unescapedPunctuation } from '../support/markdownChecks';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function response(status: number, body: string, headers: Record<string, string> = {}): HttpResponse {
  return { status, body, headers: { get: (name: string) => headers[name.toLowerCase()] ?? null } };
}

const json = (error: string) => JSON.stringify({ error });
const HTML = '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>';

describe('errorFromResponse: the documented error table', () => {
  const rows: [number, string, PlyrErrorCode, PlyrFix | undefined][] = [
    [401, 'Missing authentication headers', 'missingAuthHeaders', 'showLog'],
    [401, 'Invalid API key', 'invalidApiKey', 'setCredentials'],
    [401, 'Invalid signature', 'invalidSignature', 'setCredentials'],
    [401, 'Request expired', 'requestExpired', undefined],
    [401, 'Invalid tokenName', 'invalidToken', undefined],
    [403, 'Insufficient permissions', 'forbidden', 'setCredentials'],
    [404, 'User not found', 'userNotFound', undefined],
    [400, 'Invalid address', 'invalidAddress', undefined],
    [400, 'Invalid PLYR[ID]', 'invalidIdentifier', undefined],
  ];
  for (const [status, message, code, fix] of rows) {
    it(`${status} ${message} -> ${code}`, () => {
      const error = errorFromResponse(response(status, json(message)), undefined);
      assert.equal(error.code, code);
      assert.equal(error.fix, fix);
      assert.equal(error.status, status);
      assert.ok(error.message.length > 20);
    });
  }

  it('names the token asked for on Invalid tokenName, quoted inert; without one, the message without it', () => {
    const refused = response(401, json('Invalid tokenName'));
    assert.equal(errorFromResponse(refused, undefined, { token: 'nope' }).message, "The PLYR API does not know the token 'nope'. Use a token name from the list (such as plyr or gamr) or a token contract address.");
    const hostile = errorFromResponse(refused, undefined, { token: 'x\n$(zap) [a](command:evil)' }).message;
    assert.match(hostile, /the token 'x \$\u200b\(zap\) \[a\]\u200b\(command\u200b:evil\)'\./);
    assert.equal(errorFromResponse(refused, undefined).message, 'The PLYR API does not know that token. Use a token name from the list (such as plyr or gamr) or a token contract address.');
  });

  it('tells the user to fix the clock on Request expired', () => {
    assert.match(errorFromResponse(response(401, json('Request expired')), undefined).message, /clock/);
  });

  it('treats an unknown 401 message as refused credentials', () => {
    const error = errorFromResponse(response(401, json('Key revoked')), undefined);
    assert.equal(error.code, 'invalidApiKey');
    assert.equal(error.fix, 'setCredentials');
    assert.match(error.message, /Key revoked/);
  });

  it('reports 429 with the wait', () => {
    const error = errorFromResponse(response(429, json('Too many requests')), 5000);
    assert.equal(error.code, 'rateLimited');
    assert.equal(error.retryAfterMs, 5000);
    assert.match(error.message, /Try again in 5 s/);
  });

  it('reports 429 without a wait when there is no Retry-After', () => {
    const error = errorFromResponse(response(429, ''), undefined);
    assert.equal(error.code, 'rateLimited');
    assert.equal(error.retryAfterMs, undefined);
    assert.doesNotMatch(error.message, /Try again in/);
  });

  for (const status of [500, 502, 503]) {
    it(`reports ${status} with an HTML body as a server error from a proxy`, () => {
      const error = errorFromResponse(response(status, HTML), undefined);
      assert.equal(error.code, 'serverError');
      assert.equal(error.status, status);
      assert.equal(error.fix, 'showLog');
      assert.match(error.message, /HTML/);
      assert.match(error.message, new RegExp(String(status)));
      assert.ok(!error.message.includes('<'));
    });
  }

  it('reports a 500 JSON error with its message and no mention of HTML', () => {
    const error = errorFromResponse(response(500, json('Database down')), 2000);
    assert.equal(error.code, 'serverError');
    assert.equal(error.retryAfterMs, 2000);
    assert.match(error.message, /Database down/);
    assert.doesNotMatch(error.message, /HTML/);
  });

  for (const [label, body] of [['a JSON message', json('Down for maintenance')], ['an HTML page', HTML], ['no message', '']] as const) {
    it(`says when to try again on a 503 with ${label} and a Retry-After, and "later" without one`, () => {
      const day = errorFromResponse(response(503, body), 86_400_000);
      assert.equal(day.code, 'serverError');
      assert.equal(day.retryAfterMs, 86_400_000);
      assert.match(day.message, /Try again in 24 h\.$/);
      assert.doesNotMatch(day.message, /later/);
      assert.match(errorFromResponse(response(503, body), undefined).message, /Try again later\.$/);
    });
  }

  it('refuses a redirect', () => {
    const error = errorFromResponse(response(302, '', { location: 'https://evil.example/' }), undefined);
    assert.equal(error.code, 'httpError');
    assert.equal(error.fix, 'openSettings');
    assert.match(error.message, /redirect/);
    assert.ok(!error.message.includes('evil'));
  });

  it('reports a 404 without a JSON error (a missing route) as an HTTP error, not a missing user', () => {
    const error = errorFromResponse(response(404, 'Not Found'), undefined);
    assert.equal(error.code, 'httpError');
    assert.match(error.message, /404/);
  });

  it('neutralises a hostile server message on an unknown status, and shows it as sent', () => {
    const hostile = '[click](command:workbench.action.closeWindow) <img src=x onerror=alert(1)> [x][r] $(zap)';
    const error = errorFromResponse(response(418, json(hostile)), undefined);
    assert.equal(error.code, 'httpError');
    assert.match(error.message, /418/);
    for (const live of [/\]\s*[([]/, /command:/i, /\$\(/]) {
      assert.doesNotMatch(error.message, live, 'no link, command: URI or icon');
    }
    assert.ok(error.message.replace(/\u200b/g, '').includes(hostile), `every character kept: ${error.message}`);
  });

  it("shows a 500's hostile text readably: literal in the notification and the row, escaped in the row's Markdown tooltip", () => {
    const said = 'Database [click here](command:workbench.action.quit) **down** <b>x</b> $(alert)';
    const error = errorFromResponse(response(500, json(said)), undefined);
    // Not "Database click herecommand\u200b:workbench.action.quit down bx/b $alert": the characters
    // stay, a zero-width space after "]", in "command:" and after "$" leaves no link and no icon.
    const inert = 'Database [click here]\u200b(command\u200b:workbench.action.quit) **down** <b>x</b> $\u200b(alert)';
    assert.equal(error.message, `The PLYR API had a server error: 500: "${inert}". Try again later.`);
    const row = errorRow({ message: error.message, fixTitle: 'Show Log' });
    assert.equal(typeof row.tooltip, 'object');
    const markdown = tooltipMarkdown(row.tooltip as MarkdownTooltip);
    assert.deepEqual(unescapedPunctuation(markdown), [], 'every mark escaped: Markdown shows it as typed');
    // What the tooltip shows once the escapes are read.
    assert.match(markdown.replace(/\\(.)/g, '$1'), new RegExp(`^${escapeRegExp(error.message)}\n\nClick: Show Log$`));
  });

  it('keeps a long or multi-line server message short and on one line', () => {
    const error = errorFromResponse(response(418, json(`first line\nsecond line ${'x'.repeat(500)}`)), undefined);
    assert.ok(!error.message.includes('\n'));
    assert.ok(error.message.length < 250, `length ${error.message.length}`);
  });
});

describe('jsonErrorMessage', () => {
  it('reads the error string of a JSON error body only', () => {
    assert.equal(jsonErrorMessage(json('User not found')), 'User not found');
    assert.equal(jsonErrorMessage(HTML), undefined);
    assert.equal(jsonErrorMessage('{"error":42}'), undefined);
    assert.equal(jsonErrorMessage('["error"]'), undefined);
    assert.equal(jsonErrorMessage('null'), undefined);
  });
});

describe('parseJsonBody', () => {
  it('parses JSON', () => {
    assert.deepEqual(parseJsonBody(response(200, '{"plyr":"1.0"}')), { plyr: '1.0' });
  });

  it('reports an HTML page as a malformed response mentioning HTML', () => {
    assert.throws(() => parseJsonBody(response(200, `  ${HTML}`)), (error: unknown) => {
      assert.equal((error as { code?: string }).code, 'malformedResponse');
      assert.match((error as Error).message, /HTML/);
      return true;
    });
  });

  it('reports other non-JSON text (a truncated answer) as a malformed response, that may have been cut off', () => {
    assert.throws(() => parseJsonBody(response(200, '{"plyr": "1.0", "gamr": ')), (error: unknown) => {
      assert.equal((error as { code?: string }).code, 'malformedResponse');
      assert.match((error as Error).message, /^The PLYR API's answer is not valid JSON: it may have been cut off on its way\. Refresh to ask again/);
      return true;
    });
  });
});

describe('notATokenContract: the token address is at fault only when viem says the contract had nothing to give', () => {
  const crash = (error: string) => response(500, JSON.stringify({ error, stack: `ContractFunctionExecutionError: ${error}` }));
  it('takes no data, and a revert without a reason (an NFT has no decimals)', () => {
    assert.equal(notATokenContract(crash('The contract function "balanceOf" returned no data ("0x").\n\nThis could be due to…'))?.code, 'invalidToken');
    assert.equal(notATokenContract(crash('The contract function "decimals" reverted.\n\nContract Call:\n  address: 0x…'))?.code, 'invalidToken');
  });
  it('leaves a revert with a reason (a paused token, or a node error viem words so) to the server error it is', () => {
    assert.equal(notATokenContract(crash('The contract function "balanceOf" reverted with the following reason:\nPausable: paused')), undefined);
    assert.equal(notATokenContract(crash('The contract function "transfer" reverted.')), undefined, 'not a call the balance route makes');
  });
});
