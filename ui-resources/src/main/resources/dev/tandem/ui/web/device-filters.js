/*
 * Saved filters ("smart lists") on the page as its own device, in the shapes of the Java web layer (FilterViews):
 * the sidebar's entries {id, name, color, count, unreadable, tooSlow}, in the person's order (rank, then name in
 * any case, then id), and a filter opened as a view (view=filter:ID): its todos in the desktop's order, the rows of
 * every view, at most ROWS of them with how many it finds. The query is read and run by the core's app/filters.js.
 *
 * A saved filter is a synced row: any device may have written its name, query, colour and rank. A row without a
 * name or a query is not shown; one whose id is no id is left out (it could not be opened); the name is cut at
 * NAME_MAX, the query read at most to one character past the parser's bound (so a 1 MB query costs a length check),
 * a colour passed on only as #rrggbb. A query that does not read is marked unreadable in the sidebar and answered
 * 422 with the parser's sentence when opened; it never stops the other filters or any view. Each count and each
 * view runs within a budget of steps (COUNT_STEPS, VIEW_STEPS, more for more todos, as the desktop's QueryCost
 * grows with the store): past it a count shows as too slow and a view answers 422. Only the first COUNTED filters
 * are counted, within SIDEBAR_STEPS in all; the ones after show without a count (those past the time as too slow).
 * Counts are kept per state of the replica and day, so the sidebar asked again after no change costs nothing.
 *
 * Imports nothing: the core's filters module, the replica's reader, the rows and the words come in.
 */
const COUNTED = 100;
const ROWS = 500;
const NAME_MAX = 200;
const ID = /^[A-Za-z0-9-]{1,200}$/;
const COLOR = /^#[0-9a-fA-F]{6}$/;
/** Steps a count may take: a floor, and this many per todo (about three passes of a plain count). */
const COUNT_STEPS = [100_000, 40];
const VIEW_STEPS = [1_000_000, 400];
const SIDEBAR_STEPS = [2_000_000, 400];

const blank = (s) => typeof s !== 'string' || s.trim() === '';
/** Java's String.CASE_INSENSITIVE_ORDER, one UTF-16 unit at a time. */
function caseless(a, b) {
  const one = (c, f) => { const u = f(c); return u.length === 1 ? u : c; };
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    let x = a[i];
    let y = b[i];
    if (x === y) continue;
    x = one(one(x, (c) => c.toUpperCase()), (c) => c.toLowerCase());
    y = one(one(y, (c) => c.toUpperCase()), (c) => c.toLowerCase());
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

/**
 * {sidebar(), view(key, limit)} over the replica. {@code filters}: the core's app/filters.js; {@code read()}: the
 * replica as readers see it (entities, row); {@code open()}: the todos and notes not in the Trash as listJson
 * gives them; {@code rows()}: what writes one row of a view; {@code today()}: ISO; {@code weekStart}: the day "next week"
 * counts from (1 Monday … 7 Sunday); {@code grammar}: quick add's words of the
 * page's language; {@code t}: the words.
 */
export function makeFilters({ filters, read, open, rows, today, t, grammar = null, weekStart = 1 }) {
  let world = null;
  const counted = new Map();

  /** The todos and what a filter reads beside them, once per state of the replica. */
  function state() {
    const r = read();
    if (world && world.at === r.at && world.today === today()) return world;
    counted.clear();
    const lists = new Map();
    const sections = new Map();
    const attached = new Set();
    const saved = [];
    for (const e of r.entities.values()) {
      const x = e.table === 'lists' || e.table === 'sections' || e.table === 'attachments' || e.table === 'saved_filters'
        ? r.row(e.table, e.entity) : null;
      if (!x) continue;
      if (e.table === 'lists') lists.set(e.entity, x.name ?? null);
      else if (e.table === 'sections') sections.set(e.entity, x.name ?? null);
      else if (e.table === 'attachments') { if (typeof x.itemId === 'string') attached.add(x.itemId); }
      else if (!blank(x.name) && typeof x.query === 'string' && ID.test(e.entity)) saved.push({ id: e.entity, ...x });
    }
    const rank = (f) => (typeof f.rank === 'string' ? f.rank : '\uffff');
    saved.sort((a, b) => (rank(a) < rank(b) ? -1 : rank(a) > rank(b) ? 1 : 0) || caseless(a.name, b.name)
      || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const rows = open();
    const byId = new Map(rows.map((it) => [it.id, it]));
    const todos = rows.map((it) => filters.todoOf(it.id, r.row('items', it.id) ?? {}, it.tags));
    // A day's start where this browser is, as the desktop reads "created" in its own zone.
    world = { at: r.at, today: today(), weekStart, saved, byId, todos, lists, sections, attached,
      midnight: (iso) => { const [y, m, d] = iso.split('-').map(Number); return new Date(y, m - 1, d).getTime(); } };
    return world;
  }

  const budget = ([floor, per], w) => floor + per * w.todos.length;
  const tree = (f, w) => filters.parse(f.query.length > filters.MAX_CHARS ? f.query.slice(0, filters.MAX_CHARS + 1) : f.query,
    w.today, { grammar, weekStart });

  /** The sidebar's smart lists, counted as the desktop's are. */
  function sidebar() {
    const w = state();
    let spent = 0;
    return w.saved.map((f, n) => {
      const out = { id: f.id, name: f.name.slice(0, NAME_MAX), color: COLOR.test(f.color ?? '') ? f.color : null,
        count: null, unreadable: false, tooSlow: false };
      if (n >= COUNTED) return out;
      if (!counted.has(f.id)) {
        let c;
        try {
          const left = Math.min(budget(COUNT_STEPS, w), budget(SIDEBAR_STEPS, w) - spent);
          if (left <= 0) throw new filters.TooSlow(0);
          const found = filters.run(tree(f, w), w.todos, w, { budget: left, count: true });
          spent += found.steps;
          c = { count: found.total };
        } catch (e) {
          if (e instanceof filters.FilterError) c = { unreadable: true };
          else if (e instanceof filters.TooSlow) { c = { tooSlow: true }; spent += e.steps; }
          else throw e;
        }
        counted.set(f.id, c);
      }
      return { ...out, ...counted.get(f.id) };
    });
  }

  /** A filter's view; {status, body} for a refusal. */
  function view(key, limit) {
    const id = key.slice('filter:'.length);
    if (!ID.test(id)) return { status: 400, body: { error: t('page.device.filter.badId') } };
    const w = state();
    const f = w.saved.find((s) => s.id === id);
    if (!f) return { status: 404, body: { error: t('page.device.filter.gone') } };
    let found;
    try {
      found = filters.run(tree(f, w), w.todos, w, { limit: Math.min(limit, ROWS), budget: budget(VIEW_STEPS, w) });
    } catch (e) {
      if (e instanceof filters.FilterError) {
        return { status: 422, body: { error: t('page.device.filter.unreadable', t('page.device.filter.' + e.key, ...e.args)) } };
      }
      if (e instanceof filters.TooSlow) return { status: 422, body: { error: t('page.device.filter.tooSlow') } };
      throw e;
    }
    const row = rows();
    return { status: 200, body: { view: key, title: f.name.slice(0, NAME_MAX), total: found.total,
      items: found.items.map((it) => row(w.byId.get(it.id))) } };
  }

  return { sidebar, view };
}
