import { test } from 'node:test';
import assert from 'node:assert/strict';

// The own device's first screen drawn from the answers it kept (docs/WEB.md, "The first screen at once"): which
// records are read as a copy (and which are absent), what the copy answers, and that the rest waits for the replica.
globalThis.document = { documentElement: { lang: 'en' } };
globalThis.addEventListener ??= () => {};
const { answerKept, answerWith } = await import('../../../resources/dev/tandem/ui/web/device-first-screen.js');
const { request } = await import('../../../resources/dev/tandem/ui/web/transport.js');

const INBOX = '/api/items?view=inbox&limit=200';
const rows = (n) => Array.from({ length: n }, (_, i) => ({ id: 'id-' + i, title: 'Todo ' + i, tags: [] }));
const record = (change = (k) => k) => JSON.stringify(change({
  format: 1, lang: 'en',
  session: { csrf: 'own-device', own: true, device: 'Phone', today: '2026-01-01', browser: { id: 'd', name: 'Phone' } },
  sidebar: { views: [{ key: 'inbox', label: 'Inbox', count: 3 }], lists: [{ id: 'l', name: 'Home', count: 1 }], tags: [] },
  views: [['?view=inbox&limit=200', { items: rows(3), total: 3, outline: true, sections: [] }]],
}));
const body = async (res) => (await res).json();

test('a record the page wrote answers the session, the sidebar and the view; the rest waits for the replica', async () => {
  const kept = answerKept(record());
  assert.equal(kept.session.device, 'Phone');
  assert.equal(kept.session.today, new Date().toISOString().slice(0, 10), 'today is today, not the day it was kept');
  assert.equal((await body(request('/api/sidebar'))).lists[0].name, 'Home');
  assert.deepEqual((await body(request(INBOX))).items.map((r) => r.title), ['Todo 0', 'Todo 1', 'Todo 2']);
  // Scrolled further before: an opening asks for the first page, which is the one kept.
  assert.equal((await body(request('/api/items?view=inbox&limit=400'))).total, 3);
  let waited = false;
  kept.waiting.then(() => { waited = true; });
  const tick = request('/api/outbox', { method: 'POST', body: '{}' });
  const other = request('/api/items?view=today&limit=200');
  await Promise.resolve();
  assert.equal(waited, true, 'a request the copy cannot answer says so');
  const asked = [];
  answerWith(async (path, init) => {
    asked.push(((init && init.method) || 'GET') + ' ' + path);
    return new Response(JSON.stringify({ from: 'replica' }), { status: 200 });
  });
  assert.deepEqual([await body(tick), await body(other)], [{ from: 'replica' }, { from: 'replica' }]);
  assert.deepEqual((await body(request(INBOX))), { from: 'replica' }, 'the replica answers from now on');
  assert.ok(asked.includes('POST /api/outbox') && asked.includes('GET ' + INBOX), asked.join('; '));
});

test('a record too long, no JSON, of another format or language, or not of the answers\' shapes is absent', () => {
  const junk = {
    'no string': { format: 1 },
    'over 1 MiB': JSON.stringify({ pad: 'x'.repeat(1 << 20), ...JSON.parse(record()) }),
    'no JSON': '{"format": 1, ' + record(),
    'JSON null': 'null',
    'another format': record((k) => ({ ...k, format: 2 })),
    'another language': record((k) => ({ ...k, lang: 'de' })),
    'no session': record((k) => ({ ...k, session: 'x' })),
    'lists no array': record((k) => ({ ...k, sidebar: { ...k.sidebar, lists: { length: 1 } } })),
    'a tag no object': record((k) => ({ ...k, sidebar: { ...k.sidebar, tags: ['x'] } })),
    'a row no object': record((k) => { k.views[0][1].items[0] = 'row'; return k; }),
    'a row without its id': record((k) => { delete k.views[0][1].items[0].id; return k; }),
    'tags no array': record((k) => { k.views[0][1].items[0].tags = 'a'; return k; }),
    'items no array': record((k) => { k.views[0][1].items = {}; return k; }),
    '201 rows': record((k) => { k.views[0][1].items = rows(201); return k; }),
    'four views': record((k) => ({ ...k, views: [1, 2, 3, 4].map((i) => ['?view=list:' + i, k.views[0][1]]) })),
    'days': record((k) => { k.views[0][1] = { days: [{ items: rows(1) }] }; return k; }),
  };
  for (const [name, text] of Object.entries(junk)) assert.equal(answerKept(text), null, name);
  assert.notEqual(answerKept(record((k) => { k.views[0][1].items = rows(200); return k; })), null, '200 rows are kept');
});
