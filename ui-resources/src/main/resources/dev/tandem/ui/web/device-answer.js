/*
 * The page as its own device answers its own requests (transport.js): the routes its core flow needs, read from
 * and written to this browser's replica of the todos, in the JSON shapes the Java web layer sends, so every screen
 * draws them as it draws the server's. Everything else answers 501 with a sentence the page shows in place of the
 * view ("… is not on this device yet"), never a blank screen.
 *
 * Routes: GET /api/session, /api/sidebar (with the saved filters and their counts), /api/items?view=inbox|today|
 * upcoming|completed|agenda|week|search|tag:NAME|list:ID|trash|someday|filter:ID, /api/items/ID (the editor: notes as Markdown,
 * as the served page renders them, with the core's app/note-html.js; check boxes as boxes to tick), /api/rows
 * (always "fetch whole"), POST /api/outbox with the entries add (quick add as the desktop reads it, in English and the page's language: the core's app/quick-add.js), done
 * (tick and untick; completing a repeating todo makes its next occurrence as the desktop does), edit (every field of
 * the editor, device-edits.js), move (in a list's outline or into another list, device-moves.js) and trash (to the
 * Trash and back, with the todos under it, the core's app/trash.js), purge (delete for good, from the Trash) and check
 * (a check box of a note ticked or cleared, named by its words and occurrence, as the desktop's NoteChecks: the
 * core's app/checkboxes.js; the note written as an edit of its notes, the one character changed), and POST /api/parse
 * (quick add's chips and warning as you type, in the page's language: the core's app/quick-add.js).
 *
 * Invariants. Each outbox entry is applied to the replica and the replica kept (IndexedDB, one transaction) before
 * its answer goes back, so the outbox forgets an entry only once its change is kept; an entry applied before (the
 * answer lost, the page reloaded) applies again to the same values, never twice (an add whose id exists is
 * answered as applied). One entry never holds the next: each is applied or refused with a reason on its own. An
 * entry's values are checked before anything is written: ids are UUIDs, text is a string of bounded length, a
 * date is YYYY-MM-DD within 1900–2999, a priority 1–4 or none.
 *
 * The Inbox and a list in their own order, with sections and subtasks, are device-outline.js's;
 * Upcoming, Completed, the Agenda and the Week are device-days.js's; search and tags device-search.js's; saved
 * filters (smart lists: the sidebar's and filter:ID, read and run by the core's app/filters.js) device-filters.js's;
 * conflicts (GET /api/conflicts, POST /api/conflicts/ID/use-lost|dismiss) are device-conflicts.js's.
 *
 * This device's card in the settings (GET /api/browsers with {@code device.info()}: its name, the remote, when it
 * last synced, how many changes wait, whether the browser keeps its data (device-storage.js); POST
 * /api/device/sync {everyMinutes} sets how often it syncs by itself).
 *
 * An item's attached files (device-files.js): listed from the replica's rows, opened (GET /api/attachments/ID) from
 * the kept copies or downloaded on demand, and attached (POST /api/items/ID/attachments) with the bytes kept here.
 *
 * This module imports only its siblings (device-*.js): the core's items module, the words and the replica come
 * in through makeAnswerer, so Node's test runner drives it as the browser does.
 */
import { makeConflicts } from './device-conflicts.js';
import { dateOf, makeDays, todays, upcoming } from './device-days.js';
import { filesOf, makeFiles } from './device-files.js';
import { makeSearch } from './device-search.js';
import { makeFilters } from './device-filters.js';
import { makeMoves } from './device-moves.js';
import { makeEdits } from './device-edits.js';
import { outline } from './device-outline.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DATE = /^(19|2[0-9])\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
/** A title or quick-add text: what the server takes. */
const TEXT_MAX = 1000;
const ENTRIES_MAX = 100;
const TAGS_SHOWN = 50;
/** Rows of a view per answer, as the server's: the page asks for more as it scrolls. */
const LIMIT = 200;
const LIMIT_MAX = 5000;
/** How often the page syncs by itself, in minutes: the least and the most. */
const SYNC_MINUTES = [1, 60];

