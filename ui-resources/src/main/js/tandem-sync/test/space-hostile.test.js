import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Replica } from '../src/replica/replica.js';
import { HybridClock } from '../src/clock/hybrid-clock.js';
import { ScopeGuard } from '../src/space/scope-guard.js';
import { ScopeCheck, listTree } from '../src/space/scope.js';
import { askToJoin, inviteCode, parseInvite } from '../src/space/invite.js';
import { newAgreementPair } from '../src/space/sealed.js';
import { MemoryStorage } from '../src/storage/memory.js';
import { LIST, OWNER } from './support/space-fixture.js';

// What another member's batch or an invite code can try: a parent set under another spelling, an
// item tagged from outside the list, a chain of parents, a damaged or expired code. Each is refused
// on its own, naming why.
const change = (table, entity, fields) => ({ id: '0193433e-a800-7000-8000-' + String(Math.random()).slice(2, 14).padEnd(12, '0'),
  table, entity, fields: Object.entries(fields).map(([name, value]) => ({ name, value, replaces: null })) });

function device() {
  const r = new Replica({ deviceId: '0193433e-a800-7000-8000-0000000000ff', clock: new HybridClock() });
  r.save('lists', LIST, { name: 'Shared' }, ['name']);
  r.save('lists', 'mine', { name: 'Mine' }, ['name']);
  r.save('items', 'in', { listId: LIST, title: 'Shared todo' }, ['listId', 'title']);
  r.save('items', 'home', { listId: 'mine', title: 'Private todo' }, ['listId', 'title']);
  return r;
}

test('ScopeGuard: a parent under another spelling, or twice, is refused whatever its value', () => {
  const g = new ScopeGuard(listTree(LIST), device());
  assert.match(g.judge(change('items', 'new', { listid: LIST, title: 'x' })).problem, /sets listId of items new under another spelling/);
  assert.match(g.judge(change('items', 'new', { listId: LIST, LISTID: LIST })).problem, /under another spelling/);
  assert.match(g.judge(change('Items', 'in', { title: 'x' })).problem, /this shared space holds no Items/);
  assert.equal(g.judge(change('items', 'in', { title: 'x' })).problem, null);
});

test('ScopeGuard: tags and attachments follow their item; one on a private item is refused, a group lets its own parts in', () => {
  const g = new ScopeGuard(listTree(LIST), device());
  assert.match(g.judge(change('item_tags', 't1', { itemId: 'home', tag: 'x' })).problem,
    /puts item_tags t1 into items home, outside the shared lists/);
  const made = change('items', 'fresh', { listId: LIST, title: 'New' });
  const tag = change('item_tags', 't2', { itemId: 'fresh', tag: 'y' });
  const judged = g.admit([tag, made], (c) => c);
  assert.deepEqual(judged.in, [tag, made], 'the tag waits for its item in the same group, then both are in');
  const waits = new ScopeGuard(listTree(LIST), device()).judge(change('item_tags', 't3', { itemId: 'unknown', tag: 'z' }));
  assert.deepEqual([waits.waits, /has not arrived on this device yet/.test(waits.problem)], [true, true]);
});

test('ScopeCheck: a pushing device holds only the list\'s tree; the personal remote everything else', () => {
  const r = device();
  r.save('item_tags', 'tag-in', { itemId: 'in', tag: 'a' }, ['itemId', 'tag']);
  r.save('item_tags', 'tag-home', { itemId: 'home', tag: 'b' }, ['itemId', 'tag']);
  const space = new ScopeCheck({ tree: listTree(LIST) });
  const personal = new ScopeCheck({ except: [listTree(LIST)] });
  const inSpace = [['lists', LIST], ['lists', 'mine'], ['items', 'in'], ['items', 'home'], ['item_tags', 'tag-in'],
    ['item_tags', 'tag-home'], ['notes', 'n']].map(([t, e]) => [space.includes(r, t, e), personal.includes(r, t, e)]);
  assert.deepEqual(inSpace, [[true, false], [false, true], [true, false], [false, true], [true, false], [false, true],
    [false, true]]);
});

test('parseInvite: damaged, cut, older and newer codes say what is wrong; an expired one asks nothing', async () => {
  const code = inviteCode({ location: 'list:' + LIST + ':folder:/x', owner: OWNER.public,
    ownerAgreement: newAgreementPair().public, id: '0011223344556677', secret: new Uint8Array(32), expiresAt: 1000 });
  const invite = parseInvite(code);
  assert.deepEqual([invite.list, invite.remote, invite.id, invite.expiresAt], [LIST, 'folder:/x', '0011223344556677', 1000]);
  assert.throws(() => parseInvite(code.slice(0, -5)), /damaged or cut short/);
  assert.throws(() => parseInvite(code + 'AAAA'), /damaged or cut short/);
  assert.throws(() => parseInvite(code.replace('.', '.!')), /damaged or cut short/);
  assert.throws(() => parseInvite('tandem-invite-1.AAAA'), /older Tandem/);
  assert.throws(() => parseInvite('tandem-invite-3.AAAA'), /newer Tandem/);
  assert.throws(() => parseInvite('hello'), /not a Tandem invite/);
  const storage = new MemoryStorage();
  await assert.rejects(askToJoin(storage, invite, 'Sam', { now: 1000 }), /expired/);
  assert.deepEqual(await storage.list('', null, 10), [], 'nothing was written');
});
