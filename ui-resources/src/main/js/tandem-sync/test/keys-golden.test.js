import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keyringBytes, openKeyring, openSlot, parseKeyring, sealKeyring, sealSlot } from '../src/keys/keyring.js';
import { fromPassphrase, fromRecoveryKey } from '../src/keys/kdf.js';
import { formatRecoveryCode, parseRecoveryCode } from '../src/keys/recovery-code.js';
import { decryptObject, encryptObject, keyIdOf } from '../src/storage/object-cipher.js';
import { blobKey, blobName } from '../src/blob/blob-keys.js';
import { decryptBlob, decryptChunks, encryptBlob, encryptChunks } from '../src/blob/blob-cipher.js';
import { goldenSkip, hex, readGolden, unhex } from './support/golden.js';

// The keyring after a rotation and with recovery keys, encrypted objects of both versions and
// attachments, as the engine wrote them (KeysGoldenTest, ObjectGoldenTest, BlobGoldenTest): each
// read and opened with its secret, then written again from the same inputs to the same bytes.
const skipKeys = goldenSkip('keys');
const skipObjects = goldenSkip('objects');
const skipBlobs = goldenSkip('blobs');

for (const g of [1, 2, 3, 4]) {
  test('golden keyring generation ' + g + ': parsed, opened by every slot, sealed again to the same bytes',
    { skip: skipKeys }, async () => {
      const { bytes, json } = readGolden('keys', 'keyring-' + g);
      const ring = parseKeyring(bytes, json.key, 'here');
      assert.equal(ring.generation, json.generation);
      assert.equal(ring.event, json.event);
      assert.equal(ring.legacyDescriptor, json.legacyDescriptor);
      assert.equal(ring.changedAtMillis, json.changedAtMillis);
      assert.equal(ring.changedBy, json.changedBy);
      assert.equal(hex(ring.keysNonce), json.keysNonce);
      assert.equal(ring.slots.length, json.slots.length);
      for (let i = 0; i < ring.slots.length; i++) {
        const s = ring.slots[i];
        const e = json.slots[i];
        assert.deepEqual({ type: s.type, kdf: { id: s.kdf.id, passes: s.kdf.cost, memoryKiB: s.kdf.memoryKiB,
          lanes: s.kdf.parallelism }, salt: hex(s.salt), nonce: hex(s.nonce), wrapped: hex(s.wrapped) },
        { type: e.type, kdf: e.kdf, salt: e.salt, nonce: e.nonce, wrapped: e.wrapped });
        const kek = s.type === 1 ? await fromPassphrase(s.kdf, e.secret, s.salt)
          : await fromRecoveryKey(s.kdf, await parseRecoveryCode(e.secret), s.salt);
        assert.equal(hex(kek), e.kek, 'slot ' + i + ' derives the engine\'s key from its secret');
        assert.equal(hex(await openSlot(s, kek)), json.keyringKey);
      }
      const keys = await openKeyring(ring, unhex(json.keyringKey), 'here');
      assert.deepEqual(keys.map((k) => ({ id: k.id, key: hex(k.key) })), json.dataKeys);
      const slots = [];
      for (let i = 0; i < ring.slots.length; i++) {
        const s = ring.slots[i];
        slots.push(await sealSlot(s.type, s.kdf, s.salt, unhex(json.slots[i].kek), unhex(json.keyringKey), s.nonce));
      }
      const again = await sealKeyring({ generation: ring.generation, event: ring.event,
        legacyDescriptor: ring.legacyDescriptor, changedAtMillis: ring.changedAtMillis, changedBy: ring.changedBy,
        slots }, keys, unhex(json.keyringKey), ring.keysNonce);
      assert.equal(hex(keyringBytes(again)), hex(bytes));
    });
}

