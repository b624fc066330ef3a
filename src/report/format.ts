/** How the report writes its figures, shared by the page and the CSV: fixed formats, UTC dates. */
import type { LearnerStatus } from './records.ts';

export const STATUS_LABELS: Readonly<Record<LearnerStatus, string>> = Object.freeze({
  passed: 'Passed',
  failed: 'Failed',
  completed: 'Completed',
  incomplete: 'Incomplete',
  'not-attempted': 'Not attempted',
});

/** Shown wherever a figure is unknown. */
export const NONE = '—';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const pad = (n: number) => String(n).padStart(2, '0');

/** `2024-06-14` (UTC), for CSV cells and the page's filter values. */
export function isoDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** `14 Jun 2024` (UTC): unambiguous in every country. */
export function readableDate(ms: number | null): string {
  if (ms === null) return NONE;
  const d = new Date(ms);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()] ?? ''} ${d.getUTCFullYear()}`;
}

/** `45 s`, `52 min`, `1 h 05 min`. */
export function readableDuration(seconds: number | null): string {
  if (seconds === null) return NONE;
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${pad(minutes % 60)} min`;
}

export function percent(rate: number | null): string {
  return rate === null ? NONE : `${Math.round(rate * 100)}%`;
}

export function whole(n: number | null): string {
  return n === null ? NONE : String(Math.round(n));
}

/** `+12`, `−5` (a real minus sign), `0`. */
export function signed(n: number | null): string {
  if (n === null) return NONE;
  const r = Math.round(n);
  return r > 0 ? `+${r}` : r < 0 ? `−${-r}` : '0';
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
