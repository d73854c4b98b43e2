import { ScopeGuard } from './scope-guard.js';

/**
 * What a shared space's device takes in of other members' batches and snapshots (the engine's
 * SpaceIntake): the changes inside the space ({@link ScopeGuard}), judged as one group with those that
 * waited for their entity, so one that arrives now lets them in; the others are kept in the remote's
 * state ({@code refused}: author device, object, change, why, whether it waits), and never merged; the
 * report names each by its author's member name (space-sync.js). One bad change never blocks the good ones
 * after it: each is judged on its own. The state is saved with the cursors that moved past them.
 */
export class SpaceIntake {
  /** {tree, replica, now: () → ms}. */
  constructor({ tree, replica, now = () => Date.now() }) {
    this.tree = tree;
    this.replica = replica;
    this.now = now;
  }

  /** Of [{author, change, object}] (one group of batches), those to merge; the rest recorded in {@code state}. */
  batches(authored, state) {
    state.refused ??= [];
    const waiting = state.refused.filter((r) => r.waits);
    const incoming = [...authored.map((a) => ({ a, waited: null })),
      ...waiting.map((w) => ({ a: { author: w.author, change: w.change, object: w.object }, waited: w }))];
    const judged = new ScopeGuard(this.tree, this.replica).admit(incoming, (i) => i.a.change);
    const released = new Set(judged.in.filter((i) => i.waited).map((i) => i.waited));
    state.refused = state.refused.filter((r) => !released.has(r));
    for (const { item, verdict } of judged.out) {
      if (item.waited) {
        item.waited.problem = verdict.problem;
        item.waited.waits = verdict.waits;
        continue;
      }
      this.record(state, item.a.author, item.a.object, item.a.change, verdict.problem, verdict.waits);
    }
    return judged.in.map((i) => i.a);
  }

  /** Of a snapshot's entries [{author, change}], those to load; the others recorded, named by author. */
  snapshot(entries, object, state) {
    state.refused ??= [];
    const judged = new ScopeGuard(this.tree, this.replica).admit(entries, (e) => e.change);
    for (const { item, verdict } of judged.out) {
      this.record(state, item.author, object, item.change, verdict.problem, verdict.waits);
    }
    return judged.in;
  }

  record(state, author, object, change, problem, waits) {
    if (state.refused.some((r) => r.change.id === change.id)) return;
    state.refused.push({ author, object, change, problem, waits, firstSeen: this.now() });
  }
}
