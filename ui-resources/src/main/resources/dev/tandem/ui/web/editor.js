/*
 * The detail: an editor that saves as you go. What is typed is kept as a draft (drafts.js) at every keystroke
 * and sent 600 ms after the last one, at once when a field is left, when the item is left (Back, another route)
 * and when the page is hidden or left. Each edit sends only changed fields with their base values, so another
 * device's change meanwhile becomes a Conflict. A save that fails keeps the text in its field and says so until
 * Retry or Discard. Every write (an edit, ticking, a subtask, the Trash) goes through the outbox, so offline
 * it is kept on this phone and sent in order when Tandem is reachable.
 */
import { $, h, debounce, placeToast, toast } from './dom.js';
import { state } from './state.js';
import { api, onConnection } from './api.js';
import { newId, submit } from './outbox.js';
import { go, onRefresh, onRoute, openedByPush, refreshAll } from './routes.js';
import { itemRow } from './items.js';
import { loadSidebar, onSidebar } from './sidebar.js';
import { onStart } from './pairing.js';
import { decorateFiles, initAttachments, showFiles } from './attachments.js';
import { FIELDS, addReminder, fieldOf, removeReminder, showReminder } from './fields.js';
import { initNotes, insertLinks, renderNotes, setNotesEditing } from './notes.js';
import { draftOf, onSaved, putDraft, saveAllDrafts, saveDraft, saving, titlesFrom } from './drafts.js';
import { t } from './i18n.js';

/** The open item: the JSON last shown, and per field the server value the form started from. */
const editor = { id: null, item: null, base: {}, shown: {}, seq: 0 };
/** Milliseconds after the last keystroke that what was typed is sent. */
const SAVE_AFTER = 600;
/** A save the outbox holds, under the fields (the banner counts what waits for the whole page). */
const KEPT = 'page.detail.kept';

const formValue = (f) => FIELDS[f].get();
const same = (a, b) => JSON.stringify(a === undefined ? null : a) === JSON.stringify(b === undefined ? null : b);
/** Fields whose text was changed to mean something else than the value it was typed on. */
const dirtyFields = () => Object.keys(FIELDS).filter((f) => editor.id && formValue(f) !== editor.shown[f]
  && !same(FIELDS[f].read(formValue(f)), editor.base[f]));

/** Keeps the open item's changed fields (with their base) as its draft, so nothing typed is lost. */
function keepDraft() {
  if (!editor.id) return;
  putDraft(editor.id, Object.fromEntries(dirtyFields().map((f) =>
    [f, { value: formValue(f), set: FIELDS[f].read(formValue(f)), base: editor.base[f] }])));
}

export function fillListSelect() {
  const sel = $('ed-list');
  const value = sel.value;
  const lists = (state.sidebar && state.sidebar.lists) || [];
  sel.replaceChildren(h('option', { value: '' }, t('page.view.inbox')), ...lists.map((l) => h('option', { value: l.id }, l.name)));
  if (editor.item && editor.item.listId && !lists.some((l) => l.id === editor.item.listId)) {
    sel.append(h('option', { value: editor.item.listId }, editor.item.listName || t('page.field.otherList')));
  }
  sel.value = value;
}

export async function openItem(id) {
  leaveItem();
  document.body.classList.add('has-item');
  placeToast();
  editor.id = null;
  editor.item = null;
  $('detail-placeholder').hidden = true;
  $('detail-body').hidden = false;
  $('detail-error').hidden = true;
  $('detail-status').textContent = t('page.detail.loading');
  for (const row of $('items').querySelectorAll('.item-open')) {
    row.toggleAttribute('aria-current', row.closest('.item').dataset.id === id);
  }
  const seq = ++editor.seq;
  try {
    const item = await api('GET', '/api/items/' + encodeURIComponent(id));
    if (seq !== editor.seq) return;
    editor.id = id;
    $('detail-status').textContent = '';
    showItem(item, []);
    const draft = draftOf(id);
    if (draft) {
      // Text the server has already (a save whose answer the page did not live to hear) is no draft.
      for (const f of Object.keys(draft)) {
        if (!FIELDS[f] || same(FIELDS[f].read(draft[f].value), item[f])) delete draft[f];
      }
      putDraft(id, draft);
      applyDraft(draft);
      if (draft.notes) setNotesEditing(true);
      if (Object.keys(draft).length) save();
    }
    updateSaveButton();
    if (window.matchMedia('(max-width: 899px)').matches) $('detail-heading').focus();
  } catch (e) {
    if (seq !== editor.seq) return;
    $('detail-status').textContent = '';
    showDetailError(e.message);
  }
}

