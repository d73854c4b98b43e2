import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Replica } from '../src/replica/replica.js';
import { HybridClock } from '../src/clock/hybrid-clock.js';
import { ScopeGuard } from '../src/space/scope-guard.js';
import { listTree } from '../src/space/scope.js';
import { goldenSkip, readGolden } from './support/golden.js';

// The engine's ScopeGuard verdicts on one group of other members' changes (ScopeGuardGoldenTest):
// the same rows saved here, the same group judged, each verdict (in, or out with its reason word for
// word, or waiting) and the order of what is let in equal to the engine's.
const skip = goldenSkip('space');

test('golden ScopeGuard: every verdict of the engine\'s group, word for word', { skip }, () => {
  const { json } = readGolden('space', 'scope-guard');
  const r = new Replica({ deviceId: '0193433e-a800-7000-8000-0000000000ff', clock: new HybridClock() });
  for (const row of json.rows) r.save(row.table, row.id, row.fields, Object.keys(row.fields));
  const group = json.cases.map((c) => ({ id: c.id, table: c.table, entity: c.entity,
    fields: Object.entries(c.fields).map(([name, value]) => ({ name, value, replaces: null })) }));
  const judged = new ScopeGuard(listTree(json.list), r).admit(group, (c) => c);
  const verdicts = new Map(judged.in.map((c) => [c.id, { in: true }]));
  for (const { item, verdict } of judged.out) {
    verdicts.set(item.id, { in: false, problem: verdict.problem, waits: verdict.waits });
  }
  for (const c of json.cases) {
    assert.deepEqual(verdicts.get(c.id), c.verdict, c.table + ' ' + c.entity + ' ' + JSON.stringify(c.fields));
  }
  assert.deepEqual(judged.in.map((c) => c.id), json.in);
  assert.ok(json.cases.some((c) => c.verdict.waits) && json.cases.some((c) => c.verdict.in)
    && json.cases.some((c) => c.verdict.in === false && !c.verdict.waits), 'the vector holds each kind of verdict');
});
