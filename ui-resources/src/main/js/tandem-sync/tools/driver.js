#!/usr/bin/env node
// A small driver for tests written in another language (the engine's cross-implementation property
// test): JavaScript devices that a JSON line on stdin each steers, answered by one JSON line on
// stdout. Every device shares one simulated wall clock, which {"op":"wall"} sets. Values travel
// typed: {"int": "12"}, {"float": "raw bits in hex"}, {"str": "…"}, {"bin": "hex"} or null. A member
// device of a shared list: {"op":"join","code":…,"name":…,"remote":…} asks with an invite code and
// answers the fingerprint; {"op":"spaceSync"} syncs it (not admitted yet until the owner's grant is there).
import { createInterface } from 'node:readline';
import { Replica } from '../src/replica/replica.js';
import { HybridClock } from '../src/clock/hybrid-clock.js';
import { SyncEngine } from '../src/sync/sync-engine.js';
import { openRemote } from '../src/storage/open-remote.js';
import { changePassphrase } from '../src/keys/key-changes.js';
import { askToJoin, parseInvite } from '../src/space/invite.js';
import { syncSpace } from '../src/space/space-sync.js';

let wall = Date.now();
const devices = new Map();

function typed(v) {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return { int: v.toString() };
  if (typeof v === 'number') {
    const d = new DataView(new ArrayBuffer(8));
    d.setFloat64(0, v);
    return { float: d.getBigUint64(0).toString(16).padStart(16, '0') };
  }
  if (typeof v === 'string') return { str: v };
  return { bin: Buffer.from(v).toString('hex') };
}

function untyped(t) {
  if (t === null) return null;
  if ('int' in t) return BigInt(t.int);
  if ('float' in t) {
    const d = new DataView(new ArrayBuffer(8));
    d.setBigUint64(0, BigInt('0x' + t.float));
    return d.getFloat64(0);
  }
  if ('str' in t) return t.str;
  return new Uint8Array(Buffer.from(t.bin, 'hex'));
}

async function handle(cmd) {
  if (cmd.op === 'wall') {
    wall = cmd.millis;
    return {};
  }
  let d = devices.get(cmd.device);
  if (cmd.op === 'open') {
    if (!d) {
      const clock = new HybridClock(() => wall);
      d = { replica: new Replica({ deviceId: cmd.deviceId, clock, mergeText: cmd.mergeText ?? [] }) };
      devices.set(cmd.device, d);
    }
    const secret = cmd.passphrase ? { type: 'passphrase', passphrase: cmd.passphrase } : null;
    const remote = openRemote(cmd.remote, { secret, deviceName: 'js-' + cmd.device, clock: () => wall });
    d.remote = remote;
    d.engine = new SyncEngine({ replica: d.replica, storage: remote.storage, address: remote.address,
      encrypted: remote.encrypted, plainBelow: remote.plain, now: () => wall,
      // As the engine devices beside them: no automatic snapshots unless the test asks for them.
      snapshotEvery: cmd.snapshotEvery ?? 0, snapshotChanges: cmd.snapshotChanges ?? 0 });
    return {};
  }
  if (cmd.op === 'join') {
    // A member's device of a shared space: asks with the invite on the space's storage (cmd.remote).
    if (!d) {
      d = { replica: new Replica({ deviceId: cmd.deviceId, clock: new HybridClock(() => wall), mergeText: cmd.mergeText ?? [] }) };
      devices.set(cmd.device, d);
    }
    d.remote = openRemote(cmd.remote, {});
    const asked = await askToJoin(d.remote.plain, parseInvite(cmd.code), cmd.name, { now: wall });
    d.space = asked.space;
    return { fingerprint: asked.fingerprint, list: asked.space.list };
  }
  if (!d) throw new Error('no device ' + cmd.device);
  const record = Object.fromEntries(Object.entries(cmd.record ?? {}).map(([k, v]) => [k, untyped(v)]));
  switch (cmd.op) {
    case 'save': return { changed: d.replica.save(cmd.table, cmd.id, record, cmd.columns) != null };
    case 'delete': return { changed: d.replica.delete(cmd.table, cmd.id) != null };
    case 'restore': return { changed: d.replica.restore(cmd.table, cmd.id) != null };
    case 'sync': {
      const r = await d.engine.sync();
      return { pulled: r.pulled, pushed: r.pushed, conflicts: r.conflicts, problems: r.problems };
    }
    case 'spaceSync': {
      const r = await syncSpace({ replica: d.replica, raw: d.remote.plain, address: d.remote.address, space: d.space,
        now: () => wall, deviceName: 'js-' + cmd.device });
      return { admitted: r.admitted, pulled: r.pulled ?? 0, pushed: r.pushed ?? 0, bootstrapped: r.bootstrapped ?? null,
        problems: r.problems ?? [],
        warnings: r.warnings ?? [], refused: (r.refused ?? []).map((x) => x.problem) };
    }
    case 'changePassphrase':
      await d.remote.storage.change((u) => changePassphrase(d.remote.storage.keyring, u, cmd.passphrase));
      return {};
    case 'state': {
      const rows = [];
      for (const e of d.replica.entities.values()) {
        if (e.table !== cmd.table) continue;
        const row = d.replica.row(e.table, e.entity);
        if (row) rows.push({ id: e.entity, fields: Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typed(v)])) });
      }
      const conflicts = d.replica.listConflicts().map((c) => ({ kind: c.kind, table: c.table, entity: c.entity,
        field: c.field, kept: typed(c.keptValue), lost: typed(c.lostValue) }));
      return { rows, conflicts };
    }
    default:
      throw new Error('unknown op ' + cmd.op);
  }
}

const lines = createInterface({ input: process.stdin });
let queue = Promise.resolve();
lines.on('line', (line) => {
  queue = queue.then(async () => {
    let answer;
    try {
      answer = { ok: true, ...(await handle(JSON.parse(line))) };
    } catch (e) {
      answer = { ok: false, error: e.name, reason: e.reason ?? null, message: e.message };
    }
    process.stdout.write(JSON.stringify(answer) + '\n');
  });
});
