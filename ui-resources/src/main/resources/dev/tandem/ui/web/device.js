/*
 * The page as its own device: opened where no `tandem serve` answers (its files published on the user's own S3 or
 * WebDAV storage, docs/WEB.md), it joins the remote itself with the JavaScript sync core, keeps its replica
 * in IndexedDB (device-store.js) and answers its own requests (device-answer.js), so the screens work as they do
 * against a server.
 *
 * Where the core is: in device-core.js, which this module imports only when the page starts as a device. As `tandem
 * page publish` lays the page out (tandem-sync's tools/bundle-page.js), the page's code is one bundle and the core
 * (with its npm packages) a chunk of its own beside it, fetched at that import. A page served by `tandem serve`
 * never starts as a device, so it never loads the core.
 *
 * Joining: the remote, the passphrase (typed once: the key it gives is kept as a non-extractable WebCrypto key,
 * never the passphrase) and a name; the first sync must succeed before anything is kept, so a wrong passphrase or
 * an unreachable remote stores nothing and says why. Syncing: when the page opens (once its first screen is drawn), 2 s after each change, every
 * 3 minutes while the page is shown, on "Sync now", and when another device synced: while the page is shown it
 * asks every CHECK_MS for the version of the remote's change marker (`changed`, which every sync that pushed
 * overwrites: one HEAD, as the desktop's focused check), and a version other than the one read before its own last
 * sync syncs. A check that fails is only skipped: the next sync says why. One thing at a time touches the replica: a sync and the
 * outbox's entries take turns (one lock), so a sync never reads the replica half changed. A failed sync stays said
 * in the sync line until the person taps Dismiss, or Sync now and a sync started after the tap succeeds. Each
 * request to the remote ends within REQUEST_MS, so a hung connection fails the sync instead of holding the lock.
 *
 * Forgotten: a desktop's "Forget" retires this device on the remote (docs/WEB.md, "When a phone is forgotten"). A
 * sync that fails as retired, or whose kept key no longer opens the keyring (the key was rotated without it), looks
 * for the retirement by its name (tandem-sync's own-retirement.js); once found, settings.removed is kept with the
 * replica, and from then on the page never syncs again (no push, no head, no device row brought back) and says so
 * in the sync line, with how many changes made here never left, until the person forgets the remote here.
 */
import { $ } from './dom.js';
import { dateWords, quickAddWords, t } from './i18n.js';
import { answerKept, answerWith } from './device-first-screen.js';
import { deleteDevice, filesBackend, keepDevice, keepState, loadDevice } from './device-store.js';
import { DEFAULT_BUDGET, KeptFiles } from './device-kept-files.js';
import { makeAnswerer } from './device-answer.js';
import { askToKeep, storageFacts, storageWords } from './device-storage.js';
import { startApp } from './pairing.js';
import { refreshAll } from './routes.js';

/**
 * A browser test's shorter waits (`window.tandemTestTimers`, set through DevTools before the page's scripts
 * run: {syncAfterChangeMs, checkMs}), so that it waits less for what it watches happen; a value that is no positive
 * number, or none, leaves the page's own.
 */
const TEST_TIMERS = window.tandemTestTimers || {};
const testTimer = (name, ms) => (Number.isFinite(TEST_TIMERS[name]) && TEST_TIMERS[name] > 0 ? TEST_TIMERS[name] : ms);
const SYNC_AFTER_CHANGE_MS = testTimer('syncAfterChangeMs', 2000);
/** How often it syncs by itself while shown, unless the settings say otherwise (settings.syncMinutes). */
const SYNC_EVERY_MINUTES = 3;
/** How often a shown page asks whether another device synced: 1,440 HEADs an hour, about $0.0006 an hour on S3. */
const CHECK_MS = testTimer('checkMs', 2500);
/**
 * One request to the remote, headers and body: past it the request is aborted and the sync fails as for a lost
 * connection. A sync holds the replica's lock, so a connection that hangs must not hold it for ever.
 */
