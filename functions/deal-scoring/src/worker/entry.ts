/**
 * The worker-thread entry point piscina loads: one message = one task
 * (`{ module, name, input }`, see task.ts). Compiled to dist/worker/entry.js for production; in
 * development the pool loads this file through tsx's CommonJS hook.
 */
import { lookupTask } from './task';

export interface TaskMessage {
  module: string;
  name: string;
  input: unknown;
}

export default async function handle(message: TaskMessage): Promise<unknown> {
  return lookupTask(message.module, message.name).run(message.input);
}
