/**
 * What the sync format can carry (the engine's SyncLimits and Frame): readers refuse anything
 * beyond it, so writers never produce it. Sizes in bytes.
 */
export const MAX_ENTITY = 256;
export const MAX_VALUE = 16 << 20;
export const MAX_CHANGE = 40 << 20;
/** Change ids dated after 3000-01-01 are refused. */
export const MAX_ID_MILLIS = 32_503_680_000_000;
/** A batch is cut once its changes reach this size; a larger change travels alone. */
export const BATCH_BYTES = 8 << 20;
/** Changes a batch holds at most. */
export const BATCH_CHANGES = 5000;
/** The largest object any backend reads into memory: 64 MiB and room for the encryption envelope. */
export const MAX_OBJECT_BYTES = (64 << 20) + (1 << 20);

function isName(name) {
  const n = name.length;
  if (n === 0 || n > 128) {
    return false;
  }
  for (let i = 0; i < n; i++) {
    const c = name.charCodeAt(i);
    const ok = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || (i > 0 && c >= 48 && c <= 57);
    if (!ok) {
      return false;
    }
  }
  return true;
}

function startsIgnoringCase(name, prefix) {
  return name.length >= prefix.length && name.slice(0, prefix.length).toLowerCase() === prefix;
}

/** Whether a remote may name this table: not the engine's, not SQLite's, not starting with '_'. */
export function tableNameOk(name) {
  return isName(name) && !name.startsWith('_') && !startsIgnoringCase(name, 'sqlite_');
}

/** Whether a remote may name this field. */
export function fieldNameOk(name) {
  return isName(name) && !startsIgnoringCase(name, '_tandem') && !startsIgnoringCase(name, 'sqlite_');
}

/** Character.isISOControl on one UTF-16 unit. */
export function isIsoControl(c) {
  return c <= 0x1f || (c >= 0x7f && c <= 0x9f);
}

export function hasIsoControl(s) {
  for (let i = 0; i < s.length; i++) {
    if (isIsoControl(s.charCodeAt(i))) {
      return true;
    }
  }
  return false;
}
