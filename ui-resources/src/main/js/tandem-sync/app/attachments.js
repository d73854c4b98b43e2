import { Fetched, ID, MAX_ATTACHMENT } from '../src/blob/blob-transfer.js';
import { NAMESPACE, nameUuid } from './derived-ids.js';

export { nameUuid };

/**
 * Files attached to items as the desktop keeps them (app/…/model/AttachmentStore.java, Attachment,
 * DerivedIds): a row of `attachments` (itemId, blob, name, type, size, createdAt) whose id is the
 * version-5 UUID of "attachment\0<item>\0<blob>" in Tandem's namespace, so the same file attached to
 * the same item on two devices is one row; the bytes are blob `blob` (their SHA-256) in the device's
 * local store, uploaded by the next sync before the batch that names them.
 */
export const ATTACHMENT_COLUMNS = ['itemId', 'blob', 'name', 'type', 'size', 'createdAt'];
/** The desktop's default largest file one may attach (AttachmentStore.DEFAULT_LIMIT). */
export const ATTACH_LIMIT = 100_000_000;
const MAX_NAME = 255;
const TYPES = {
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', bmp: 'image/bmp', webp: 'image/webp',
  heic: 'image/heic', svg: 'image/svg+xml', pdf: 'application/pdf', txt: 'text/plain', md: 'text/markdown',
  csv: 'text/csv', html: 'text/html', json: 'application/json', zip: 'application/zip', doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text', ods: 'application/vnd.oasis.opendocument.spreadsheet',
  mp3: 'audio/mpeg', m4a: 'audio/mp4', wav: 'audio/wav', mp4: 'video/mp4', mov: 'video/quicktime', ics: 'text/calendar',
  eml: 'message/rfc822',
};

/** A MIME type from a file name's extension; application/octet-stream when unknown. */
export function typeOf(name) {
  const dot = name == null ? -1 : name.lastIndexOf('.');
  const ext = dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
  return Object.hasOwn(TYPES, ext) ? TYPES[ext] : 'application/octet-stream';
}

export function attachmentId(itemId, blobId) {
  return nameUuid(NAMESPACE, 'attachment\u0000' + itemId + '\u0000' + blobId);
}

/**
 * Attaches {@code bytes} to item {@code itemId} under {@code name}: the copy into {@code blobs}
 * first, then the row; the same file on the same item again returns the row it has.
 */
export async function attach(replica, blobs, itemId, bytes, name, now) {
  if (bytes.length > ATTACH_LIMIT) {
    throw new Error(name + ' is ' + bytes.length + ' bytes, larger than the limit of ' + ATTACH_LIMIT + ' for one file');
  }
  return attachBlob(replica, await blobs.add(bytes), itemId, name, now);
}

/**
 * Attaches the file at {@code path} (Node), copied into {@code blobs} as a stream, so its size is
 * bounded by {@code limit} alone, not by memory; refused when it is larger, even after it grew.
 */
export async function attachFile(replica, blobs, itemId, path, name, now, limit = ATTACH_LIMIT) {
  const blob = await blobs.addFile(path);
  if (blob.size > limit) {
    throw new Error(name + ' is ' + blob.size + ' bytes, larger than the limit of ' + limit + ' for one file');
  }
  return attachBlob(replica, blob, itemId, name, now);
}

async function attachBlob(replica, blob, itemId, name, now) {
  const id = await attachmentId(itemId, blob.id);
  const there = replica.row('attachments', id);
  if (there) return { id, ...there };
  const n = name == null || name.trim() === '' ? 'file' : [...name].slice(0, MAX_NAME).join('');
  const row = { itemId, blob: blob.id, name: n, type: typeOf(n), size: BigInt(blob.size), createdAt: BigInt(now) };
  replica.save('attachments', id, row, ATTACHMENT_COLUMNS);
  return { id, ...row };
}

/** The attachment rows, of one item or all, oldest first (as `tandem attachments` orders them). */
export function attachments(replica, itemId = null) {
  const out = [];
  for (const e of replica.entities.values()) {
    if (e.table !== 'attachments') continue;
    const row = replica.row('attachments', e.entity);
    if (row && (itemId == null || row.itemId === itemId)) out.push({ id: e.entity, ...row });
  }
  const num = (v) => (typeof v === 'bigint' ? v : 0n);
  return out.sort((a, b) => (num(a.createdAt) < num(b.createdAt) ? -1 : num(a.createdAt) > num(b.createdAt) ? 1
    : String(a.name ?? '') < String(b.name ?? '') ? -1 : String(a.name ?? '') > String(b.name ?? '') ? 1
      : a.id < b.id ? -1 : 1));
}

/**
 * Downloads every attached file not here yet, one blob at a time, as `tandem sync --attachments`:
 * each bounded by the largest size its rows record (a row without one: {@link MAX_ATTACHMENT}).
 * One that fails (damaged, too large, unreadable) is said and the others are still fetched.
 * Returns [{blob, name, state: FETCHED|NOT_ON_REMOTE|FAILED, error}] for the ones not here before.
 */
export async function fetchAttachments(replica, blobs, transfer, onEach = () => {}) {
  const absent = new Map();
  for (const a of attachments(replica)) {
    if (typeof a.blob !== 'string' || !ID.test(a.blob) || await blobs.has(a.blob)) continue;
    const size = typeof a.size === 'bigint' && a.size >= 0n ? a.size : null;
    const seen = absent.get(a.blob);
    if (!seen) absent.set(a.blob, { name: a.name ?? 'file', size });
    else if (size != null && (seen.size == null || size > seen.size)) seen.size = size;
  }
  const results = [];
  for (const [blob, { name, size }] of absent) {
    onEach({ blob, name, size });
    const max = size == null ? MAX_ATTACHMENT : Number(size);
    let result;
    try {
      const got = await transfer.download(blobs, blob, max);
      result = { blob, name, state: got === Fetched.NOT_ON_REMOTE ? got : Fetched.FETCHED, error: null };
    } catch (e) {
      result = { blob, name, state: 'FAILED', error: e };
    }
    results.push(result);
  }
  return results;
}

/**
 * Every blob id this device names (the engine's BlobReferences): in any change its changelog holds
 * to the attachments' blob column, which covers every row, the Trash, both sides of a conflict and
 * every version; what another device sent is checked to be an id before it counts.
 */
export function referencedBlobIds(replica, table = 'attachments', column = 'blob') {
  const ids = new Set();
  for (const c of replica.changes.values()) {
    if (c.table.toLowerCase() !== table.toLowerCase()) continue;
    for (const f of c.fields) {
      if (f.name.toLowerCase() === column.toLowerCase() && typeof f.value === 'string' && ID.test(f.value)) ids.add(f.value);
    }
  }
  return ids;
}

/** The object names of every blob this device names, on the remote {@code transfer} moves files to. */
export async function referencedNames(replica, transfer) {
  const names = new Set();
  for (const id of referencedBlobIds(replica)) {
    for (const n of await transfer.names(id)) names.add(n);
  }
  return names;
}
