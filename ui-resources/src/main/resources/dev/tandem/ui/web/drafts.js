/*
 * Drafts: what was typed into an item, kept on this phone (localStorage) at every keystroke until it is saved
 * (the server answered) or queued (the outbox keeps it, in IndexedDB, and sends it in order), so leaving the
 * page, a reload, a closed tab or a lost connection never loses it.
 *
 * A draft is, per item id and field, {value, set, base}: the text in the field, the JSON value it saves as, and
 * the server's value it was typed on. Saving sends {set, base}, so a field another device changed meanwhile
 * becomes a Conflict on the server instead of being written over.
 *
 * Invariants: a draft field goes only once the server answered for exactly that text (saved, or kept in
 * Conflicts) or the outbox holds it; text typed while a save was under way stays, with the saved value as its new base. One save per
 * item is under way at a time; a call meanwhile runs once more after it.
 */
import { t } from './i18n.js';
import { submit } from './outbox.js';
import { api } from './api.js';

const KEY = 'tandem.drafts';
/** Until localStorage takes it (private mode, full): drafts then live as long as the page. */
let memory = {};

export function allDrafts() {
  try {
    const kept = localStorage.getItem(KEY);
    return kept == null ? memory : JSON.parse(kept);
  } catch (e) {
    return memory;
  }
}

function writeAll(all) {
  memory = all;
  try { localStorage.setItem(KEY, JSON.stringify(all)); } catch (e) { /* kept in memory */ }
}

export function draftOf(id) {
  return allDrafts()[id] || null;
}

/** Keeps the fields of an item's draft (none: forgets it). */
export function putDraft(id, fields) {
  const all = allDrafts();
  if (fields && Object.keys(fields).length) all[id] = fields; else delete all[id];
  writeAll(all);
}

/** Forgets every draft: only once the server said this browser is no longer paired. */
export function forgetDrafts() {
  memory = {};
  try { localStorage.removeItem(KEY); } catch (e) { /* nothing kept */ }
}

let listener = () => {};
/** Who hears how each save ended: (id, outcome) with outcome.kind saved, queued, conflict, failed or blank. */
export function onSaved(fn) { listener = fn; }

const running = new Map();
const again = new Set();

/** Sends an item's draft through the outbox; resolves to its outcome (also given to the listener). */
export function saveDraft(id) {
  if (running.has(id)) { again.add(id); return running.get(id); }
  const run = (async () => {
    try {
      for (;;) {
        again.delete(id);
        const outcome = await sendOnce(id);
        const more = again.has(id) && outcome.kind === 'saved';
        // The listener of the last outcome already sees no save under way.
        if (!more) { running.delete(id); again.delete(id); }
        listener(id, outcome);
        if (!more) return outcome;
      }
    } finally {
      if (running.get(id) === run) running.delete(id);
    }
  })();
  running.set(id, run);
  return run;
}

/** Sends every kept draft (when the connection is back, and when the page starts). */
export function saveAllDrafts() {
  for (const id of Object.keys(allDrafts())) saveDraft(id);
}

export function saving(id) { return running.has(id); }

async function sendOnce(id) {
  const draft = draftOf(id);
  if (!draft) return { kind: 'saved', fields: [] };
  // An empty title is not saved (a todo needs one); it stays here until it has text again.
  const fields = Object.keys(draft).filter((f) => f !== 'title' || String(draft[f].set || '').trim());
  if (!fields.length) return { kind: 'blank' };
  const set = {};
  const base = {};
  for (const f of fields) { set[f] = draft[f].set; base[f] = draft[f].base; }
  const answer = await submit({ op: 'edit', id, set, base, title: titleOf(id, draft) });
  if (answer.status === 0) {
    // Kept in the outbox, on this phone: the outbox owns it now, and sends it in order when it can.
    settle(id, draft, fields, set);
    return { kind: 'queued', fields, set };
  }
  if (answer.outcome === 'applied' || answer.outcome === 'conflict') {
    // The answer says what happened, not what the item now is: that is read again, as any view of it is.
    const item = await fresh(id);
    settle(id, draft, fields, item || set);
    return answer.outcome === 'applied' ? { kind: 'saved', item, fields }
      : { kind: 'conflict', item, message: answer.reason, fields };
  }
  return { kind: 'failed', message: answer.reason || t('page.error.status', String(answer.status)), status: answer.status };
}

/** The item as the server (or the kept copy, with what waits on top) has it now; null when it cannot be read. */
async function fresh(id) {
  try {
    return await api('GET', '/api/items/' + encodeURIComponent(id));
  } catch (e) {
    return null;
  }
}

let titles = () => null;
/** Where a held edit's item title comes from (the editor knows the open item's), for copying it out. */
export function titlesFrom(fn) { titles = fn; }
function titleOf(id, draft) {
  return (draft.title && draft.title.set) || titles(id) || null;
}

/**
 * The server answered for {@code sent}, or the outbox took it (saved, or after a conflict: the other device's value stays and ours is
 * in Conflicts): its fields go from the draft unless typed into since, which keep their text on the server's
 * new value as base.
 */
function settle(id, sent, fields, item) {
  const now = draftOf(id);
  if (!now) return;
  for (const f of fields) {
    if (!now[f]) continue;
    if (now[f].value === sent[f].value) delete now[f];
    else now[f].base = item[f] === undefined ? null : item[f];
  }
  putDraft(id, now);
}
