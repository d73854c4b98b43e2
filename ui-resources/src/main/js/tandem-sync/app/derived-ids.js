/**
 * Ids two devices compute alike without talking to each other, as the desktop's DerivedIds and NameUuid
 * (app/…/model): an RFC 4122 version-5 UUID (SHA-1) of a name in Tandem's own namespace. Two devices that
 * complete the same occurrence of a series write the same next row, its fresh subtasks and its tag rows, so
 * sync merges them into one.
 */
// Never change: these ids are stored and synced (DerivedIds.NAMESPACE).
export const NAMESPACE = '0b8f5f0e-4c2a-4e55-9a7c-3d2b1e6f7a91';

/** RFC 4122 version 5 (SHA-1) of {@code name} as UTF-8 in {@code namespace}, as the desktop's NameUuid. */
export async function nameUuid(namespace, name) {
  const ns = Uint8Array.from(namespace.replace(/-/g, '').match(/../g), (h) => parseInt(h, 16));
  const text = new TextEncoder().encode(name);
  const data = new Uint8Array(16 + text.length);
  data.set(ns);
  data.set(text, 16);
  const h = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-1', data)).slice(0, 16);
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const hex = [...h].map((b) => b.toString(16).padStart(2, '0')).join('');
  return hex.slice(0, 8) + '-' + hex.slice(8, 12) + '-' + hex.slice(12, 16) + '-' + hex.slice(16, 20) + '-' + hex.slice(20);
}

/** The occurrence of series {@code seriesId} due on {@code isoDate} (DerivedIds.occurrence). */
export const occurrenceId = (seriesId, isoDate) => nameUuid(NAMESPACE, 'occurrence\u0000' + seriesId + '\u0000' + isoDate);
/** The fresh copy of subtask {@code childId} under the next occurrence {@code nextParentId} (DerivedIds.freshChild). */
export const freshChildId = (nextParentId, childId) => nameUuid(NAMESPACE, 'child\u0000' + nextParentId + '\u0000' + childId);
/** The row of tag {@code normalizedTag} on item {@code itemId} (DerivedIds.tag). */
export const tagId = (itemId, normalizedTag) => nameUuid(NAMESPACE, 'tag\u0000' + itemId + '\u0000' + normalizedTag);
