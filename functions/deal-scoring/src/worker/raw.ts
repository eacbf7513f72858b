/**
 * Large bodies go to a worker thread unparsed. For a 1 MiB /v1/score body the main thread used to
 * spend ~30 ms parsing, ~12 ms validating and ~50 ms structured-cloning the parsed object into
 * the worker (measured on the 2-core development machine): every other caller waited behind that.
 * Now a route that opts in (`config: { deferLargeBody: true }`) receives, for a body of at least
 * WORKER_RAW_MIN_BYTES while the pool is on, a DeferredBody holding the bytes (copied to the
 * worker as one block); the worker parses (parseJsonBody), validates (the same TypeBox checker and
 * field errors as the route) and runs the task, and the main thread only rethrows a refusal or
 * sends the answer. Refusals are the same errors, with the same messages and paths, as the inline
 * path (test/worker-pool.test.ts compares them byte for byte).
 */
import type { TSchema, Static } from '@sinclair/typebox';
import type { FieldError } from '../schemas';
import { parseJsonBody, UnsupportedMediaError } from '../body';
import { checkerFor, fieldErrors, ValidationError } from '../validation';
import { defineTask, type Task } from './task';

/** A request body left unparsed for a worker (see app.ts's content-type parser). */
export class DeferredBody {
  constructor(
    readonly bytes: Uint8Array,
    readonly contentType: string | undefined
  ) {}
}

export interface RawInput<X> {
  bytes: Uint8Array;
  contentType: string | undefined;
  extra: X;
}

/** What crosses back from the worker: the task's output, or the refusal to rethrow. */
export type RawOutcome<O> =
  | { ok: true; value: O }
  | { ok: false; status: 400; message: string; fieldErrors: FieldError[] }
  | { ok: false; status: 415; message: string };

/**
 * A task that parses and validates `bytes` against `schema` on the thread it runs on, then runs
 * `run(body, extra)`.
 */
export function defineRawTask<S extends TSchema, X, O>(
  module: string,
  name: string,
  schema: S,
  run: (body: Static<S>, extra: X) => O | Promise<O>
): Task<RawInput<X>, RawOutcome<O>> {
  return defineTask(module, name, async (input: RawInput<X>): Promise<RawOutcome<O>> => {
    const bytes = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength);
    let body: unknown;
    try {
      body = parseJsonBody(bytes, input.contentType);
    } catch (err) {
      if (err instanceof ValidationError)
        return { ok: false, status: 400, message: err.message, fieldErrors: err.fieldErrors };
      if (err instanceof UnsupportedMediaError) return { ok: false, status: 415, message: err.message };
      throw err;
    }
    if (!checkerFor(schema).Check(body)) {
      const errors = fieldErrors(schema, body);
      return { ok: false, status: 400, message: new ValidationError(errors).message, fieldErrors: errors };
    }
    return { ok: true, value: await run(body, input.extra) };
  });
}

/** The task's output, or the refusal thrown as the error the inline path would have thrown. */
export function unwrapRaw<O>(outcome: RawOutcome<O>): O {
  if (outcome.ok) return outcome.value;
  if (outcome.status === 415) throw new UnsupportedMediaError(outcome.message);
  throw new ValidationError(outcome.fieldErrors, outcome.message);
}

/** Input for a raw task from a deferred body. */
export function rawInput<X>(body: DeferredBody, extra: X): RawInput<X> {
  return { bytes: body.bytes, contentType: body.contentType, extra };
}
