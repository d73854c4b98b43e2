/*
 * The This browser panel: this browser's pairing, the paired browsers with Revoke, and Log out. On the page as its
 * own device (no pairing, no server): this device (name, remote, last sync, what waits, how often it syncs) and the
 * files it keeps with their storage budget (device-answer.js and device-files.js answer).
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
  if (data.files) { renderFiles(data.files, data.device); return; }
  const s = state.session;
  const browsers = data.browsers || [];
  const me = browsers.find((b) => b.current);
  if (me) s.browser.name = me.name;
  const panel = $('panel');
  panel.hidden = false;
  const name = h('input', { id: 'browser-name', type: 'text', maxlength: '60', autocomplete: 'off', required: true,
    'aria-describedby': 'browser-name-error' });
  name.defaultValue = s.browser.name;
  keepingTyped(panel, () => panel.replaceChildren(...[
    h('article', { class: 'card' },
      h('h2', null, t('page.view.settings')),
      h('p', null, t('page.settings.pairedWith', s.browser.name, s.device)),
      h('form', { class: 'rename', onsubmit: (ev) => { ev.preventDefault(); rename(me, name.value); } },
        h('label', { for: 'browser-name' }, t('page.settings.nameLabel')),
        h('div', { class: 'rename-row' }, name,
          h('button', { type: 'submit', 'data-write': '', disabled: !state.writable || !me }, t('page.settings.rename'))),
        h('p', { id: 'browser-name-error', class: 'error', role: 'alert' })),
      h('p', { class: 'muted' }, state.online ? t('page.settings.live') : t('page.settings.offline')),
      h('div', { class: 'actions' }, h('button', { type: 'button', id: 'logout', onclick: logout }, t('page.settings.logout')))),
    state.untrusted ? h('article', { class: 'card', id: 'untrusted' },
      h('h2', null, t('page.settings.untrustedHeading')),
      h('p', null, t('page.settings.untrusted')),
      h('p', { class: 'muted' }, t('page.settings.untrustedWhat'))) : null,
    h('article', { class: 'card' },
      h('h2', null, t('page.settings.browsers')),
      h('ul', { class: 'browsers' }, ...browsers.map((b) => h('li', { 'data-id': b.id },
        h('div', null,
          h('strong', null, b.name), b.current ? h('span', { class: 'tag current' }, t('page.view.settings')) : null,
          h('div', { class: 'muted' }, b.address ? t('page.settings.seenFrom', when(b.pairedAt), when(b.lastSeen), b.address)
            : t('page.settings.seen', when(b.pairedAt), when(b.lastSeen)))),
        h('button', { type: 'button', class: 'danger', 'data-write': '', disabled: !state.writable,
          'aria-label': t('page.settings.revokeLabel', b.name), onclick: () => revoke(b) }, t('page.settings.revoke'))))))]
    .filter(Boolean)));
  if (state.renameSoon) {
    state.renameSoon = false;
    name.focus();
    name.select();
  }
}

/**
 * The own device's cards: this device (its name, its remote, when it last synced, what waits, how often it syncs by
 * itself, to change) and its files (how much its kept files take, and the budget in MB to change).
 */
function renderFiles(files, device) {
  const panel = $('panel');
  panel.hidden = false;
  const card = device ? deviceCard(device) : null;
  const input = h('input', { id: 'file-budget', type: 'number', min: '0', max: '10000', step: '1', inputmode: 'numeric',
    'aria-describedby': 'file-budget-error' });
  input.defaultValue = String(Math.round(files.budget / 1_000_000));
  keepingTyped(panel, () => panel.replaceChildren(...[card, h('article', { class: 'card', id: 'device-files' },
    h('h2', null, t('page.device.files.heading')),
    h('p', { id: 'file-usage' }, files.words),
    h('form', { class: 'rename', onsubmit: (ev) => { ev.preventDefault(); setBudget(input.value); } },
      h('label', { for: 'file-budget' }, t('page.device.files.budgetLabel')),
      h('div', { class: 'rename-row' }, input, h('button', { type: 'submit', id: 'file-budget-save' }, t('page.device.files.save'))),
      h('p', { id: 'file-budget-error', class: 'error', role: 'alert' })),
    h('p', { class: 'muted' }, t('page.device.files.what')))].filter(Boolean)));
}

/**
 * Runs draw (which replaces the panel's cards) so that what is being typed survives it: a refresh (another device's
 * change, a sync that merged some) draws the cards again, and a field typed into and not saved (its text no longer
 * its default) keeps its text, its error line and, if it had it, the caret where it was.
 */