const REQUEST_MS = 60 * 1000;
const timedFetch = (url, init) => fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_MS) });

let corePromise = null;
/** The core's modules (device-core.js's namespaces: c.replica, c.sync, …), once; a failed load is tried again. */
function core() {
  if (!corePromise) {
    corePromise = import('./device-core.js');
    corePromise.catch(() => { corePromise = null; });
  }
  return corePromise;
}

/**
 * Quick add's words in the page's language, compiled once from its table; none in English, and none for a table
 * the core cannot read (a page newer than its core): quick add then reads English, as it did before.
 */
function grammarOf(c, table) {
  if (!table) return null;
  try {
    return c.items.compileGrammar(table);
  } catch (e) {
    console.warn('quick add reads English only here:', e);
    return null;
  }
}

/** The remote's storage as open-remote.js layers it (that module also reaches folders, which need Node). */
function remoteOf(c, r, secret, deviceName) {
  let plain;
  let address;
  if (r.kind === 's3') {
    plain = new c.s3.S3Storage({ endpoint: r.endpoint || null, bucket: r.bucket, region: r.region || 'us-east-1',
      accessKey: r.accessKey, secretKey: r.secretKey, fetch: timedFetch });
    address = 's3://' + r.bucket + (r.endpoint ? '@' + r.endpoint : '');
    if (r.prefix) {
      plain = new c.prefixed.PrefixedStorage(plain, r.prefix);
      address += '/' + r.prefix;
    }
  } else {
    plain = new c.webdav.WebDavStorage({ url: r.url, user: r.user || null, password: r.password || null,
      fetch: timedFetch });
    address = 'webdav:' + plain.base;
  }
  return { storage: new c.encrypted.EncryptedStorage(plain, secret, { deviceName }), plain, address };
}

/** Whether this browser joined a remote as a device of its own. */
export async function joined() {
  if (indexedDB.databases) {
    const dbs = await indexedDB.databases().catch(() => []);
    if (!dbs.some((d) => d.name === 'tandem-device')) return null;
    // The core's modules load while IndexedDB reads the replica: startDevice needs both.
    core().catch(() => {});
  }
  const kept = await loadDevice(showKept).catch(() => null);
  // Kept, but its replica or settings do not open (changed outside the page): said, with the way out.
  if (kept && kept.unreadable) {
    // A screen drawn from the kept record finishes drawing first, so it cannot show the page again over the words.
    await keptScreen;
    return cannotRead();
  }
  // Drawn from a kept screen, the replica unreadable: said, and nothing more starts.
  return kept || !keptScreen ? kept : cannotStart(new Error('IndexedDB'));
}

/**
 * Says the page cannot read what it kept here and offers only to forget the remote here (the remote and the other
 * devices keep everything, so joining again brings it back); never resolves.
 */
function cannotRead() {
  cannotStart(new Error(''));
  $('loading').textContent = t('page.device.unreadable');
  $('device-sync').hidden = false;
  for (const id of ['device-sync-text', 'device-sync-now', 'device-sync-error', 'device-removed', 'device-retype']) {
    $(id).hidden = true;
  }
  $('device-forget').onclick = () => { $('device-forget-confirm').hidden = false; $('device-forget-yes').focus(); };
  $('device-forget-no').onclick = () => { $('device-forget-confirm').hidden = true; $('device-forget').focus(); };
  $('device-forget-yes').onclick = async () => {
    $('device-forget-yes').disabled = true;
    await deleteDevice().catch(() => {});
    location.reload();
  };
  return new Promise(() => {});
}

/** The first screen drawn from the answers kept last (device-first-screen.js), painted. */
let keptScreen = null;
function showKept(text, settings) {
  const kept = answerKept(text);
  if (!kept) return;
  document.body.dataset.firstScreen = 'kept';
  // The sync line at once too, so nothing moves when the replica's answers come.
  showLine({ settings });
  const drawn = startApp(kept.session).then(() => performance.mark('tandem:kept-screen'));
  // A read only the replica answers (an open item) would wait for ever: then the rebuild starts.
  keptScreen = Promise.race([drawn, kept.waiting]).then(painted);
}

