/**
 * Tasks: the CPU-heavy part of a route as a plain function of plain (structured-clonable) data.
 * The same function runs inline on the main thread (tests, the CLI, tiny requests) or on a worker
 * thread. A task is declared next to the route that uses it:
 *
 *   export const forecastTask = defineTask(__filename, 'forecast', (input: ForecastRequest) => forecast(input));
 *   ...
 *   async (request) => opts.offload.run(forecastTask, request.body, cost(request.body))
 *
 * A worker finds the function by loading the declaring module (its file name travels with the
 * task), so adding an offloaded route touches one file plus its registration line in app.ts.
 */
export interface Task<I, O> {
  /** Absolute path of the module that declares the task (its `__filename`). */
  readonly module: string;
  readonly name: string;
  readonly run: (input: I) => O | Promise<O>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const registry = new Map<string, Task<any, any>>();

export function defineTask<I, O>(
  module: string,
  name: string,
  run: (input: I) => O | Promise<O>
): Task<I, O> {
  const key = `${module}#${name}`;
  const existing = registry.get(key);
  if (existing) return existing as Task<I, O>;
  const task: Task<I, O> = { module, name, run };
  registry.set(key, task);
  return task;
}

/** The task `name` of `module`, loading the module on first use (worker threads). */
export function lookupTask(module: string, name: string): Task<unknown, unknown> {
  const key = `${module}#${name}`;
  // A worker thread loads the declaring module by path (synchronous CommonJS, like the rest of the build).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  if (!registry.has(key)) require(module);
  const task = registry.get(key);
  if (!task) throw new Error(`task ${name} is not declared by ${module}`);
  return task;
}
