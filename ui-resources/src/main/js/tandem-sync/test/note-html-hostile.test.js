import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NOTES_MAX, noteHtml } from '../app/note-html.js';

// A synced note is outside input: someone a list is shared with writes it. What the page as its own device renders
// of it (app/note-html.js) must stay HTML the page wrote: only the tags and attributes a note's Markdown makes, link
// and image targets without a scheme other than http, https or mailto, raw HTML as text; and it must come back at
// a cost bounded by the note: ten thousand of one opening mark, nested or not, renders to at most K characters a
// character of the note (the deepest shapes: a quote's tags, 27 a '>'; a box's line, its words three times).
const K = 32;
const DEEP = 10000;
const TAGS = new Set(['p', 'br', 'em', 'strong', 'code', 'pre', 'a', 'img', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul',
  'ol', 'li', 'blockquote', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'input']);
const ATTRIBUTES = new Set(['href', 'rel', 'title', 'src', 'alt', 'class', 'start', 'align', 'type', 'data-line',
  'data-text', 'data-occurrence', 'aria-label', 'checked']);

/** Every tag of the HTML: its name and attributes. Text and attribute values are escaped, so each '<' opens one. */
function tags(html) {
  const out = [];
  const tag = /<(\/?)([a-z0-9]+)((?:\s+[a-z-]+="[^"<>]*")*)\s*(\/?)>/g;
  let at = 0;
  for (let m; (m = tag.exec(html));) {
    assert.equal(m.index, html.indexOf('<', at), 'a "<" opens no tag at ' + html.indexOf('<', at));
    at = tag.lastIndex;
    const attrs = [...m[3].matchAll(/([a-z-]+)="([^"]*)"/g)].map((a) => [a[1], a[2]]);
    out.push({ name: m[2], attrs });
  }
  assert.equal(html.indexOf('<', at), -1, 'a "<" after the last tag');
  return out;
}

function assertSafe(notes, html) {
  for (const t of tags(html)) {
    assert.ok(TAGS.has(t.name), 'tag ' + t.name);
    for (const [k, v] of t.attrs) {
      assert.ok(ATTRIBUTES.has(k), 'attribute ' + k + ' on ' + t.name);
      if (k === 'href' || k === 'src') {
        const scheme = /^([^/?#]*?):/.exec(v.replace(/&amp;/g, '&'));
        assert.ok(!scheme || ['http', 'https', 'mailto'].includes(scheme[1].toLowerCase()), k + '="' + v + '"');
      }
      if (k === 'type') assert.equal(v, 'checkbox');
    }
  }
  assert.ok(html.length <= K * notes.length + 64, 'output ' + html.length + ' of a note of ' + notes.length);
}

const HOSTILE = {
  quotes: '>'.repeat(DEEP) + ' deep',
  brackets: '['.repeat(DEEP) + 'x',
  closing: ']'.repeat(DEEP) + '('.repeat(DEEP),
  stars: '*'.repeat(DEEP) + 'x',
  'star pairs': '*a '.repeat(DEEP / 2) + 'b*'.repeat(DEEP / 2),
  underscores: '_a '.repeat(DEEP / 2) + 'b_'.repeat(DEEP / 2),
  lists: '- '.repeat(DEEP / 2) + 'x',
  'ordered lists': '1. '.repeat(DEEP / 3) + 'x',
  'indented lists': Array.from({ length: 1000 }, (_, i) => ' '.repeat(2 * i) + '- x').join('\n'),
  'quoted lists': '> - '.repeat(DEEP / 4) + 'x',
  backticks: '`'.repeat(DEEP) + 'x' + '`'.repeat(DEEP - 1),
  'code spans': '`a` '.repeat(DEEP / 4),
  links: '[a]('.repeat(DEEP / 4) + ')'.repeat(DEEP / 4),
  'link parens': '[a](' + '('.repeat(DEEP) + ')'.repeat(DEEP) + ')',
  images: '!['.repeat(DEEP / 2) + 'x',
  'angle brackets': '<'.repeat(DEEP) + 'a' + '>'.repeat(DEEP),
  entities: '&amp;'.repeat(DEEP / 5) + '&'.repeat(DEEP),
  pipes: 'a|b\n-|-\n' + '|'.repeat(DEEP),
  'wide table': '|'.repeat(DEEP) + '\n' + '-|'.repeat(DEEP / 2) + '\n' + 'x|'.repeat(DEEP / 2),
  'long table': 'a|b\n-|-\n' + 'x|y\n'.repeat(DEEP / 4),
  boxes: '- [ ]\n'.repeat(DEEP / 6),
  'box words': '- [ ] ' + 'w'.repeat(DEEP),
  definitions: '[a]: /u\n'.repeat(DEEP / 8) + '2) x\n'.repeat(DEEP / 5),
  'lazy lines': '[x\n' + '2) a\n'.repeat(DEEP / 5),
  'hard breaks': 'a  \n'.repeat(DEEP / 4),
  html: '<div onclick="x()">'.repeat(DEEP / 20),
  fences: '```\n'.repeat(DEEP / 4),
  headings: '# '.repeat(DEEP / 2),
  'nul and crs': '\u0000\r'.repeat(DEEP / 2),
};

for (const [name, notes] of Object.entries(HOSTILE)) {
  test('a note of ' + name + ' renders in bounded size, only the tags a note makes', () => {
    assertSafe(notes, noteHtml(notes));
  });
}

test('raw HTML, script and event attributes are text; links and images to other schemes have no target', () => {
  const notes = [
    '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', 'a <b onmouseover="x()">b</b>',
    '<svg onload=alert(1)>', '<a href="javascript:alert(1)">x</a>', '<iframe src="data:text/html,x"></iframe>',
    '[a](javascript:alert(1))', '[a](JaVaScRiPt:alert(1))', '[a]( javascript:alert(1) )', '[a](<javascript:alert(1)>)',
    '[a](java&#115;cript:alert(1))', '[a](java\\script:x)', '[a](data:text/html;base64,PHNjcmlwdD4=)',
    '[a](vbscript:x)', '![i](javascript:alert(1))', '![i](data:image/svg+xml,<svg onload=x>)', '<javascript:alert(1)>',
    '[r]\n\n[r]: javascript:alert(1)', '[a](https://x.y "t\\" onmouseover=\\"x")', '[a](https://x.y/"onmouseover="x)',
    '- [ ] "><script>x</script>', '| <script> | b |\n|---|---|\n| [c](javascript:x) | ![i](javascript:y) |',
    '<!-- <script> -->', '<![CDATA[<script>]]>', '<?xml <script>?>', '&lt;script&gt;', '\u0000<script>',
  ].join('\n\n');
  const html = noteHtml(notes);
  assertSafe(notes, html);
  assert.ok(!/<script|<svg|<iframe|<div|<b |onerror=|onload=|onmouseover="x/.test(html.replace(/&lt;[^&]*?&gt;/g, '')));
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'raw HTML shown as text');
  assert.ok(!/href="[^"]*script:/i.test(html) && !/src="[^"]*(script|data):/i.test(html));
});

test('a note longer than the page lets one write is shown as plain paragraphs', () => {
  const notes = '# not a heading\n' + 'x'.repeat(NOTES_MAX);
  const html = noteHtml(notes);
  assert.ok(html.startsWith('<p># not a heading<br>'));
  assertSafe(notes, html);
});

test('an attachment reference is shown as written, as the device showed it before', () => {
  assert.equal(noteHtml('See ![photo.jpg](attachment:0190d8a0-0000-7000-8000-000000000009) and '
    + '[doc.pdf](attachment:0190d8a0-0000-7000-8000-00000000000a)'), '<p>See '
    + '![photo.jpg](attachment:0190d8a0-0000-7000-8000-000000000009) and '
    + '[doc.pdf](attachment:0190d8a0-0000-7000-8000-00000000000a)</p>\n');
});