const num = (v) => (typeof v === 'bigint' ? Number(v) : v);
/** The column as SQL's {@code someday = 1} reads it: the integer 1 (a float 1.0 compares equal too). */
const someday = (v) => v === 1n || v === 1;
const isoDay = (d) => d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-'
  + String(d.getDate()).padStart(2, '0');
const escapeHtml = (s) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));

/** A request's JSON body, or null for none or one that is no JSON. */
function bodyOf(init) {
  try { return JSON.parse(typeof init.body === 'string' ? init.body : ''); } catch (e) { return null; }
}

class Refused extends Error {
  constructor(status, reason) { super(reason); this.status = status; }
}

/**
 * (path, init) → Promise<Response> over {@code replica}. {@code items}: the core's app/items.js; {@code series}: its
 * app/series.js (completing as the desktop does; without it a tick makes no next occurrence); {@code t}: the page's
 * words; {@code kept()}: keeps the replica (resolves once stored) and schedules a sync; {@code session()}: the
 * session's answer; {@code now()}: the time; {@code grammar}: quick add's words in the page's language (the core's
 * compileGrammar over /messages.json's table; the editor's repeat field reads it too), or none for English alone;
 * {@code weekStart}: the day "next week" and "next fri" count from in quick add and saved filters (1 Monday … 7
 * Sunday), WeekStart.ofPhrases: the desktop's is the day chosen in its Settings, else Monday whatever the language,
 * and the page has no such choice, so Monday unless given;
 * {@code dateWords}: the words of dates and rules in the page's language (/messages.json's dates, i18n.js's
 * dateWords), with which rows say their day, time and length and rows and the editor describe a repeat as the
 * desktop does (English without them); {@code checks}: the core's app/checkboxes.js (a check box in a note ticked;
 * without it the entry answers 501); {@code notes}: its app/note-html.js (a note as Markdown, as the served page's;
 * without it plain paragraphs, the check boxes checks finds as boxes); {@code filters}: its app/filters.js (saved
 * filters in the sidebar and opened; without it they answer 501).
 */
