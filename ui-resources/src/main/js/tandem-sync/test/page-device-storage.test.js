import { test } from 'node:test';
import assert from 'node:assert/strict';
import { askToKeep, storageFacts, storageWords } from '../../../resources/dev/tandem/ui/web/device-storage.js';

// Whether the browser keeps the own device's data (docs/WEB.md, "Honest about the browser's limits"): the facts read
// from navigator.storage and the display mode, and This device's card's words made from them.
const words = (key, ...args) => key + (args.length ? '(' + args.join(',') + ')' : '');
const ANDROID = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36';
const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 Version/17.4 Mobile/15E148 Safari/604.1';
const IPAD = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 Version/17.4 Safari/605.1.15';
const nav = (ua, storage, extra = {}) => ({ userAgent: ua, maxTouchPoints: 0, storage, ...extra });
const win = (standalone) => ({ matchMedia: (q) => ({ matches: standalone && q === '(display-mode: standalone)' }) });

test('storageFacts reads persisted, usage and quota, and whether it was opened from the Home Screen', async () => {
  const storage = { persisted: async () => true, estimate: async () => ({ usage: 2_100_000, quota: 1_200_000_000 }) };
  assert.deepEqual(await storageFacts(nav(ANDROID, storage), win(false)),
    { persisted: true, usage: 2_100_000, quota: 1_200_000_000, ios: false, home: false });
  const iphone = await storageFacts(nav(IPHONE, { persisted: async () => false }), win(true));
  assert.deepEqual([iphone.persisted, iphone.ios, iphone.home, iphone.usage], [false, true, true, null]);
  const ipad = await storageFacts(nav(IPAD, undefined, { maxTouchPoints: 5, standalone: true }), {});
  assert.deepEqual([ipad.persisted, ipad.ios, ipad.home], [null, true, true]);
  // A Mac's Safari says Macintosh too, without touch: not iOS.
  assert.equal((await storageFacts(nav(IPAD, undefined), {})).ios, false);
});

test('storageFacts: a browser that throws or answers nonsense is unknown, never a failure', async () => {
  const storage = { persisted: async () => { throw new Error('private window'); },
    estimate: async () => ({ usage: -1, quota: 'lots' }) };
  const bad = { matchMedia: () => { throw new Error('no'); } };
  assert.deepEqual(await storageFacts(nav(ANDROID, storage), bad),
    { persisted: null, usage: null, quota: null, ios: false, home: false });
  assert.equal(await askToKeep(nav(ANDROID, { persist: async () => { throw new Error('denied'); } })), null);
  assert.equal(await askToKeep(nav(ANDROID, {})), null);
  assert.equal(await askToKeep(nav(ANDROID, { persist: async () => true })), true);
  assert.equal(await askToKeep(nav(ANDROID, { persist: async () => false })), false);
});

test('storageWords: kept for good asks nothing; may clear says what to do and what waits', () => {
  const kept = storageWords({ persisted: true, usage: 2_100_000, quota: 1_200_000_000, ios: false, home: false }, 3, words);
  assert.deepEqual(kept, { kept: 'page.device.card.keptForGood', advice: null, forGood: true,
    used: 'page.device.card.storageUsed(page.device.file.size(2.1,MB),page.device.file.size(1.2,GB))' });
  const may = storageWords({ persisted: false, usage: null, quota: null, ios: false, home: false }, 2, words);
  assert.deepEqual(may, { kept: 'page.device.card.mayClear', forGood: false, used: null,
    advice: 'page.device.card.openAdvice page.device.card.waitingLost(2)' });
  assert.equal(storageWords({ persisted: null, ios: false, home: false }, 0, words).kept, 'page.device.card.keptUnknown');
  assert.equal(storageWords({ persisted: null, ios: false, home: false }, 0, words).advice, 'page.device.card.openAdvice');
});

test('storageWords on iOS: Safari\'s 7 days unless on the Home Screen, whatever persisted says', () => {
  const tab = storageWords({ persisted: true, ios: true, home: false }, 1, words);
  assert.deepEqual([tab.kept, tab.advice], ['page.device.card.iosClears',
    'page.device.card.iosAdvice page.device.card.waitingLost(1)']);
  const home = storageWords({ persisted: false, ios: true, home: true }, 0, words);
  assert.deepEqual([home.kept, home.advice], ['page.device.card.iosHome', 'page.device.card.openAdvice']);
});
