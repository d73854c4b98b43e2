import { SyncError, Reason } from '../errors.js';
import { decodeEntry, entryHash, memberKey } from './space-objects.js';
import { equalBytes } from '../crypto/aead.js';

/**
 * A space's membership log as one device reads it, as the engine's MembershipLog: only forward,
 * never blocked by junk.
 *
 * Invariants. (1) An entry is accepted only when the owner's key signed it and, from format 2 on, it
 * names the SHA-256 of the entry accepted before it; so the accepted entries form one chain from the
 * first, and a device that remembers a chain (its {@link LogMemory}) never accepts a shorter or
 * different one. (2) Entries are accepted in sequence order and remembered before the next is read.
 * (3) An object under members/ that does not decode or is not the owner's is junk: set aside by
 * number and skipped, named in every read while it is there; a gap in the numbers is skipped too
 * (format 1 entries carry no chain and are read only with no gap before them). (4) An accepted entry
 * missing from the storage is written back from memory (the owner's signed bytes, so any member may);
 * one accepted entry, picked at random, is read back on each read and written back when it changed.
 * (5) The first entry must name the root the device expects, else the read fails (CORRUPT) before
 * anything of the space is read or written.
 *
 * The memory is plain data kept in the device's state: {entries: Map seq → stored bytes, junk: Map
 * seq → why}.
 */
export const PREFIX = 'members/';
const FIRST = new Uint8Array(32);

export function newLogMemory() {
  return { entries: new Map(), junk: new Map() };
}

export class MembershipLog {
  /** {@code expectedSpace}: the root the first entry must name ([table, id...]), or null to take any. */
  constructor(storage, ownerX509, expectedSpace = null, memory = newLogMemory(), random = Math.random) {
    this.storage = storage;
    this.owner = ownerX509;
    this.expectedSpace = expectedSpace;
    this.random = random;
    this.problems = [];
    this.memory = memory;
    this.lastSeq = 0;
    this.lastHash = FIRST;
    this.chainBegun = false;
    this.accepted = [];
  }

  /** Takes the remembered entries again (each checked against the owner's key), as the engine's use(memory). */
  async load() {
    this.lastSeq = 0;
    this.lastHash = FIRST;
    this.chainBegun = false;
    this.accepted = [];
    for (const seq of [...this.memory.entries.keys()].sort((a, b) => a - b)) {
      const object = this.memory.entries.get(seq);
      await this.take(seq, decodeEntry(seq, object, this.owner), object);
    }
  }

  /**
   * Mends and reads the log: puts back remembered entries that are gone or changed, then accepts
   * the new entries that follow the chain. One listing and one read back; one read per new entry.
   */
  async read() {
    this.problems = [];
    const listed = await this.listed();
    const trusted = [...this.memory.entries].sort(([a], [b]) => a - b);
    for (const [seq, object] of trusted) {
      if (!listed.has(seq)) {
        await this.storage.createIfAbsent(memberKey(seq), object);
        this.problems.push('Membership entry ' + seq + ' was missing from the shared list\'s storage (deleted, or the'
          + ' storage was put back to an older copy); this device wrote back the copy it trusts');
        listed.add(seq);
      }
    }
    if (trusted.length > 0) {
      const [seq, object] = trusted[Math.floor(this.random() * trusted.length)];
      await this.mend(seq, object);
    }
    const junk = new Map(this.memory.junk);
    for (const [seq, why] of junk) {
      if (listed.has(seq)) this.problems.push(why);
      else this.memory.junk.delete(seq);
    }
    // The first junk number after each accepted entry is read again: an entry someone overwrote and a
    // device then wrote back lies at a number set aside, and the chain goes on only through it.
    let recheckedJunk = false;
    for (const seq of [...listed].filter((s) => s > this.lastSeq).sort((a, b) => a - b)) {
      const wasJunk = junk.has(seq);
      if (wasJunk) {
        if (recheckedJunk) continue;
        recheckedJunk = true;
      }
      let object;
      let e;
      try {
        object = await this.storage.get(memberKey(seq));
        if (object == null) continue;
        e = decodeEntry(seq, object, this.owner);
      } catch (bad) {
        if (!(bad instanceof SyncError) || bad.reason !== Reason.CORRUPT) throw bad;
        if (!wasJunk) {
          const problem = bad.message + '; it was set aside, and the rest of the log is read without it';
          this.memory.junk.set(seq, problem);
          this.problems.push(problem);
        }
        continue;
      }
      if (!this.follows(seq, e, listed)) {
        if (e.previous != null) {
          this.problems.push('Membership entry ' + seq + ' does not follow entry ' + this.lastSeq + ', the last this'
            + ' device trusts (an entry between was taken out or replaced, or has not arrived yet); this device keeps'
            + ' the log it has until the chain is whole again');
        }
        break;
      }
      if (this.lastSeq === 0) this.checkFirst(e);
      this.memory.entries.set(seq, object);
      if (wasJunk) {
        this.memory.junk.delete(seq);
        this.problems = this.problems.filter((p) => p !== junk.get(seq));
      }
      await this.take(seq, e, object);
      recheckedJunk = false;
    }
  }

  async mend(seq, trusted) {
    let stored;
    try {
      stored = await this.storage.get(memberKey(seq));
    } catch (unreadable) {
      if (!(unreadable instanceof SyncError) || unreadable.reason !== Reason.CORRUPT) throw unreadable;
      stored = new Uint8Array(0); // replaced by something that does not even decrypt
    }
    if (stored != null && equalBytes(stored, trusted)) return false;
    await this.storage.overwrite(memberKey(seq), trusted);
    this.problems.push('Membership entry ' + seq + ' on the shared list\'s storage was ' + (stored == null ? 'gone'
      : 'replaced by something else') + '; this device wrote back the copy it trusts');
    return true;
  }

  follows(seq, e, listed) {
    if (e.previous != null) return equalBytes(e.previous, this.lastHash);
    if (this.chainBegun) return false;
    for (let s = this.lastSeq + 1; s < seq; s++) if (!listed.has(s)) return false;
    return true;
  }

  checkFirst(e) {
    if (e.kind !== 'add') {
      throw new SyncError(Reason.CORRUPT, 'Membership object ' + memberKey(1) + ' is not the owner\'s own admission');
    }
    if (this.expectedSpace != null && e.space != null && (e.space.length !== this.expectedSpace.length
      || e.space.some((p, i) => p !== this.expectedSpace[i]))) {
      throw new SyncError(Reason.CORRUPT, 'This shared space was made for [' + e.space.join(', ') + '], not for ['
        + this.expectedSpace.join(', ') + '] as this device was told: the invite was changed to point at another list.'
        + ' Nothing was read from or written to it');
    }
  }

  async take(seq, e, object) {
    this.accepted.push({ seq, entry: e });
    this.lastSeq = seq;
    this.lastHash = await entryHash(object);
    if (e.previous != null) this.chainBegun = true;
  }

  async listed() {
    const seqs = new Set();
    let after = null;
    for (;;) {
      const page = await this.storage.list(PREFIX, after, 1000);
      for (const k of page) {
        const digits = k.slice(PREFIX.length);
        if (/^[0-9]{12}$/.test(digits)) seqs.add(Number(digits));
      }
      if (page.length < 1000) return seqs;
      after = page[page.length - 1];
    }
  }
}
