/**
 * Offloader: where route work runs. Heavy requests go to a piscina worker-thread pool so one big
 * request never stalls the event loop for everyone else; tiny requests (cost at most
 * `inlineMaxCost`) run inline because a thread hop costs more than they do. The pool's queue is
 * bounded: when `queueMax` tasks already wait, the request is refused with 503 and a
 * Retry-After estimated from recent task times.
 */
import os from 'node:os';
import path from 'node:path';
import Piscina from 'piscina';
import type { TaskMessage } from './entry';
import { defineTask, type Task } from './task';
import type { Ruleset } from '../ruleset/schema';

/** What every worker thread receives at start (piscina workerData). */
export interface WorkerData {
  rulesets: Ruleset[];
}

export interface OffloadOptions {
  /** Worker threads; 0 = everything inline. */
  threads: number;
  queueMax: number;
  inlineMaxCost: number;
  /** Rulesets besides the default, registered in every worker thread (workerData). */
  rulesets?: readonly Ruleset[];
}

export interface OffloadStats {
  threads: number;
  queueDepth: number;
  running: number;
}

export type OffloadObserver = (event: {
  task: string;
  where: 'inline' | 'pool' | 'rejected';
  seconds: number;
}) => void;

/** 503 with Retry-After: the worker queue is full. */
export class ServiceBusyError extends Error {
  readonly statusCode = 503;
  constructor(readonly retryAfterSeconds: number) {
    super(`The service is busy; retry after ${retryAfterSeconds} s`);
    this.name = 'ServiceBusyError';
  }
}

/** The worker entry: compiled JavaScript in production, the TypeScript source (via tsx) otherwise. */
function workerFile(): { filename: string; execArgv: string[] } {
  if (__filename.endsWith('.js')) return { filename: path.join(__dirname, 'entry.js'), execArgv: [] };
  return { filename: path.join(__dirname, 'entry.ts'), execArgv: ['--require', require.resolve('tsx/cjs')] };
}

export class Offloader {
  private readonly pool: Piscina | null;
  private running = 0;
  /** Exponentially weighted mean of pooled task time, for Retry-After. */
  private meanTaskMs = 50;
  private observer: OffloadObserver | undefined;

  constructor(readonly options: OffloadOptions) {
    if (options.threads > 0) {
      const { filename, execArgv } = workerFile();
      this.pool = new Piscina({
        filename,
        execArgv,
        workerData: { rulesets: [...(options.rulesets ?? [])] } satisfies WorkerData,
        minThreads: options.threads,
        maxThreads: options.threads,
        // Backstop only: run() checks the bound first so it can answer 503 with Retry-After.
        maxQueue: options.queueMax + options.threads,
        idleTimeout: 60_000,
        // The main thread (sockets, parsing, tiny requests) must win the CPU when the workers
        // saturate it: nice 10 gives a worker about a tenth of a core's share against it (Linux).
        niceIncrement: os.platform() === 'linux' ? 10 : 0
      });
    } else {
      this.pool = null;
    }
  }

  /** Receives one event per task (metrics). */
  observe(observer: OffloadObserver): void {
    this.observer = observer;
  }

  get pooled(): boolean {
    return this.pool !== null;
  }

  stats(): OffloadStats {
    return {
      threads: this.pool?.threads.length ?? 0,
      queueDepth: this.pool?.queueSize ?? 0,
      running: this.running
    };
  }

  /** Runs `task` inline or on the pool; throws ServiceBusyError when the queue is full. */
  async run<I, O>(task: Task<I, O>, input: I, cost: number): Promise<O> {
    const started = performance.now();
    const done = (where: 'inline' | 'pool') => {
      const ms = performance.now() - started;
      if (where === 'pool') this.meanTaskMs = this.meanTaskMs * 0.8 + ms * 0.2;
      this.observer?.({ task: task.name, where, seconds: ms / 1000 });
    };
    if (!this.pool || cost <= this.options.inlineMaxCost) {
      const out = await task.run(input);
      done('inline');
      return out;
    }
    if (this.pool.queueSize >= this.options.queueMax) {
      this.observer?.({ task: task.name, where: 'rejected', seconds: 0 });
      throw new ServiceBusyError(this.retryAfterSeconds());
    }
    this.running += 1;
    try {
      const message: TaskMessage = { module: task.module, name: task.name, input };
      const out = (await this.pool.run(message)) as O;
      done('pool');
      return out;
    } catch (err) {
      if (err instanceof Error && err.message === 'Task queue is at limit') {
        this.observer?.({ task: task.name, where: 'rejected', seconds: 0 });
        throw new ServiceBusyError(this.retryAfterSeconds());
      }
      throw err;
    } finally {
      this.running -= 1;
    }
  }

  /** Seconds until the current queue has probably drained (at least 1). */
  retryAfterSeconds(): number {
    const threads = Math.max(1, this.options.threads);
    const queued = this.pool?.queueSize ?? 0;
    return Math.max(1, Math.min(60, Math.ceil(((queued + threads) * this.meanTaskMs) / threads / 1000)));
  }

  /** Starts the threads now (readiness waits for this) instead of on the first request. */
  async warm(): Promise<void> {
    const pool = this.pool;
    if (!pool) return;
    const message: TaskMessage = { module: pingTask.module, name: pingTask.name, input: null };
    await Promise.all(Array.from({ length: this.options.threads }, () => pool.run(message)));
  }

  async close(): Promise<void> {
    await this.pool?.destroy();
  }
}

/** A no-op task: starting the threads and answering it means the pool is ready. */
export const pingTask = defineTask(__filename, 'ping', () => true);

/**
 * The cost of a request in units of about 5 µs of CPU (measured on the development machine):
 * one deal or candidate (scoring and precheck are linear in candidates, 3.5-5 µs each), or ten
 * characters of text for parsing (the built-in extractor reads about 0.45 µs per character).
 * WORKER_INLINE_MAX_COST 1000 therefore keeps requests of up to about 5 ms on the main thread.
 */
export function scoreCost(body: { deals: { candidates?: unknown[] }[] }): number {
  let n = 0;
  for (const d of body.deals) n += 1 + (d.candidates?.length ?? 0);
  return n;
}

export function precheckCost(body: { candidates?: unknown[] }): number {
  return 1 + (body.candidates?.length ?? 0);
}

export function textCost(text: string): number {
  return Math.ceil(text.length / 10);
}
