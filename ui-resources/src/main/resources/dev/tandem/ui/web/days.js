/*
 * The Agenda and the Week: the server's days (GET /api/items?view=agenda or view=week&week=DATE), each a heading
 * over its rows, the same rows as every view (items.js), so ticking and opening work the same. A repeating
 * todo's later dates are shown but not ticked: they are not there yet. The page is a list of days; from 900 px
 * the week's seven are a grid of seven columns (app.css), the previous and next weeks a button away.
 */
import { $, h, icon } from './dom.js';
import { go } from './routes.js';
import { itemRow, keepingFocus, registerDays, showEmpty } from './items.js';
import { t } from './i18n.js';

export function renderDays(data) {
  if (data.view === 'week') {
    $('panel').replaceChildren(h('div', { class: 'week-nav' },
      h('button', { type: 'button', onclick: () => go({ w: data.previous }) }, t('page.week.previous')),
      h('button', { type: 'button', onclick: () => go({ w: data.next }) }, t('page.week.next'))));
    $('panel').hidden = false;
  } else {
    $('panel').hidden = true;
  }
  keepingFocus(() => $('items').replaceChildren(...data.days.map(dayOf)));
  showEmpty('');
}

function dayOf(d) {
  const id = 'day-' + (d.date || 'overdue');
  const heading = h('h2', { id, class: 'day-heading' }, d.label, d.detail ? h('span', { class: 'day-date' }, d.detail) : null);
  const rows = d.items.map((it) => (it.occurrence ? occurrence(itemRow(it, { day: true })) : itemRow(it, { day: !!d.date })));
  if (d.total > d.items.length) rows.push(h('li', { class: 'more' }, t('page.items.showing', d.items.length, d.total)));
  return h('li', {
    class: 'day' + (d.today ? ' today' : '') + (d.date ? '' : ' overdue-day'), 'aria-labelledby': id,
  }, heading, rows.length ? h('ul', { class: 'day-items', 'aria-labelledby': id }, ...rows)
    : h('p', { class: 'day-empty' }, t('page.day.nothing')));
}

/** A later date of a repeating todo: its row opens the todo, and a repeat mark stands where the tick box was. */
function occurrence(row) {
  row.classList.add('occurrence');
  row.querySelector('.item-done').replaceWith(h('span', { class: 'item-note-mark' }, icon('repeat', t('page.day.occurrence'))));
  return row;
}

registerDays(renderDays);
