/**
 * Prometheus metrics (prom-client), one registry per app instance: request counts and latencies
 * per route and status, language-model fallbacks per feature, and the worker pool (queue depth,
 * busy threads, tasks by where they ran, refusals). Served at GET /metrics (see app.ts for who may
 * read it).
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Offloader } from './worker/pool';

export class Metrics {
  readonly registry = new Registry();
  readonly requests: Counter<'method' | 'route' | 'status'>;
  readonly duration: Histogram<'method' | 'route' | 'status'>;
  readonly llmFallbacks: Counter<'feature'>;
  readonly tasks: Counter<'task' | 'where'>;
  readonly keys: Counter<'key_id'>;

  constructor(offload: Offloader, options: { processMetrics?: boolean } = {}) {
    const registers = [this.registry];
    this.requests = new Counter({
      name: 'deal_scoring_http_requests_total',
      help: 'HTTP requests answered, by route pattern and status code',
      labelNames: ['method', 'route', 'status'],
      registers
    });
    this.duration = new Histogram({
      name: 'deal_scoring_http_request_duration_seconds',
      help: 'Time from request start to response end, by route pattern and status code',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers
    });
    this.llmFallbacks = new Counter({
      name: 'deal_scoring_llm_fallbacks_total',
      help: 'Answers where a configured language model was not used (failure, budget, or text rejected by the checks)',
      labelNames: ['feature'],
      registers
    });
    this.tasks = new Counter({
      name: 'deal_scoring_worker_tasks_total',
      help: 'Heavy tasks by where they ran (inline on the main thread, pool) or rejected (queue full: 503)',
      labelNames: ['task', 'where'],
      registers
    });
    this.keys = new Counter({
      name: 'deal_scoring_requests_by_key_total',
      help: 'Requests by API key fingerprint (first 12 hex of its SHA-256; "none" = no valid key): shows when an old key stops being used during rotation',
      labelNames: ['key_id'],
      registers
    });
    new Gauge({
      name: 'deal_scoring_worker_queue_depth',
      help: 'Tasks waiting for a worker thread',
      registers,
      collect() {
        this.set(offload.stats().queueDepth);
      }
    });
    new Gauge({
      name: 'deal_scoring_worker_tasks_running',
      help: 'Tasks currently on a worker thread',
      registers,
      collect() {
        this.set(offload.stats().running);
      }
    });
    new Gauge({
      name: 'deal_scoring_worker_threads',
      help: 'Worker threads in the pool (0 = inline mode)',
      registers,
      collect() {
        this.set(offload.stats().threads);
      }
    });
    offload.observe((e) => this.tasks.inc({ task: e.task, where: e.where }));
    if (options.processMetrics !== false)
      collectDefaultMetrics({ register: this.registry, prefix: 'deal_scoring_' });
  }

  observeRequest(method: string, route: string, status: number, seconds: number): void {
    const labels = { method, route, status: String(status) };
    this.requests.inc(labels);
    this.duration.observe(labels, seconds);
  }
}