function keepingTyped(panel, draw) {
  const typed = [...panel.querySelectorAll('input[id]')].filter((el) => el.value !== el.defaultValue)
    .map((el) => {
      const error = el.getAttribute('aria-describedby') && $(el.getAttribute('aria-describedby'));
      return { id: el.id, value: el.value, error: error ? error.textContent : '' };
    });
  const active = document.activeElement && panel.contains(document.activeElement) ? document.activeElement : null;
  let caret = null;
  try {
    caret = active && active.selectionStart != null ? [active.selectionStart, active.selectionEnd] : null;
  } catch (e) { /* a number field has no selection to read */ }
  draw();
  for (const f of typed) {
    const el = $(f.id);
    if (!el) continue;
    el.value = f.value;
    const error = el.getAttribute('aria-describedby') && $(el.getAttribute('aria-describedby'));
    if (error && f.error) error.textContent = f.error;
  }
  const again = active && active.id ? $(active.id) : null;
  if (again && again !== active) {
    again.focus();
    try { if (caret) again.setSelectionRange(caret[0], caret[1]); } catch (e) { /* a number field: the caret ends it */ }
  }
}

function deviceCard(d) {
  // A text field with a numeric keyboard, not type=number: its caret and selection can be read, so a redraw while it
  // has the focus puts them back (keepingTyped); the answer checks the value and says why in the page's words.
  const every = h('input', { id: 'sync-every', type: 'text', inputmode: 'numeric', pattern: '[0-9]*',
    autocomplete: 'off', 'aria-describedby': 'sync-every-error' });
  every.defaultValue = String(d.everyMinutes);
  return h('article', { class: 'card', id: 'device-card' },
    h('h2', null, t('page.device.card.heading')),
    h('p', { id: 'device-card-name' }, t('page.device.card.name', d.name)),
    h('p', { class: 'muted', id: 'device-card-remote' }, t('page.device.card.remote', d.remote)),
    h('p', { id: 'device-card-synced' }, d.lastSynced == null ? t('page.device.neverSynced')
      : t('page.device.card.lastSynced', when(d.lastSynced))),
    h('p', { id: 'device-card-waiting' }, d.waiting ? t('page.device.waiting', d.waiting) : t('page.device.card.nothingWaits')),
    ...(d.storage ? [h('p', { id: 'device-card-kept' }, d.storage.kept),
      d.storage.advice ? h('p', { id: 'device-card-advice' }, d.storage.advice) : null,
      d.storage.used ? h('p', { class: 'muted', id: 'device-card-used' }, d.storage.used) : null].filter(Boolean) : []),
    // Checked by the answer, which says why in the page's words (not the browser's bubble).
    h('form', { class: 'rename', novalidate: '', onsubmit: (ev) => { ev.preventDefault(); setEvery(every.value); } },
      h('label', { for: 'sync-every' }, t('page.device.card.everyLabel')),
      h('div', { class: 'rename-row' }, every, h('button', { type: 'submit', id: 'sync-every-save' }, t('page.device.files.save'))),
      h('p', { id: 'sync-every-error', class: 'error', role: 'alert' })));
}

async function setEvery(typed) {
  $('sync-every-error').textContent = '';
  try {
    await api('POST', '/api/device/sync', { everyMinutes: Number(typed) });
    // Saved: the field's text is no longer being typed, and the next refresh draws it from the answer.
    if ($('sync-every')) $('sync-every').defaultValue = typed;
    toast(t('page.device.card.everySaved', Number(typed)));
  } catch (e) {
    $('sync-every-error').textContent = e.message;
  }
}

async function setBudget(typed) {
  $('file-budget-error').textContent = '';
  try {
    const data = await api('POST', '/api/device/files', { budgetMb: Number(typed) });
    $('file-usage').textContent = data.files.words;
    if ($('file-budget')) $('file-budget').defaultValue = typed;
    toast(t('page.device.files.saved'));
  } catch (e) {
    $('file-budget-error').textContent = e.message;
  }
}

/** Names this browser: what tells it from the others here and in tandem serve --browsers, to revoke the right one. */
async function rename(me, typed) {
  const name = typed.trim();
  $('browser-name-error').textContent = '';
  if (!name || !me) { $('browser-name-error').textContent = t('page.settings.nameNeeded'); return; }
  try {
    await api('POST', `/api/browsers/${encodeURIComponent(me.id)}/name`, { name });
    state.session.browser.name = name;
    $('browser-name').defaultValue = name;
    toast(t('page.settings.renamed', name));
    loadView();
  } catch (e) {
    if (e.status !== 401) $('browser-name-error').textContent = e.message;
  }
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