const painted = () => (document.visibilityState === 'visible'
  ? new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))) : null);

/** Says why the page cannot start, over a kept screen too; never resolves. */
function cannotStart(e) {
  document.body.classList.add('booting');
  $('app').hidden = true;
  $('loading').textContent = t('page.device.cannotStart', e.message);
  return new Promise(() => {});
}

// ---- the sync line ---------------------------------------------------------------------------------------------

const line = { failure: null, syncing: false, asked: 0 };
/** How many of this device's changes wait for the next sync. */
const waitingOf = (device) => [...device.replica.ownAfter(device.replica.remote(device.remote.address).pushedChange)].length;

function showLine(device) {
  const el = $('device-sync');
  el.hidden = false;
  const waiting = device && device.replica ? waitingOf(device) : 0;
  const removed = device && device.settings.removed;
  $('device-removed').hidden = !removed;
  $('device-sync-text').hidden = !!removed;
  $('device-sync-now').hidden = !!removed;
  if (removed) {
    $('device-removed-text').textContent = removedWords(removed);
    $('device-removed-waiting').textContent = t('page.device.removedWaiting', waiting);
    $('device-sync-error').hidden = true;
    $('device-retype').hidden = true;
    return;
  }
  const last = device && device.settings.lastSynced;
  let words = line.syncing ? t('page.device.syncing')
    : last ? t('page.device.synced', new Date(last).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }))
      : t('page.device.neverSynced');
  if (waiting) words += ' ' + t('page.device.waiting', waiting);
  $('device-sync-text').textContent = words;
  $('device-sync-error').hidden = !line.failure;
  $('device-sync-error-text').textContent = line.failure ? t('page.device.failed', line.failure) : '';
}

// ---- the device, joined ----------------------------------------------------------------------------------------

/** Runs fn with the replica to itself: syncs and the outbox's entries take turns. */
function locked(device, fn) {
  const run = device.lock.then(fn, fn);
  device.lock = run.catch(() => {});
  return run;
}

/** What the sync line says of a retirement kept in settings.removed. */
function removedWords(removed) {
  const day = (ms) => new Intl.DateTimeFormat(document.documentElement.lang || 'en', { dateStyle: 'long' })
    .format(new Date(ms));
  if (removed.keyChanged && removed.at == null) return t('page.device.removedKeyChanged', day(removed.found));
  if (removed.at == null) return t('page.device.removedFound', day(removed.found));
  if (removed.reason === 'unseen') return t('page.device.removedUnseen', day(removed.at));
  return removed.byName ? t('page.device.removedBy', day(removed.at), removed.byName)
    : t('page.device.removedOn', day(removed.at));
}

/**
 * settings.removed for a sync that failed with {@code e}, when the remote retired this device; else null (the
 * failure is said as any other). Only a refusal as retired, or a key that no longer opens the remote, is looked
 * into: one read of heads/<self>/retired, below the encryption. A failure of that read is no retirement.
 */
async function retirementAfter(device, e) {
  const name = e && e.name;
  if (name !== 'RetiredDeviceError' && name !== 'WrongPassphraseError' && !(e && e.reason === 'CORRUPT')) return null;
  let r;
  try {
    r = await device.c.retired.ownRetirement({ plain: device.remote.plain, storage: device.remote.storage,
      self: device.replica.deviceId });
  } catch (failed) {
    r = null;
  }
  // The core saw the name in its listing: a retirement, even when its read found nothing.
  if (!r && name === 'RetiredDeviceError') r = { readable: false, reason: null, at: null, by: null };
  if (!r) return null;
  const by = r.by ? device.replica.row('devices', r.by) : null;
  const byName = by && typeof by.name === 'string' ? by.name.slice(0, 80) : null;
  return { at: r.at, reason: r.reason, byName, keyChanged: name === 'WrongPassphraseError', found: Date.now() };
}

