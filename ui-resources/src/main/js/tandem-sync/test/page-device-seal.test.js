import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isSealed, newStoreKey, openBytes, openText, seal } from '../../../resources/dev/tandem/ui/web/device-seal.js';

// The own device's records in the browser, sealed under the store key (docs/WEB.md, "What the browser keeps, and
// how"): a record opens only under its key and its name; anything else opens as null, never a throw.

test('newStoreKey is AES-GCM 256 and not extractable', async () => {
  const key = await newStoreKey();
  assert.equal(key.extractable, false);
  assert.deepEqual([key.algorithm.name, key.algorithm.length], ['AES-GCM', 256]);
  await assert.rejects(crypto.subtle.exportKey('raw', key));
});

test('seal then open gives the text back; the sealed record holds none of it and a fresh IV each time', async () => {
  const key = await newStoreKey();
  const text = JSON.stringify({ remote: { secretKey: 'S3CR3T-KEY-VALUE' }, name: 'Anna’s phone' });
  const a = await seal(key, 'settings', text);
  const b = await seal(key, 'settings', text);
  assert.ok(isSealed(a));
  assert.equal(a.iv.length, 12);
  assert.notDeepEqual(a.iv, b.iv);
  assert.ok(!Buffer.from(a.data).toString('latin1').includes('S3CR3T'));
  assert.equal(await openText(key, 'settings', a), text);
  const bytes = new Uint8Array([0, 1, 2, 255]);
  assert.deepEqual(await openBytes(key, 'file:abc', await seal(key, 'file:abc', bytes)), bytes);
});

test('a record put under another name, another key, flipped or truncated opens as null', async () => {
  const key = await newStoreKey();
  const other = await newStoreKey();
  const screen = await seal(key, 'screen', '{"format":1}');
  assert.equal(await openText(key, 'state', screen), null, 'the screen swapped into the state');
  assert.equal(await openText(other, 'screen', screen), null, 'another key');
  const data = new Uint8Array(screen.data.slice(0));
  data[3] ^= 1;
  assert.equal(await openText(key, 'screen', { ...screen, data: data.buffer }), null, 'a flipped byte');
  const iv = screen.iv.slice();
  iv[0] ^= 1;
  assert.equal(await openText(key, 'screen', { ...screen, iv }), null, 'a flipped IV');
  assert.equal(await openText(key, 'screen', { ...screen, data: screen.data.slice(0, 8) }), null, 'truncated');
});

test('what is not a sealed record opens as null: plain JSON, junk, another version, no key', async () => {
  const key = await newStoreKey();
  const good = await seal(key, 'state', '{}');
  for (const junk of [undefined, null, '{"plain":true}', { remote: {} }, 42, [], { v: 2, iv: good.iv, data: good.data },
    { v: 1, iv: 'x', data: good.data }, { v: 1, iv: good.iv, data: 'x' }, { v: 1, iv: new Uint8Array(8), data: good.data }]) {
    assert.equal(await openText(key, 'state', junk), null, String(JSON.stringify(junk)));
  }
  assert.equal(await openText(null, 'state', good), null);
});

test('bytes that are not UTF-8 open as null text', async () => {
  const key = await newStoreKey();
  assert.equal(await openText(key, 'state', await seal(key, 'state', new Uint8Array([0xff, 0xfe]))), null);
});
