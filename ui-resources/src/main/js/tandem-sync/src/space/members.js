import { SyncError, Reason } from '../errors.js';
import { MembershipLog, newLogMemory } from './membership-log.js';
import { decodeCert, verifySigned } from './space-objects.js';
import { fingerprint } from './space-crypto.js';

/**
 * Who may write to a shared space, as its membership log says, and the check every signed object
 * passes before sync reads it: the engine's Members.
 *
 * Invariants: the log is read through {@link MembershipLog}, which accepts only the owner's entries in
 * one chain and never goes back on what this device accepted; entry 1 admits the owner, whose key the
 * device knows from its invite (never from the storage). An object is accepted only when (1) a
 * certificate signed by an admitted member's key vouches for its signing device, (2) the device's
 * signature covers the object's key and body, (3) a batch or head lies under the signing device's own
 * name, and (4) the member is not removed, or, for a batch, the batch is at or below the last one the
 * removal accepted for that device. Anything else is a CORRUPT error naming why, which sync sets aside.
 */
const OWN_NAME = /^(batches|heads)\/([0-9a-f-]{36})\/([0-9]{12}|.*)$/;

export class Members {
  constructor(storage, ownerX509, { space = null, memory = newLogMemory(), random } = {}) {
    this.storage = storage;
    this.owner = ownerX509;
    this.log = new MembershipLog(storage, ownerX509, space, memory, random);
    /** By key fingerprint: {name, key, agreementKey, removedAfter: Map | null}. */
    this.members = new Map();
    this.certs = new Map();
    this.vouched = new Map();
    this.applied = 0;
    this.loaded = false;
  }

  /** Reads the log's new entries; returns the number of entries applied so far. */
  async refresh() {
    if (!this.loaded) {
      await this.log.load();
      this.loaded = true;
    }
    await this.log.read();
    await this.apply();
    return this.applied;
  }

  /** The members as this device last accepted the log, without reading the storage. */
  async remembered() {
    if (!this.loaded) {
      await this.log.load();
      this.loaded = true;
    }
    await this.apply();
    return this.people();
  }

  /**
   * The members as people see them (the engine's SpaceMember): name, fingerprint, whether they are the
   * owner (the first admitted name) and whether they were removed; in order of admission.
   */
  async people() {
    const all = this.list();
    const out = [];
    for (const m of all) {
      out.push({ name: m.name, fingerprint: await fingerprint(m.key), owner: m.name === all[0].name,
        removed: m.removedAfter != null });
    }
    return out;
  }

  /** What the last read found wrong with the log on the storage, in plain words. */
  get problems() {
    return this.log.problems;
  }

  async apply() {
    const all = this.log.accepted;
    if (all.length > this.applied) this.vouched.clear();
    for (let i = this.applied; i < all.length; i++) {
      const e = all[i].entry;
      if (e.kind === 'add') {
        this.members.set(await fingerprint(e.memberKey), { name: e.name, key: e.memberKey,
          agreementKey: e.agreementKey, removedAfter: null });
      } else {
        // A removal names the person: every key admitted under that name goes.
        for (const m of this.members.values()) {
          if (m.name === e.name && m.removedAfter == null) m.removedAfter = e.acceptedUpTo;
        }
      }
    }
    this.applied = all.length;
  }

  /** The members the log names, in order of admission; removed ones included. */
  list() {
    return [...this.members.values()];
  }

  /** The certificates stored for {@code device}, as bytes by key; junk beside a real one is kept out later. */
  async certsOf(device) {
    const known = this.certs.get(device);
    if (known) return known;
    const read = [];
    for (const key of await this.storage.list('certs/' + device + '/', null, 100)) {
      const bytes = await this.storage.get(key);
      if (bytes != null) read.push({ key, bytes });
    }
    this.certs.set(device, read);
    return read;
  }

  /**
   * The admitted members whose keys signed one of {@code device}'s certificates naming them, with those
   * certificates; kept until the log admits or removes someone or the device's certificates are read again,
   * so checking a sync's objects verifies each certificate once, not once per object.
   */
  async vouching(device) {
    const known = this.vouched.get(device);
    if (known) return known;
    const out = [];
    for (const { key, bytes } of await this.certsOf(device)) {
      for (const m of this.members.values()) {
        let checked;
        try {
          checked = await decodeCert(key, bytes, m.key);
        } catch (e) {
          if (e instanceof SyncError) break; // junk beside a real certificate must not refuse the device
          throw e;
        }
        if (checked.signedByMember && checked.cert.member === m.name) out.push({ member: m, cert: checked.cert });
      }
    }
    this.vouched.set(device, out);
    return out;
  }

  /** Each device with a certificate, by the name of the admitted member whose key signed it. */
  async devices() {
    await this.refresh();
    const out = new Map();
    let after = null;
    for (;;) {
      const page = await this.storage.list('certs/', after, 1000);
      for (const k of page) {
        const device = k.split('/')[1];
        if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(device ?? '') || out.has(device)) continue;
        const v = await this.vouching(device);
        if (v.length > 0) out.set(device, v[0].member.name);
      }
      if (page.length < 1000) return out;
      after = page[page.length - 1];
    }
  }

  /**
   * Checks the signed object read from {@code key}; returns its body, or throws a CORRUPT SyncError
   * naming why it is refused.
   */
  async check(key, signed) {
    let refusal = await this.refusal(key, signed);
    if (refusal != null) {
      // An admission or a certificate may be newer than what this device read.
      this.certs.delete(signed.signer);
      this.vouched.delete(signed.signer);
      await this.refresh();
      refusal = await this.refusal(key, signed);
    }
    if (refusal != null) throw new SyncError(Reason.CORRUPT, key + ' is refused: ' + refusal);
    return signed.body;
  }

  async refusal(key, signed) {
    const own = OWN_NAME.exec(key);
    const retirement = key.startsWith('heads/') && key.endsWith('/retired');
    if (own && !retirement && own[2] !== signed.signer) {
      return 'it was signed by device ' + signed.signer + ', not by the device it is stored under';
    }
    let vouching = null;
    for (const { member, cert } of await this.vouching(signed.signer)) {
      if (verifySigned(key, signed, cert.deviceKey)) {
        vouching = member;
        break;
      }
    }
    if (vouching == null) return 'its signing device ' + signed.signer + ' belongs to no member of this shared space';
    if (vouching.removedAfter != null) {
      const accepted = vouching.removedAfter.get(signed.signer) ?? 0;
      const earlierBatch = own && key.startsWith('batches/') && /^[0-9]{12}$/.test(own[3]) && Number(own[3]) <= accepted;
      if (!earlierBatch) {
        return 'it was written by a device of ' + vouching.name + ' after ' + vouching.name + ' was removed from this'
          + ' shared space';
      }
    }
    return null;
  }
}
