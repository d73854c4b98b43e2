import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { WebDavStorage } from '../src/storage/webdav.js';
import { storageContract } from './support/storage-contract.js';
import { startApache, startRclone } from './support/servers.js';

// The storage contract against real WebDAV servers on 127.0.0.1: Apache httpd's mod_dav (the
// reference, If-None-Match) and rclone serve webdav (Go's x/net/webdav, PUT then MOVE with
// Overwrite: F), each folder fresh per test, Basic auth as Nextcloud asks it.
const servers = {};
let folderCount = 0;

before(async () => {
  servers.apache = await startApache();
  servers.rclone = await startRclone();
});
after(async () => {
  for (const s of Object.values(servers)) await s.stop?.();
});

async function freshFolder(server) {
  const url = server.url + 'tandem-js-' + process.pid + '-' + ++folderCount + '/';
  const r = await fetch(url, { method: 'MKCOL', headers: { authorization: 'Basic ' + btoa(server.user + ':'
    + server.password) } });
  if (r.status !== 201) throw new Error('MKCOL ' + url + ': HTTP ' + r.status);
  return new WebDavStorage({ url, user: server.user, password: server.password });
}

for (const [label, kind, race] of [['Apache mod_dav', 'apache', 'checked'], ['rclone serve webdav', 'rclone', 'checked']]) {
  storageContract(label, async () => ({ storage: await freshFolder(servers[kind]) }),
    { skip: () => servers[kind]?.skip ?? false, race });
}

test('WebDAV: the create mode each server honours, a missing folder, a wrong password', async (t) => {
  for (const [kind, mode] of [['apache', 'if-none-match'], ['rclone', 'move']]) {
    const server = servers[kind];
    if (server.skip) {
      t.diagnostic(server.skip);
      continue;
    }
    const s = await freshFolder(server);
    assert.equal(await s.createIfAbsent('a/b', new Uint8Array([1])), true);
    assert.equal(s.mode, mode, kind);
    const missing = new WebDavStorage({ url: server.url + 'no-such-folder-' + process.pid + '/', user: server.user,
      password: server.password });
    await assert.rejects(missing.list('', null, 10), { reason: 'NOT_FOUND' });
    await assert.rejects(missing.createIfAbsent('x', new Uint8Array(1)), { reason: 'NOT_FOUND' });
    const wrong = new WebDavStorage({ url: server.url, user: server.user, password: 'wrong' });
    await assert.rejects(wrong.list('', null, 10), { reason: 'AUTH' });
  }
});

test('WebDAV: a 403 to MKCOL is a folder another writer made meanwhile when it exists, a refusal when not', async (t) => {
  const server = servers.apache;
  if (server.skip) {
    t.diagnostic(server.skip);
    return;
  }
  const auth = { authorization: 'Basic ' + btoa(server.user + ':' + server.password) };
  // Apache answers 403, not 405, to the MKCOL that lost a race for the same folder: played here by another writer's
  // MKCOL of the folder reaching the server first, this storage's answered as Apache answers the loser.
  const lost = (storage, otherWins) => {
    const req = storage.req.bind(storage);
    storage.req = async (method, name, opts) => {
      if (method !== 'MKCOL') return req(method, name, opts);
      if (otherWins) await fetch(opts.url, { method: 'MKCOL', headers: auth });
      return { status: 403, headers: new Headers(), body: null };
    };
  };
  const s = await freshFolder(server);
  lost(s, true);
  await s.overwrite('won/x', new Uint8Array([7]));
  assert.deepEqual([...(await s.get('won/x'))], [7]);
  const other = await freshFolder(server);
  lost(other, false);
  await assert.rejects(other.overwrite('never/x', new Uint8Array([7])), /403/);
});
