/*
 * The detail: an editor that sends only changed fields with their base values, the notes rendered with
 * their check boxes, and drafts kept in sessionStorage so closing or reloading never loses typed text.
 */
import { $, h } from './dom.js';
import { localInput } from './format.js';
import { state } from './state.js';
import { OFFLINE_WRITE, api } from './api.js';
import { go, openedByPush, refreshAll } from './routes.js';
import { loadSidebar } from './sidebar.js';
import { decorateFiles, initAttachments, showFiles } from './attachments.js';

/** How each field shows in the form and goes back to JSON. */
const FIELDS = {
  title: { el: 'ed-title', show: (v) => v || '', read: (s) => s.trim() },
  due: { el: 'ed-due', show: (v) => v || '', read: (s) => s || null },
  priority: { el: 'ed-priority', show: (v) => (v == null ? '' : String(v)), read: (s) => (s ? Number(s) : null) },
  listId: { el: 'ed-list', show: (v) => v || '', read: (s) => s || null },
  tags: {
    el: 'ed-tags', show: (v) => (v || []).join(', '),
    read: (s) => s.split(/[,\s]+/).map((t) => t.replace(/^#/, '')).filter(Boolean),
  },
  remindAt: { el: 'ed-remind', show: (v) => (v == null ? '' : localInput(v)), read: (s) => (s ? new Date(s).getTime() : null) },
  repeat: { el: 'ed-repeat', show: (v) => v || '', read: (s) => s.trim() || null },
  notes: { el: 'ed-notes', show: (v) => v || '', read: (s) => s },
};

/** The open item: the JSON last shown, and per field the server value the form started from. */
const editor = { id: null, item: null, base: {}, shown: {}, seq: 0 };
export const DRAFTS = 'tandem.drafts';

const formValue = (f) => $(FIELDS[f].el).value;
const dirtyFields = () => Object.keys(FIELDS).filter((f) => editor.id && formValue(f) !== editor.shown[f]);

function drafts() {
  try { return JSON.parse(sessionStorage.getItem(DRAFTS) || '{}'); } catch (e) { return {}; }
}
/** Keeps changed fields of the open item (with their base), so closing or reloading never loses them. */
function keepDraft() {
  if (!editor.id) return;
  const all = drafts();
  const dirty = dirtyFields();
  if (dirty.length) {
    all[editor.id] = Object.fromEntries(dirty.map((f) => [f, { value: formValue(f), base: editor.base[f] }]));
  } else {
    delete all[editor.id];
  }
  try { sessionStorage.setItem(DRAFTS, JSON.stringify(all)); } catch (e) { /* private mode: memory only */ }
}

export function fillListSelect() {
  const sel = $('ed-list');
  const value = sel.value;
  const lists = (state.sidebar && state.sidebar.lists) || [];
  sel.replaceChildren(h('option', { value: '' }, 'Inbox'), ...lists.map((l) => h('option', { value: l.id }, l.name)));
  if (editor.item && editor.item.listId && !lists.some((l) => l.id === editor.item.listId)) {
    sel.append(h('option', { value: editor.item.listId }, editor.item.listName || 'Other list'));
  }
  sel.value = value;
}

export async function openItem(id) {
  keepDraft();
  document.body.classList.add('has-item');
  editor.id = null;
  editor.item = null;
  $('detail-placeholder').hidden = true;
  $('detail-body').hidden = false;
  $('detail-error').hidden = true;
  $('detail-status').textContent = 'Loading…';
  for (const row of $('items').querySelectorAll('.item-open')) {
    row.toggleAttribute('aria-current', row.closest('.item').dataset.id === id);
  }
  const seq = ++editor.seq;
  try {
    const item = await api('GET', '/api/items/' + encodeURIComponent(id));
    if (seq !== editor.seq) return;
    editor.id = id;
    $('detail-status').textContent = '';
    showItem(item, true);
    const draft = drafts()[id];
    if (draft) {
      for (const [f, d] of Object.entries(draft)) {
        if (!FIELDS[f]) continue;
        editor.base[f] = d.base;
        editor.shown[f] = FIELDS[f].show(d.base);
        $(FIELDS[f].el).value = d.value;
      }
      if (draft.notes) setNotesEditing(true);
      $('detail-status').textContent = 'Unsaved changes kept';
    }
    updateSaveButton();
    if (window.matchMedia('(max-width: 899px)').matches) $('detail-heading').focus();
  } catch (e) {
    if (seq !== editor.seq) return;
    $('detail-status').textContent = '';
    showDetailError(e.message);
  }
}

export function closeItem() {
  keepDraft();
  editor.seq++;
  const id = editor.id;
  editor.id = null;
  editor.item = null;
  document.body.classList.remove('has-item');
  $('detail-body').hidden = true;
  $('detail-placeholder').hidden = false;
  setNotesEditing(false);
  for (const row of $('items').querySelectorAll('.item-open[aria-current]')) row.removeAttribute('aria-current');
  const row = id && $('items').querySelector(`.item[data-id="${CSS.escape(id)}"] .item-open`);
  if (row) row.focus();
}

/**
 * Shows an item from the server. With all, every field takes the server's value; otherwise fields the user
 * changed keep their text and their old base (saving them then finds out whether another device changed them).
 */
function showItem(item, all, keep) {
  const dirty = all ? [] : keep || dirtyFields();
  editor.item = item;
  fillListSelect();
  for (const [f, def] of Object.entries(FIELDS)) {
    if (dirty.includes(f)) continue;
    editor.base[f] = item[f] === undefined ? null : item[f];
    editor.shown[f] = def.show(editor.base[f]);
    const el = $(def.el);
    if (el.value !== editor.shown[f]) el.value = editor.shown[f];
  }
  const done = $('ed-done');
  done.hidden = !!item.note;
  done.checked = !!item.done;
  $('detail-heading').textContent = (item.note ? 'Note' : 'Todo') + (item.shared ? ' · shared list' : '');
  $('detail-heading').setAttribute('tabindex', '-1');
  renderNotes();
  showFiles(item);
  autosizeTitle();
  updateSaveButton();
}

function renderNotes() {
  const view = $('notes-view');
  const item = editor.item;
  if (!item) return;
  const stale = formValue('notes') !== editor.shown.notes;
  view.innerHTML = item.notesHtml || '';
  if (!item.notesHtml) view.append(h('p', { class: 'muted' }, 'No notes.'));
  if (stale) view.prepend(h('p', { class: 'muted' }, 'The notes have unsaved changes (Edit shows them).'));
  for (const box of view.querySelectorAll('input[type=checkbox][data-line]')) {
    box.disabled = stale || !state.writable;
    box.setAttribute('data-write', '');
    if (stale) box.dataset.idle = '1';
    box.addEventListener('change', () => checkLine(Number(box.dataset.line), box));
    const line = box.closest('li');
    if (line) line.classList.add('check-line');
  }
  decorateFiles(view);
}

$('notes-view').addEventListener('click', (ev) => {
  const line = ev.target.closest('li.check-line');
  if (!line || ev.target.closest('a, input')) return;
  const box = line.querySelector('input[type=checkbox][data-line]');
  if (box && !box.disabled) box.click();
});

async function checkLine(line, box) {
  const checked = box.checked;
  try {
    const answer = await api('POST', `/api/items/${encodeURIComponent(editor.id)}/check`, { line, checked });
    showItem(answer.item, false);
  } catch (e) {
    box.checked = !checked;
    showDetailError(e.message);
  }
}

function setNotesEditing(on) {
  $('notes-edit').setAttribute('aria-pressed', String(on));
  $('notes-edit').textContent = on ? 'Done editing' : 'Edit';
  $('ed-notes').hidden = !on;
  $('notes-view').hidden = on;
  if (!on) renderNotes();
}
$('notes-edit').addEventListener('click', () => {
  const on = $('notes-edit').getAttribute('aria-pressed') !== 'true';
  setNotesEditing(on);
  if (on) $('ed-notes').focus();
});

function autosizeTitle() {
  const t = $('ed-title');
  t.style.height = 'auto';
  t.style.height = t.scrollHeight + 'px';
}
$('ed-title').addEventListener('keydown', (ev) => {
  if (ev.key === 'Enter') { ev.preventDefault(); save(); }
});

export function updateSaveButton() {
  const dirty = editor.id ? dirtyFields() : [];
  $('save').disabled = !dirty.length || !state.writable;
  $('save-hint').textContent = !editor.id ? ''
    : !state.writable ? (dirty.length ? 'Offline — saving waits for the connection.' : 'Offline — read-only.')
      : dirty.length ? 'Unsaved changes' : '';
}
$('editor').addEventListener('input', (ev) => {
  if (ev.target.id === 'ed-title') autosizeTitle();
  if (ev.target.dataset.field) { updateSaveButton(); keepDraft(); }
});
$('editor').addEventListener('change', () => updateSaveButton());

function showDetailError(message, withConflictsLink) {
  const box = $('detail-error');
  box.replaceChildren(message);
  if (withConflictsLink) {
    box.append(' ', h('button', { type: 'button', class: 'link-button', onclick: () => go({ v: 'conflicts', item: null }) },
      'Open Conflicts'));
  }
  box.hidden = false;
}

let statusTimer;
function flashStatus(text) {
  $('detail-status').textContent = text;
  clearTimeout(statusTimer);
  statusTimer = setTimeout(() => { if ($('detail-status').textContent === text) $('detail-status').textContent = ''; }, 3000);
}

let saving = false;
async function save() {
  if (!editor.id || saving) return;
  const dirty = dirtyFields();
  if (!dirty.length) return;
  if (!state.writable) { showDetailError(OFFLINE_WRITE); return; }
  if (dirty.includes('title') && !formValue('title').trim()) {
    showDetailError('A title is needed.');
    $('ed-title').focus();
    return;
  }
  const set = {};
  const base = {};
  const sent = {};
  for (const f of dirty) {
    sent[f] = formValue(f);
    set[f] = FIELDS[f].read(formValue(f));
    base[f] = editor.base[f];
  }
  saving = true;
  $('save').disabled = true;
  $('detail-status').textContent = 'Saving…';
  $('detail-error').hidden = true;
  const id = editor.id;
  try {
    const answer = await api('POST', '/api/items/' + encodeURIComponent(id), { set, base });
    if (editor.id !== id) return;
    // Fields typed into while saving keep their text.
    const typedSince = Object.keys(FIELDS).filter((f) => formValue(f) !== (f in sent ? sent[f] : editor.shown[f]));
    showItem(answer.item, false, typedSince);
    keepDraft();
    flashStatus('Saved');
    refreshAll();
  } catch (e) {
    if (editor.id !== id) return;
    $('detail-status').textContent = '';
    if (e.status === 409) {
      // The other device's value stays; ours is kept in Conflicts.
      if (e.data.item) showItem(e.data.item, true);
      keepDraft();
      showDetailError(/^Changed on another device/.test(e.message) ? e.message
        : 'Changed on another device while you edited. Your version is kept in Conflicts.', true);
      loadSidebar();
    } else {
      showDetailError(e.message);
    }
  } finally {
    saving = false;
    updateSaveButton();
  }
}
$('editor').addEventListener('submit', (ev) => { ev.preventDefault(); save(); });

$('ed-done').addEventListener('change', async () => {
  const box = $('ed-done');
  const done = box.checked;
  try {
    const answer = await api('POST', `/api/items/${encodeURIComponent(editor.id)}/done`, { done });
    if (answer && answer.item) editor.base.done = answer.item.done;
    refreshAll();
  } catch (e) {
    box.checked = !done;
    showDetailError(e.message);
  }
});

export async function reloadItem() {
  const id = state.route.item;
  if (!id || editor.id !== id) return;
  try {
    const item = await api('GET', '/api/items/' + encodeURIComponent(id));
    if (editor.id === id) showItem(item, false);
  } catch (e) {
    if (e.status === 404 && editor.id === id) showDetailError('This item was deleted on another device.');
  }
}

/** Puts the links of files just attached into the notes (at the caret while editing, else at the end) and saves. */
function insertLinks(links) {
  const ta = $('ed-notes');
  const at = ta.hidden ? ta.value.length : ta.selectionEnd;
  const before = ta.value.slice(0, at);
  const sep = !before ? '' : before.endsWith('\n\n') || (!ta.hidden && before.endsWith('\n')) ? '' : before.endsWith('\n') ? '\n' : '\n\n';
  ta.value = before + sep + links.join('\n') + ta.value.slice(at);
  keepDraft();
  updateSaveButton();
  save();
}
initAttachments({ current: () => editor.id, attached: insertLinks, failed: (m) => showDetailError(m) });

$('detail-back').addEventListener('click', () => {
  if (openedByPush) history.back(); else go({ item: null }, true);
});
