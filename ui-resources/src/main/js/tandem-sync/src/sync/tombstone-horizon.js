import { compareUuid, uuidMillis } from '../wire/uuid.js';
import { DELETED } from '../replica/replica.js';

/**
 * When deleted entities may be forgotten whole, as the engine's TombstoneHorizon and TombstoneSweep
 * (docs/SYNC_FORMAT.md, "Deleted items, forgotten"):
 * <ul>
 *   <li><b>Checkpoints.</b> At each cleanup that could read every device, this device records its
 *       newest change seq {@code M} (lowered below its first own change not yet pushed), its read
 *       cursor on every device and its own pushed batch; the newest four are kept in the remote's
 *       sync state ({@code tombPoints}).</li>
 *   <li><b>Stable.</b> A checkpoint is stable when every live device D (a head or ack, not retired,
 *       not this one) has published cursors reaching every cursor of the checkpoint (D's own aside),
 *       and this device has read D up to the head the listing shows. A device pulls before it pushes
 *       and publishes its head last, so all D wrote before seeing M is merged here already. A head
 *       that claims more than its device read speaks only for that device: every other live device
 *       must still reach the checkpoint on its own, and a head whose seq lies past the batches this
 *       device could read keeps the checkpoint unstable.</li>
 *   <li><b>Forgotten.</b> An entity goes (its changes and winners) when its winning {@code _deleted}
 *       is 1, that change is at or below the newest stable checkpoint's M, its id is older than 30
 *       days, and no conflict (listed or dismissed) names it. The stable M is kept as
 *       {@code seenByAll}: a snapshot leaves out the replaced ids of winners at or below it.</li>
 * </ul>
 * A device that syncs with more than one remote forgets nothing. Seqs here are never reused (the
 * replica keeps {@code lastSeq}), so unlike the engine the newest change may go too.
 */
export const KEEP_DELETED_MILLIS = 30 * 24 * 3600 * 1000;
export const KEPT = 4;
/** How often a device that writes no snapshot checks on its own. */
export const EVERY_MILLIS = 7 * 24 * 3600 * 1000;

/** The remotes this replica syncs with: one it read from or pushed to. */
function remotes(replica) {
  let n = 0;
  for (const s of replica.remotes.values()) if (s.cursors.size > 0 || s.pushedBatch > 0) n++;
  return n;
}

/** This device's checkpoint now: {seq, cursors: [[device, seq]…] by device id}. */
export function checkpoint(replica, state) {
  const self = replica.deviceId;
  const cursors = new Map([...state.cursors].filter(([d]) => d !== self));
  cursors.set(self, state.pushedBatch);
  let seq = replica.lastSeq;
  for (const c of replica.ownAfter(state.pushedChange)) {
    seq = Math.min(seq, c.seq - 1);
    break;
  }
  return { seq, cursors: [...cursors].sort(([a], [b]) => compareUuid(a, b)) };
}

/**
 * Whether {@code live}'s published cursors could be true: none past the head the listing shows for
 * that device (or past this device's pushed batch). Heads only grow and a head is published after
 * its batch, so only a forged head or ack (or an ack written after the listing) claims more; such a
 * claim proves nothing, and nothing is forgotten on it. (The engine takes it as published.)
 */
function plausible(live, heads, self, pushedBatch) {
  for (const published of live.values()) {
    for (const [x, c] of published) {
      const bound = x === self ? pushedBatch : heads.get(x);
      if (bound !== undefined && c > bound) return false;
    }
  }
  return true;
}

function stable(point, live, heads, cursors) {
  for (const [d, published] of live) {
    if ((cursors.get(d) ?? 0) < (heads.get(d) ?? 0)) return false;
    for (const [x, c] of point.cursors) {
      if (x !== d && (published.get(x) ?? 0) < c) return false;
    }
  }
  return true;
}

/**
 * After a cleanup that read every device ({@code live}: live devices other than this one, to their
 * published read cursors; {@code heads}: the listing's newest head per device): forgets what the
 * newest stable checkpoint allows, then records a new checkpoint. Returns the entities forgotten.
 */
export function sweep(replica, state, live, heads, now) {
  const points = (state.tombPoints ?? []).map((p) => ({ seq: p.seq, cursors: p.cursors }));
  if (remotes(replica) > 1) return 0;
  let at = -1;
  const believable = plausible(live, heads, replica.deviceId, state.pushedBatch);
  for (let i = points.length - 1; i >= 0 && at < 0 && believable; i--) {
    if (stable(points[i], live, heads, state.cursors)) at = i;
  }
  let forgotten = 0;
  let kept = points;
  if (at >= 0) {
    const seen = points[at].seq;
    state.seenByAll = Math.max(state.seenByAll ?? 0, seen);
    forgotten = forget(replica, seen, now - KEEP_DELETED_MILLIS);
    kept = points.slice(at + 1);
  }
  kept.push(checkpoint(replica, state));
  state.tombPoints = kept.slice(Math.max(0, kept.length - KEPT));
  return forgotten;
}

/** Forgets every entity deleted at or below {@code stableSeq} before {@code cutoffMillis} that no conflict names. */
export function forget(replica, stableSeq, cutoffMillis) {
  const named = new Set(replica.conflicts.map((k) => k.table + '\u0000' + k.entity));
  let n = 0;
  for (const [k, e] of replica.entities) {
    const w = e.winners.get(DELETED);
    if (!w || w.seq > stableSeq || uuidMillis(w.id) >= cutoffMillis || named.has(k)) continue;
    const f = replica.fieldOf(w.seq, DELETED);
    if (f == null || f.value !== 1n) continue;
    for (const seq of e.ids.values()) replica.changes.delete(seq);
    replica.entities.delete(k);
    n++;
  }
  return n;
}