async function sync(device) {
  if (device.settings.removed) { showLine(device); return null; }
  if (device.syncing) { device.again = true; return device.syncing; }
  device.syncing = (async () => {
    do {
      device.again = false;
      // Sync now's taps: kept until a sync started after one succeeds (the tap's own may fail), clearing the failure.
      const asked = line.asked;
      if (device.settings.removed) break;
      line.syncing = true;
      showLine(device);
      // Every change the sync merges is appended to the replica under a new seq: none, and the views stay as they are
      // (a setting being typed is not drawn over each time another device syncs).
      const seen = device.replica.lastSeq;
      try {
        await locked(device, async () => {
          // The files attached here go up before the batch that names them, from the copies kept in IndexedDB.
          const push = new device.c.blobs.BlobPush(device.transfer(), device.files, []);
          const engine = new device.c.sync.SyncEngine({ replica: device.replica, storage: device.remote.storage,
            address: device.remote.address, encrypted: true, plainBelow: device.remote.plain,
            beforePush: (batch) => push.beforePush(batch) });
          // The marker's version before the sync: a device that syncs meanwhile changes it, so the next check syncs
          // again (as does this sync's own push, once: that sync pushes nothing and leaves the marker be).
          const marker = await device.remote.plain.version('changed').catch(() => null);
          try {
            await engine.sync();
            device.settings = { ...device.settings, lastSynced: Date.now() };
            device.marker = marker;
          } catch (e) {
            const removed = await retirementAfter(device, e);
            if (!removed) throw e;
            device.settings = { ...device.settings, removed };
          } finally {
            await keepState(JSON.stringify(device.replica), device.settings);
          }
        });
        device.unreached = false;
        if (asked) { line.failure = null; if (line.asked === asked) line.asked = 0; }
      } catch (e) {
        line.failure = e && e.message ? e.message : String(e);
        // No answer from the storage: the check syncs as soon as it answers again (a page started with the storage
        // out of reach has no marker to compare, so without this its waiting changes would wait for the timer).
        device.unreached = !!e && e.reason === 'NETWORK';
        // The kept key no longer opens the keyring (the passphrase changed elsewhere): offer to type the new one.
        if (e && e.name === 'WrongPassphraseError') $('device-retype').hidden = false;
      } finally {
        line.syncing = false;
      }
      showLine(device);
      if (device.replica.lastSeq !== seen) refreshAll();
    } while (device.again);
  })().finally(() => { device.syncing = null; });
  return device.syncing;
}

/** Syncs when the remote's change marker is not the version read before this page's last sync (another device synced). */
async function check(device) {
  if (device.syncing || device.checking || device.settings.removed) return;
  device.checking = true;
  try {
    const v = await device.remote.plain.version('changed');
    if ((device.unreached || (device.marker !== undefined && v !== device.marker)) && !device.syncing) sync(device);
  } catch (e) {
    // Out of reach or refused: the next sync (every 3 minutes, or Sync now) says why.
  } finally {
    device.checking = false;
  }
}

