// A small consecutive-failure circuit breaker for the language-model endpoint.
//
// closed    → calls pass; `failureThreshold` failures in a row open the circuit.
// open      → calls are refused at once (the caller takes the built-in path) until `resetAfterMs`.
// half-open → one trial call passes; success closes the circuit, failure opens it again.

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  failureThreshold: number;
  resetAfterMs: number;
  now?: () => number;
}

export class CircuitBreaker {
  private state: BreakerState = 'closed';
  private failures = 0;
  private openedAt = 0;
  private trialInFlight = false;
  private readonly now: () => number;

  constructor(private readonly options: CircuitBreakerOptions) {
    if (!Number.isInteger(options.failureThreshold) || options.failureThreshold < 1) {
      throw new RangeError('failureThreshold must be a positive integer');
    }
    if (!(options.resetAfterMs >= 0)) throw new RangeError('resetAfterMs must be zero or more');
    this.now = options.now ?? Date.now;
  }

  /** The current state, moving open → half-open once the reset time has passed. */
  get current(): BreakerState {
    if (this.state === 'open' && this.now() - this.openedAt >= this.options.resetAfterMs) {
      this.state = 'half-open';
      this.trialInFlight = false;
    }
    return this.state;
  }

  /** True when a call may go out now. In half-open state only one trial call is let through. */
  tryAcquire(): boolean {
    const state = this.current;
    if (state === 'closed') return true;
    if (state === 'half-open' && !this.trialInFlight) {
      this.trialInFlight = true;
      return true;
    }
    return false;
  }

  recordSuccess(): void {
    this.state = 'closed';
    this.failures = 0;
    this.trialInFlight = false;
  }

  recordFailure(): void {
    this.trialInFlight = false;
    if (this.state === 'half-open') {
      this.open();
      return;
    }
    this.failures += 1;
    if (this.failures >= this.options.failureThreshold) this.open();
  }

  private open(): void {
    this.state = 'open';
    this.openedAt = this.now();
    this.failures = 0;
  }
}
