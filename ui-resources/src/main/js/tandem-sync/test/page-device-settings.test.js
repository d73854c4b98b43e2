import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Replica } from '../src/replica/replica.js';
import { HybridClock } from '../src/clock/hybrid-clock.js';
import { blobId } from '../src/blob/blob-transfer.js';
import * as items from '../app/items.js';
import { makeAnswerer } from '../../../resources/dev/tandem/ui/web/device-answer.js';
import { KeptFiles } from '../../../resources/dev/tandem/ui/web/device-kept-files.js';
import { memoryBackend } from './support/memory-kept-files.js';

// The settings of the page as its own device (docs/WEB.md): its card (name, remote, last sync, what waits, how often
// it syncs by itself) beside its files' budget, and the interval set, checked before it is kept.
const words = (key, ...args) => key + (args.length ? '(' + args.join(',') + ')' : '');

function device() {
  const replica = new Replica({ deviceId: crypto.randomUUID(), clock: new HybridClock(), mergeText: ['items.notes'] });
  const setting = { bytes: 100_000_000, get: () => setting.bytes, set: async (b) => { setting.bytes = b; } };
  const files = new KeptFiles({ backend: memoryBackend(), idOf: blobId, transfer: () => null, budget: () => setting.bytes });
  const state = { every: 3, kept: 0 };
  const answer = makeAnswerer({ replica, items, t: words, files, budget: setting, session: () => ({ own: true }),
    kept: async () => {},
    device: {
      info: () => ({ name: 'Anna’s phone', remote: 's3://bucket@http://127.0.0.1:1/tandem', lastSynced: 1_800_000_000_000,
        waiting: 2, everyMinutes: state.every }),
      setEvery: async (m) => { state.every = m; state.kept++; },
    } });
  const call = async (method, path, body) => {
    const res = await answer(path, { method, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, data: await res.json() };
  };
  return { call, state };
}

test('the settings answer this device\'s card beside its files', async () => {
  const d = device();
  const { status, data } = await d.call('GET', '/api/browsers');
  assert.equal(status, 200);
  assert.deepEqual(data.device, { name: 'Anna’s phone', remote: 's3://bucket@http://127.0.0.1:1/tandem',
    lastSynced: 1_800_000_000_000, waiting: 2, everyMinutes: 3 });
  assert.equal(data.files.budget, 100_000_000);
});

test('how often it syncs: 1 to 60 whole minutes are kept, anything else is refused with a sentence and kept not', async () => {
  const d = device();
  const ok = await d.call('POST', '/api/device/sync', { everyMinutes: 15 });
  assert.deepEqual([ok.status, ok.data.device.everyMinutes, d.state.kept], [200, 15, 1]);
  for (const bad of [0, 61, 2.5, '10', null, -1, 1e12]) {
    const r = await d.call('POST', '/api/device/sync', { everyMinutes: bad });
    assert.deepEqual([r.status, r.data.error], [400, 'page.device.card.everyBad(1,60)'], String(bad));
  }
  const broken = await d.call('POST', '/api/device/sync', undefined);
  assert.equal(broken.status, 400);
  assert.deepEqual([d.state.every, d.state.kept], [15, 1]);
});

test('the card carries what the browser keeps, from device.storage(), beside the rest', async () => {
  const replica = new Replica({ deviceId: crypto.randomUUID(), clock: new HybridClock(), mergeText: ['items.notes'] });
  const setting = { bytes: 1, get: () => setting.bytes, set: async () => {} };
  const files = new KeptFiles({ backend: memoryBackend(), idOf: blobId, transfer: () => null, budget: () => setting.bytes });
  const storage = { kept: 'page.device.card.mayClear', advice: 'page.device.card.openAdvice', used: null, forGood: false };
  const answer = makeAnswerer({ replica, items, t: words, files, budget: setting, session: () => ({ own: true }),
    kept: async () => {},
    device: { info: () => ({ name: 'A', remote: 'r', lastSynced: null, waiting: 0, everyMinutes: 3 }),
      setEvery: async () => {}, storage: async () => storage } });
  const data = await (await answer('/api/browsers', { method: 'GET' })).json();
  assert.deepEqual(data.device.storage, storage);
  assert.equal(data.device.name, 'A');
});
