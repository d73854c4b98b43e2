// The desktop's quick add tables (the catalogue's quickadd_TAG.properties in ui-resources), read as the app's
// Catalogue reads them, for the tests of the page's quick add: the page gets the same table in /messages.json, but
// the keys it does not read (PageWords.UNREAD: the past, the lower-case words, "every"), left
// out here too, so the tests read what the page reads.
import { readFileSync } from 'node:fs';

const MESSAGES = new URL('../../../../resources/dev/tandem/ui/messages/', import.meta.url);

/** The keys and values of quickadd_TAG.properties: UTF-8, one "key=value" a line, "#" comments. */
export function quickAddTable(tag) {
  const out = {};
  for (const line of readFileSync(new URL('quickadd_' + tag + '.properties', MESSAGES), 'utf8').split('\n')) {
    const t = line.trim();
    if (!t || t.startsWith('#') || t.startsWith('!')) continue;
    const eq = t.indexOf('=');
    const key = t.slice(0, eq).trim();
    if (eq > 0 && !/^quickadd\.(past\.|lowerCase|every$)/.test(key)) out[key] = t.slice(eq + 1).trim();
  }
  return out;
}
