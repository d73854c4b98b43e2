import { SyncError, Reason } from '../errors.js';
import { MAX_OBJECT_BYTES } from '../wire/limits.js';

/**
 * The one rule for object names every backend shares (the engine's ObjectNames): '/'-separated
 * segments of [A-Za-z0-9._-], none starting with '.', none containing '..' or a Syncthing conflict
 * copy's marker, at most 512 characters. So no name can escape a folder or reach another prefix.
 */
const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;
const SYNCTHING_CONFLICT = '.sync-conflict-';
export const MAX_LENGTH = 512;

export function describeName(name) {
  if (name == null) return 'null';
  const shown = name.length > 80 ? name.slice(0, 80) + '…' : name;
  return "'" + shown.replace(/[\u0000-\u001f\u007f]/g, '?') + "'";
}

export function isValidSegment(segment) {
  return SEGMENT.test(segment) && !segment.includes('..') && !segment.includes(SYNCTHING_CONFLICT);
}

export function isValidName(name) {
  if (typeof name !== 'string' || name.length === 0 || name.length > MAX_LENGTH || name.includes('..')) {
    return false;
  }
  return name.split('/').every(isValidSegment);
}

export function validateName(name) {
  if (!isValidName(name)) {
    throw new SyncError(Reason.CORRUPT, 'Invalid object key: ' + describeName(name));
  }
  return name;
}

/** A prefix may be empty or end in '/'. */
export function validatePrefix(prefix) {
  if (prefix == null || prefix === '') return '';
  validateName(prefix.endsWith('/') ? prefix.slice(0, -1) : prefix);
  return prefix;
}

export function validateMaxNames(maxNames) {
  if (!(maxNames >= 1)) throw new RangeError('maxNames: must be at least 1, was ' + maxNames);
  return maxNames;
}

/**
 * An object larger than a read may take ({@code maxBytes}: any Tandem object's limit, or what an
 * attachment's row says it holds): CORRUPT, marked {@code tooLarge} so a caller can say what it is.
 */
export function tooLarge(name, where, size, maxBytes) {
  const e = new SyncError(Reason.CORRUPT, 'Object ' + describeName(name) + ' in ' + where + ' is ' + size
    + ' bytes, more than ' + (maxBytes === MAX_OBJECT_BYTES ? 'any Tandem object (' + maxBytes + ')'
      : 'the ' + maxBytes + ' it may hold') + '; not read');
  e.tooLarge = true;
  return e;
}