/** Starts the page on the device kept here ({state, settings, key}). */
export async function startDevice(kept) {
  const c = await core().catch((e) => (keptScreen ? cannotStart(e) : Promise.reject(e)));
  performance.mark('tandem:core');
  // The kept screen painted before the rebuild takes the page's thread.
  await keptScreen;
  const replica = c.replica.Replica.fromJSON(JSON.parse(kept.state), { clock: new c.clock.HybridClock() });
  performance.mark('tandem:replica');
  const settings = kept.settings;
  const secret = { type: 'stretched', key: kept.key.key, salt: kept.key.salt };
  const device = { c, replica, settings, remote: remoteOf(c, settings.remote, secret, settings.name),
    lock: Promise.resolve(), syncing: null, again: false };
  // A transfer each time: it reads the remote's key generations once, and a new one may have come since.
  device.transfer = () => new c.blobs.BlobTransfer({ data: device.remote.plain, encrypted: device.remote.storage });
  const budget = {
    get: () => (Number.isSafeInteger(device.settings.fileBudget) ? device.settings.fileBudget : DEFAULT_BUDGET),
    set: async (bytes) => {
      device.settings = { ...device.settings, fileBudget: bytes };
      await keepState(JSON.stringify(replica), device.settings);
    },
  };
  device.files = new KeptFiles({ backend: filesBackend, idOf: c.blobs.blobId, transfer: device.transfer, budget: budget.get });
  let soon = null;
  const lang = document.documentElement.lang || 'en';
  let firstDay = 1;
  try {
    const info = new Intl.Locale(navigator.language || lang);
    firstDay = (info.getWeekInfo ? info.getWeekInfo() : info.weekInfo)?.firstDay ?? 1;
  } catch (e) { /* a language Intl does not know: weeks start on Monday */ }
  const answer = makeAnswerer({
    replica, items: c.items, series: c.series, moves: c.moves, trash: c.trash, checks: c.checks, notes: c.notes,
    filters: c.filters, t,
    firstDay, files: device.files,
    grammar: grammarOf(c, quickAddWords()), dateWords: dateWords(),
    attachments: c.attachments, budget,
    device: {
      info: () => ({ name: device.settings.name, remote: device.remote.address, lastSynced: device.settings.lastSynced ?? null,
        waiting: waitingOf(device), everyMinutes: device.every ? device.every.get() : SYNC_EVERY_MINUTES }),
      setEvery: (minutes) => device.every.set(minutes),
      storage: async () => storageWords(await storageFacts(), waitingOf(device), t),
    },
    dayName: (iso, withYear) => new Intl.DateTimeFormat(lang, { weekday: 'short', day: 'numeric', month: 'short',
      ...(withYear ? { year: 'numeric' } : {}), timeZone: 'UTC' }).format(new Date(iso + 'T00:00:00Z')),
    session: () => ({ csrf: 'own-device', own: true, device: settings.name, today: new Date().toISOString().slice(0, 10),
      browser: { id: replica.deviceId, name: settings.name } }),
    kept: async () => {
      await keepState(JSON.stringify(replica));
      clearTimeout(soon);
      soon = setTimeout(() => sync(device), SYNC_AFTER_CHANGE_MS);
      showLine(device);
    },
  });
  answerWith((path, init) => (init && init.method === 'POST' ? locked(device, () => answer(path, init))
    : answer(path, init)));
  document.body.classList.add('own-device');
  // Drawn over the kept screen as any refresh draws (focus, typed text kept), or the first screen itself.
  const firstScreen = (keptScreen ? refreshAll() : startApp(await answer('/api/session').then((r) => r.json())))
    .then(() => {
      document.body.dataset.firstScreen = 'fresh';
      performance.mark('tandem:fresh');
    });
  performance.mark('tandem:started');
  showLine(device);
  $('device-sync-now').onclick = () => { line.failure = null; line.asked++; sync(device); };
  $('device-sync-dismiss').onclick = () => { line.failure = null; line.asked = 0; $('device-retype').hidden = true; showLine(device); };
  $('device-retype').onsubmit = (ev) => { ev.preventDefault(); retype(device); };
  $('device-forget').onclick = () => { $('device-forget-confirm').hidden = false; $('device-forget-yes').focus(); };
  $('device-forget-no').onclick = () => { $('device-forget-confirm').hidden = true; $('device-forget').focus(); };
  $('device-forget-yes').onclick = () => forget(device);
  const every = () => (Number.isSafeInteger(device.settings.syncMinutes) ? device.settings.syncMinutes : SYNC_EVERY_MINUTES);
  let timer = null;
  const schedule = () => {
    clearInterval(timer);
    timer = setInterval(() => { if (document.visibilityState === 'visible') sync(device); }, every() * 60 * 1000);
  };
  schedule();
  device.every = { get: every, set: async (minutes) => {
    device.settings = { ...device.settings, syncMinutes: minutes };
    await keepState(JSON.stringify(replica), device.settings);
    schedule();
  } };
  setInterval(() => { if (document.visibilityState === 'visible') check(device); }, CHECK_MS);
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') sync(device); });
  window.addEventListener('online', () => sync(device));
  // The opening sync once the first screen is drawn (and painted, when shown): offline it fails and keeps the whole
  // replica again, work that would otherwise share the page's thread with the first rows.
  await firstScreen;
  await painted();
  sync(device);
}

