/*
 * Times as the page shows them: a datetime-local value and "5 min ago", in this browser's time zone.
 */
import { formatMoment, t } from './i18n.js';

const pad = (n) => String(n).padStart(2, '0');
/** Epoch millis as a datetime-local value, in this browser's time zone. */
export function localInput(ms) {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
export function when(ms) {
  if (ms == null) return t('page.when.never');
  const d = new Date(ms);
  const mins = Math.round((Date.now() - ms) / 60000);
  if (mins < 1) return t('page.when.justNow');
  if (mins < 60) return t('page.when.minutesAgo', mins);
  return formatMoment(d);
}