export function makeAnswerer({ replica, items, t, kept, session, now = () => Date.now(), firstDay = 1,
  dayName = (iso) => iso, files = null, attachments = null, budget = null, series = null, moves = null, trash: bin = null,
  device = null, grammar = null, dateWords = null, checks = null, notes: markdown = null, filters = null, weekStart = 1 }) {
  const today = () => isoDay(new Date(now()));
  const days = makeDays({ t, today, firstDay, dayName });
  const finder = makeSearch({ t });
  const json = (status, body) => new Response(JSON.stringify(body), {
    status, headers: { 'Content-Type': 'application/json' } });
  const notYet = () => json(501, { error: t('page.device.notYet') });
  const conflicts = makeConflicts({ replica, t });
  const move = moves ? makeMoves({ replica, moves, t, refuse: (status, reason) => new Refused(status, reason) }) : null;
  const edits = makeEdits({ replica, items, t, refuse: (status, reason) => new Refused(status, reason), listNames,
    now, today, checks, grammar, dateWords });
  const { values } = edits;
  const fileRoutes = makeFiles({ replica, kept: files, attachments, t, now, saved: kept, budget,
    open: (id) => open().find((i) => i.id === id) ?? null });

  const smart = filters ? makeFilters({ filters, read, open, today, t, grammar, weekStart,
    rows: () => { const names = listNames(); return (it) => row(it, names); } }) : null;

  function listNames() {
    const out = new Map();
    for (const e of replica.entities.values()) {
      if (e.table !== 'lists') continue;
      const row = replica.row('lists', e.entity);
      if (row) out.set(e.entity, String(row.name ?? ''));
    }
    return out;
  }

  /**
   * The rows `tandem list --json` gives, plus trashed ones' absence: the todos and notes not in the Trash. Made once
   * per state of the replica (every change, local or pulled, is appended under a new seq), as opening the page asks
   * for the sidebar and the view at once, each of them over every todo; callers copy, never change, what it gives.
   */
  let made = null;
  function open() {
    const at = replica.lastSeq + '/' + replica.entities.size;
    if (!made || made.at !== at) made = { at, rows: items.listJson(read(), { all: true }) };
    return made.rows;
  }

  /**
   * The replica as the readers here see it, one per state of the replica: replica.row assembles a row from its
   * attributes, the most of an opening's work at 10,000 todos, and the list of todos, the outline's placing and its
   * count of done subtasks each read every todo; through this each row is assembled once per state. Only entities and
   * row (all that listJson and outline use); readers never change what it gives, and writes go to the replica.
   */
  let reader = null;
  function read() {
    const at = replica.lastSeq + '/' + replica.entities.size;
    if (reader && reader.at === at) return reader;
    const tables = new Map();
    reader = {
      at,
      entities: replica.entities,
      row(table, id) {
        let rows = tables.get(table);
        if (!rows) tables.set(table, rows = new Map());
        let r = rows.get(id);
        if (r === undefined) rows.set(id, r = replica.row(table, id) ?? null);
        return r;
      },
    };
    return reader;
  }

  function row(it, names) {
    const due = it.due && DATE.test(it.due) ? it.due : null;
    const done = !!it.done;
    const raw = read().row('items', it.id) ?? {};
    const d = items.details(raw, dateWords);
    const pending = d.remindAt != null && num(raw.remindDismissed) !== d.remindAt;
    return {
      id: it.id, title: typeof it.title === 'string' ? it.title : '', listId: it.listId && names.has(it.listId) ? it.listId : null,
      listName: it.listId && names.has(it.listId) ? names.get(it.listId) : t('page.view.inbox'),
      due, dueLabel: items.dueLabel(due, d.time, d.lengthMinutes, today(), dateWords ?? undefined), time: d.time,
      timeLabel: items.timeAndLength(due == null ? null : d.time, d.lengthMinutes, dateWords ?? undefined), lengthMinutes: d.lengthMinutes,
      overdue: due != null && !done && due < today(), dueToday: due === today(),
      priority: it.priority, tags: it.tags.filter((g) => typeof g === 'string').slice(0, TAGS_SHOWN).map((g) => g.slice(0, 64)),
      done, note: it.kind === 'note', repeat: d.repeat, remindAt: pending ? d.remindAt : null, hasNotes: !!it.notes,
      context: null, start: d.start, startLabel: null, someday: d.someday, trashed: false, shared: false,
    };
  }

  /** The todos and notes not in the Trash, a list id naming no list read as the Inbox. */
  function listedRows(names = listNames()) {
    return open().map((it) => (it.listId && !names.has(it.listId) ? { ...it, listId: null } : it));
  }

  function view(key, limit, q) {
    const names = listNames();
    // A list id naming no list (not synced yet, or deleted elsewhere) leaves its todo in the Inbox, never nowhere.
    const all = listedRows(names);
    if (key === 'search') return finder.search(all, q, limit, (it) => row(it, names));
    if (key === 'inbox' || (key.startsWith('list:') && names.has(key.slice(5)))) {
      const listId = key === 'inbox' ? null : key.slice(5);
      return outline({ replica: read(), rows: open().filter((it) => !it.done), names, key, listId, limit,
        title: listId == null ? t('page.view.inbox') : names.get(listId), row: (it) => row(it, names) });
    }
    if (key.startsWith('tag:')) return finder.tagView(all.filter((it) => !it.done), key.slice(4), limit, (it) => row(it, names));
    let title;
    let rows;
    if (key === 'inbox') {
      title = t('page.view.inbox');
      rows = all.filter((it) => !it.done && it.listId == null);
    } else if (key === 'today') {
      title = t('page.device.today');
      rows = all.filter((it) => !it.done && it.kind !== 'note' && todays(it, today()));
    } else if (key === 'upcoming') {
      title = t('page.device.upcoming');
      const at = (it) => dateOf(it.due) ?? '9999';
      rows = all.filter((it) => !it.done && it.kind !== 'note' && upcoming(it, today()))
        .map((it, n) => ({ it, n })).sort((a, b) => (at(a.it) < at(b.it) ? -1 : at(a.it) > at(b.it) ? 1
          : String(a.it.dueTime ?? '') < String(b.it.dueTime ?? '') ? -1
            : String(a.it.dueTime ?? '') > String(b.it.dueTime ?? '') ? 1 : a.n - b.n)).map((x) => x.it);
    } else if (key === 'someday') {
      // As the desktop's Someday (Listing.SOMEDAY): open todos put away for some day, without a due or start date,
      // in the order they were made; open() gives them in that order (createdAt, then id).
      title = t('page.device.someday');
      const raw = (it) => read().row('items', it.id) ?? {};
      const dateless = (v) => v == null || v === '';
      rows = all.filter((it) => !it.done && it.kind !== 'note' && someday(raw(it).someday)
        && dateless(raw(it).due) && dateless(raw(it).start));
    } else if (key === 'completed') {
      title = t('page.device.completed');
      const doneAt = (it) => { const v = num(read().row('items', it.id)?.doneAt); return Number.isFinite(v) ? v : 0; };
      rows = all.filter((it) => it.done && it.kind !== 'note').map((it) => ({ it, at: doneAt(it) }))
        .sort((a, b) => b.at - a.at || (a.it.id < b.it.id ? -1 : 1)).map((x) => x.it);
    } else if (key === 'trash' && bin) {
      title = t('page.device.trash');
      const at = (it) => { const v = num(read().row('items', it.id)?.trashedAt); return Number.isFinite(v) ? v : 0; };
      return { view: key, title, ...trashView(items.listJson(read(), { trashed: true }).map((it) => ({ it, at: at(it) }))
        .sort((a, b) => b.at - a.at || (a.it.id < b.it.id ? -1 : 1)).map((x) => x.it), limit, names) };
    } else if (key.startsWith('list:') && names.has(key.slice(5))) {
      title = names.get(key.slice(5));
      rows = all.filter((it) => !it.done && it.listId === key.slice(5));
    } else {
      return null;
    }
    return { view: key, title, total: rows.length, items: rows.slice(0, limit).map((it) => row(it, names)) };
  }

  function trashView(rows, limit, names) {
    return { total: rows.length, items: rows.slice(0, limit).map((it) => ({ ...row(it, names), trashed: true })) };
  }

  function sidebar() {
    const names = listNames();
    const all = open().filter((it) => !it.done).map((it) => (it.listId && !names.has(it.listId) ? { ...it, listId: null } : it));
    const count = (f) => all.filter(f).length;
    return {
      views: [
        // Open todos, as the server counts them: notes and Someday's are not counted.
        { key: 'inbox', label: t('page.view.inbox'), count: count((it) => it.listId == null && it.kind !== 'note' && !it.someday) },
        { key: 'today', label: t('page.device.today'), count: count((it) => it.kind !== 'note' && todays(it, today())) },
        { key: 'upcoming', label: t('page.device.upcoming'),
          count: count((it) => it.kind !== 'note' && upcoming(it, today())) },
        // The days to plan on and Completed, without a count, as the server's sidebar.
        { key: 'agenda', label: t('page.device.agenda'), count: null },
        { key: 'week', label: t('page.device.week'), count: null },
        { key: 'completed', label: t('page.device.completed'), count: null },
        ...(bin ? [{ key: 'trash', label: t('page.device.trash'), count: null }] : []),
      ],
      lists: [...names].map(([id, name]) => ({ id, name, count: count((it) => it.listId === id), shared: false })),
      filters: smart ? smart.sidebar() : [], tags: finder.counts(all), conflicts: replica.listConflicts().length,
    };
  }

  function item(id) {
    const names = listNames();
    const it = UUID.test(id) ? open().find((i) => i.id === id) : null;
    if (!it) return json(404, { error: t('page.device.gone') });
    const notes = typeof it.notes === 'string' ? it.notes : '';
    // Markdown as the served page renders it (check boxes marked as its NoteHtml marks them, for notes.js to tick);
    // without the renderer plain paragraphs, with the core's checkboxes.js each check box's line a box to tick.
    const html = markdown ? markdown.noteHtml(notes, (line) => t('page.device.checkBoxLine', line))
      : checks ? checks.plainHtml(notes)
      : notes ? notes.split(/\n{2,}/).map((p) => '<p>' + escapeHtml(p).replace(/\n/g, '<br>') + '</p>').join('') : '';
    return json(200, { ...row(it, names), remindAt: items.details(replica.row('items', it.id) ?? {}).remindAt, notes,
      notesHtml: html, attachments: filesOf(replica, it.id, t) });
  }

  function text(v, max) {
    if (typeof v !== 'string' || v.length > max) throw new Refused(400, t('page.device.badValue'));
    return v;
  }

  function existing(id) {
    if (typeof id !== 'string' || !UUID.test(id)) throw new Refused(400, t('page.device.badValue'));
    const row = replica.row('items', id);
    if (!row) throw new Refused(404, t('page.device.gone'));
    return row;
  }

  function listFor(name, made) {
    if (!name) return null;
    const found = [...listNames()].find(([, n]) => n.trim().toLowerCase() === name.toLowerCase());
    if (found) return found[0];
    if (name.toLowerCase() === 'inbox') return null;
    const id = replica.clock.nextRandom();
    replica.save('lists', id, { name, createdAt: BigInt(made) }, items.LIST_COLUMNS);
    return id;
  }

  /** One entry applied to the replica: its answer's fields. */
  async function apply(e) {
    const at = Number.isSafeInteger(e.at) ? e.at : now();
    if (e.op === 'add') {
      if (typeof e.id !== 'string' || !UUID.test(e.id)) throw new Refused(400, t('page.device.badValue'));
      const typed = text(e.text, TEXT_MAX);
      if (replica.row('items', e.id)) return { values: values(e.id) };
      // A subtask goes to its parent's list, after its last subtask; a parent gone meanwhile: the Inbox, said so.
      let parent = null;
      let gone = false;
      if (e.parentId != null) {
        if (!moves) throw new Refused(501, t('page.device.notYet'));
        if (typeof e.parentId !== 'string' || !UUID.test(e.parentId)) throw new Refused(400, t('page.device.badValue'));
        const p = replica.row('items', e.parentId);
        if (!p || p.trashedAt != null) gone = true;
        else if (!moves.fitsUnder(replica, e.parentId)) throw new Refused(400, t('page.device.move.tooDeep', moves.MAX_DEPTH));
        else parent = { id: e.parentId, listId: typeof p.listId === 'string' ? p.listId : null };
      }
      const into = typeof e.view === 'string' && !parent && !gone ? e.view : 'inbox';
      // Read and written as the desktop's quick add (QuickAddPlan): date, time, length, repeat, reminder, tags.
      const { read: parsed, fields } = items.planQuickAdd(typed, at, into, grammar, weekStart);
      if (!parsed.title.trim()) throw new Refused(400, t('page.device.noTitle'));
      let listId = parent ? parent.listId : listFor(parsed.list, at);
      if (!parent && listId == null && !parsed.list && into.startsWith('list:') && listNames().has(into.slice(5))) listId = into.slice(5);
      // After its siblings, as the desktop ranks an add (without a rank it would sort first there).
      const rank = moves ? moves.nextRank(replica, listId, parent ? parent.id : null, null) : null;
      replica.save('items', e.id, { ...fields, listId, done: 0n, createdAt: BigInt(at),
        parentId: parent ? parent.id : null, rank }, items.ITEM_COLUMNS);
      await items.saveDetails(replica, e.id, parsed, items.ITEM_COLUMNS, items.TAG_COLUMNS);
      if (e.set) await edits.edit(e.id, e.set, e.base);
      // A date that is none stayed in the title: said first, as the server says it.
      const warning = items.quickAddWarning(parsed, isoDay(new Date(at)), dateWords);
      return { values: values(e.id), message: (warning ? warning + ' ' : '') + t(gone ? 'page.device.parentGone' : 'page.quickAdd.added') };
    }
    if (e.op === 'done') {
      const row = existing(e.id);
      if (row.kind === 'note') throw new Refused(400, t('page.device.badValue'));
      if (typeof e.done !== 'boolean') throw new Refused(400, t('page.device.badValue'));
      // Already so (the entry sent again, or set so elsewhere): nothing to write, as the server answers it.
      const isDone = row.done != null && row.done !== 0n && row.done !== 0;
      if (isDone === e.done) return {};
      // Completing makes a repeating todo's next occurrence, with the rows the desktop writes (the core's series.js).
      if (e.done && series) await series.complete(replica, e.id, at);
      else replica.save('items', e.id, { ...row, done: e.done ? 1n : 0n, doneAt: e.done ? BigInt(at) : null }, items.ITEM_COLUMNS);
      return {};
    }
    if (e.op === 'trash') {
      const row = existing(e.id);
      const trashed = e.trashed !== false;
      if ((row.trashedAt != null) === trashed) return {};
      // With the todos under it, and back with them, as the desktop (the core's trash.js).
      if (bin && trashed) bin.trash(replica, e.id, at);
      else if (bin) bin.restore(replica, e.id);
      else replica.save('items', e.id, { ...row, trashedAt: trashed ? BigInt(at) : null }, items.ITEM_COLUMNS);
      return {};
    }
    if (e.op === 'purge' && bin) {
      if (typeof e.id !== 'string' || !UUID.test(e.id)) throw new Refused(400, t('page.device.badValue'));
      const row = replica.row('items', e.id);
      if (row && row.trashedAt == null) throw new Refused(400, t('page.device.notInTrash'));
      if (row) bin.deleteForGood(replica, e.id);
      return {};
    }
    if (e.op === 'move' && move) return move(e);
    if (e.op === 'check' && checks) {
      existing(e.id);
      return edits.check(e);
    }
    if (e.op === 'edit') {
      existing(e.id);
      await edits.edit(e.id, e.set, e.base);
      return { values: values(e.id) };
    }
    throw new Refused(501, t('page.device.notYet'));
  }

  async function outbox(body) {
    const entries = body && Array.isArray(body.entries) ? body.entries : null;
    if (!entries || entries.length > ENTRIES_MAX) return json(400, { error: t('page.device.badValue') });
    const results = [];
    for (let index = 0; index < entries.length; index++) {
      const e = entries[index] && typeof entries[index] === 'object' ? entries[index] : {};
      const key = typeof e.key === 'string' ? e.key : null;
      const id = typeof e.id === 'string' ? e.id : null;
      try {
        results.push({ index, key, id, status: 200, outcome: 'applied', ...(await apply(e)) });
      } catch (err) {
        if (!(err instanceof Refused)) throw err;
        results.push({ index, key, id, status: err.status, outcome: 'refused', reason: err.message });
      }
    }
    // Kept before answering: the outbox forgets an entry once it hears its answer.
    await kept();
    return json(200, { results, stopped: null, now: now() });
  }

  return async function answer(path, init = {}) {
    const url = new URL(path, 'http://own-device.invalid');
    const method = (init.method || 'GET').toUpperCase();
    const p = url.pathname;
    if (method === 'GET' && p === '/api/session') return json(200, session());
    if (method === 'GET' && p === '/api/sidebar') return json(200, sidebar());
    if (method === 'GET' && p === '/api/items') {
      const asked = Number(url.searchParams.get('limit'));
      const limit = Number.isInteger(asked) && asked > 0 ? Math.min(asked, LIMIT_MAX) : LIMIT;
      const key = url.searchParams.get('view') || 'inbox';
      if (key === 'agenda' || key === 'week') {
        const open = listedRows().filter((it) => !it.done);
        const names = listNames();
        const shown = key === 'agenda' ? days.agenda(open, (it) => row(it, names))
          : days.week(open, (it) => row(it, names), url.searchParams.get('week'));
        return shown ? json(200, shown) : json(400, { error: t('page.device.badValue') });
      }
      if (smart && key.startsWith('filter:')) {
        const { status, body } = smart.view(key, limit);
        return json(status, body);
      }
      const v = view(key, limit, url.searchParams.get('q') ?? '');
      return v ? json(200, v) : notYet();
    }
    if (method === 'GET' && p === '/api/rows') return json(200, { full: true });
    if (method === 'GET' && p === '/api/conflicts') return json(200, { conflicts: conflicts.list() });
    const resolving = method === 'POST' && /^\/api\/conflicts\/([^/]+)\/(use-lost|dismiss)$/.exec(p);
    if (resolving) {
      let done;
      try {
        done = conflicts.resolve(resolving[1], resolving[2] === 'use-lost');
      } catch (err) {
        // A lost value the replica will not write back (a column of the wrong shape): said, and nothing written.
        return json(400, { error: t('page.device.badValue') });
      }
      if (!done) return json(404, { error: t('page.device.resolved') });
      await kept();
      return new Response(null, { status: 204 });
    }
    const fileAt = /^\/api\/attachments\/([^/]+)$/.exec(p);
    if (fileAt && files && (method === 'GET' || method === 'HEAD')) {
      return fileRoutes.get(decodeURIComponent(fileAt[1]), method === 'HEAD');
    }
    if (files && budget && method === 'GET' && p === '/api/browsers') {
      const answered = await fileRoutes.usage();
      if (!device) return answered;
      const storage = device.storage ? await device.storage() : undefined;
      return json(200, { ...(await answered.json()), device: { ...device.info(), storage } });
    }
    if (device && method === 'POST' && p === '/api/device/sync') {
      const body = bodyOf(init);
      const minutes = body && body.everyMinutes;
      if (!Number.isInteger(minutes) || minutes < SYNC_MINUTES[0] || minutes > SYNC_MINUTES[1]) {
        return json(400, { error: t('page.device.card.everyBad', SYNC_MINUTES[0], SYNC_MINUTES[1]) });
      }
      await device.setEvery(minutes);
      return json(200, { device: device.info() });
    }
    if (files && budget && method === 'POST' && p === '/api/device/files') {
      return fileRoutes.setBudget(bodyOf(init));
    }
    const attachTo = /^\/api\/items\/([^/]+)\/attachments$/.exec(p);
    if (attachTo && files && attachments && method === 'POST') {
      return fileRoutes.attach(decodeURIComponent(attachTo[1]), url.searchParams.get('name'), init.body);
    }
    if (method === 'GET' && p.startsWith('/api/items/')) return item(decodeURIComponent(p.slice('/api/items/'.length)));
    if (method === 'POST' && p === '/api/outbox') return outbox(bodyOf(init));
    if (method === 'POST' && p === '/api/parse') {
      // Quick add's chips and warning as you type, as the desktop's /api/parse: a text longer than a title is not read.
      const text = bodyOf(init)?.text;
      if (typeof text !== 'string') return json(400, { error: t('page.device.badValue') });
      const read = items.readQuickAdd(text, today(), grammar, weekStart);
      return json(200, { title: read.title, chips: items.quickAddChips(read, today(), dateWords ?? undefined),
        warning: items.quickAddWarning(read, today(), dateWords) });
    }
    return notYet();
  };
}