/**
 * The passphrase changed on another device: the new one, typed here, opens the keyring through a sync of the same
 * replica (nothing of it is lost), and only once that sync succeeded are the new key and its salt kept.
 */
async function retype(device) {
  const passphrase = $('device-retype-passphrase').value;
  if (!passphrase) return;
  $('device-retype-error').textContent = '';
  $('device-retype-submit').disabled = true;
  try {
    await locked(device, async () => {
      const { c, settings } = device;
      const r = remoteOf(c, settings.remote, { type: 'passphrase', passphrase }, settings.name);
      await new c.sync.SyncEngine({ replica: device.replica, storage: r.storage, address: r.address, encrypted: true,
        plainBelow: r.plain }).sync();
      const u = r.storage.unlocked;
      const key = { key: await c.aead.lockedKey(u.kek), salt: u.via.salt };
      device.settings = { ...settings, lastSynced: Date.now() };
      await keepDevice({ state: JSON.stringify(device.replica), settings: device.settings, key });
      device.remote = r;
    });
    $('device-retype-passphrase').value = '';
    $('device-retype').hidden = true;
    line.failure = null;
    line.asked = 0;
    showLine(device);
    refreshAll();
  } catch (e) {
    if (e && e.name === 'RetiredDeviceError') {
      // The new passphrase opened the remote, which retired this device: kept as any sync's finding.
      const removed = await retirementAfter(device, e);
      device.settings = { ...device.settings, removed };
      await keepState(JSON.stringify(device.replica), device.settings);
      $('device-retype-passphrase').value = '';
      showLine(device);
      return;
    }
    $('device-retype-error').textContent = e && e.name === 'WrongPassphraseError' ? t('page.device.retypeWrong')
      : t('page.device.failed', e && e.message ? e.message : String(e));
  } finally {
    $('device-retype-submit').disabled = false;
  }
}

/**
 * Leaves the remote: waits for the replica's lock (no sync or entry writes it again), deletes the database, and
 * starts the page afresh, which finds no device and shows the join screen.
 */
async function forget(device) {
  $('device-forget-yes').disabled = true;
  await locked(device, () => deleteDevice());
  location.reload();
}

// ---- joining ---------------------------------------------------------------------------------------------------

/**
 * Shows the join screen: where the page is no server's, it becomes a device of the user's remote. link is what
 * join-link.js read from an "Add a phone" link: { remote } fills the remote's fields (as values, editable), so only
 * the passphrase and a name are asked; { refused: true } says so over the empty screen.
 */
export function showJoin(link) {
  document.body.classList.remove('booting');
  $('loading').hidden = true;
  $('pair').hidden = true;
  $('app').hidden = true;
  $('join').hidden = false;
  const kind = () => $('join-form').elements.kind.value;
  const showKind = () => {
    $('join-s3').hidden = kind() !== 's3';
    $('join-webdav').hidden = kind() !== 'webdav';
  };
  for (const r of $('join-form').elements.kind) r.addEventListener('change', showKind);
  if (link && link.remote) fill(link.remote);
  showKind();
  $('join-link').textContent = link ? t(link.refused ? 'page.device.joinLinkBad' : 'page.device.joinLinkFilled') : '';
  $('join-link').hidden = !link;
  if (link && link.remote) $('join-passphrase').focus();
  $('join-form').addEventListener('submit', (ev) => { ev.preventDefault(); join(); });
}

