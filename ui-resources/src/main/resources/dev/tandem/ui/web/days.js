/*
 * The Agenda and the Week: the server's days (GET /api/items?view=agenda or view=week&week=DATE), each a heading
 * over its rows, the same rows as every view (items.js), so ticking and opening work the same. A repeating
 * todo's later dates are shown but not ticked: they are not there yet. Each day also carries the subscribed
 * calendars' events on it (docs/CALENDARS.md), read-only rows in their calendar's colour among the todos: all-day
 * events first, then events and timed todos by time, then the todos without a time. They are no .item: ticking,
 * opening and moving never reach them. Offline they come with the day from the answer the page kept. The page is a
 * list of days; from 900 px the week's seven are a grid of seven columns (app.css), the previous and next weeks a
 * button away.
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
  const todos = d.items.map((it) => ({
    at: it.time || null,
    row: it.occurrence ? occurrence(itemRow(it, { day: true })) : itemRow(it, { day: !!d.date }),
  }));
  // The overdue group (no date) keeps the server's order, oldest first, and has no events.
  const rows = d.date ? inDayOrder(todos, (d.events || []).map((e) => ({ at: e.allDay ? '' : e.start, row: eventRow(e) })))
    : todos.map((x) => x.row);
  if (d.total > d.items.length) rows.push(h('li', { class: 'more' }, t('page.items.showing', d.items.length, d.total)));
  return h('li', {
    class: 'day' + (d.today ? ' today' : '') + (d.date ? '' : ' overdue-day'), 'aria-labelledby': id,
  }, heading, rows.length ? h('ul', { class: 'day-items', 'aria-labelledby': id }, ...rows)
    : h('p', { class: 'day-empty' }, t('page.day.nothing')));
}

/**
 * The day's rows in its order: all-day events ({at: ''}) first, then events and timed todos by time (an event before
 * a todo at the same time, as the desktop's agenda), then the todos without a time, each group in the server's order.
 */
function inDayOrder(todos, events) {
  const timed = [...events, ...todos.filter((x) => x.at)];
  const order = new Map(timed.map((x, i) => [x, i]));
  timed.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : order.get(a) - order.get(b)));
  return [...timed, ...todos.filter((x) => !x.at)].map((x) => x.row);
}

const COLOUR = /^#[0-9a-fA-F]{6}$/;

/** An event of a subscribed calendar: its time (or "All day"), title and place, named with its calendar. */
function eventRow(e) {
  const when = e.allDay ? t('page.event.allDay') : e.timeLabel;
  const label = t('page.event.label', e.title, when, e.calendar);
  const row = h('li', { class: 'event' + (e.allDay ? ' all-day' : ''), title: label, 'aria-label': label, 'data-calendar': e.calendar },
    h('span', { class: 'event-bar', 'aria-hidden': 'true' }),
    h('span', { class: 'event-body' },
      h('span', { class: 'event-title' }, e.title),
      h('span', { class: 'item-meta' }, h('span', { class: 'event-time' }, when),
        e.location ? h('span', { class: 'event-where' }, e.location) : null,
        h('span', { class: 'event-calendar' }, e.calendar))));
  // Through the style object, which the page's Content-Security-Policy allows where a style attribute is not.
  if (COLOUR.test(e.colour || '')) row.style.setProperty('--event-colour', e.colour);
  return row;
}

/** A later date of a repeating todo: its row opens the todo, and a repeat mark stands where the tick box was. */
function occurrence(row) {
  row.classList.add('occurrence');
  row.querySelector('.item-done').replaceWith(h('span', { class: 'item-note-mark' }, icon('repeat', t('page.day.occurrence'))));
  return row;
}

registerDays(renderDays);
