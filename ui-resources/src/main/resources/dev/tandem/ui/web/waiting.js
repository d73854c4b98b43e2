/*
 * What the outbox holds, said on the page: "3 changes waiting" until the server has each (a live region, so a
 * screen reader hears it), counting a change on its way only once its answer is overdue (outbox.js, waits), so a
 * save answered at once does not flash the banner and move the page under the finger; what became a conflict,
 * and the changes the server refused or a revoked browser could not send, kept on screen with their text to copy
 * until the person dismisses them.
 */
import { $, toast } from './dom.js';
import { onConnection } from './api.js';
import { go, refreshAll } from './routes.js';
import {
  REVOKED, dismissHeld, describe, flush, held, onOutbox, pending, serverNow, volatile, waits, waitsIn,
} from './outbox.js';
import { t } from './i18n.js';

let shownCount = -1;

let showing = null;
let showAgain = false;
/** Brings the waiting line and the held box up to date with the outbox; calls meanwhile coalesce into one more. */
export function showWaiting() {
  if (showing) { showAgain = true; return showing; }
  showing = (async () => {
    do { showAgain = false; await show(); } while (showAgain);
  })().finally(() => { showing = null; });
  return showing;
}

/** Shows the waiting line again once a change on its way is overdue. */
let overdue = null;

async function show() {
  const all = await pending();
  const now = serverNow();
  const n = all.filter((e) => waits(e, now)).length;
  const due = waitsIn(all, now);
  clearTimeout(overdue);
  if (due !== null) overdue = setTimeout(showWaiting, due + 50);
  if (n !== shownCount) {
    shownCount = n;
    $('waiting').hidden = n === 0;
    // Without IndexedDB (some private modes) the outbox lives in the page: the person must know.
    const key = (await volatile()) ? 'page.waiting.countVolatile' : 'page.waiting.count';
    $('waiting-text').textContent = n === 0 ? '' : t(key, n);
  }
  const kept = await held();
  $('held').hidden = kept.length === 0;
  if (kept.length) {
    const revoked = kept.some((e) => e.reason === REVOKED);
    $('held-heading').textContent = t('page.held.heading', kept.length);
    $('held-reason').textContent = revoked
      ? t('page.held.revoked') : t('page.held.refused');
    $('held-text').value = kept.map((e) => `${describe(e)}${e.reason && e.reason !== REVOKED ? ` (${e.reason})` : ''}`).join('\n');
  }
}

onOutbox((change) => {
  if (change.answer && change.answer.outcome === 'conflict' && !change.heard) {
    const error = change.answer.reason || t('page.conflict.meanwhile');
    toast(change.entry.title ? t('page.conflict.of', change.entry.title, error) : error,
      t('page.conflict.open'), () => go({ v: 'conflicts', item: null }), true);
  }
  // What shows drew the entries on top of the server's answers: now it shows what the server made of them
  // (a refused entry leaves nothing behind, and no other device's change would say so).
  if (change.answered) refreshAll();
  showWaiting();
});
// The server reachable again (its event stream open): what waits goes now, not at the next retry.
onConnection((online) => { if (online) flush(); });

$('waiting-send').addEventListener('click', () => flush());
$('held-copy').addEventListener('click', async () => {
  const text = $('held-text').value;
  try {
    await navigator.clipboard.writeText(text);
    toast(t('page.held.copied'));
  } catch (e) {
    // Without clipboard access (no secure context): the text is selected for the person to copy.
    $('held-text').focus();
    $('held-text').select();
  }
});
$('held-dismiss').addEventListener('click', async () => {
  await dismissHeld();
  showWaiting();
});
