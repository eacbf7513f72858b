/**
 * The worker-thread entry point piscina loads: one message = one task
 * (`{ module, name, input }`, see task.ts). Compiled to dist/worker/entry.js for production; in
 * development the pool loads this file through tsx's CommonJS hook.
 */
import { workerData } from 'piscina';
import { registerRulesets } from '../engine/rulesets';
import type { WorkerData } from './pool';
import { lookupTask } from './task';

// The deployment's rulesets (RULESETS_DIR), already validated by the main thread at start-up.
registerRulesets((workerData as WorkerData | undefined)?.rulesets ?? []);

export interface TaskMessage {
  module: string;
  name: string;
  input: unknown;
}

export default async function handle(message: TaskMessage): Promise<unknown> {
  return lookupTask(message.module, message.name).run(message.input);
}
