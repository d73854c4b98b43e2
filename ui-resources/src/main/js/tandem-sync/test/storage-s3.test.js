import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { S3Storage } from '../src/storage/s3.js';
import { storageContract } from './support/storage-contract.js';
import { loopbackFetch } from './support/loopback-fetch.js';
import { createBucket, startS3Proxy, startS3rver } from './support/servers.js';

// The storage contract against a real S3 server on 127.0.0.1, S3Proxy (what the engine's own S3 tests
// and the cross-implementation test use), path-style as the engine addresses it and virtual-host
// through a fetch that sends bucket.localhost's requests to the server with that Host header. s3rver
// ignores If-None-Match, as the engine's S3rverStorageTest pins; here too, so a fixed s3rver shows.
const servers = {};
let bucketCount = 0;

before(async () => {
  servers.s3proxy = await startS3Proxy();
  servers.virtual = await startS3Proxy({ virtualHost: 'localhost' });
  servers.s3rver = await startS3rver();
});
after(async () => {
  for (const s of Object.values(servers)) await s.stop?.();
});

function suite(label, kind, addressing, race) {
  storageContract(label, async () => {
    const server = servers[kind];
    const bucket = 'tandem-js-' + process.pid + '-' + ++bucketCount;
    let fetchImpl = globalThis.fetch;
    if (addressing === 'virtual') {
      // No DNS for bucket.localhost here: the request goes to 127.0.0.1 with the name in the Host header.
      fetchImpl = loopbackFetch;
    }
    const endpoint = addressing === 'virtual' ? server.endpoint.replace('127.0.0.1', 'localhost') : server.endpoint;
    await createBucket(server, bucket, { endpoint, fetchImpl });
    return { storage: new S3Storage({ endpoint, bucket, accessKey: server.accessKey,
      secretKey: server.secretKey, addressing, fetch: fetchImpl }) };
  }, { skip: () => servers[kind]?.skip ?? false, race });
}

suite('S3Proxy, path-style', 's3proxy', 'path', 'exact');
suite('S3Proxy, virtual-host', 'virtual', 'virtual', 'exact');

test('s3rver: ignores If-None-Match (pinned, as the engine pins it; sync refuses such a server)', async (t) => {
  const server = servers.s3rver;
  if (server.skip) return t.skip(server.skip);
  const bucket = 'tandem-js-s3rver-' + process.pid;
  await createBucket(server, bucket);
  const s = new S3Storage({ endpoint: server.endpoint, bucket, accessKey: server.accessKey, secretKey: server.secretKey });
  assert.equal(await s.createIfAbsent('k', new Uint8Array([1])), true);
  assert.equal(await s.createIfAbsent('k', new Uint8Array([2])), true, 'deviation: If-None-Match is ignored');
  assert.deepEqual(await s.get('k'), new Uint8Array([2]));
  assert.deepEqual(await s.list('', null, 10), ['k']);
});

test('S3: wrong keys are AUTH, a missing bucket NOT_FOUND, an oversized object refused unread', async (t) => {
  const server = servers.s3proxy;
  if (server.skip) return t.skip(server.skip);
  const bucket = 'tandem-js-auth-' + process.pid;
  await createBucket(server, bucket);
  const wrong = new S3Storage({ endpoint: server.endpoint, bucket, accessKey: server.accessKey, secretKey: 'nope' });
  await assert.rejects(wrong.list('', null, 10), { reason: 'AUTH' });
  const none = new S3Storage({ endpoint: server.endpoint, bucket: 'no-such-bucket-' + process.pid,
    accessKey: server.accessKey, secretKey: server.secretKey });
  await assert.rejects(none.list('', null, 10), { reason: 'NOT_FOUND' });
  const s = new S3Storage({ endpoint: server.endpoint, bucket, accessKey: server.accessKey, secretKey: server.secretKey });
  await s.createIfAbsent('big', new Uint8Array(65 * 1024 * 1024 + 1));
  await assert.rejects(s.get('big'), /more than any Tandem object/);
});
