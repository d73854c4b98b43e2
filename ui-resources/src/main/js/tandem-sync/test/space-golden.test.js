import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeCert, decodeEntry, encodeCert, encodeEntry, entryHash, readSigned, verifySigned, wrapSigned,
  certKey } from '../src/space/space-objects.js';
import { fingerprint, publicKeyOf } from '../src/space/space-crypto.js';
import { decodeBatch } from '../src/wire/batch.js';
import { goldenSkip, hex, readGolden, unhex } from './support/golden.js';

// A shared space's own objects as the engine wrote them (SpaceGoldenTest): the signed envelope of a
// member's batch, the membership log's entries and a device certificate, read and checked with the
// keys' public halves and signed again to the same bytes (Ed25519 is deterministic); forged or
// moved ones are refused.
const skip = goldenSkip('space');
const keys = () => readGolden('space', 'keys').json;

test('golden space keys: each public key follows from its private key; the owner\'s fingerprint', { skip }, async () => {
  const k = keys();
  for (const who of ['owner', 'member', 'device']) {
    assert.equal(hex(publicKeyOf(unhex(k[who].private))), k[who].public);
  }
  assert.equal(await fingerprint(unhex(k.owner.public)), k.ownerFingerprint);
});

test('golden signed batch: the envelope verifies against the device\'s key, the body is the batch', { skip }, () => {
  const k = keys();
  const { bytes, json } = readGolden('space', 'signed-batch');
  const signed = readSigned(json.key, bytes);
  assert.equal(signed.signer, json.signer);
  assert.equal(hex(signed.body), json.body);
  assert.ok(verifySigned(json.key, signed, unhex(k.device.public)));
  assert.equal(verifySigned(json.key.replace(/1$/, '2'), signed, unhex(k.device.public)), false, 'not under another name');
  assert.equal(verifySigned(json.key, signed, unhex(k.member.public)), false, 'not another key\'s');
  assert.equal(decodeBatch(signed.body, json.key).changes[0].fields[0].value, 'Shared milk');
  assert.equal(hex(wrapSigned(json.key, signed.body, json.signer, unhex(k.device.private))), hex(bytes));
  assert.throws(() => readSigned(json.key, signed.body), { reason: 'CORRUPT' });
});

for (const name of ['entry-1', 'entry-2', 'entry-3-format-1']) {
  test('golden membership ' + name + ': read with the owner\'s key, signed again to the same bytes', { skip }, async () => {
    const k = keys();
    const { bytes, json } = readGolden('space', name);
    const e = decodeEntry(json.seq, bytes, unhex(k.owner.public));
    assert.deepEqual({ seq: json.seq, kind: e.kind, name: e.name, memberKey: e.memberKey && hex(e.memberKey),
      acceptedUpTo: [...e.acceptedUpTo].map(([device, seq]) => ({ device, seq })).sort((a, b) => (a.device < b.device
        ? -1 : 1)), agreementKey: e.agreementKey
        && hex(e.agreementKey), previous: e.previous && hex(e.previous), space: e.space },
    { ...json, acceptedUpTo: json.acceptedUpTo.slice().sort((a, b) => (a.device < b.device ? -1 : 1)) });
    assert.equal(hex(encodeEntry(e, json.seq, unhex(k.owner.private))), hex(bytes));
    await assert.rejects(async () => decodeEntry(json.seq + 10, bytes, unhex(k.owner.public)), /not signed by the space's owner/);
    assert.throws(() => decodeEntry(json.seq, bytes, unhex(k.member.public)), { reason: 'CORRUPT' });
  });
}

test('golden membership chain: entry 2 names the SHA-256 of entry 1 as stored', { skip }, async () => {
  const k = keys();
  const e1 = readGolden('space', 'entry-1').bytes;
  const e2 = decodeEntry(2, readGolden('space', 'entry-2').bytes, unhex(k.owner.public));
  assert.equal(hex(e2.previous), hex(await entryHash(e1)));
});

test('golden device certificate: read, checked against the member\'s key, signed again', { skip }, async () => {
  const k = keys();
  const { bytes, json } = readGolden('space', 'cert');
  assert.equal(await certKey(json.device, unhex(json.deviceKey)), json.key);
  const { cert, signedByMember } = await decodeCert(json.key, bytes, unhex(k.member.public));
  assert.deepEqual([cert.device, hex(cert.deviceKey), cert.member], [json.device, json.deviceKey, json.member]);
  assert.ok(signedByMember);
  assert.equal((await decodeCert(json.key, bytes, unhex(k.owner.public))).signedByMember, false);
  assert.equal(hex(await encodeCert(cert, unhex(k.member.private))), hex(bytes));
  await assert.rejects(decodeCert(json.key.replace(/.$/, '0'), bytes, unhex(k.member.public)), { reason: 'CORRUPT' });
});
