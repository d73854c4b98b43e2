/*
 * Attached files on the page: the note's images and download chips (a file the server is still downloading
 * shows "Downloading…" and is asked for again when the server says), the item's files as chips whether or not
 * the note links them, and attaching files from this browser (the picker, or a drop on the editor): each is
 * streamed to the server, then its Markdown link goes into the notes.
 *
 * When the page is its own device (transport.js) there is no server to point an address at: a file's bytes come
 * from the answerer (device-files.js: the kept copy, or a download checked by the sync core), images are shown under
 * the chips as the served page shows them in the note, and other files are saved through a blob: address under a
 * name made safe (no folders, no control characters, no leading dot). A file refused (damaged, not on the storage)
 * says why on its chip, and the others still open.
 */
import { $, h } from './dom.js';
import { state } from './state.js';
import { t } from './i18n.js';
import { ownDevice, request } from './transport.js';

/** What the server's X-Tandem-Attachment header means, for a file it could not send yet: its words' key. */
const WAITING = {
  downloading: 'page.file.downloading',
  not_on_remote: 'page.file.notOnRemote',
  no_sync: 'page.file.noSync',
  failed: 'page.file.failed',
};

/** Asks whether the file is ready: {ok} or {retry: seconds or null, text}. */
async function probe(url) {
  let res;
  try {
    res = await fetch(url, { method: 'HEAD', credentials: 'same-origin', cache: 'no-store' });
  } catch (e) {
    return { ok: false, retry: 5, text: t('page.error.unreachable') };
  }
  if (res.ok) return { ok: true };
  const why = res.headers.get('X-Tandem-Attachment');
  const retry = res.status === 503 ? Number(res.headers.get('Retry-After')) || null : null;
  const text = WAITING[why] ? t(WAITING[why])
    : res.status === 404 ? t('page.file.gone') : t('page.error.status', String(res.status));
  return { ok: false, retry, text };
}

/** Polls {@code url} until the file is ready (then calls ready) or the server says waiting will not help. */
function whenReady(url, el, show, ready) {
  const step = async () => {
    if (!el.isConnected) return;
    const p = await probe(url);
    if (!el.isConnected) return;
    if (p.ok) { ready(); return; }
    show(p.text, p.retry != null);
    if (p.retry != null) setTimeout(step, p.retry * 1000);
  };
  step();
}

let reloads = 0;
/** An image that did not load: a "Downloading…" box in its place until the server has the file. */
function imageFailed(img) {
  if (img.dataset.waiting) return;
  img.dataset.waiting = '1';
  const src = img.getAttribute('src').split('?')[0];
  const box = h('span', { class: 'attachment-waiting', role: 'status' }, t('page.file.downloading'));
  const link = img.closest('a') || img;
  link.hidden = true;
  link.after(box);
  whenReady(src, box, (text) => { box.textContent = t('page.file.state', img.alt, text); }, () => {
    delete img.dataset.waiting;
    // Another address, so the browser asks again instead of reusing the failed answer.
    img.src = `${src}?r=${++reloads}`;
    img.addEventListener('load', () => { box.remove(); link.hidden = false; }, { once: true });
  });
}

/** A chip's download: straight away if the server has the file, else "Downloading…" on the chip first. */
function download(chip) {
  const url = chip.getAttribute('href');
  const meta = chip.querySelector('.chip-meta');
  const original = meta ? meta.textContent : '';
  if (chip.classList.contains('waiting')) return;
  chip.classList.add('waiting');
  whenReady(url.split('?')[0], chip, (text) => { if (meta) meta.textContent = text; }, () => {
    chip.classList.remove('waiting');
    if (meta) meta.textContent = original;
    const a = h('a', { href: url, download: chip.getAttribute('download') || '' });
    document.body.append(a);
    a.click();
    a.remove();
  });
}

/** Makes a rendered note's files behave: images that wait for their bytes, chips that download. */
export function decorateFiles(container) {
  for (const img of container.querySelectorAll('img[data-attachment]')) {
    if (img.complete && img.naturalWidth === 0 && img.getAttribute('src')) imageFailed(img);
    img.addEventListener('error', () => imageFailed(img));
  }
}

function chipClick(ev) {
  const chip = ev.target.closest('a.attachment-chip');
  if (!chip || ev.ctrlKey || ev.metaKey || ev.shiftKey) return;
  ev.preventDefault();
  download(chip);
}

/** A file name safe to save under: no folders, no control characters, no leading dots, at most 255 characters. */
export function safeName(name) {
  const n = String(name ?? '').replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, '_').replace(/^[.\s]+/, '').trim();
  return [...n].slice(0, 255).join('') || 'file';
}

/** Asks the answerer for a file's bytes: {url} (a blob: address) or {error}. */
async function ownBytes(f) {
  let res;
  try {
    res = await request(f.url, { method: 'GET' });
  } catch (e) {
    return { error: t('page.error.unreachable') };
  }
  if (!res.ok) {
    let data = null;
    try { data = await res.json(); } catch (e) { data = null; }
    return { error: (data && data.error) || t('page.error.status', String(res.status)) };
  }
  const type = res.headers.get('Content-Type') || 'application/octet-stream';
  return { url: URL.createObjectURL(new Blob([await res.arrayBuffer()], { type })) };
}

