import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryStorage } from '../src/storage/memory.js';
import { EncryptedStorage } from '../src/storage/encrypted.js';
import { changePassphrase, finishRotation, newRecoveryKey, startRotation } from '../src/keys/key-changes.js';
import { parseRecoveryCode } from '../src/keys/recovery-code.js';
import { keyringBytes, objectKey, parseKeyring, sealKeyring, sealSlot } from '../src/keys/keyring.js';
import { argonRuns } from '../src/keys/kdf.js';
import { randomBytes } from '../src/crypto/aead.js';

// The keyring's life on a remote, as docs/ENCRYPTION.md tells it, and what a forged keyring gets.
const pass = (p) => ({ type: 'passphrase', passphrase: p });
const utf8 = (s) => new TextEncoder().encode(s);

test('a first device sets up the keyring; a second opens it; a wrong passphrase reads and writes nothing', async () => {
  const below = new MemoryStorage();
  const a = new EncryptedStorage(below, pass('correct horse'));
  assert.equal(await a.createIfAbsent('heads/x/000000000001', utf8('hello')), true);
  assert.deepEqual((await below.list('', null, 10)).sort(), ['encryption', 'heads/x/000000000001', 'keys/0000000001']);
  assert.notDeepEqual(await below.get('heads/x/000000000001'), utf8('hello'));
  const b = new EncryptedStorage(below, pass('correct horse'));
  assert.equal(new TextDecoder().decode(await b.get('heads/x/000000000001')), 'hello');
  assert.deepEqual(await b.list('', null, 10), ['heads/x/000000000001']);
  const wrong = new EncryptedStorage(below, pass('wrong'));
  await assert.rejects(wrong.list('', null, 10), { name: 'WrongPassphraseError' });
  const before = argonRuns();
  await assert.rejects(wrong.delete('heads/x/000000000001'), { name: 'WrongPassphraseError' });
  assert.equal(argonRuns(), before, 'the verdict is kept: no second derivation');
  assert.ok(await below.get('heads/x/000000000001'));
  await assert.rejects(b.get('keys/0000000001'), { reason: 'CORRUPT' });
});

test('a passphrase change stops the other device with the changed-on message; the recovery key opens', async () => {
  const below = new MemoryStorage();
  const a = new EncryptedStorage(below, pass('one passphrase'), { deviceName: 'sam-laptop' });
  await a.createIfAbsent('batches/d/000000000001', utf8('data'));
  const b = new EncryptedStorage(below, pass('one passphrase'));
  await b.get('batches/d/000000000001');
  const made = await a.change((u) => newRecoveryKey(a.keyring, u));
  await b.refresh();
  assert.equal(new TextDecoder().decode(await b.get('batches/d/000000000001')), 'data', 'a new recovery key changes nothing for others');
  await a.change((u) => changePassphrase(a.keyring, u, 'two passphrase'));
  await assert.rejects(b.refresh(), (e) => e.name === 'WrongPassphraseError' && /changed on sam-laptop/.test(e.message));
  await assert.rejects(b.get('batches/d/000000000001'), { name: 'WrongPassphraseError' });
  const viaRecovery = new EncryptedStorage(below, { type: 'recovery', secret: await parseRecoveryCode(made.recoveryKey) });
  assert.equal(new TextDecoder().decode(await viaRecovery.get('batches/d/000000000001')), 'data');
  assert.deepEqual(await below.list('keys/', null, 10), ['keys/0000000003'], 'older generations deleted');
});