/** Puts a draft's text into its fields, on the base values it was typed on. */
function applyDraft(draft) {
  for (const [f, d] of Object.entries(draft || {})) {
    if (!FIELDS[f]) continue;
    editor.base[f] = d.base;
    editor.shown[f] = FIELDS[f].show(d.base);
    if (formValue(f) !== d.value) FIELDS[f].put(d.value);
  }
  autosizeTitle();
}

/** Leaving the open item (Back, another item or route): what was typed is kept and sent now. */
function leaveItem() {
  if (!editor.id) return;
  saveSoon.cancel();
  keepDraft();
  if (draftOf(editor.id)) saveDraft(editor.id);
}

export function closeItem() {
  leaveItem();
  editor.seq++;
  const id = editor.id;
  editor.id = null;
  editor.item = null;
  document.body.classList.remove('has-item');
  placeToast();
  $('detail-body').hidden = true;
  $('detail-placeholder').hidden = false;
  $('detail-error').hidden = true;
  setNotesEditing(false);
  for (const row of $('items').querySelectorAll('.item-open[aria-current]')) row.removeAttribute('aria-current');
  const row = id && $('items').querySelector(`.item[data-id="${CSS.escape(id)}"] .item-open`);
  if (row) row.focus();
}

/**
 * Shows an item from the server. Fields in keep (changed by the user) keep their text and their old base
 * (saving them then finds out whether another device changed them); the others take the server's value,
 * without touching text that already means it (a title's trailing space while typing).
 */
function showItem(item, keep) {
  editor.item = item;
  fillListSelect();
  for (const [f, def] of Object.entries(FIELDS)) {
    if (keep.includes(f)) continue;
    editor.base[f] = item[f] === undefined ? null : item[f];
    editor.shown[f] = def.show(editor.base[f]);
    if (!same(def.read(def.get()), editor.base[f])) def.put(editor.shown[f]);
  }
  showReminder();
  if (document.body.classList.contains('own-device')) $('ed-repeat').placeholder = t('page.device.repeatPlaceholder');
  const done = $('ed-done');
  done.hidden = !!item.note;
  // A note is never due: no date, time, length, reminder or repeat to set (as on the desktop).
  $('ed-fields').classList.toggle('is-note', !!item.note);
  done.checked = !!item.done;
  $('detail-heading').textContent = t('page.detail.heading', item.note ? 'note' : 'todo', item.shared ? 'shared' : 'own',
    item.waiting ? 'waiting' : 'saved');
  renderSubtasks(item);
  $('detail-heading').setAttribute('tabindex', '-1');
  renderNotes();
  showFiles(item);
  autosizeTitle();
  updateSaveButton();
}

/** The open item's subtasks, ticked and opened as rows of a list are. */
function renderSubtasks(item) {
  const rows = (item.subtasks || []).map(itemRow);
  $('subtasks').replaceChildren(...rows);
  $('subtasks-heading').hidden = item.note && !rows.length;
}

async function addSubtask() {
  const field = $('subtask-text');
  const text = field.value.trim();
  const parentId = editor.id;
  if (!text || !parentId) return;
  const answer = await submit({ op: 'add', id: newId(), text, parentId });
  if (answer.outcome === 'refused') { showDetailError(answer.reason); return; }
  // Only what was sent is cleared: text typed meanwhile stays.
  if (field.value.trim() === text) field.value = '';
  if (answer.status === 0) flashStatus(t(KEPT));
  refreshAll();
}
$('subtask-add').addEventListener('click', addSubtask);
$('subtask-text').addEventListener('keydown', (ev) => {
  if (ev.key === 'Enter') { ev.preventDefault(); addSubtask(); }
});

$('trash').addEventListener('click', async () => {
  const id = editor.id;
  const title = editor.item && editor.item.title;
  if (!id) return;
  const answer = await submit({ op: 'trash', id, trashed: true, title });
  if (answer.outcome === 'refused') { showDetailError(answer.reason); return; }
  putDraft(id, null);
  go({ item: null });
  toast(t('page.detail.trashed', title), t('page.undo'), () => submit({ op: 'trash', id, trashed: false, title }).then(refreshAll));
  refreshAll();
});

