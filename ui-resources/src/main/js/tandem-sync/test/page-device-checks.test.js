import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Replica } from '../src/replica/replica.js';
import { HybridClock } from '../src/clock/hybrid-clock.js';
import * as items from '../app/items.js';
import * as checks from '../app/checkboxes.js';
import * as notes from '../app/note-html.js';
import { makeAnswerer } from '../../../resources/dev/tandem/ui/web/device-answer.js';

// Check boxes in notes on the page as its own device: the editor shows each box of the note as a box to tick,
// marked as the server's NoteHtml marks one, and the outbox's check entry ticks it as the desktop's NoteChecks does
// (the core's app/checkboxes.js, held to Java by test/checkboxes-golden.test.js), written as an edit of the notes.
// Whatever is sent, the answer is a result with a reason, never a throw or a hang.
const words = (key, ...args) => key + (args.length ? '(' + args.join(',') + ')' : '');
const NOW = Date.UTC(2026, 10, 20, 12, 0, 0);
const ID = '01900000-0000-7000-8000-000000000001';
const NOTE = 'Shopping\r\n\r\n- [ ] Eggs\r\n- [x] Milk\r\n- [ ] Eggs\r\n\r\n```\n- [ ] not a box\n```\n* [ ] <b>bold</b> & "so"';

function device({ withChecks = true, markdown = false } = {}) {
  const replica = new Replica({ deviceId: crypto.randomUUID(), clock: new HybridClock(), mergeText: ['items.notes'] });
  const answer = makeAnswerer({ replica, items, checks: withChecks ? checks : null, notes: markdown ? notes : null,
    t: words, now: () => NOW,
    session: () => ({ csrf: 'own-device', own: true }), kept: async () => {} });
  const outbox = async (...entries) => {
    const res = await answer('/api/outbox', { method: 'POST', body: JSON.stringify({ entries }) });
    return (await res.json()).results;
  };
  replica.save('items', ID, { title: 'Errands', notes: NOTE, done: 0n, createdAt: 1n }, items.ITEM_COLUMNS);
  return { replica, answer, outbox, notes: () => replica.row('items', ID).notes };
}

test('the editor shows each check box of the note as a box, with its words, escaped, and the rest as paragraphs', async () => {
  const d = device();
  const shown = await (await d.answer('/api/items/' + ID)).json();
  const html = shown.notesHtml;
  assert.equal((html.match(/<input type="checkbox"/g) ?? []).length, 4);
  assert.match(html, /<li class="task"><input type="checkbox" data-line="2" data-text="Eggs" data-occurrence="0" aria-label="Eggs"> Eggs<\/li>/);
  assert.match(html, /data-line="3" data-text="Milk" data-occurrence="0" aria-label="Milk" checked="">/);
  assert.match(html, /data-line="4" data-text="Eggs" data-occurrence="1"/);
  assert.match(html, /data-text="&lt;b&gt;bold&lt;\/b&gt; &amp; &quot;so&quot;"/);
  assert.ok(!html.includes('<b>'), 'no HTML from the note');
  assert.match(html, /<p>```<br>- \[ \] not a box<br>```<\/p>/, 'a box in code is text');
  assert.match(html, /^<p>Shopping<\/p>/);
});

test('a note without boxes shows as the plain paragraphs it showed before', async () => {
  const d = device();
  d.replica.save('items', ID, { ...d.replica.row('items', ID), notes: 'One\nline\n\nTwo <i>' }, items.ITEM_COLUMNS);
  const shown = await (await d.answer('/api/items/' + ID)).json();
  assert.equal(shown.notesHtml, '<p>One<br>line</p><p>Two &lt;i&gt;</p>');
});

test('a tick changes that one box and nothing else of the note; sent again it changes nothing', async () => {
  const d = device();
  const [r] = await d.outbox({ op: 'check', id: ID, key: 'k1', text: 'Eggs', occurrence: 1, checked: true });
  assert.equal(r.outcome, 'applied');
  assert.equal(d.notes(), NOTE.replace('- [ ] Eggs\r\n\r\n', '- [x] Eggs\r\n\r\n'));
  await d.outbox({ op: 'check', id: ID, key: 'k1', text: 'Eggs', occurrence: 1, checked: true });
  assert.equal(d.notes(), NOTE.replace('- [ ] Eggs\r\n\r\n', '- [x] Eggs\r\n\r\n'));
  const [cleared] = await d.outbox({ op: 'check', id: ID, key: 'k2', text: ' Milk ', checked: false });
  assert.equal(cleared.outcome, 'applied', 'the occurrence left out is the first');
  assert.ok(d.notes().includes('- [ ] Milk\r\n'));
  const shown = await (await d.answer('/api/items/' + ID)).json();
  assert.match(shown.notesHtml, /data-line="4" data-text="Eggs" data-occurrence="1" aria-label="Eggs" checked="">/);
});

test('a box no longer in the note is refused with its words and nothing is written', async () => {
  const d = device();
  const [r] = await d.outbox({ op: 'check', id: ID, key: 'k', text: 'Eggs', occurrence: 2, checked: true },
    { op: 'check', id: ID, key: 'k2', text: 'not a box', occurrence: 0, checked: true });
  assert.deepEqual([r.status, r.outcome, r.reason], [409, 'refused', 'page.device.check.gone(Eggs)']);
  assert.equal(d.notes(), NOTE);
});

