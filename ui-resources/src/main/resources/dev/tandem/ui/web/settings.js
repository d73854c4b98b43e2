/*
 * The This browser panel: this browser's pairing, the paired browsers with Revoke, and Log out.
 */
import { $, h, toast } from './dom.js';
import { when } from './format.js';
import { state } from './state.js';
import { api } from './api.js';
import { showPairing } from './pairing.js';
import { registerPanel, viewSeq, loadView, showEmpty } from './items.js';
import { t } from './i18n.js';

export function renderSettings(data, seq) {
  if (seq !== viewSeq) return;
  $('items').replaceChildren();
  showEmpty('');
  const s = state.session;
  const browsers = data.browsers || [];
  const panel = $('panel');
  panel.hidden = false;
  panel.replaceChildren(
    h('article', { class: 'card' },
      h('h2', null, t('page.view.settings')),
      h('p', null, t('page.settings.pairedWith', s.browser.name, s.device)),
      h('p', { class: 'muted' }, state.online ? t('page.settings.live') : t('page.settings.offline')),
      h('div', { class: 'actions' }, h('button', { type: 'button', id: 'logout', onclick: logout }, t('page.settings.logout')))),
    h('article', { class: 'card' },
      h('h2', null, t('page.settings.browsers')),
      h('ul', { class: 'browsers' }, ...browsers.map((b) => h('li', { 'data-id': b.id },
        h('div', null,
          h('strong', null, b.name), b.current ? h('span', { class: 'tag current' }, t('page.view.settings')) : null,
          h('div', { class: 'muted' }, t('page.settings.seen', when(b.pairedAt), when(b.lastSeen)))),
        h('button', { type: 'button', class: 'danger', 'data-write': '', disabled: !state.writable,
          'aria-label': t('page.settings.revokeLabel', b.name), onclick: () => revoke(b) }, t('page.settings.revoke')))))));
}

async function revoke(b) {
  const question = b.current ? t('page.settings.revokeThis') : t('page.settings.revokeOther', b.name);
  if (!window.confirm(question)) return;
  try {
    await api('POST', `/api/browsers/${encodeURIComponent(b.id)}/revoke`, {});
    if (b.current) { showPairing(t('page.settings.revoked'), true); return; }
    toast(t('page.settings.revokedOther', b.name));
    loadView();
  } catch (e) { if (e.status !== 401) toast(e.message); }
}

async function logout() {
  try {
    await api('POST', '/api/logout', {});
    showPairing(t('page.settings.loggedOut'), true);
  } catch (e) { if (e.status !== 401) toast(e.message); }
}

registerPanel('settings', '/api/browsers', renderSettings);
