import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { apiRoot } from '../../src/core/api/networks';
import { originToConfirm, requestRefusal, serverNotConfirmed } from '../../src/core/api/serverTrust';

const root = (url: string) => {
  const r = apiRoot('custom', url);
  assert.ok(r.ok);
  return r.url;
};
const MAINNET = (() => {
  const r = apiRoot('mainnet', '');
  assert.ok(r.ok);
  return r.url;
})();
const NONE = new Set<string>();

describe('originToConfirm', () => {
  it('asks about a server that the workspace chose', () => {
    assert.equal(originToConfirm(root('https://evil.example/api'), { workspace: 'https://evil.example/api' }, NONE), 'https://evil.example');
    assert.equal(originToConfirm(root('http://127.0.0.1:4555'), { workspace: 'http://127.0.0.1:4555', user: 'http://127.0.0.1:9999' }, NONE), 'http://127.0.0.1:4555');
  });

  it('does not ask about the user\'s own setting, an official server, or a server already allowed', () => {
    assert.equal(originToConfirm(root('https://mine.example'), { user: 'https://mine.example' }, NONE), undefined, 'set by the user');
    assert.equal(originToConfirm(root('https://mine.example/api/'), { workspace: 'https://mine.example', user: 'https://mine.example/api' }, NONE), undefined, 'the workspace repeats the user\'s own server');
    assert.equal(originToConfirm(MAINNET, { workspace: 'https://evil.example' }, NONE), undefined, 'the network is an official one; the custom URL is not used');
    assert.equal(originToConfirm(root('https://api.plyr.network'), { workspace: 'https://api.plyr.network' }, NONE), undefined, 'the official server, given as a custom URL');
    assert.equal(originToConfirm(root('https://evil.example'), { workspace: 'https://evil.example' }, new Set(['https://evil.example'])), undefined);
  });

  it('keys the confirmation by origin: another port or scheme is another server', () => {
    const allowed = new Set(['https://evil.example']);
    assert.equal(originToConfirm(root('https://evil.example:8443'), { workspace: 'https://evil.example:8443' }, allowed), 'https://evil.example:8443');
    assert.equal(originToConfirm(root('http://localhost:8080'), { workspace: 'http://localhost:8080' }, new Set(['http://localhost:9090'])), 'http://localhost:8080');
  });

  it("asks when the workspace turns on the custom network that the user's own settings do not use", () => {
    // The user once set a custom URL (an old local simulator); the workspace only flips the network.
    const old = root('http://127.0.0.1:4555');
    assert.equal(originToConfirm(old, { user: 'http://127.0.0.1:4555', workspaceNetwork: 'custom' }, NONE), 'http://127.0.0.1:4555');
    assert.equal(originToConfirm(old, { user: 'http://127.0.0.1:4555', workspaceNetwork: 'custom', userNetwork: 'mainnet' }, NONE), 'http://127.0.0.1:4555');
    assert.equal(originToConfirm(old, { user: 'http://127.0.0.1:4555', workspaceNetwork: 'custom', userNetwork: 'custom' }, NONE), undefined, 'the user is on custom already');
    assert.equal(originToConfirm(old, { user: 'http://127.0.0.1:4555', workspaceNetwork: 'custom' }, new Set(['http://127.0.0.1:4555'])), undefined, 'allowed once');
    assert.equal(originToConfirm(old, { user: 'http://127.0.0.1:4555', userNetwork: 'custom' }, NONE), undefined, 'the user chose it all');
  });

  it("asks about any custom server in a dev container or a codespace, whose user settings a repository's devcontainer.json can write", () => {
    const remote = { user: 'https://evil.example', userNetwork: 'custom', container: true };
    assert.equal(originToConfirm(root('https://evil.example'), remote, NONE), 'https://evil.example');
    assert.equal(originToConfirm(root('https://evil.example'), remote, new Set(['https://evil.example'])), undefined, 'allowed once');
    assert.equal(originToConfirm(MAINNET, remote, NONE), undefined, 'an official server');
    assert.match(serverNotConfirmed('https://evil.example', true).message, /^This dev container's settings set the PLYR API server to 'https:\/\/evil\.example'/);
  });

  it('names the server and its fix in the error', () => {
    const error = serverNotConfirmed('https://evil.example');
    assert.equal(error.code, 'serverNotConfirmed');
    assert.equal(error.fix, 'allowServer');
    assert.match(error.message, /https:\/\/evil\.example/);
  });

  it("quotes the origin, so that a host holding `$(` shows as typed in Test Connection's list, not as an icon", () => {
    const origin = new URL('https://$(pass-filled)api.example').origin;
    assert.equal(origin, 'https://$(pass-filled)api.example', 'new URL keeps it');
    const { message } = serverNotConfirmed(origin);
    assert.ok(message.includes("'https://$\u200b(pass-filled)api.example'"), message);
    assert.ok(!message.includes('$('), message);
  });
});

describe('requestRefusal', () => {
  const EVIL = root('https://evil.example/api');
  const chosenByWorkspace = { root: EVIL, sources: { workspace: 'https://evil.example/api' } };

  it('refuses a request to the server the settings name while it waits for the user, and lets it go once allowed', () => {
    assert.deepEqual(requestRefusal(EVIL, chosenByWorkspace, NONE), { origin: 'https://evil.example' });
    assert.equal(requestRefusal(EVIL, chosenByWorkspace, new Set(['https://evil.example'])), undefined);
    assert.equal(requestRefusal(EVIL, { root: EVIL, sources: { user: 'https://evil.example/api' } }, NONE), undefined, "the user's own");
  });

  it('cancels a request built for a server the settings have left while it waited, whoever chose it', () => {
    // The workspace pointed at evil.example, then away (its setting removed) while the request waited for the keyring.
    assert.equal(requestRefusal(EVIL, { root: MAINNET, sources: {} }, NONE), 'left');
    assert.equal(requestRefusal(EVIL, { root: undefined, sources: {} }, NONE), 'left', 'the settings name no valid server now');
    assert.equal(requestRefusal(EVIL, { root: MAINNET, sources: {} }, new Set(['https://evil.example'])), undefined, 'an allowed server may still be asked');
    assert.equal(requestRefusal(MAINNET, chosenByWorkspace, NONE), undefined, 'an official one too');
  });
});
