/*
 * The This browser panel: this browser's pairing, the paired browsers with Revoke, and Log out.
 */
import { $, h, toast } from './dom.js';
import { when } from './format.js';
import { state } from './state.js';
import { api } from './api.js';
import { showPairing } from './pairing.js';
import { registerPanel, viewSeq, loadView, showEmpty } from './items.js';

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
      h('h2', null, 'This browser'),
      h('p', null, `“${s.browser.name}”, paired with ${s.device}.`),
      h('p', { class: 'muted' }, state.online ? 'Changes show up here as they happen.' : 'Offline — changes show up once Tandem is reachable again.'),
      h('div', { class: 'actions' }, h('button', { type: 'button', id: 'logout', onclick: logout }, 'Log out'))),
    h('article', { class: 'card' },
      h('h2', null, 'Paired browsers'),
      h('ul', { class: 'browsers' }, ...browsers.map((b) => h('li', { 'data-id': b.id },
        h('div', null,
          h('strong', null, b.name), b.current ? h('span', { class: 'tag current' }, 'This browser') : null,
          h('div', { class: 'muted' }, `Paired ${when(b.pairedAt)} · last seen ${when(b.lastSeen)}`)),
        h('button', { type: 'button', class: 'danger', 'data-write': '', disabled: !state.writable,
          'aria-label': `Revoke ${b.name}`, onclick: () => revoke(b) }, 'Revoke'))))));
}

async function revoke(b) {
  const question = b.current ? 'Revoke this browser? You will have to pair it again.' : `Revoke “${b.name}”? It will have to pair again.`;
  if (!window.confirm(question)) return;
  try {
    await api('POST', `/api/browsers/${encodeURIComponent(b.id)}/revoke`, {});
    if (b.current) { showPairing('This browser was revoked. Pair it again to continue.', true); return; }
    toast(`Revoked “${b.name}”.`);
    loadView();
  } catch (e) { if (e.status !== 401) toast(e.message); }
}

async function logout() {
  try {
    await api('POST', '/api/logout', {});
    showPairing('Logged out. Pair again to use Tandem here.', true);
  } catch (e) { if (e.status !== 401) toast(e.message); }
}

registerPanel('settings', '/api/browsers', renderSettings);
