import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Replica } from '../src/replica/replica.js';
import { HybridClock } from '../src/clock/hybrid-clock.js';
import * as items from '../app/items.js';
import { MAX_TEXT } from '../app/quick-add.js';
import { makeAnswerer } from '../../../resources/dev/tandem/ui/web/device-answer.js';
import { quickAddTable } from './support/quick-add-tables.js';

// Quick add's chips as you type on the page as its own device: POST /api/parse answers as the desktop's
// (ApiRoutes.parse) does, {title, chips: [{kind, label}], warning}, in the page's language, for every phrase of
// the desktop's quick-add vectors; and whatever is posted (a huge text, a number, an object, no text, no JSON) is
// answered at once: 400 with a sentence, or the text over a title's length not read, as the desktop answers it.
const words = (key, ...args) => key + (args.length ? '(' + args.join(',') + ')' : '');
const dates = JSON.parse(readFileSync(new URL('./vectors/date-words.json', import.meta.url), 'utf8')).languages;
const vectorsOf = (lang) => JSON.parse(readFileSync(new URL('./vectors/quick-add-' + lang + '.json', import.meta.url), 'utf8'));

/** The page in {@code lang} at noon of {@code day}: its grammar and date words as /messages.json carries them. */
function device(lang = 'en', day = '2026-11-25', withWords = true, weekStart = undefined) {
  const replica = new Replica({ deviceId: crypto.randomUUID(), clock: new HybridClock(), mergeText: ['items.notes'] });
  const [y, m, d] = day.split('-').map(Number);
  const answer = makeAnswerer({ replica, items, t: words, now: () => new Date(y, m - 1, d, 12).getTime(),
    grammar: lang === 'en' ? null : items.compileGrammar(quickAddTable(lang)),
    dateWords: withWords ? { lang, ...dates.find((l) => l.lang === lang).words } : null,
    session: () => ({ csrf: 'own-device', own: true }), kept: async () => {}, weekStart });
  return async (body) => {
    const res = await answer('/api/parse', { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body) });
    return { status: res.status, data: await res.json() };
  };
}

for (const lang of ['en', 'de', 'fr']) {
  test('(' + lang + ') the page answers /api/parse for every phrase of the vectors as the desktop does', async () => {
    const vectors = vectorsOf(lang);
    // The page without a week start counts next week from Monday, as the desktop without a choice in Settings.
    const parsers = new Map([[1, device(lang, vectors.today)]]);
    const wrong = [];
    for (const v of vectors.cases) {
      const ws = v.weekStart ?? 1;
      if (!parsers.has(ws)) parsers.set(ws, device(lang, vectors.today, true, ws));
      const { status, data } = await parsers.get(ws)({ text: v.text });
      if (status !== 200 || JSON.stringify(data) !== JSON.stringify({ title: v.title, chips: v.chips, warning: v.warning })) {
        wrong.push(JSON.stringify(v.text) + ' ' + status + ' ' + JSON.stringify(data));
      }
    }
    assert.deepEqual(wrong.slice(0, 10), []);
  });
}

test('a page with no date words says the chips in English, as the English vectors do, and no warning', async () => {
  const vectors = vectorsOf('en');
  const parsers = new Map();
  for (const v of vectors.cases) {
    const ws = v.weekStart ?? 1;
    if (!parsers.has(ws)) parsers.set(ws, device('en', vectors.today, false, ws));
    const { data } = await parsers.get(ws)({ text: v.text });
    // The warning's sentence is among the words /messages.json carries: without them there is none.
    assert.deepEqual([data.chips, data.warning], [v.chips, null], v.text);
  }
});

test('a German page says the details typed as German chips', async () => {
  const { status, data } = await device('de')({ text: 'Zahnarzt morgen um 14 Uhr für 30 Minuten p1 @Praxis #Gesundheit' });
  assert.equal(status, 200);
  assert.deepEqual(data, { title: 'Zahnarzt', warning: null, chips: [
    { kind: 'DATE', label: 'Fällig: Morgen' }, { kind: 'TIME', label: 'Um 14:00' }, { kind: 'LENGTH', label: 'Dauer 30 Min.' },
    { kind: 'PRIORITY', label: 'p1' }, { kind: 'TAG', label: '@Praxis' }, { kind: 'LIST', label: '#Gesundheit' }] });
});

test('a text that is no text, or a body that is no JSON, is answered 400 with a sentence', async () => {
  const parse = device();
  const deep = '['.repeat(100_000) + ']'.repeat(100_000);
  for (const body of [{ text: 42 }, { text: { text: 'Buy milk tomorrow' } }, { text: ['Buy milk'] }, { text: null }, {},
    [], 'null', '42', '"Buy milk tomorrow"', 'not json', '', '{"text": "Buy', deep, { text: JSON.parse('['.repeat(1000) + ']'.repeat(1000)) }]) {
    const { status, data } = await parse(body);
    assert.equal(status, 400, JSON.stringify(body).slice(0, 40));
    assert.equal(data.error, 'page.device.badValue');
  }
});

test('a text longer than a title may be is answered unread and at once, as the desktop answers it', async () => {
  const parse = device('de');
  for (const text of ['Buy milk tomorrow p1 @home '.repeat(40_000), 'x'.repeat(MAX_TEXT + 1), '@a '.repeat(400_000)]) {
    const started = performance.now();
    const { status, data } = await parse({ text });
    const took = performance.now() - started;
    assert.equal(status, 200);
    assert.deepEqual([data.title === text, data.chips, data.warning], [true, [], null]);
    assert.ok(took < 2000, 'a ' + text.length + '-character text took ' + took.toFixed(0) + ' ms');
  }
  // At the cap the text is read, every chip of it, within the same bounds.
  const many = 'Plan ' + '@a p1 '.repeat(Math.floor((MAX_TEXT - 5) / 6));
  assert.ok(many.length <= MAX_TEXT);
  const started = performance.now();
  const { data } = await parse({ text: many });
  assert.ok(performance.now() - started < 2000);
  assert.equal(data.title, 'Plan');
  assert.equal(data.chips.length, 2 * Math.floor((MAX_TEXT - 5) / 6));
});
