/*
 * The outbox's edit entry on the page as its own device, as the server's WebEdits writes it: title, notes, priority
 * and list here, the details by the core's app/edits.js (docs/WEB.md, "Editing a todo's details"). Every field is
 * checked before anything is written. And its check entry, a check box of a note ticked or cleared as the server's
 * NoteChecks does (the core's app/checkboxes.js), written as an edit of the notes. Imports nothing: the replica, the
 * core, the words and the refusal come in.
 */
const TEXT_MAX = 1000;
const NOTES_MAX = 1000000;
const DETAILS = new Set(['due', 'time', 'lengthMinutes', 'tags', 'remindAt', 'repeat', 'start', 'someday']);
const SAID = new Set(['timeNeedsDue', 'notADate', 'length', 'repeat', 'dateOutOfRange', 'remindOutOfRange']);

const num = (v) => (typeof v === 'bigint' ? Number(v) : v);

export function makeEdits({ replica, items, t, refuse, listNames, now, today, checks = null, grammar = null,
  dateWords = null }) {
  const bad = () => refuse(400, t('page.device.badValue'));
  const text = (v, max) => {
    if (typeof v !== 'string' || v.length > max) throw bad();
    return v;
  };

  async function edit(id, set, base) {
    if (!set || typeof set !== 'object' || Array.isArray(set)) throw bad();
    const plain = {};
    const details = {};
    for (const [f, v] of Object.entries(set)) {
      if (DETAILS.has(f)) {
        details[f] = v;
      } else if (f === 'title') {
        if (!text(v, TEXT_MAX).trim()) throw refuse(400, t('page.device.noTitle'));
        plain.title = v.trim();
      } else if (f === 'notes') {
        plain.notes = v == null ? null : text(v, NOTES_MAX);
      } else if (f === 'listId') {
        if (v != null && typeof v !== 'string') throw bad();
        const to = v == null || v.trim() === '' ? null : v;
        if (to != null && !listNames().has(to)) throw refuse(400, t('page.device.noSuchList'));
        plain.listId = to;
      } else if (f === 'priority') {
        if (v != null && ![1, 2, 3, 4].includes(v)) throw bad();
        plain.priority = v == null ? null : BigInt(v);
      } else {
        throw bad();
      }
    }
    // The details first: they may still refuse.
    if (Object.keys(details).length) {
      try {
        await items.applyDetails(replica, id, details, base && typeof base === 'object' ? base : null, now(), today(),
          grammar);
      } catch (e) {
        if (!(e instanceof items.EditRefused)) throw e;
        const key = e.key.replace('server.edit.', '');
        throw refuse(400, SAID.has(key) ? t('page.device.edit.' + key, ...e.args) : t('page.device.badValue'));
      }
    }
    if (Object.keys(plain).length) replica.save('items', id, { ...replica.row('items', id), ...plain }, items.ITEM_COLUMNS);
  }

  /**
   * The check entry of an item that exists: {text, occurrence (from 0; 0 when left out), checked}, read as the
   * server's outbox reads it; refused with its words when the note has no such box (changed meanwhile), nothing
   * written. The note is written as the editor writes notes, the one character changed, so it merges line by line.
   */
  function check(e) {
    const row = replica.row('items', e.id);
    const occurrence = e.occurrence === undefined ? 0 : e.occurrence;
    if (typeof e.text !== 'string' || e.text.length > NOTES_MAX || !Number.isSafeInteger(occurrence) || occurrence < 0
      || typeof e.checked !== 'boolean') throw refuse(400, t('page.device.check.text'));
    const r = checks.tick(row.notes, e.text, occurrence, e.checked);
    // The words as sent, shortened: a refusal stays one sentence whatever was sent.
    if (r.gone !== undefined) throw refuse(409, t('page.device.check.gone', r.gone.length > 80 ? r.gone.slice(0, 80) + '…' : r.gone));
    if (r.notes !== row.notes) replica.save('items', e.id, { ...row, notes: r.notes }, items.ITEM_COLUMNS);
    return {};
  }

  function values(id) {
    const r = replica.row('items', id);
    if (!r) return null;
    return { title: r.title ?? '', notes: r.notes ?? '', due: r.due ?? null, priority: num(r.priority) ?? null,
      listId: r.listId ?? null, ...items.details(r, dateWords), tags: items.tagsOf(replica, id) };
  }

  return { edit, check, values };
}
