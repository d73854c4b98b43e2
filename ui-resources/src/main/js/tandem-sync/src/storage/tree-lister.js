import { isValidName, isValidSegment } from './names.js';

/**
 * One page of names in byte order from storage shaped as folders (a file system, WebDAV), as the
 * engine's NameTreeLister: folders visited in name order, skipped when their whole range lies before
 * startAfter or outside the prefix; a folder sorts among its siblings by its name plus '/', which is
 * where its names fall ('a-c' sorts before 'a/b'). {@code children(folderPrefix)} gives
 * [{name, folder}] where a folder's name ends in '/'.
 */
export async function listTree(children, prefix, startAfter, maxNames) {
  const after = startAfter == null || startAfter === '' ? null : startAfter;
  const out = [];
  const overlapsPrefix = (fp) => fp.startsWith(prefix) || prefix.startsWith(fp);
  const entirelyBeforeStart = (fp) => after != null && !after.startsWith(fp) && after > fp;
  const walk = async (folderPrefix) => {
    const nodes = (await children(folderPrefix)).slice().sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const n of nodes) {
      const segment = n.name.slice(folderPrefix.length, n.name.length - (n.folder ? 1 : 0));
      if (!n.name.startsWith(folderPrefix) || segment.includes('/') || !isValidSegment(segment)) continue;
      if (n.folder) {
        if (overlapsPrefix(n.name) && !entirelyBeforeStart(n.name) && !(await walk(n.name))) return false;
      } else if (n.name.startsWith(prefix) && (after == null || n.name > after) && isValidName(n.name)) {
        out.push(n.name);
        if (out.length >= maxNames) return false;
      }
    }
    return true;
  };
  await walk(prefix.slice(0, prefix.lastIndexOf('/') + 1));
  return out;
}
