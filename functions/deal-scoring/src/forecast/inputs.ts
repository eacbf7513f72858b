/**
 * Checks what the schema cannot (names that must refer to each other, currencies without a rate,
 * history after the forecast date) and converts every amount to the corporate currency. Every
 * problem is a 400 with its JSON-pointer path; at most MAX_REPORTED_ERRORS are listed.
 */
import { MAX_REPORTED_ERRORS, ValidationError } from '../validation';
import type { FieldError } from '../schemas';
import { dayNumber } from './calendar';
import type { ForecastRequest } from './schemas';

interface RateRow {
  startDay: number;
  rate: number;
}

/** Units of a currency per corporate unit, by date: dated rates first, then the undated one. */
export class Rates {
  private readonly dated = new Map<string, RateRow[]>();
  private readonly undated = new Map<string, number>();
  /** Conversions that fell back to an undated rate although dated rates exist for other dates. */
  fallbacks = 0;

  constructor(readonly corporate: string) {}

  add(currency: string, rate: number, startDate: string | undefined): void {
    if (startDate === undefined) {
      this.undated.set(currency, rate);
      return;
    }
    let rows = this.dated.get(currency);
    if (!rows) this.dated.set(currency, (rows = []));
    rows.push({ startDay: dayNumber(startDate), rate });
  }

  seal(): void {
    for (const rows of this.dated.values()) rows.sort((a, b) => a.startDay - b.startDay);
  }

  knows(currency: string): boolean {
    return currency === this.corporate || this.undated.has(currency) || this.dated.has(currency);
  }

  /** Amount in the corporate currency; `day` picks the dated rate in force that day. */
  toCorporate(amount: number, currency: string | undefined, day: number): number {
    if (currency === undefined || currency === this.corporate) return amount;
    const rows = this.dated.get(currency);
    if (rows && rows.length > 0) {
      // The last rate starting on or before the day; before the first one, the undated rate or the first.
      let lo = 0;
      let hi = rows.length - 1;
      let found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (rows[mid]!.startDay <= day) {
          found = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      if (found >= 0) return amount / rows[found]!.rate;
      const undated = this.undated.get(currency);
      if (undated !== undefined) {
        this.fallbacks += 1;
        return amount / undated;
      }
      return amount / rows[0]!.rate;
    }
    return amount / this.undated.get(currency)!;
  }
}

/** Throws ValidationError listing every cross-reference problem; returns the rate table. */
export function checkForecastRequest(req: ForecastRequest): Rates {
  const errors: FieldError[] = [];
  const add = (path: string, message: string) => {
    if (errors.length < MAX_REPORTED_ERRORS) errors.push({ path, message });
  };
  const asOfDay = dayNumber(req.asOf);
  const asOfMonth = req.asOf.slice(0, 7);

  const rates = new Rates(req.currency);
  const seenRates = new Set<string>();
  req.exchangeRates.forEach((r, i) => {
    const key = `${r.currency}|${r.startDate ?? ''}`;
    if (seenRates.has(key))
      add(
        `/exchangeRates/${i}`,
        `duplicate rate for ${r.currency}${r.startDate ? ` from ${r.startDate}` : ''}`
      );
    seenRates.add(key);
    if (r.currency === req.currency && r.rate !== 1)
      add(`/exchangeRates/${i}/rate`, `the corporate currency ${req.currency} converts at 1, not ${r.rate}`);
    rates.add(r.currency, r.rate, r.startDate);
  });
  rates.seal();
  const currency = (path: string, c: string | undefined) => {
    if (c !== undefined && !rates.knows(c))
      add(path, `no exchange rate for ${c} (send it in exchangeRates, or amounts in ${req.currency})`);
  };

  const stages = new Set<string>();
  req.stages.forEach((s, i) => {
    if (stages.has(s.name)) add(`/stages/${i}/name`, `duplicate stage "${s.name}"`);
    stages.add(s.name);
  });

  const partners = new Set<string>();
  req.partners.forEach((p, i) => {
    if (partners.has(p.id)) add(`/partners/${i}/id`, `duplicate partner ${p.id}`);
    partners.add(p.id);
  });

  const dealIds = new Set<string>();
  req.pipeline.forEach((d, i) => {
    if (!stages.has(d.stage)) add(`/pipeline/${i}/stage`, `unknown stage "${d.stage}" (not in /stages)`);
    currency(`/pipeline/${i}/currency`, d.currency);
    if (d.id !== undefined) {
      if (dealIds.has(d.id)) add(`/pipeline/${i}/id`, `duplicate deal ${d.id}`);
      dealIds.add(d.id);
    }
    const lastDay = dayNumber(d.closeDate);
    if (lastDay - asOfDay > 3650) add(`/pipeline/${i}/closeDate`, 'is more than ten years after asOf');
  });

  req.history.closed.forEach((c, i) => {
    if (c.month > asOfMonth) add(`/history/closed/${i}/month`, `is after asOf (${req.asOf})`);
    currency(`/history/closed/${i}/currency`, c.currency);
  });
  req.history.registrations.forEach((r, i) => {
    if (dayNumber(r.week) > asOfDay) add(`/history/registrations/${i}/week`, `is after asOf (${req.asOf})`);
    currency(`/history/registrations/${i}/currency`, r.currency);
  });
  let previous = 0;
  req.history.cycle.forEach((b, i) => {
    if (b.upToDays <= previous)
      add(
        `/history/cycle/${i}/upToDays`,
        'must be larger than the previous bucket (buckets in increasing order)'
      );
    previous = b.upToDays;
  });

  if (errors.length > 0) throw new ValidationError(errors);
  return rates;
}