/** On the page as its own device: a chip opens (an image under the chips) or saves its file from the answerer. */
async function openOwn(chip, f) {
  const meta = chip.querySelector('.chip-meta');
  if (chip.classList.contains('waiting')) return;
  chip.classList.add('waiting');
  meta.textContent = t('page.file.downloading');
  const got = await ownBytes(f);
  chip.classList.remove('waiting');
  if (got.error) {
    meta.textContent = got.error;
    chip.classList.add('refused');
    return;
  }
  meta.textContent = f.details;
  chip.classList.remove('refused');
  if (f.image) {
    const shown = $('files').querySelector(`img[data-file="${CSS.escape(f.id)}"]`);
    if (shown) { URL.revokeObjectURL(got.url); return; }
    $('files').append(h('img', { class: 'file-image', src: got.url, alt: f.name, 'data-file': f.id }));
    return;
  }
  const a = h('a', { href: got.url, download: safeName(f.name) });
  document.body.append(a);
  a.click();
  a.remove();
  // The save has its copy once the click is handled: the address is let go on the next turn.
  setTimeout(() => URL.revokeObjectURL(got.url), 0);
}

/** The item's files as chips: images open full size, other files download. */
export function showFiles(item) {
  const files = (item && item.attachments) || [];
  for (const img of $('files').querySelectorAll('img[data-file]')) URL.revokeObjectURL(img.src);
  if (ownDevice()) {
    const chips = files.map((f) => h('button', { type: 'button', class: 'attachment-chip', 'data-attachment': f.id,
      title: f.image ? t('page.file.open', f.name) : t('page.file.download', f.name) },
    h('span', { class: 'chip-name' }, f.name), ' ', h('span', { class: 'chip-meta' }, f.details)));
    $('files').replaceChildren(...chips);
    chips.forEach((chip, i) => {
      chip.addEventListener('click', () => openOwn(chip, files[i]));
      // Images show as the served page shows them in the note: fetched when the item opens.
      if (files[i].image) openOwn(chip, files[i]);
    });
    if (!files.length) $('files').append(h('p', { class: 'muted' }, t('page.files.none')));
    return;
  }
  $('files').replaceChildren(...files.map((f) => h('a', f.image
    ? { class: 'attachment-chip attachment-open', href: f.url, target: '_blank', rel: 'noopener', title: t('page.file.open', f.name) }
    : { class: 'attachment-chip', href: `${f.url}?download=1`, download: f.name, 'data-attachment': f.id, title: t('page.file.download', f.name) },
  h('span', { class: 'chip-name' }, f.name), ' ', h('span', { class: 'chip-meta' }, f.details))));
  if (!files.length) $('files').append(h('p', { class: 'muted' }, t('page.files.none')));
}

/** Sends one file to the server, streamed; resolves to {attachment, markdown}. */
async function upload(itemId, file) {
  const limit = state.session && state.session.attachmentLimit;
  if (limit && file.size > limit) {
    throw new Error(t('page.file.tooLarge', file.name, state.session.attachmentLimitLabel));
  }
  let res;
  try {
    res = await request(`/api/items/${encodeURIComponent(itemId)}/attachments?name=${encodeURIComponent(file.name)}`, {
      method: 'POST', credentials: 'same-origin', body: file,
      headers: { 'X-Tandem-CSRF': state.csrf || '', 'Content-Type': file.type || 'application/octet-stream', Accept: 'application/json' },
    });
  } catch (e) {
    throw new Error(t('page.file.notSent', file.name));
  }
  let data = null;
  try { data = await res.json(); } catch (e) { data = null; }
  if (!res.ok) throw new Error((data && data.error) || t('page.error.status', String(res.status)));
  return data;
}

/**
 * Wires the editor's files: {@code current()} is the open item's id, {@code attached(markdowns)} puts the
 * links into the notes, {@code failed(message)} shows why a file was not attached.
 */
export function initAttachments({ current, attached, failed }) {
  $('notes-view').addEventListener('click', chipClick);
  $('files').addEventListener('click', chipClick);
  const send = async (files) => {
    const id = current();
    if (!id || !files.length) return;
    if (!state.writable) { failed(t('page.file.offline')); return; }
    const links = [];
    for (const [i, file] of [...files].entries()) {
      $('attach-status').textContent = files.length > 1 ? t('page.file.attachingOf', file.name, i + 1, files.length)
        : t('page.file.attaching', file.name);
      try {
        links.push((await upload(id, file)).markdown);
      } catch (e) {
        failed(e.message);
      }
    }
    $('attach-status').textContent = links.length ? t('page.file.attached', links.length) : '';
    if (links.length && current() === id) attached(links);
  };
  $('attach').addEventListener('click', () => $('attach-input').click());
  $('attach-input').addEventListener('change', () => {
    const files = [...$('attach-input').files];
    $('attach-input').value = '';
    send(files);
  });
  const form = $('editor');
  const hasFiles = (ev) => ev.dataTransfer && [...ev.dataTransfer.types].includes('Files');
  form.addEventListener('dragover', (ev) => {
    if (!hasFiles(ev)) return;
    ev.preventDefault();
    ev.dataTransfer.dropEffect = state.writable ? 'copy' : 'none';
    form.classList.add('dropping');
  });
  form.addEventListener('dragleave', (ev) => { if (!form.contains(ev.relatedTarget)) form.classList.remove('dropping'); });
  form.addEventListener('drop', (ev) => {
    form.classList.remove('dropping');
    if (!hasFiles(ev)) return;
    ev.preventDefault();
    send([...ev.dataTransfer.files]);
  });
}