test('a rotation re-encrypts under a new key that the old passphrase cannot open', async () => {
  const below = new MemoryStorage();
  const a = new EncryptedStorage(below, pass('before rotation'));
  await a.createIfAbsent('batches/d/000000000001', utf8('kept'));
  const old = await below.get('batches/d/000000000001');
  const started = await a.change((u) => startRotation(a.keyring, u, 'after rotation'));
  assert.equal(started.unlocked.keys.length, 2);
  assert.ok((await a.reencrypt('batches/d/000000000001')) > 0);
  assert.equal(await a.reencrypt('batches/d/000000000001'), 0);
  await a.change((u) => finishRotation(a.keyring, u));
  assert.notDeepEqual(await below.get('batches/d/000000000001'), old);
  const fresh = new EncryptedStorage(below, pass('after rotation'));
  assert.equal(new TextDecoder().decode(await fresh.get('batches/d/000000000001')), 'kept');
  assert.equal(fresh.unlocked.keys.length, 1);
  await assert.rejects(new EncryptedStorage(below, pass('before rotation')).get('batches/d/000000000001'),
    { name: 'WrongPassphraseError' });
  await below.overwrite('batches/d/000000000002', old);
  await assert.rejects(fresh.get('batches/d/000000000002'), /data key 0/);
});

test('a forged newest generation nobody can open: WRONG_PASSPHRASE, and nothing is deleted', async () => {
  const below = new MemoryStorage();
  const a = new EncryptedStorage(below, pass('real passphrase'));
  await a.createIfAbsent('batches/d/000000000001', utf8('x'));
  const u = a.unlocked;
  const kek = randomBytes(32);
  const slot = await sealSlot(1, u.via.kdf, randomBytes(16), kek, randomBytes(32));
  const forged = await sealKeyring({ generation: 2, event: 3, changedAtMillis: 0, changedBy: 'mallory', slots: [slot] },
    [{ id: 0, key: randomBytes(32) }], randomBytes(32));
  await below.createIfAbsent(objectKey(2), keyringBytes(forged));
  const b = new EncryptedStorage(below, pass('real passphrase'));
  await assert.rejects(b.get('batches/d/000000000001'), (e) => e.name === 'WrongPassphraseError' && /mallory/.test(e.message));
  assert.deepEqual(await below.list('keys/', null, 10), ['keys/0000000001', 'keys/0000000002']);
});

test('hostile KDF parameters are refused before anything is derived', async () => {
  const below = new MemoryStorage();
  const a = new EncryptedStorage(below, pass('p'));
  await a.createIfAbsent('x', utf8('x'));
  const bytes = await below.get('keys/0000000001');
  const ring = parseKeyring(bytes, 'keys/0000000001', 'here');
  for (const [memory, passes, lanes] of [[4 * 1024 * 1024, 3, 4], [8 * 1024, 3, 4], [20 * 1024, 1, 4], [65536, 17, 4],
    [65536, 3, 0], [65536, 3, 17]]) {
    const tampered = bytes.slice();
    const v = new DataView(tampered.buffer);
    const at = 4 + 1 + 4 + 1 + 1 + 8 + 1 + ring.changedBy.length + 1 + 1;
    v.setInt32(at + 1, passes);
    v.setInt32(at + 5, memory);
    tampered[at + 9] = lanes;
    const runs = argonRuns();
    const b = new MemoryStorage();
    await b.createIfAbsent('keys/0000000001', tampered);
    await assert.rejects(new EncryptedStorage(b, pass('p')).list('', null, 1), { reason: 'CORRUPT' });
    assert.equal(argonRuns(), runs);
  }
  const huge = new MemoryStorage();
  await huge.createIfAbsent('keys/0000000001', new Uint8Array(5000));
  await assert.rejects(new EncryptedStorage(huge, pass('p')).list('', null, 1), { reason: 'CORRUPT' });
  const cut = new MemoryStorage();
  await cut.createIfAbsent('keys/0000000001', bytes.subarray(0, 40));
  await assert.rejects(new EncryptedStorage(cut, pass('p')).list('', null, 1), /ends early/);
});

test('plain data already on the remote: a device with a passphrase writes nothing (ENCRYPTION_MISMATCH)', async () => {
  const below = new MemoryStorage();
  await below.createIfAbsent('heads/d/000000000001', utf8('plain'));
  await assert.rejects(new EncryptedStorage(below, pass('p')).list('', null, 1), { reason: 'ENCRYPTION_MISMATCH' });
  assert.deepEqual(await below.list('', null, 10), ['heads/d/000000000001']);
});