test('golden keyring: a wrong passphrase opens no slot, a flipped byte fails the data keys', { skip: skipKeys },
  async () => {
    const { bytes, json } = readGolden('keys', 'keyring-2');
    const ring = parseKeyring(bytes, json.key, 'here');
    const wrong = await fromRecoveryKey(ring.slots[1].kdf, new Uint8Array(16), ring.slots[1].salt);
    assert.equal(await openSlot(ring.slots[1], wrong), null);
    const flipped = bytes.slice();
    flipped[13] ^= 1;
    const forged = parseKeyring(flipped, json.key, 'here');
    await assert.rejects(openKeyring(forged, unhex(json.keyringKey), 'here'), { reason: 'CORRUPT' });
  });

test('golden recovery codes: the engine\'s text for each secret, and back', { skip: skipKeys }, async () => {
  const { json } = readGolden('keys', 'recovery-codes');
  for (const c of json.codes) {
    assert.equal(await formatRecoveryCode(unhex(c.secret)), c.code);
    assert.equal(hex(await parseRecoveryCode(c.code.toLowerCase().replace(/-/g, ' '))), c.secret);
  }
  const typo = json.codes[0].code.replace(/^(.{5})./, (m, p) => p + (m[5] === 'A' ? 'B' : 'A'));
  await assert.rejects(parseRecoveryCode(typo), /check characters|not a valid/);
});

for (const name of ['object-v1', 'object-v2', 'object-empty']) {
  test('golden ' + name + ': decrypted, and encrypted again to the same bytes', { skip: skipObjects }, async () => {
    const { bytes, json } = readGolden('objects', name);
    assert.equal(keyIdOf(json.name, bytes, 'here'), json.keyId);
    assert.equal(hex(await decryptObject(unhex(json.key), json.name, bytes, 'here')), json.plaintext);
    assert.equal(hex(await encryptObject(json.keyId, unhex(json.key), json.name, unhex(json.plaintext),
      unhex(json.nonce))), hex(bytes));
    await assert.rejects(decryptObject(unhex(json.key), json.name + 'x', bytes, 'here'), { reason: 'CORRUPT' });
  });
}

test('golden attachments: names, keys and TDEB bytes equal, every file reads back', { skip: skipBlobs }, async () => {
  const gen = readGolden('blobs', 'generation').json;
  for (const file of gen.files) {
    const { bytes, json } = readGolden('blobs', file);
    const plain = new Uint8Array(json.size);
    for (let i = 0; i < json.size; i++) plain[i] = (i * 31 + json.size) & 0xff;
    assert.equal(await blobName(unhex(gen.secret), json.id), json.name);
    const key = await blobKey(unhex(gen.secret), json.id);
    assert.equal(hex(key), json.key);
    assert.equal(hex(await encryptBlob(plain, key, gen.number, json.name)), hex(bytes));
    const back = await decryptBlob(bytes, (g) => (g === gen.number ? key : null), json.name);
    assert.equal(hex(back), hex(plain));
    // Streamed, in pieces of odd sizes: the same bytes each way.
    const pieces = async function* (b, size) {
      for (let at = 0; at < b.length; at += size) yield b.slice(at, at + size);
      if (b.length === 0) yield new Uint8Array(0);
    };
    const collect = async (it) => {
      const out = [];
      for await (const p of it) out.push(Buffer.from(p));
      return new Uint8Array(Buffer.concat(out));
    };
    assert.equal(hex(await collect(encryptChunks(pieces(plain, 1000), plain.length, key, gen.number, json.name))),
      hex(bytes));
    assert.equal(hex(await collect(decryptChunks(pieces(bytes, 7777), (g) => (g === gen.number ? key : null),
      json.name))), hex(plain));
    await assert.rejects(collect(decryptChunks(pieces(new Uint8Array([...bytes, 0]), 4096), () => key, json.name)),
      { name: 'DamagedAttachmentError' });
    if (json.size > 65536) {
      const cut = bytes.subarray(0, 9 + 65536 + 16);
      await assert.rejects(decryptBlob(cut, () => key, json.name), /does not authenticate/);
    }
    await assert.rejects(decryptBlob(new Uint8Array([...bytes, 0]), () => key, json.name), { reason: 'CORRUPT' });
    await assert.rejects(decryptBlob(bytes, () => key, json.name + '0'), { reason: 'CORRUPT' });
  }
});