function autosizeTitle() {
  const t = $('ed-title');
  t.style.height = 'auto';
  t.style.height = t.scrollHeight + 'px';
}
$('ed-title').addEventListener('keydown', (ev) => {
  if (ev.key === 'Enter') { ev.preventDefault(); save(true); }
});

export function updateSaveButton() {
  const pending = editor.id ? dirtyFields().length > 0 : false;
  $('save').disabled = !pending;
  $('save-hint').textContent = !editor.id ? ''
    : saving(editor.id) ? (state.online ? t('page.detail.saving') : '')
      : pending && !formValue('title').trim() ? t('page.detail.titleToSave')
        : pending ? t('page.detail.notSavedYet') : '';
}

$('editor').addEventListener('input', (ev) => {
  if (ev.target.id === 'ed-title') autosizeTitle();
  if (ev.target.id === 'ed-due' || ev.target.id.startsWith('ed-remind')) showReminder();
  if (!fieldOf(ev.target)) return;
  keepDraft();
  updateSaveButton();
  saveSoon();
});
// A choice made (a list, a date picked) and a field left are saved at once.
$('editor').addEventListener('change', (ev) => {
  if (ev.target.id === 'ed-due' || ev.target.id.startsWith('ed-remind')) showReminder();
  if (fieldOf(ev.target)) save(false);
});
$('editor').addEventListener('focusout', (ev) => { if (fieldOf(ev.target)) save(false); });
$('remind-add').addEventListener('click', () => {
  addReminder();
  save(false);
  $('ed-remind-time').focus();
});
$('remind-remove').addEventListener('click', () => {
  removeReminder();
  save(false);
  $('remind-add').focus();
});

// The page hidden (another app, the tab closed, the phone locked) or left: what was typed goes now, with a
// request that outlives the page; the draft stays here until a later page hears that it was saved.
function saveAsPageGoes() {
  if (!editor.id) return;
  saveSoon.cancel();
  keepDraft();
  if (draftOf(editor.id)) saveDraft(editor.id);
}
document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') saveAsPageGoes(); });
window.addEventListener('pagehide', saveAsPageGoes);

function showDetailError(message, withConflictsLink) {
  const box = $('detail-error');
  box.replaceChildren(message);
  if (withConflictsLink) {
    box.append(' ', h('button', { type: 'button', class: 'link-button', onclick: () => go({ v: 'conflicts', item: null }) },
      t('page.conflict.open')));
  }
  box.hidden = false;
}

/**
 * A save the server refused: the text stays in its field, and so does this until Retry or Discard. Pressing either
 * leaves the focus in the field: a field left is saved at once, so Discard would first send the very text it throws
 * away, and the save hint that changes under the finger would move the button before the press ends.
 */
function showSaveFailure(message) {
  showDetailError(t('page.detail.notSaved', message));
  const keepFocus = (ev) => ev.preventDefault();
  $('detail-error').append(' ',
    h('button', { type: 'button', class: 'link-button', onmousedown: keepFocus, onclick: () => save(true) },
      t('page.retry')), ' ',
    h('button', { type: 'button', class: 'link-button', onmousedown: keepFocus, onclick: discard },
      t('page.detail.discard')));
}

async function discard() {
  const id = editor.id;
  if (!id) return;
  saveSoon.cancel();
  putDraft(id, null);
  $('detail-error').hidden = true;
  try {
    const item = await api('GET', '/api/items/' + encodeURIComponent(id));
    if (editor.id === id) showItem(item, []);
  } catch (e) {
    if (editor.id === id && editor.item) showItem(editor.item, []);
  }
}

let statusTimer;
function flashStatus(text) {
  $('detail-status').textContent = text;
  clearTimeout(statusTimer);
  statusTimer = setTimeout(() => { if ($('detail-status').textContent === text) $('detail-status').textContent = ''; }, 3000);
}

/** Keeps what was typed and sends it; explicit (Save, Enter, Retry) also says why an empty title waits. */
function save(explicit) {
  saveSoon.cancel();
  if (!editor.id) return;
  keepDraft();
  if (explicit && dirtyFields().includes('title') && !formValue('title').trim()) {
    showDetailError(t('page.detail.titleNeeded'));
    $('ed-title').focus();
  }
  if (draftOf(editor.id)) saveDraft(editor.id);
  updateSaveButton();
}
const saveSoon = debounce(() => save(false), SAVE_AFTER);
$('editor').addEventListener('submit', (ev) => { ev.preventDefault(); save(true); });

