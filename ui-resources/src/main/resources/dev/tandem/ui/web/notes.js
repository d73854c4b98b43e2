/*
 * The open item's notes: the view the server rendered from their Markdown (or the text as typed while offline),
 * whose checklist lines are ticked from the view itself (a click anywhere on the line), the button that switches
 * between that view and editing the text, and the links of files just attached put into the text. The editor
 * wires it (initNotes): this part does not know the open item, how a field is saved, or how files look.
 */
import { $, h } from './dom.js';
import { state } from './state.js';
import { submit } from './outbox.js';
import { t } from './i18n.js';

/** What initNotes was given: the open item and what to do with an answer, an error, a rendered view. */
let wired;

export function renderNotes() {
  const view = $('notes-view');
  const item = wired.item();
  if (!item) return;
  const stale = wired.stale();
  // Notes edited offline have no rendering from the server yet: shown as typed until it has them.
  const typed = item.waiting && item.notes && item.notesHtml == null;
  view.innerHTML = typed ? '' : item.notesHtml || '';
  if (typed) view.append(h('p', { class: 'notes-plain' }, item.notes));
  else if (!item.notesHtml) view.append(h('p', { class: 'muted' }, t('page.notes.none')));
  if (stale) view.prepend(h('p', { class: 'muted' }, t('page.notes.unsaved')));
  // Ticks still waiting in the outbox show as made (the server's rendering is from before them).
  for (const c of item.checks || []) {
    const box = view.querySelector(`input[type=checkbox][data-text="${CSS.escape(c.text)}"][data-occurrence="${c.occurrence}"]`);
    if (box) box.checked = c.checked;
  }
  for (const box of view.querySelectorAll('input[type=checkbox][data-line]')) {
    box.disabled = stale || !state.writable;
    box.setAttribute('data-write', '');
    if (stale) box.dataset.idle = '1';
    box.addEventListener('change', () => checkBox(box));
    const line = box.closest('li');
    if (line) line.classList.add('check-line');
  }
  wired.decorate(view);
}

/**
 * Ticks or clears a box through the outbox, named by its words and which of the boxes with those words it is (a
 * line number would name another box once a line is put above it on another device).
 */
async function checkBox(box) {
  const checked = box.checked;
  const item = wired.item();
  const answer = await submit({
    op: 'check', id: wired.current(), text: box.dataset.text, occurrence: Number(box.dataset.occurrence), checked,
    title: item && item.title,
  });
  if (answer.outcome === 'refused') {
    box.checked = !checked;
    wired.failed(answer.reason);
    return;
  }
  if (answer.status) wired.checked();
}

export function setNotesEditing(on) {
  $('notes-edit').setAttribute('aria-pressed', String(on));
  $('notes-edit').textContent = on ? t('page.notes.doneEditing') : t('page.notes.edit');
  $('ed-notes').hidden = !on;
  $('notes-view').hidden = on;
  if (!on) renderNotes();
}

/** Puts the links of files just attached into the notes (at the caret while editing, else at the end). */
export function insertLinks(links) {
  const ta = $('ed-notes');
  const at = ta.hidden ? ta.value.length : ta.selectionEnd;
  const before = ta.value.slice(0, at);
  const sep = !before ? '' : before.endsWith('\n\n') || (!ta.hidden && before.endsWith('\n')) ? '' : before.endsWith('\n') ? '\n' : '\n\n';
  ta.value = before + sep + links.join('\n') + ta.value.slice(at);
}

/**
 * Wires the notes: {@code current()} is the open item's id and {@code item()} the JSON last shown of it,
 * {@code stale()} says the text was changed since (so the view is not what will be saved), {@code checked()}
 * reads the item again once the server ticked a box, {@code failed(message)} says why it did not, and
 * {@code decorate(view)} makes the files the view links look like files.
 */
export function initNotes({ current, item, stale, checked, failed, decorate }) {
  wired = { current, item, stale, checked, failed, decorate };
  $('notes-view').addEventListener('click', (ev) => {
    const line = ev.target.closest('li.check-line');
    if (!line || ev.target.closest('a, input')) return;
    const box = line.querySelector('input[type=checkbox][data-line]');
    if (box && !box.disabled) box.click();
  });
  $('notes-edit').addEventListener('click', () => {
    const on = $('notes-edit').getAttribute('aria-pressed') !== 'true';
    setNotesEditing(on);
    if (on) $('ed-notes').focus();
  });
}