test('hostile entries are refused with a reason, in bounded time, and the note is kept as it was', async () => {
  const d = device();
  const big = '- [ ] x\n'.repeat(131072);
  d.replica.save('items', ID, { ...d.replica.row('items', ID), notes: big }, items.ITEM_COLUMNS);
  const started = performance.now();
  const results = await d.outbox(
    { op: 'check', id: ID, text: 'x', occurrence: -1, checked: true },
    { op: 'check', id: ID, text: 'x', occurrence: 1e9, checked: true },
    { op: 'check', id: ID, text: 'x', occurrence: 'first', checked: true },
    { op: 'check', id: ID, text: 'x', occurrence: 1.5, checked: true },
    { op: 'check', id: ID, text: 'x', occurrence: 2 ** 53, checked: true },
    { op: 'check', id: ID, text: 'nowhere', occurrence: 0, checked: true },
    { op: 'check', id: ID, text: 'y'.repeat(2000), occurrence: 0, checked: true },
    { op: 'check', id: ID, text: 'x'.repeat(1000001), occurrence: 0, checked: true },
    { op: 'check', id: ID, text: 42, occurrence: 0, checked: true },
    { op: 'check', id: ID, text: 'x', occurrence: 0, checked: 'yes' },
    { op: 'check', id: 'not-an-id', text: 'x', occurrence: 0, checked: true },
    { op: 'check', id: '01900000-0000-7000-8000-00000000ffff', text: 'x', occurrence: 0, checked: true });
  assert.ok(performance.now() - started < 60000, 'answered in bounded time');
  assert.deepEqual(results.map((r) => [r.outcome, r.status]), [['refused', 400], ['refused', 409], ['refused', 400],
    ['refused', 400], ['refused', 400], ['refused', 409], ['refused', 409], ['refused', 400], ['refused', 400],
    ['refused', 400], ['refused', 400], ['refused', 404]]);
  assert.equal(results[0].reason, 'page.device.check.text');
  assert.equal(results[1].reason, 'page.device.check.gone(x)');
  assert.ok(results[6].reason.length < 200, 'the words said shortened');
  assert.equal(d.notes(), big);
  // The last of the million-character note's boxes is still ticked by its occurrence.
  const [last] = await d.outbox({ op: 'check', id: ID, text: 'x', occurrence: 131071, checked: true });
  assert.equal(last.outcome, 'applied');
  assert.ok(d.notes().endsWith('- [ ] x\n- [x] x\n'));
});

test('without the core\'s check boxes the entry answers 501 and the note shows as paragraphs', async () => {
  const d = device({ withChecks: false });
  const [r] = await d.outbox({ op: 'check', id: ID, text: 'Eggs', occurrence: 0, checked: true });
  assert.deepEqual([r.status, r.outcome], [501, 'refused']);
  const shown = await (await d.answer('/api/items/' + ID)).json();
  assert.ok(!shown.notesHtml.includes('checkbox'));
});

test('with the Markdown renderer the editor shows the note as the served page does, and its boxes tick', async () => {
  const d = device({ markdown: true });
  d.replica.save('items', ID, { notes: '# Trip\n\n| Day | Where |\n|:--|--:|\n| 1 | *Lyon* |\n\n' + NOTE },
    items.ITEM_COLUMNS);
  const html = (await (await d.answer('/api/items/' + ID)).json()).notesHtml;
  assert.equal(html, notes.noteHtml(d.notes(), (n) => words('page.device.checkBoxLine', n)));
  assert.match(html, /^<h1>Trip<\/h1>\n<table>\n<thead>\n<tr>\n<th align="left">Day<\/th>/);
  assert.match(html, /<td align="right"><em>Lyon<\/em><\/td>/);
  assert.match(html, /<li class="task"><input type="checkbox" data-line="10" data-text="Eggs" data-occurrence="1" aria-label="Eggs" \/> Eggs<\/li>/);
  assert.match(html, /<pre><code>- \[ \] not a box\n<\/code><\/pre>/, 'a box in code is code');
  assert.ok(!html.includes('<b>'), 'no HTML from the note');
  const [r] = await d.outbox({ op: 'check', id: ID, key: 'k', text: 'Eggs', occurrence: 1, checked: true });
  assert.equal(r.outcome, 'applied');
  assert.match(d.notes(), /- \[ \] Eggs\r\n- \[x\] Milk\r\n- \[x\] Eggs/);
  assert.match((await (await d.answer('/api/items/' + ID)).json()).notesHtml, /data-text="Eggs" data-occurrence="1" aria-label="Eggs" checked="" \/>/);
});

test('a box without words is named by its line in the page\'s words', async () => {
  const d = device({ markdown: true });
  d.replica.save('items', ID, { notes: 'Two\n\n- [ ]' }, items.ITEM_COLUMNS);
  const html = (await (await d.answer('/api/items/' + ID)).json()).notesHtml;
  assert.match(html, /aria-label="page.device.checkBoxLine\(3\)"/);
});
