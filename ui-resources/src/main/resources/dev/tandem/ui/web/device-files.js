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
 * Opening a file (GET or HEAD /api/attachments/ID) answers its bytes from the kept files (device-kept-files.js),
 * which download it on demand through the core's bounded, authenticated download: the type it is served as is the
 * row's only when a browser shows it without running anything of it (INLINE), else application/octet-stream; a
 * damaged object answers 502 and a missing one 404, each with a sentence naming the file, and nothing is kept.
 * Attaching (POST /api/items/ID/attachments?name=NAME, the bytes as the body) adds the row as the desktop does
 * (the core's app/attachments.js: the id derived from item and blob) and keeps the bytes, pending their upload by
 * the next sync; it answers what the server's AttachmentRoutes answers: {attachment, markdown}. The settings panel
 * (GET /api/browsers: no paired browsers, and the kept files' use; POST /api/device/files {budgetMb}) sets the budget.
 *
 * Imports its sibling device-kept-files.js only: the replica, the core's attachments module and the words come in.
 */
import { NOT_ON_REMOTE } from './device-kept-files.js';

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

const BLOB = /^[0-9a-f]{64}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** The largest file attached on this device, as the desktop's default (AttachmentStore.DEFAULT_LIMIT). */
export const ATTACH_LIMIT = 100_000_000;
/** The storage budget a person may set, in whole MB: 0 (keep nothing) up to 10 GB. */
const BUDGET_MIN = 0;
const BUDGET_MAX = 10_000_000_000;

/** The Markdown a note shows a file with, as Attachment.markdown: an image inline, any other file as a link. */
function markdown(f) {
  const image = ['image/png', 'image/jpeg', 'image/gif', 'image/bmp'].includes(f.type);
  return (image ? '!' : '') + '[' + f.name.replace(/[[\]]/g, '') + '](attachment:' + f.id + ')';
}

/**
 * The file routes over {@code replica}: {@code kept}, a KeptFiles; {@code attachments}, the core's app/attachments.js;
 * {@code open(itemId)}, whether the item is one the page shows; {@code saved()}, keeps the replica and schedules a sync.
 */
export function makeFiles({ replica, kept, attachments, t, open, saved, now, budget }) {
  const json = (status, body) => new Response(JSON.stringify(body), {
    status, headers: { 'Content-Type': 'application/json' } });

  async function get(id, head) {
    const r = UUID.test(id) ? replica.row('attachments', id) : null;
    const it = r && typeof r.itemId === 'string' ? open(r.itemId) : null;
    if (!it || typeof r.blob !== 'string' || !BLOB.test(r.blob)) return json(404, { error: t('page.file.gone') });
    const f = filesOf(replica, r.itemId, t).find((x) => x.id === id);
    if (!f) return json(404, { error: t('page.file.gone') });
    let bytes;
    try {
      bytes = await kept.open(r.blob, f.size);
    } catch (e) {
      if (e && e.name === 'DamagedAttachmentError') return json(502, { error: t('page.device.file.damaged', f.name) });
      return json(503, { error: t('page.device.file.unreachable', f.name, e && e.message ? e.message : String(e)) });
    }
    if (bytes === NOT_ON_REMOTE) return json(404, { error: t('page.device.file.notOnRemote', f.name) });
    return new Response(head ? null : bytes, { status: 200, headers: {
      'Content-Type': f.image ? f.type : 'application/octet-stream', 'Content-Length': String(bytes.length) } });
  }

  async function attach(itemId, name, body) {
    if (!UUID.test(itemId) || !open(itemId)) return json(404, { error: t('page.device.gone') });
    const label = typeof name === 'string' && name.trim() ? name : 'file';
    // The size before the bytes: a Blob (the browser's File) says it without being read. Bytes only, never text.
    const declared = typeof Blob !== 'undefined' && body instanceof Blob ? body.size
      : body instanceof Uint8Array || body instanceof ArrayBuffer ? body.byteLength : null;
    if (declared == null) return json(400, { error: t('page.device.badValue') });
    if (declared > ATTACH_LIMIT) {
      return json(413, { error: t('page.device.file.tooLarge', label, sizeWords(ATTACH_LIMIT, t)) });
    }
    const bytes = new Uint8Array(await new Response(body).arrayBuffer());
    if (bytes.length > ATTACH_LIMIT) {
      return json(413, { error: t('page.device.file.tooLarge', label, sizeWords(ATTACH_LIMIT, t)) });
    }
    const row = await attachments.attach(replica, kept, itemId, bytes, label, now());
    await saved();
    const f = filesOf(replica, itemId, t).find((x) => x.id === row.id)
      ?? { id: row.id, name: row.name, type: row.type, size: bytes.length };
    return json(201, { attachment: f, markdown: markdown(f) });
  }

  /** The settings panel's card: what the kept files take and the budget ({@code budget}: get(), set(bytes)). */
  async function usage() {
    const u = await kept.usage();
    return json(200, { browsers: [], files: { ...u, budget: budget.get(),
      words: t('page.device.files.used', u.files, sizeWords(u.used, t), sizeWords(budget.get(), t)) } });
  }

  async function setBudget(body) {
    const mb = body && body.budgetMb;
    if (!Number.isInteger(mb) || mb * 1_000_000 < BUDGET_MIN || mb * 1_000_000 > BUDGET_MAX) {
      return json(400, { error: t('page.device.files.badBudget', BUDGET_MIN / 1_000_000, BUDGET_MAX / 1_000_000) });
    }
    await budget.set(mb * 1_000_000);
    await kept.trim(budget.get());
    return usage();
  }

  return { get, attach, usage, setBudget };
}
