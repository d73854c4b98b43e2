/*
 * The opening's reads answered from the answers last drawn (session, sidebar, the first ROWS rows of the last VIEWS
 * views; record "screen", cleared with the replica and sealed as it is: device-store.js) until the replica is
 * ready; the rest wait for it. A record that does not open is absent (device-store.js never hands it here), and so
 * is one over CHARS, no JSON, of another format or language or not of the answers' shapes.
 */
import { answerLocally } from './transport.js';
import { keepScreen } from './device-store.js';

const FORMAT = 1;
const VIEWS = 3;
const ROWS = 200;
const CHARS = 1 << 20;

let kept = null;
let timer = null;
let release = null;

const lang = () => document.documentElement.lang || 'en';
const arr = Array.isArray;
const obj = (x) => !!x && typeof x === 'object' && !arr(x);
const pathOf = (path) => path.split('?')[0];
const isGet = (init) => ((init && init.method) || 'GET').toUpperCase() === 'GET';
/** A view's key: its path for the first page, as an opening asks. */
function keyOf(path) {
  const u = new URL(path, 'http://own-device.invalid');
  u.searchParams.set('limit', ROWS);
  return u.search;
}

const rowsOk = (rows) => arr(rows) && rows.every((r) => obj(r) && typeof r.id === 'string' && (r.tags == null || arr(r.tags)));
// Lists of rows only (days are not kept).
const answerOk = (a) => obj(a) && a.days == null && rowsOk(a.items) && a.items.length <= ROWS
  && (a.sections == null || arr(a.sections));
const sidebarOk = (s) => obj(s) && [s.views, s.lists, s.tags].every((l) => arr(l) && l.every(obj))
  && (s.filters == null || arr(s.filters));

function read(text) {
  if (typeof text !== 'string' || text.length > CHARS) return null;
  try {
    const k = JSON.parse(text);
    return k.format === FORMAT && k.lang === lang() && obj(k.session) && sidebarOk(k.sidebar) && arr(k.views)
      && k.views.length <= VIEWS && k.views.every((v) => typeof v[0] === 'string' && answerOk(v[1])) ? k : null;
  } catch (e) {
    return null;
  }
}

/** {session, waiting: resolved once a request waits for the replica}, or null without a usable record. */
export function answerKept(text) {
  const k = read(text);
  if (!k) return null;
  kept = k;
  const views = new Map(k.views);
  const ready = new Promise((r) => { release = r; });
  let waits;
  const waiting = new Promise((r) => { waits = r; });
  const session = { ...k.session, today: new Date().toISOString().slice(0, 10) };
  answerLocally((path, init) => {
    const p = pathOf(path);
    const body = !isGet(init) ? null : p === '/api/session' ? session : p === '/api/sidebar' ? k.sidebar
      : p === '/api/items' ? views.get(keyOf(path)) : null;
    if (body) return Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
    waits();
    return ready.then((answer) => answer(path, init));
  });
  return { session, waiting };
}

/** The replica's {@code answer} answers all from now on, those waiting first, and is kept. */
export function answerWith(answer) {
  const keeping = async (path, init) => {
    const res = await answer(path, init);
    if (res.status === 200 && isGet(init) && /^\/api\/(session|sidebar|items)$/.test(pathOf(path))) {
      res.clone().json().then((body) => note(path, body), () => {});
    }
    return res;
  };
  answerLocally(keeping);
  if (release) release(keeping);
  keeping('/api/session');
}

function note(path, body) {
  const k = kept || (kept = { format: FORMAT, lang: lang(), views: [] });
  const p = pathOf(path);
  if (p === '/api/session') k.session = body;
  else if (p === '/api/sidebar') k.sidebar = body;
  else {
    const key = keyOf(path);
    const first = arr(body.items) ? { ...body, items: body.items.slice(0, ROWS) } : body;
    k.views = [...(answerOk(first) ? [[key, first]] : []), ...k.views.filter((v) => v[0] !== key)].slice(0, VIEWS);
  }
  clearTimeout(timer);
  timer = setTimeout(write, 100);
}

function write() {
  timer = null;
  const k = kept;
  if (!k.session || !sidebarOk(k.sidebar)) return;
  let text;
  while ((text = JSON.stringify(k)).length > CHARS && k.views.length) k.views.pop();
  keepScreen(text.length > CHARS ? '' : text).catch(() => {});
}
addEventListener('pagehide', () => { if (timer) { clearTimeout(timer); write(); } });
