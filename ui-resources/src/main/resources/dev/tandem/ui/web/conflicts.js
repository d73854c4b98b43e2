/*
 * The Conflicts panel: what was kept and what was lost, with Use lost value and Dismiss.
 */
import { $, h, toast } from './dom.js';
import { when } from './format.js';
import { state } from './state.js';
import { api } from './api.js';
import { go, refreshAll } from './routes.js';
import { registerPanel, viewSeq, showEmpty } from './items.js';

export function renderConflicts(data, seq) {
  if (seq !== viewSeq) return;
  $('items').replaceChildren();
  const list = data.conflicts || [];
  const panel = $('panel');
  panel.hidden = false;
  showEmpty(list.length ? '' : 'No conflicts. Edits made on two devices at once show up here.');
  panel.replaceChildren(...list.map((c) => h('article', { class: 'card conflict', 'data-id': c.id },
    h('h2', null, c.kind === 'item'
      ? h('button', { type: 'button', class: 'link-button', onclick: () => go({ item: c.itemId }) }, c.itemTitle || '(no title)')
      : (c.itemTitle || '(no title)')),
    h('p', { class: 'muted' }, `${c.fieldLabel}: edited on ${c.lostBy || 'another device'}, ${when(c.at)}`),
    h('dl', { class: 'kept-lost' },
      h('dt', null, 'Kept'), h('dd', null, c.kept === '' || c.kept == null ? '(empty)' : String(c.kept),
        c.keptBy ? h('span', { class: 'muted' }, ` (${c.keptBy})`) : null),
      h('dt', null, 'Lost'), h('dd', null, c.lost === '' || c.lost == null ? '(empty)' : String(c.lost))),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'primary', 'data-write': '', disabled: !state.writable,
        onclick: () => resolveConflict(c.id, 'use-lost') }, 'Use lost value'),
      h('button', { type: 'button', 'data-write': '', disabled: !state.writable,
        onclick: () => resolveConflict(c.id, 'dismiss') }, 'Dismiss')))));
}

async function resolveConflict(id, action) {
  try {
    await api('POST', `/api/conflicts/${encodeURIComponent(id)}/${action}`, {});
    toast(action === 'use-lost' ? 'The lost value is back.' : 'Dismissed.');
    refreshAll();
  } catch (e) { toast(e.message); }
}

registerPanel('conflicts', '/api/conflicts', renderConflicts);
