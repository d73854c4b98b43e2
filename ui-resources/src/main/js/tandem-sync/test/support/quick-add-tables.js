// The desktop's quick add tables (the catalogue's quickadd_TAG.properties in ui-resources), read as the app's
// Catalogue reads them, for the tests of the page's quick add: the page gets the same table in /messages.json.
import { readFileSync } from 'node:fs';

const MESSAGES = new URL('../../../../resources/dev/tandem/ui/messages/', import.meta.url);

/** The keys and values of quickadd_TAG.properties: UTF-8, one "key=value" a line, "#" comments. */
export function quickAddTable(tag) {
  const out = {};
  for (const line of readFileSync(new URL('quickadd_' + tag + '.properties', MESSAGES), 'utf8').split('\n')) {
    const t = line.trim();
    if (!t || t.startsWith('#') || t.startsWith('!')) continue;
    const eq = t.indexOf('=');
    if (eq > 0) out[t.slice(0, eq).trim()] = t.slice(eq + 1).trim();
  }
  return out;
}
