import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeRequest, encodeRequest, grantKey, newAgreementPair, openGrant, openSealed, requestKey, sealGrant }
  from '../src/space/sealed.js';
import { goldenSkip, hex, readGolden, unhex } from './support/golden.js';
import { OWNER, SAM } from './support/space-fixture.js';

// The grant that carries a space's passphrase to a joiner and the join request, as the engine seals
// them (SpaceGoldenTest.write_grantAndRequest): X25519, HKDF-SHA256, AES-256-GCM under the object's
// name; opened here, sealed again to the same bytes with the same ephemeral key and nonce, and
// refused when moved, forged or meant for someone else.
const skip = goldenSkip('space');
const k = () => readGolden('space', 'keys').json;
const ak = () => readGolden('space', 'agreement-keys').json;
const pair = (j) => ({ private: unhex(j.private), public: unhex(j.public) });
const UTF8 = new TextEncoder();

test('golden agreement keys: each X25519 public key follows from its private key', { skip }, () => {
  for (const who of ['ownerAgreement', 'joiner', 'ephemeral']) {
    const j = ak()[who];
    assert.equal(hex(newAgreementPair(unhex(j.private).subarray(16)).public), j.public);
  }
});

test('golden grant: the joiner opens the engine\'s grant to the passphrase; sealed again to the same bytes', { skip }, async () => {
  const { bytes, json } = readGolden('space', 'grant');
  assert.equal(json.key, await grantKey('inv-1', unhex(k().member.public)));
  const opened = await openGrant(unhex(k().owner.public), unhex(ak().joiner.private), json.key, bytes);
  assert.equal(new TextDecoder().decode(opened), json.passphrase);
  const again = await sealGrant(unhex(k().owner.private), unhex(ak().joiner.public), json.key, UTF8.encode(json.passphrase),
    pair(ak().ephemeral), unhex(ak().nonce));
  assert.equal(hex(again), hex(bytes));
});

test('golden grant, hostile: another name, another key, a forged signature or a flipped bit is CORRUPT', { skip }, async () => {
  const { bytes, json } = readGolden('space', 'grant');
  const owner = unhex(k().owner.public);
  const joiner = unhex(ak().joiner.private);
  const refused = { reason: 'CORRUPT', message: /cannot be opened with this member's key/ };
  await assert.rejects(openGrant(owner, joiner, json.key.replace('inv-1', 'inv-2'), bytes), refused);
  await assert.rejects(openGrant(owner, unhex(ak().ownerAgreement.private), json.key, bytes), refused);
  await assert.rejects(openGrant(unhex(k().member.public), joiner, json.key, bytes), refused);
  const flipped = bytes.slice();
  flipped[flipped.length - 1] ^= 1;
  await assert.rejects(openGrant(owner, joiner, json.key, flipped), refused);
  await assert.rejects(openGrant(owner, joiner, json.key, bytes.subarray(0, 64)), refused);
  // re-signed by someone who is not the owner over a seal of their own: the owner's key does not verify it
  const mine = await sealGrant(SAM.private, unhex(ak().joiner.public), json.key, UTF8.encode('mine'));
  await assert.rejects(openGrant(owner, joiner, json.key, mine), refused);
  assert.equal(await openSealed(joiner, json.key, new Uint8Array(10)), null);
});

test('golden request: the owner\'s agreement key opens the engine\'s request; sealed again to the same bytes', { skip }, async () => {
  const { bytes, json } = readGolden('space', 'request');
  const member = unhex(k().member.public);
  assert.equal(json.key, await requestKey('inv-1', member));
  const r = await decodeRequest('inv-1', unhex(json.inviteSecret), unhex(ak().ownerAgreement.private), json.key, bytes);
  assert.deepEqual([r.name, hex(r.memberKey), hex(r.agreementKey)], ['Sam', k().member.public, ak().joiner.public]);
  const again = await encodeRequest('inv-1', unhex(json.inviteSecret), unhex(ak().ownerAgreement.public), 'Sam', member,
    unhex(ak().joiner.public), pair(ak().ephemeral), unhex(ak().nonce));
  assert.equal(hex(again), hex(bytes));
  const wrongSecret = new Uint8Array(32);
  await assert.rejects(decodeRequest('inv-1', wrongSecret, unhex(ak().ownerAgreement.private), json.key, bytes),
    /does not come from anyone holding the invite/);
  await assert.rejects(decodeRequest('inv-1', unhex(json.inviteSecret), unhex(ak().ownerAgreement.private), json.key,
    new Uint8Array(64 * 1024 + 1)), /larger than a join request/);
});

test('sealGrant and openGrant: a fresh grant opens only for its joiner', async () => {
  const joiner = newAgreementPair();
  const other = newAgreementPair();
  const key = await grantKey('x', SAM.public);
  const g = await sealGrant(OWNER.private, joiner.public, key, UTF8.encode('pass'));
  assert.equal(new TextDecoder().decode(await openGrant(OWNER.public, joiner.private, key, g)), 'pass');
  await assert.rejects(openGrant(OWNER.public, other.private, key, g), { reason: 'CORRUPT' });
});
