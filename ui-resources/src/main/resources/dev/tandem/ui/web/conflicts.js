/*
 * The Conflicts panel: what was kept and what was lost, with Use lost value and Dismiss.
 */
import { $, h, toast } from './dom.js';
import { when } from './format.js';
import { state } from './state.js';
import { api } from './api.js';
import { go, refreshAll } from './routes.js';
import { registerPanel, viewSeq, showEmpty } from './items.js';
import { t } from './i18n.js';

/** Who made a change: this browser in the page's words, else the name the server gives (a device, another browser). */
const by = (name, here) => (here ? t('page.conflicts.thisBrowser') : name);

export function renderConflicts(data, seq) {
  if (seq !== viewSeq) return;
  $('items').replaceChildren();
  const list = data.conflicts || [];
  const panel = $('panel');
  panel.hidden = false;
  showEmpty(list.length ? '' : t('page.conflicts.empty'));
  panel.replaceChildren(...list.map((c) => h('article', { class: 'card conflict', 'data-id': c.id },
    h('h2', null, c.kind === 'item'
      ? h('button', { type: 'button', class: 'link-button', onclick: () => go({ item: c.itemId }) }, c.itemTitle || t('page.row.noTitle'))
      : (c.itemTitle || t('page.row.noTitle'))),
    h('p', { class: 'muted' }, c.lostBy ? t('page.conflicts.editedOn', c.fieldLabel, by(c.lostBy, c.lostHere), when(c.at))
      : t('page.conflicts.editedElsewhere', c.fieldLabel, when(c.at))),
    h('dl', { class: 'kept-lost' },
      h('dt', null, t('page.conflicts.kept')), h('dd', null, c.kept === '' || c.kept == null ? t('page.conflicts.emptyValue') : String(c.kept),
        c.keptBy ? h('span', { class: 'muted' }, ` (${t('page.conflicts.keptOn', by(c.keptBy, c.keptHere))})`) : null),
      h('dt', null, t('page.conflicts.lost')), h('dd', null, c.lost === '' || c.lost == null ? t('page.conflicts.emptyValue') : String(c.lost))),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'primary', 'data-write': '', disabled: !state.writable,
        onclick: () => resolveConflict(c.id, 'use-lost') }, t('page.conflicts.useLost')),
      h('button', { type: 'button', 'data-write': '', disabled: !state.writable,
        onclick: () => resolveConflict(c.id, 'dismiss') }, t('page.held.dismiss'))))));
}

async function resolveConflict(id, action) {
  try {
    await api('POST', `/api/conflicts/${encodeURIComponent(id)}/${action}`, {});
    toast(action === 'use-lost' ? t('page.conflicts.usedLost') : t('page.conflicts.dismissed'));
    refreshAll();
  } catch (e) { toast(e.message); }
}

registerPanel('conflicts', '/api/conflicts', renderConflicts);
