/*
 * Quick add: chips while typing (the server reads the text), and the text kept until the todo is saved or kept
 * in the outbox on this phone. Offline there are no chips: the server reads the text when the outbox reaches
 * it, its dates counted from when it was typed.
 */
import { $, h, debounce } from './dom.js';
import { state } from './state.js';
import { api } from './api.js';
import { newId, submit } from './outbox.js';
import { onRoute, refreshAll } from './routes.js';
import { t } from './i18n.js';

let parseSeq = 0;
const parse = debounce(async () => {
  const text = $('quick-add').value;
  const seq = ++parseSeq;
  if (!text.trim() || !state.writable) { renderChips([]); return; }
  try {
    const answer = await api('POST', '/api/parse', { text });
    if (seq === parseSeq) renderChips(answer.chips || [], answer.warning);
  } catch (e) { /* chips are a preview only */ }
}, 200);

// A warning ("“feb 30” is not a date; it stays in the title") after the chips, drawn as text.
function renderChips(chips, warning) {
  $('quick-add-chips').replaceChildren(...chips.map((c) =>
    h('li', { class: 'chip chip-' + String(c.kind).toLowerCase() }, c.label)),
  ...(warning ? [h('li', { class: 'chip chip-warning' }, warning)] : []));
}

$('quick-add').addEventListener('input', () => {
  if ($('quick-add-message').classList.contains('error')) setQuickMessage('');
  parse();
});

function setQuickMessage(text, error, retry) {
  const box = $('quick-add-message');
  box.className = 'quick-add-message' + (error ? ' error' : '');
  box.replaceChildren(text);
  if (retry) box.append(' ', h('button', { type: 'button', class: 'link-button', onclick: retry }, t('page.retry')));
}

let adding = false;
async function quickAdd() {
  const field = $('quick-add');
  const text = field.value;
  if (!text.trim() || adding) return;
  adding = true;
  $('quick-add-submit').disabled = true;
  setQuickMessage(t('page.quickAdd.adding'));
  const view = state.route.v;
  // Added where it is typed: a list, tag or dated view adds there; any other view adds to the Inbox.
  const into = /^(list:|tag:)/.test(view) || ['inbox', 'today', 'upcoming', 'someday'].includes(view) ? view : 'inbox';
  try {
    const answer = await submit({ op: 'add', id: newId(), text, view: into });
    if (answer.outcome === 'refused') {
      setQuickMessage(answer.reason, true, answer.status === 400 ? null : quickAdd);
      return;
    }
    // Only what was sent is cleared: text typed meanwhile stays.
    if (field.value === text) { field.value = ''; renderChips([]); }
    // Said under the field of the view it was added in; another view shown meanwhile has its own field.
    if (state.route.v === view) {
      setQuickMessage(answer.status === 0 ? t('page.quickAdd.kept', text) : answer.message || t('page.quickAdd.added'));
    }
    refreshAll();
  } catch (e) {
    // The outbox could not keep it (storage refused): the text stays in the field.
    setQuickMessage(t('page.quickAdd.notAdded', e.message), true, quickAdd);
  } finally {
    adding = false;
    $('quick-add-submit').disabled = false;
  }
}
$('quick-add-form').addEventListener('submit', (ev) => { ev.preventDefault(); quickAdd(); });
// What quick add said belongs to the view it was typed in: another view starts without it.
onRoute((r, before) => {
  if (r.v !== before.v && !$('quick-add-message').classList.contains('error')) setQuickMessage('');
});
