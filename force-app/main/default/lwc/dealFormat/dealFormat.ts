/**
 * Formatting and small view helpers shared by every component of the package (partner portal and
 * channel-manager console): label placeholders, dates, money, percentages, durations, badge tones
 * and the width of a component's own box. One copy, so the same value reads the same everywhere.
 */
import { STATUS } from 'c/dealVocabulary';
import DURATION_DAYS_HOURS from '@salesforce/label/c.DR_Format_Duration_Days_Hours';
import DURATION_HOURS from '@salesforce/label/c.DR_Format_Duration_Hours';
import DURATION_UNDER_HOUR from '@salesforce/label/c.DR_Format_Duration_Under_Hour';

type LabelValue = string | number | null | undefined;

/** Fills {0}, {1}, ... in a custom label; a placeholder without a value stays as it is. */
export function formatLabel(template: string, ...values: LabelValue[]): string {
  return template.replace(/\{(\d+)\}/g, (match, index: string) => {
    const value = values[Number(index)];
    return value === null || value === undefined ? match : String(value);
  });
}

/**
 * The label `<prefix>_<value>` from a component's label map (e.g. Triage_NEEDS_REVIEW), the value
 * itself when there is no such label, or `fallback` when there is no value.
 */
export function labelOf(
  labels: Readonly<Record<string, string>>,
  prefix: string,
  value: string | null | undefined,
  fallback = ''
): string {
  if (!value) return fallback;
  return labels[`${prefix}_${value}`] ?? value;
}

/** True when a string has something other than white space in it (any other non-null value counts). */
export function hasText(value: unknown): boolean {
  return typeof value === 'string' ? value.trim().length > 0 : value !== null && value !== undefined;
}

/** A value as text; null and undefined become ''. */
export function text(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A date or date-time in the user's locale ("12 Mar 2026"). A date-only value (YYYY-MM-DD) is a
 * calendar day and is formatted in UTC, so no time zone moves it to the day before.
 */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const dateOnly = DATE_ONLY.test(value);
  const date = new Date(dateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(
    undefined,
    dateOnly ? { dateStyle: 'medium', timeZone: 'UTC' } : { dateStyle: 'medium' }
  ).format(date);
}

/** An amount in its currency without decimals ("$98,000"); the plain number if the code is unknown. */
export function formatMoney(value: number | null | undefined, currency: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  try {
    return new Intl.NumberFormat(undefined, {
      style: 'currency',
      currency: currency || 'USD',
      maximumFractionDigits: 0
    }).format(value);
  } catch {
    return String(value);
  }
}

/** A whole number with the locale's grouping ("250,000"). */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 }).format(value);
}

/** A rate 0..1 as a percentage ("71.4%"); `empty` when there is no rate. */
export function formatPercent(rate: number | null | undefined, empty: string): string {
  if (rate === null || rate === undefined) return empty;
  return new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}

/** A duration in hours as days and hours ("3 d 4 h", "5 h", "< 1 h"); '' when unknown. */
export function formatDuration(hours: number | null | undefined): string {
  if (hours === null || hours === undefined || !Number.isFinite(hours) || hours < 0) return '';
  const whole = Math.floor(hours);
  if (whole < 1) return DURATION_UNDER_HOUR;
  const days = Math.floor(whole / 24);
  const rest = whole % 24;
  return days > 0 ? formatLabel(DURATION_DAYS_HOURS, days, rest) : formatLabel(DURATION_HOURS, rest);
}

/** SLDS badge classes for an AI triage value (docs/contract.md). */
export function triageBadgeClass(triage: string | null | undefined): string {
  switch (triage) {
    case 'AUTO_APPROVED':
      return 'slds-badge slds-theme_success';
    case 'FLAGGED_CONFLICT':
      return 'slds-badge slds-theme_error';
    case 'NEEDS_REVIEW':
      return 'slds-badge slds-theme_warning';
    default:
      return 'slds-badge';
  }
}

/** SLDS badge classes for a registration status (Status__c). */
export function statusBadgeClass(status: string | null | undefined): string {
  switch (status) {
    case STATUS.APPROVED:
      return 'slds-badge slds-theme_success';
    case STATUS.REJECTED:
    case STATUS.EXPIRED:
    case STATUS.WITHDRAWN:
      return 'slds-badge slds-badge_lightest';
    case STATUS.MORE_INFO_REQUESTED:
    case STATUS.CONFLICT_REVIEW:
      return 'slds-badge slds-theme_warning';
    default:
      return 'slds-badge';
  }
}

interface WidthObserver {
  observe(target: Element): void;
  disconnect(): void;
}
type WidthObserverConstructor = new (
  callback: (entries: { contentRect: { width: number } }[]) => void
) => WidthObserver;

/**
 * Calls `onWidth` with the width of `target`'s own box now and whenever it changes, so a component
 * lays itself out by the space its region gives it (a sidebar, half a page) rather than by the
 * screen. Returns a function that stops observing. Where ResizeObserver does not exist, it reports
 * the width once from getBoundingClientRect (0 when unknown) and never again.
 */
export function observeWidth(target: Element, onWidth: (width: number) => void): () => void {
  const Observer = (globalThis as { ResizeObserver?: WidthObserverConstructor }).ResizeObserver;
  if (typeof Observer !== 'function') {
    onWidth(target.getBoundingClientRect?.().width ?? 0);
    return () => undefined;
  }
  const observer = new Observer((entries) => {
    const last = entries[entries.length - 1];
    if (last) onWidth(last.contentRect.width);
  });
  observer.observe(target);
  return () => observer.disconnect();
}
