/*
 * The dated views of the page as its own device, in the shapes and day bounds of the Java web layer: Upcoming and
 * Completed (ApiRoutes.items over Queries.UPCOMINGS / COMPLETED: flat rows, total, at most the rows asked for) and
 * the Agenda and the Week (DayViews: days of rows, each day at most DAY_ROWS rows with its total).
 *
 * Day bounds, as the server's: a date counts only as YYYY-MM-DD within 1900–2999 (DateRange); Today's is an open todo
 * due by today or started by today; Upcoming's a later due or start date that is not Today's, earliest due first; the
 * Agenda an "Overdue" group (oldest first) then today and the next 13 days, Today and Tomorrow always, a later day
 * only when it has something; the Week seven days from the day weeks start on, the week asked for within ten years
 * of today. A day lists timed todos first by time, then by priority (none last), creation, id (DayOrder).
 *
 * Not here: repeating todos' later dates (the rule is not read: a todo shows on its own date only) and the
 * calendars' events (the desktop's, never synced): each day's events are empty.
 *
 * Imports nothing: the open rows, the row writer and the words come in.
 */
const DAY_ROWS = 100;
const AGENDA_DAYS = 14;
const WEEK_REACH_YEARS = 10;
const RANGE = /^(19|2[0-9])\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** {@code v} when it is a date the server counts (DateRange), else null. */
export const dateOf = (v) => (typeof v === 'string' && RANGE.test(v) ? v : null);

const toDay = (iso) => new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))));
const isoOf = (d) => d.toISOString().slice(0, 10);
const plus = (iso, n) => { const d = toDay(iso); d.setUTCDate(d.getUTCDate() + n); return isoOf(d); };
const between = (a, b) => Math.round((toDay(b) - toDay(a)) / 86400000);

/** Whether an open todo (not done, not a note) is Today's as of {@code today} (Queries.TODAYS). */
export function todays(it, today) {
  const due = dateOf(it.due);
  const start = dateOf(it.start);
  return (due != null && due <= today) || (start != null && start <= today);
}

/** Whether an open todo is Upcoming's (Queries.UPCOMINGS). */
export function upcoming(it, today) {
  const due = dateOf(it.due);
  const start = dateOf(it.start);
  return ((due != null && due > today) || (start != null && start > today)) && !todays(it, today);
}

/**
 * {t, today(), firstDay (1 Monday … 7 Sunday), dayName(iso, withYear)}: the words, today's ISO date, the day weeks
 * start on, and a day written as a person reads it ("Fri 27 Nov").
 */
export function makeDays({ t, today, firstDay = 1, dayName }) {
  /** The order of a day's rows: timed first by time, then priority (none last), creation (the rows' order), id. */
  function inADay(a, b) {
    const ta = TIME.test(a.it.dueTime ?? '') ? a.it.dueTime : null;
    const tb = TIME.test(b.it.dueTime ?? '') ? b.it.dueTime : null;
    if (ta !== tb) return ta == null ? 1 : tb == null ? -1 : ta < tb ? -1 : 1;
    const pa = a.it.priority ?? 5;
    const pb = b.it.priority ?? 5;
    return pa - pb || a.n - b.n;
  }

  function label(d, now) {
    const from = between(now, d);
    return from === 0 ? t('page.device.today') : from === 1 ? t('page.device.tomorrow')
      : from === -1 ? t('page.device.yesterday') : dayName(d, d.slice(0, 4) !== now.slice(0, 4));
  }

  function day(date, now, placed, row) {
    const rows = (date == null ? placed : placed.slice().sort(inADay)).slice(0, DAY_ROWS)
      .map((p) => ({ ...row(p.it), occurrence: false }));
    return { date, today: date === now, label: date == null ? t('page.device.overdue') : label(date, now),
      detail: date != null && Math.abs(between(now, date)) <= 1 ? dayName(date, date.slice(0, 4) !== now.slice(0, 4)) : '',
      total: placed.length, items: rows, events: [] };
  }

  /** Open todos (no notes) with a due date from {@code from} to {@code last}, by day; earlier ones to {@code overdue}. */
  function byDay(open, from, last, overdue) {
    const out = new Map();
    open.forEach((it, n) => {
      const due = dateOf(it.due);
      if (due == null || it.kind === 'note' || it.done || due > last) return;
      if (due >= from) {
        if (!out.has(due)) out.set(due, []);
        out.get(due).push({ it, n });
      } else if (overdue) {
        overdue.push({ it, n });
      }
    });
    return out;
  }

  function agenda(open, row) {
    const now = today();
    const last = plus(now, AGENDA_DAYS - 1);
    const overdue = [];
    const days = byDay(open, now, last, overdue);
    const out = [];
    if (overdue.length) {
      overdue.sort((a, b) => (a.it.due < b.it.due ? -1 : a.it.due > b.it.due ? 1 : inADay(a, b)));
      out.push(day(null, now, overdue, row));
    }
    for (let d = now; d <= last; d = plus(d, 1)) {
      const placed = days.get(d) ?? [];
      if (placed.length || d <= plus(now, 1)) out.push(day(d, now, placed, row));
    }
    return { view: 'agenda', title: t('page.device.agenda'), days: out };
  }

  /** The week holding {@code asked} (today when null); null when {@code asked} is no date or too far. */
  function week(open, row, asked) {
    const now = today();
    let at = now;
    if (asked != null) {
      if (typeof asked !== 'string' || !RANGE.test(asked) || isoOf(toDay(asked)) !== asked) return null;
      const years = (n) => String(Number(now.slice(0, 4)) + n).padStart(4, '0') + now.slice(4);
      if (asked < years(-WEEK_REACH_YEARS) || asked > years(WEEK_REACH_YEARS)) return null;
      at = asked;
    }
    const weekday = toDay(at).getUTCDay() || 7;
    const first = plus(at, -((weekday - firstDay + 7) % 7));
    const last = plus(first, 6);
    const days = byDay(open, first, last, null);
    const out = [];
    for (let d = first; d <= last; d = plus(d, 1)) out.push(day(d, now, days.get(d) ?? [], row));
    return { view: 'week', title: t('page.device.weekOf', dayName(first, first.slice(0, 4) !== now.slice(0, 4))),
      week: first, previous: plus(first, -7), next: plus(first, 7), days: out };
  }

  return { agenda, week };
}
