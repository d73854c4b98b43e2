/*
 * Times as the page shows them: a datetime-local value and "5 min ago", in this browser's time zone.
 */

const pad = (n) => String(n).padStart(2, '0');
/** Epoch millis as a datetime-local value, in this browser's time zone. */
export function localInput(ms) {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
export function when(ms) {
  if (ms == null) return 'never';
  const d = new Date(ms);
  const mins = Math.round((Date.now() - ms) / 60000);
  if (mins < 1) return 'just now';
  if (mins < 60) return `${mins} min ago`;
  return d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
