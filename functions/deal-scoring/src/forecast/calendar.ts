/**
 * Fiscal quarters as integers (quarter index = fiscal quarters since year 0), and the day arithmetic
 * of the forecast. All dates are UTC calendar dates (YYYY-MM-DD).
 */

export const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a YYYY-MM-DD date. */
export function dayNumber(date: string): number {
  return Math.floor(
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS
  );
}

export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Months since year 0 (January of year 0 = 0). */
export function monthNumber(year: number, month1: number): number {
  return year * 12 + (month1 - 1);
}

export class FiscalCalendar {
  private readonly byDay = new Map<number, number>();
  /** @param startMonth first month of the fiscal year, 1-12 */
  constructor(readonly startMonth: number) {}

  /** Quarter index of a month number. */
  quarterOfMonth(m: number): number {
    return Math.floor((m - (this.startMonth - 1)) / 3);
  }

  quarterOfDate(date: string): number {
    return this.quarterOfMonth(monthNumber(Number(date.slice(0, 4)), Number(date.slice(5, 7))));
  }

  quarterOfDay(day: number): number {
    let q = this.byDay.get(day);
    if (q === undefined) {
      const d = new Date(day * DAY_MS);
      q = this.quarterOfMonth(monthNumber(d.getUTCFullYear(), d.getUTCMonth() + 1));
      this.byDay.set(day, q);
    }
    return q;
  }

  /** First month number of a quarter. */
  firstMonth(q: number): number {
    return q * 3 + (this.startMonth - 1);
  }

  startDay(q: number): number {
    const m = this.firstMonth(q);
    return Math.floor(Date.UTC(Math.floor(m / 12), m % 12, 1) / DAY_MS);
  }

  /** Last day (inclusive). */
  endDay(q: number): number {
    return this.startDay(q + 1) - 1;
  }

  /** 0-3: the quarter's position in its fiscal year. */
  quarterOfYear(q: number): number {
    return ((q % 4) + 4) % 4;
  }

  /** `2027-Q1`: the fiscal year is named by the calendar year it ends in. */
  label(q: number): string {
    const fyStartMonth = this.firstMonth(q - this.quarterOfYear(q));
    const fyStartYear = Math.floor(fyStartMonth / 12);
    const year = this.startMonth === 1 ? fyStartYear : fyStartYear + 1;
    return `${year}-Q${this.quarterOfYear(q) + 1}`;
  }
}
