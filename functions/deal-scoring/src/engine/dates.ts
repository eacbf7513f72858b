/** Date arithmetic on ISO strings, in UTC, with no clock: every rule is relative to `asOf`. */

const DAY_MS = 86_400_000;

/** Days since the epoch for "YYYY-MM-DD" or an ISO date-time (the date part, in UTC). */
export function epochDay(iso: string): number {
  const ms = iso.length <= 10 ? Date.parse(`${iso}T00:00:00Z`) : Date.parse(iso);
  return Math.floor(ms / DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return epochDay(to) - epochDay(from);
}

/** Today's date in UTC as YYYY-MM-DD (only used when the request gives no asOf). */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
