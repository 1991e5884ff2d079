import type { BillStatus } from './print.presenter.js';

/** Display forms shared by the HTML and PDF renderers, so both print the same text. */

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** `9 Mar 2037, 10:00` in `timeZone` (24-hour clock). */
export function formatDateTime(at: Date, timeZone: string): string {
  let format = dateTimeFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    dateTimeFormats.set(timeZone, format);
  }
  return format.format(at);
}

/** `2037-03-09` → `9 Mar 2037` (a calendar day, no time zone involved). */
export function formatDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(new Date(Date.UTC(year, month - 1, date)));
}

const numberFormat = new Intl.NumberFormat('en-IN', { maximumFractionDigits: 3 });
const countFormat = new Intl.NumberFormat('en-IN', { maximumFractionDigits: 0 });

/** Indian digit grouping (1,00,000), the warehouse's own; up to grams. */
export const formatKg = (kg: number): string => numberFormat.format(kg);
export const formatCount = (n: number): string => countFormat.format(n);

/** `+2`, `-3`, `0`: a difference always shows its sign. */
export function formatDifferenceKg(kg: number): string {
  if (kg === 0) {
    return '0';
  }
  return kg > 0 ? `+${formatKg(kg)}` : `-${formatKg(-kg)}`;
}

export const formatPercent = (percent: number): string => `${numberFormat.format(percent)} %`;

const STATUS_LABELS: Record<BillStatus, string> = {
  new: 'New',
  processing: 'Processing',
  completed: 'Completed',
};

export const statusLabel = (status: BillStatus): string => STATUS_LABELS[status];

/** `biller` → `Biller`. */
export const roleLabel = (role: string): string =>
  role.length === 0 ? role : role.charAt(0).toUpperCase() + role.slice(1);

/** `ravi (Biller)`, or an em dash when the creator is unknown. */
export function creatorLabel(creator: { username: string; role: string } | null): string {
  return creator ? `${creator.username} (${roleLabel(creator.role)})` : '—';
}

/** An optional text field: the value, or an em dash. */
export const orDash = (value: string | null): string =>
  value === null || value.trim() === '' ? '—' : value;

/** The kind column: the kind's label (`SB (mustard)`), else its code. */
export const kindLabel = (parent: { kind: string | null; kindLabel: string | null }): string =>
  parent.kindLabel ?? parent.kind ?? '—';

export const APP_TITLE = 'TraceTrack';
