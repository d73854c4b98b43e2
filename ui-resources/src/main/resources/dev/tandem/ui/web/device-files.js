/*
 * An item's attached files when the page is its own device: the replica's `attachments` rows of the item, in the
 * JSON shape the server's AttachmentJson sends (id, name, type, size, details, image, url), oldest first and files
 * attached together in name order, as AttachmentStore.of orders them. The details ("PNG image · 1.2 MB") are
 * worded as the desktop's FileWords words them, with the page's own words.
 *
 * The rows come from other devices' batches, so every field is read as untrusted: a name that is not a string is
 * "file" and a long one is cut; a type that is not a short MIME type is none (so never shown inline); a size that
 * is not a whole number from 0 up is 0. The answer holds at most FILES_MAX files, so a batch that attaches a
 * million rows to one item costs one pass over the replica, never an answer of that size.
 *
 * Opening a file (GET /api/attachments/ID) is not on this device yet: its bytes stay on the remote.
 *
 * Imports nothing: the replica and the words come in.
 */

const NAME_MAX = 255;
const FILES_MAX = 500;
const FILES = '/api/attachments/';
const MIME = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}$/;
/** The types a browser shows without running anything of the file's: AttachmentRoutes.inlineType. */
const INLINE = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/bmp', 'image/webp']);

const num = (v) => (typeof v === 'bigint' ? Number(v) : v);

/** Bytes in words, powers of 1000, as FileWords.size: "940 bytes", "1.2 MB". */
export function sizeWords(bytes, t) {
  if (bytes < 1000) return t('page.device.file.bytes', bytes);
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let u = -1;
  while (v >= 999.95 && u < units.length - 1) { v /= 1000; u++; }
  const tenths = Math.round(v * 10) / 10;
  const shown = tenths >= 100 || tenths === Math.round(tenths) ? tenths.toFixed(0) : tenths.toFixed(1);
  return t('page.device.file.size', shown, units[u]);
}

/** The type in words, as FileWords.type. */
export function typeWords(name, type, t) {
  const m = type ?? 'application/octet-stream';
  const sub = m.slice(m.indexOf('/') + 1).toUpperCase();
  if (m.startsWith('image/')) return t('page.device.file.image', sub.replace('SVG+XML', 'SVG'));
  if (m === 'application/pdf') return 'PDF';
  if (m.startsWith('text/')) return sub === 'PLAIN' ? t('page.device.file.text') : sub === 'MARKDOWN' ? 'Markdown' : sub;
  if (m.startsWith('audio/')) return t('page.device.file.audio');
  if (m.startsWith('video/')) return t('page.device.file.video');
  if (m === 'application/zip') return t('page.device.file.zip');
  if (m.includes('opendocument') || m.includes('officedocument') || m === 'application/msword') {
    return t('page.device.file.document');
  }
  const dot = name.lastIndexOf('.');
  return dot <= 0 || dot === name.length - 1 ? t('page.device.file.file')
    : t('page.device.file.ofKind', name.slice(dot + 1).toUpperCase());
}

/** The files of item {@code itemId} in {@code replica}, as the server's item answer lists them. */
export function filesOf(replica, itemId, t) {
  const rows = [];
  for (const e of replica.entities.values()) {
    if (e.table !== 'attachments') continue;
    const r = replica.row('attachments', e.entity);
    if (!r || r.itemId !== itemId) continue;
    const name = typeof r.name === 'string' && r.name !== '' ? r.name.slice(0, NAME_MAX) : 'file';
    const type = typeof r.type === 'string' && MIME.test(r.type) ? r.type : null;
    const raw = num(r.size);
    const size = Number.isSafeInteger(raw) && raw >= 0 ? raw : 0;
    const at = num(r.createdAt);
    rows.push({ id: e.entity, name, type, size, at: Number.isFinite(at) ? at : 0 });
  }
  const lower = (s) => s.toLowerCase();
  rows.sort((a, b) => a.at - b.at || (lower(a.name) < lower(b.name) ? -1 : lower(a.name) > lower(b.name) ? 1 : 0)
    || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return rows.slice(0, FILES_MAX).map((f) => ({
    id: f.id, name: f.name, type: f.type, size: f.size,
    details: typeWords(f.name, f.type, t) + ' · ' + sizeWords(f.size, t),
    image: f.type != null && INLINE.has(f.type), url: FILES + encodeURIComponent(f.id),
  }));
}
