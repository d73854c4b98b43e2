import { promises as fs, constants } from 'node:fs';
import { join } from 'node:path';

/**
 * File names made from attachment names a row gave (rows come from other devices: hostile), as the
 * desktop's FileNames and `tandem attachments --save` make them: no path separators, reserved or
 * control characters, no "." or ".." names, no Windows device names, at most 80 characters, unique
 * in their folder ignoring case ("scan.pdf", "scan (2).pdf"); a file already there is never written
 * over. So a name can never place a file outside the folder.
 */
const RESERVED = new Set(['con', 'prn', 'aux', 'nul', ...[1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((n) => ['com' + n, 'lpt' + n])]);
const MAX = 80;

export function safeName(wanted) {
  // eslint-disable-next-line no-control-regex
  let s = (wanted ?? '').replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, ' ').replace(/\s+/g, ' ').trim();
  s = s.replace(/^[.\s]+|[.\s]+$/g, '');
  if (s.length > MAX) {
    s = s.slice(0, MAX).trim();
    if (/[\ud800-\udbff]$/.test(s)) s = s.slice(0, -1);
  }
  if (s === '' || RESERVED.has(s.toLowerCase())) s = s === '' ? 'Untitled' : s + '_';
  return s;
}

export class FileNames {
  constructor() {
    this.used = new Set();
  }

  unique(wanted, extension) {
    const base = safeName(wanted);
    let name = base + extension;
    for (let n = 2; this.used.has(name.toLowerCase()); n++) name = base + ' (' + n + ')' + extension;
    this.used.add(name.toLowerCase());
    return name;
  }
}

/** Writes {@code bytes} into {@code dir} as {@code name} made safe, or "name (2).ext" when that is taken; the path. */
export async function saveUnique(bytes, dir, name, names) {
  const n = name == null || name.trim() === '' ? 'file' : name;
  const dot = n.lastIndexOf('.');
  const ext = dot > 0 && /^[A-Za-z0-9]{1,10}$/.test(n.slice(dot + 1)) ? n.slice(dot) : '';
  const base = n.slice(0, n.length - ext.length);
  for (let tries = 0; ; tries++) {
    const p = join(dir, names.unique(base, ext));
    try {
      const handle = await fs.open(p, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW);
      try {
        if (typeof bytes.chunks === 'function') {
          // A local copy streamed ({size, chunks}): a piece at a time, whatever the file's size.
          for await (const piece of bytes.chunks()) {
            for (let at = 0; at < piece.length;) at += (await handle.write(piece, at, piece.length - at)).bytesWritten;
          }
        } else {
          await handle.writeFile(bytes);
        }
      } finally {
        await handle.close();
      }
      return p;
    } catch (e) {
      if (e.code !== 'EEXIST' || tries > 1000) throw e; // a file of the folder's own: never written over
    }
  }
}