function value(id) { return $(id).value.trim(); }

function fill(r) {
  for (const radio of $('join-form').elements.kind) radio.checked = radio.value === r.kind;
  const ids = r.kind === 's3'
    ? { endpoint: 'join-endpoint', bucket: 'join-bucket', prefix: 'join-prefix', region: 'join-region',
      accessKey: 'join-access-key', secretKey: 'join-secret-key' }
    : { url: 'join-url', user: 'join-user', password: 'join-password' };
  for (const [name, id] of Object.entries(ids)) $(id).value = r[name];
}

/**
 * The sentence for a join whose requests got no answer at all (fetch rejects with a TypeError, which the core keeps
 * as the cause of its NETWORK error) while the storage is on another origin than this page: the browser never says
 * whether the storage was out of reach or refused this page's origin (CORS), so the sentence names both and the
 * command that tells them apart. Null for any other failure.
 */
function noAnswer(e, remote) {
  let net = e;
  while (net && !(net.reason === 'NETWORK' && net.cause instanceof TypeError)) net = net.cause;
  if (!net) return null;
  let storage;
  try {
    storage = new URL(remote.kind === 's3' ? remote.endpoint : remote.url).origin;
  } catch (bad) {
    return null;
  }
  return storage === location.origin ? null : t('page.device.joinNoAnswer', storage, location.origin);
}

async function join() {
  const error = $('join-error');
  error.textContent = '';
  const kind = $('join-form').elements.kind.value;
  const remote = kind === 's3'
    ? { kind, endpoint: value('join-endpoint'), bucket: value('join-bucket'), prefix: value('join-prefix'),
      region: value('join-region') || 'us-east-1', accessKey: value('join-access-key'), secretKey: $('join-secret-key').value }
    : { kind, url: value('join-url'), user: value('join-user'), password: $('join-password').value };
  const name = value('join-name');
  const passphrase = $('join-passphrase').value;
  const missing = kind === 's3' ? !remote.bucket || !remote.accessKey || !remote.secretKey : !remote.url;
  if (missing || !passphrase || !name) { error.textContent = t('page.device.joinMissing'); return; }
  $('join-submit').disabled = true;
  $('join-busy').hidden = false;
  try {
    const c = await core();
    const replica = new c.replica.Replica({ deviceId: crypto.randomUUID(), clock: new c.clock.HybridClock(),
      mergeText: ['items.notes'] });
    const r = remoteOf(c, remote, { type: 'passphrase', passphrase }, name);
    // The name other devices show for this one: a row of the synced devices table, as the desktop saves its own
    // (Authors.register), so the desktop's device list and conflicts name it as typed here.
    replica.save('devices', replica.deviceId, { name }, ['id', 'name']);
    const engine = new c.sync.SyncEngine({ replica, storage: r.storage, address: r.address, encrypted: true,
      plainBelow: r.plain });
    await engine.sync();
    const u = r.storage.unlocked;
    const key = { key: await c.aead.lockedKey(u.kek), salt: u.via.salt };
    const settings = { remote, name, lastSynced: Date.now() };
    await keepDevice({ state: JSON.stringify(replica), settings, key });
    // Kept: now ask the browser not to clear it (This device's card says what it answered). Not awaited: Firefox
    // answers only once the person has answered its prompt, and the first rows need not wait for that.
    askToKeep();
    $('join-passphrase').value = '';
    $('join').hidden = true;
    await startDevice({ state: JSON.stringify(replica), settings, key });
  } catch (e) {
    error.textContent = e && e.name === 'WrongPassphraseError' ? t('page.device.wrongPassphrase')
      : noAnswer(e, remote) ?? t('page.device.joinFailed', e && e.message ? e.message : String(e));
  } finally {
    $('join-submit').disabled = false;
    $('join-busy').hidden = true;
  }
}