onSaved((id, outcome) => {
  if (id !== editor.id) { savedAfterLeaving(id, outcome); return; }
  if (outcome.item) {
    // Fields still in the draft (typed into since it was sent, or an empty title) keep their text.
    const left = draftOf(id) || {};
    showItem(outcome.item, Object.keys(left));
    applyDraft(left);
  }
  if (outcome.kind === 'saved') {
    if (outcome.item) { $('detail-error').hidden = true; flashStatus(t('page.detail.saved')); refreshAll(); }
  } else if (outcome.kind === 'conflict') {
    $('detail-status').textContent = '';
    showDetailError(outcome.message, true);
    loadSidebar();
    refreshAll();
  } else if (outcome.kind === 'queued') {
    // What the outbox holds is what the form now starts from: the next edit is made on it (and replayed after it).
    for (const f of outcome.fields) {
      editor.base[f] = outcome.set[f];
      editor.shown[f] = FIELDS[f].show(outcome.set[f]);
    }
    flashStatus(t(KEPT));
    refreshAll();
  } else if (outcome.kind === 'failed' && outcome.status !== 401 && draftOf(id)) {
    // (Without a draft left, it was discarded meanwhile: nothing is kept that failed.)
    $('detail-status').textContent = '';
    showSaveFailure(outcome.message);
  }
  updateSaveButton();
});

/** How a save of an item already left ended: the list shows it; what needs the user stays on screen. */
function savedAfterLeaving(id, outcome) {
  const open = () => go({ item: id });
  if (outcome.kind === 'saved' || outcome.kind === 'queued') {
    refreshAll();
  } else if (outcome.kind === 'conflict') {
    toast(outcome.message, t('page.conflict.open'), () => go({ v: 'conflicts', item: null }), true);
    loadSidebar();
  } else if (outcome.kind === 'blank') {
    toast(t('page.detail.blankLeft'), t('page.open'), open, true);
  } else if (outcome.status !== 401) {
    toast(t('page.detail.notSavedLeft', outcome.message), t('page.open'), open, true);
  }
}

$('ed-done').addEventListener('change', async () => {
  const box = $('ed-done');
  const done = box.checked;
  const answer = await submit({ op: 'done', id: editor.id, done, title: editor.item && editor.item.title });
  if (answer.outcome === 'refused') {
    box.checked = !done;
    showDetailError(answer.reason);
    return;
  }
  refreshAll();
});

// On a phone an open item is the whole screen and the view's heading is hidden: the item's heading is the page's
// first (level 1), its parts' under it; beside the list on a desktop all are one level deeper, under the view's.
const phone = window.matchMedia('(max-width: 899px)');
const levelHeading = () => {
  $('detail-heading').setAttribute('aria-level', phone.matches ? '1' : '2');
  for (const part of $('editor').querySelectorAll('.notes-head h3')) part.setAttribute('aria-level', phone.matches ? '2' : '3');
};
phone.addEventListener('change', levelHeading);
levelHeading();

titlesFrom((id) => (editor.id === id && editor.item ? editor.item.title : null));
onConnection((online) => {
  updateSaveButton();
  if (online) saveAllDrafts();
});

export async function reloadItem() {
  const id = state.route.item;
  if (!id || editor.id !== id) return;
  try {
    const item = await api('GET', '/api/items/' + encodeURIComponent(id));
    if (editor.id === id) showItem(item, dirtyFields());
  } catch (e) {
    if (e.status === 404 && editor.id === id) showDetailError(t('page.detail.deleted'));
  }
}

initNotes({
  current: () => editor.id, item: () => editor.item, stale: () => formValue('notes') !== editor.shown.notes,
  checked: () => reloadItem(), failed: (m) => showDetailError(m), decorate: decorateFiles,
});
initAttachments({ current: () => editor.id, attached: (links) => { insertLinks(links); save(false); }, failed: (m) => showDetailError(m) });

$('detail-back').addEventListener('click', () => {
  if (openedByPush) history.back(); else go({ item: null }, true);
});

onSidebar(fillListSelect);
onRoute((r, before) => {
  if (r.item === before.item) return;
  if (r.item) openItem(r.item); else closeItem();
});
onRefresh(() => (state.route.item ? reloadItem() : null));
// A page that starts on an item (a reload, a link) opens it: no route change says so.
onStart(() => { if (state.route.item) openItem(state.route.item); });
