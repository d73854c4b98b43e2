/*
 * Whether the browser keeps the own device's data (docs/WEB.md, "Honest about the browser's limits"): the replica,
 * the kept key and the changes not yet synced live in the browser's storage for this origin, which a browser may
 * clear. After joining, the page asks the browser to keep it (navigator.storage.persist(); Chromium grants or
 * refuses without asking, Firefox asks the person); This device's card says what the browser answers
 * (navigator.storage.persisted()), what it takes of the quota (navigator.storage.estimate()) and what to do.
 *
 * iOS (every browser there is WebKit): script-written storage of a site not visited for 7 days of use is cleared,
 * unless the page was added to the Home Screen, whose web app counts days of its own use. A page opened from the
 * Home Screen shows as display-mode standalone (navigator.standalone on older iOS).
 *
 * Every browser call here may be missing or throw (an old browser, a private window): the answer is then unknown,
 * never a failure of the settings. The words are made from plain facts, so Node's test runner checks them.
 */
import { sizeWords } from './device-files.js';

/** Asks the browser to keep this origin's data (once joined): true, false, or null where it cannot be asked. */
export async function askToKeep(nav = globalThis.navigator) {
  try {
    if (nav && nav.storage && typeof nav.storage.persist === 'function') return (await nav.storage.persist()) === true;
  } catch (e) { /* refused to say: unknown */ }
  return null;
}

/** Whether this is iOS or iPadOS (iPadOS says "Macintosh", with touch). */
export function onIos(nav) {
  const ua = String((nav && nav.userAgent) || '');
  return /iPhone|iPad|iPod/.test(ua) || (/Macintosh/.test(ua) && Number(nav.maxTouchPoints) > 1);
}

/** What the browser says: {persisted: true|false|null, usage, quota (bytes or null), ios, home}. */
export async function storageFacts(nav = globalThis.navigator, win = globalThis) {
  const facts = { persisted: null, usage: null, quota: null, ios: onIos(nav), home: false };
  try {
    if (nav.storage && typeof nav.storage.persisted === 'function') facts.persisted = (await nav.storage.persisted()) === true;
  } catch (e) { /* unknown */ }
  try {
    if (nav.storage && typeof nav.storage.estimate === 'function') {
      const e = await nav.storage.estimate();
      const ok = (v) => (Number.isSafeInteger(v) && v >= 0 ? v : null);
      facts.usage = ok(e && e.usage);
      facts.quota = ok(e && e.quota);
    }
  } catch (e) { /* unknown */ }
  try {
    facts.home = nav.standalone === true
      || !!(win.matchMedia && win.matchMedia('(display-mode: standalone)').matches);
  } catch (e) { /* not on the Home Screen, as far as it says */ }
  return facts;
}

/**
 * The card's words for facts: {kept} whether the data stays, {advice} what to do (null when nothing need be done),
 * {used} what it takes of the quota (null when the browser does not say), {forGood}.
 */
export function storageWords(facts, waiting, t) {
  const forGood = facts.persisted === true;
  let kept;
  if (facts.ios && !facts.home) kept = t('page.device.card.iosClears');
  else if (facts.ios) kept = t('page.device.card.iosHome');
  else if (forGood) kept = t('page.device.card.keptForGood');
  else if (facts.persisted === false) kept = t('page.device.card.mayClear');
  else kept = t('page.device.card.keptUnknown');
  let advice = null;
  if (facts.ios && !facts.home) advice = t('page.device.card.iosAdvice');
  else if (!forGood) advice = t('page.device.card.openAdvice');
  if (advice && waiting > 0) advice += ' ' + t('page.device.card.waitingLost', waiting);
  const used = facts.usage != null && facts.quota ? t('page.device.card.storageUsed', sizeWords(facts.usage, t),
    sizeWords(facts.quota, t)) : null;
  return { kept, advice, used, forGood };
}
