/** Calendar days as `YYYY-MM-DD` (the `?date=` of the daily summary). */

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The local calendar day of `now` in this browser's time zone. */
export function localDay(now: Date): string {
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A real calendar day written `YYYY-MM-DD` (2025-02-30 is not one). */
export function isDay(value: string): boolean {
  const match = DAY_PATTERN.exec(value);
  if (!match) {
    return false;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

const DAY_FORMAT = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "Mon, 3 Mar 2025" for `2025-03-03` (the day itself, whatever this browser's time zone). */
export function formatDay(day: string): string {
  if (!isDay(day)) {
    return day;
  }
  return DAY_FORMAT.format(new Date(`${day}T00:00:00Z`));
}
