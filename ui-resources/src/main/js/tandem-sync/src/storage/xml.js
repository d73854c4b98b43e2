/**
 * Just enough XML for S3's listings and WebDAV's multistatus answers, read as hostile input: the
 * text is bounded by the caller before it gets here, elements are matched by local name whatever
 * their namespace prefix, and only the five predefined entities and character references are
 * decoded (no DTD, no external entity, nothing fetched). A browser could use DOMParser; Node has none.
 */
const ENTITY = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXmlText(s) {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (m, e) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return cp >= 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return ENTITY[e] ?? m;
  });
}

/** The contents of every element with local name {@code name} (non-nested), in document order. */
export function elements(xml, name) {
  const out = [];
  const re = new RegExp('<(?:[A-Za-z0-9_.-]+:)?' + name + '(?:\\s[^>]*)?(/?)>', 'g');
  let m;
  while ((m = re.exec(xml)) !== null) {
    if (m[1] === '/') {
      out.push('');
      continue;
    }
    const closeRe = new RegExp('</(?:[A-Za-z0-9_.-]+:)?' + name + '\\s*>', 'g');
    closeRe.lastIndex = re.lastIndex;
    const c = closeRe.exec(xml);
    if (!c) break;
    out.push(xml.slice(re.lastIndex, c.index));
    re.lastIndex = closeRe.lastIndex;
  }
  return out;
}

export function first(xml, name) {
  const all = elements(xml, name);
  return all.length ? decodeXmlText(all[0].trim()) : null;
}
