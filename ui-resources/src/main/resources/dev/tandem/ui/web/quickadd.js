/*
 * Quick add: chips while typing, and the text kept until the server has the todo.
 */
import { $, h, debounce } from './dom.js';
import { state } from './state.js';
import { OFFLINE_WRITE, api } from './api.js';
import { refreshAll } from './routes.js';

let parseSeq = 0;
const parse = debounce(async () => {
  const text = $('quick-add').value;
  const seq = ++parseSeq;
  if (!text.trim() || !state.writable) { renderChips([]); return; }
  try {
    const answer = await api('POST', '/api/parse', { text });
    if (seq === parseSeq) renderChips(answer.chips || []);
  } catch (e) { /* chips are a preview only */ }
}, 200);

function renderChips(chips) {
  $('quick-add-chips').replaceChildren(...chips.map((c) =>
    h('li', { class: 'chip chip-' + String(c.kind).toLowerCase() }, c.label)));
}

$('quick-add').addEventListener('input', () => {
  if ($('quick-add-message').classList.contains('error')) setQuickMessage('');
  parse();
});

function setQuickMessage(text, error, retry) {
  const box = $('quick-add-message');
  box.className = 'quick-add-message' + (error ? ' error' : '');
  box.replaceChildren(text);
  if (retry) box.append(' ', h('button', { type: 'button', class: 'link-button', onclick: retry }, 'Retry'));
}

let adding = false;
async function quickAdd() {
  const field = $('quick-add');
  const text = field.value;
  if (!text.trim() || adding) return;
  if (!state.writable) { setQuickMessage(OFFLINE_WRITE + ' Your text stays here.', true); return; }
  adding = true;
  $('quick-add-submit').disabled = true;
  setQuickMessage('Adding…');
  const view = state.route.v;
  try {
    const answer = await api('POST', '/api/quickadd', { text, view });
    // Only what was sent is cleared: text typed meanwhile stays.
    if (field.value === text) { field.value = ''; renderChips([]); }
    setQuickMessage(answer.message || 'Added.');
    refreshAll();
  } catch (e) {
    setQuickMessage(e.message, true, e.status === 400 ? null : quickAdd);
  } finally {
    adding = false;
    $('quick-add-submit').disabled = false;
  }
}
$('quick-add-form').addEventListener('submit', (ev) => { ev.preventDefault(); quickAdd(); });
