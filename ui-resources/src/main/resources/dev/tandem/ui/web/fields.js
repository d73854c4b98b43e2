/*
 * The editor's fields: how each shows a server value as the text of its control (show), reads that text back
 * as the JSON an edit sends (read), and where the text is (get, put). A draft keeps that text, so a field is
 * "changed" exactly when its text differs from what the server's value shows as. The reminder is two controls
 * (date and time) and a line saying when it rings, in this browser's words.
 */
import { $ } from './dom.js';
import { localInput } from './format.js';
import { formatDayTime, t } from './i18n.js';

const plain = (el, show, read) => ({
  el, show, read, get: () => $(el).value, put: (s) => { $(el).value = s; },
});
const orEmpty = (v) => (v == null ? '' : String(v));

export const FIELDS = {
  title: plain('ed-title', (v) => v || '', (s) => s.trim()),
  due: plain('ed-due', (v) => v || '', (s) => s || null),
  time: plain('ed-time', (v) => v || '', (s) => s || null),
  lengthMinutes: plain('ed-length', orEmpty, (s) => (s ? Math.round(Number(s)) : null)),
  priority: plain('ed-priority', orEmpty, (s) => (s ? Number(s) : null)),
  listId: plain('ed-list', (v) => v || '', (s) => s || null),
  tags: plain('ed-tags', (v) => (v || []).join(', '),
    (s) => s.split(/[,\s]+/).map((t) => t.replace(/^#/, '')).filter(Boolean)),
  remindAt: {
    el: 'ed-remind-date',
    show: (v) => (v == null ? '' : localInput(v)),
    read: (s) => (s ? new Date(s).getTime() : null),
    get: () => ($('ed-remind-date').value ? `${$('ed-remind-date').value}T${$('ed-remind-time').value || '09:00'}` : ''),
    put: (s) => {
      $('ed-remind-date').value = s ? s.slice(0, 10) : '';
      $('ed-remind-time').value = s ? s.slice(11, 16) : '';
      showReminder();
    },
  },
  repeat: plain('ed-repeat', (v) => v || '', (s) => s.trim() || null),
  notes: plain('ed-notes', (v) => v || '', (s) => s),
  start: plain('ed-start', (v) => v || '', (s) => s || null),
  // A check box: its text is "yes" or "", so a draft keeps it as it keeps every other field.
  someday: {
    el: 'ed-someday',
    show: (v) => (v ? 'yes' : ''),
    read: (s) => s === 'yes',
    get: () => ($('ed-someday').checked ? 'yes' : ''),
    put: (s) => { $('ed-someday').checked = s === 'yes'; },
  },
};

/** The field a control belongs to (the reminder's time is part of remindAt). */
export function fieldOf(el) {
  if (!el || !el.id) return null;
  if (el.id === 'ed-remind-time') return 'remindAt';
  return Object.keys(FIELDS).find((f) => FIELDS[f].el === el.id) || null;
}

const pad = (n) => String(n).padStart(2, '0');

/** Shows the reminder's controls only when there is one; the line says when, e.g. "Thu 27 Nov, 09:00". */
export function showReminder() {
  const date = $('ed-remind-date').value;
  $('remind-set').hidden = !date;
  $('remind-add').hidden = !!date;
  const at = date ? new Date(FIELDS.remindAt.get()) : null;
  $('remind-text').textContent = !at || Number.isNaN(at.getTime()) ? t('page.reminder.none') : formatDayTime(at);
  // A time of day belongs to a due date: without one there is nothing to set.
  $('ed-time').disabled = !$('ed-due').value;
}

/** "Add reminder": the due date (or tomorrow) at 09:00, ready to change. */
export function addReminder() {
  const due = $('ed-due').value;
  const d = new Date(Date.now() + 86400000);
  $('ed-remind-date').value = due || `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  $('ed-remind-time').value = $('ed-time').value || '09:00';
  showReminder();
}

export function removeReminder() {
  FIELDS.remindAt.put('');
}
