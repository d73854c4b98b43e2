import { BoundedReader } from './bounded-reader.js';
import * as bw from './body-writer.js';
import { KIND_RETIREMENT, VERSION } from './frame.js';
import { FormatError } from '../errors.js';

/**
 * A retired device (docs/SYNC_FORMAT.md, "Retired devices"): heads/<device>/retired, kind 5,
 * [device, last head seq, retired_ms, by, reason], reason "unseen" or "forgotten".
 */
export const UNSEEN = 'unseen';
export const FORGOTTEN = 'forgotten';
const KEY = /^heads\/([0-9a-f-]{36})\/retired$/;
const UUID_TEXT = /^[0-9a-fA-F]{1,8}-[0-9a-fA-F]{1,4}-[0-9a-fA-F]{1,4}-[0-9a-fA-F]{1,4}-[0-9a-fA-F]{1,12}$/;

export function retirementKey(device) {
  return 'heads/' + device + '/retired';
}

/** The retired device a heads/ key names, or null. */
export function retiredDeviceOf(key) {
  const m = KEY.exec(key);
  if (!m || !UUID_TEXT.test(m[1])) {
    return null;
  }
  return m[1];
}

export function encodeRetirement(r) {
  return bw.encode(KIND_RETIREMENT, VERSION, (w) => {
    w.arrayHeader(5);
    bw.uuid(w, r.device);
    w.long(BigInt(r.lastHead));
    w.long(BigInt(r.retiredAtMillis));
    bw.uuid(w, r.by);
    w.string(r.reason);
  });
}

export function decodeRetirement(object, key) {
  return BoundedReader.decode(object, KIND_RETIREMENT, key, (r) => {
    r.expectArray(5);
    const device = r.uuid();
    const lastHead = r.positiveLong('last head');
    const retiredAtMillis = r.millis();
    const by = r.uuid();
    const reason = r.string(64);
    if (key !== retirementKey(device)) {
      throw new FormatError('Object ' + key + ' retires device ' + device + ', not the one its key names');
    }
    return { device, lastHead, retiredAtMillis, by, reason };
  });
}
