/*
 * What the outbox holds, said on the page: "3 changes waiting" until the server has each (a live region, so a
 * screen reader hears it), what became a conflict, and the changes the server refused or a revoked browser could
 * not send, kept on screen with their text to copy until the person dismisses them.
 */
import { $, toast } from './dom.js';
import { onConnection } from './api.js';
import { go, refreshAll } from './routes.js';
import { REVOKED, dismissHeld, describe, flush, held, onOutbox, pending, volatile } from './outbox.js';

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

async function show() {
  const n = (await pending()).length;
  if (n !== shownCount) {
    shownCount = n;
    $('waiting').hidden = n === 0;
    // Without IndexedDB (some private modes) the outbox lives in the page: the person must know.
    const where = (await volatile()) ? ' (kept only while this page is open)' : '';
    $('waiting-text').textContent = n === 0 ? '' : `${n === 1 ? '1 change' : `${n} changes`} waiting${where}`;
  }
  const kept = await held();
  $('held').hidden = kept.length === 0;
  if (kept.length) {
    const revoked = kept.some((e) => e.reason === REVOKED);
    $('held-heading').textContent = `${kept.length === 1 ? '1 change was' : `${kept.length} changes were`} not saved`;
    $('held-reason').textContent = revoked
      ? 'This browser is no longer paired, so these changes were not applied and never will be from here. Copy them to redo them after pairing again.'
      : 'Tandem refused these changes. Copy them if you want to redo them.';
    $('held-text').value = kept.map((e) => `${describe(e)}${e.reason && e.reason !== REVOKED ? ` (${e.reason})` : ''}`).join('\n');
  }
}

onOutbox((change) => {
  if (change.outcome && change.outcome.status === 409 && !change.heard) {
    const what = change.entry.title ? `“${change.entry.title}”: ` : '';
    toast(what + (change.outcome.error || 'changed on another device meanwhile; your version is kept in Conflicts.'),
      'Open Conflicts', () => go({ v: 'conflicts', item: null }), true);
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
    toast('Copied.');
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
