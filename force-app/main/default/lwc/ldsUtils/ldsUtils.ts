/**
 * Turns whatever an Apex call, wire adapter or JavaScript throw produced into plain messages
 * that can be shown to a user. One helper for every component, so errors read the same everywhere.
 */
interface ErrorBody {
  message?: string;
  pageErrors?: { message: string }[];
  fieldErrors?: Record<string, { message: string }[]>;
  output?: {
    errors?: { message: string }[];
    fieldErrors?: Record<string, { message: string }[]>;
  };
}

interface ErrorLike {
  body?: ErrorBody | ErrorBody[];
  message?: string;
  statusText?: string;
}

function messagesOfBody(body: ErrorBody): string[] {
  const out: string[] = [];
  (body.pageErrors ?? []).forEach((e) => out.push(e.message));
  Object.values(body.fieldErrors ?? {}).forEach((list) => list.forEach((e) => out.push(e.message)));
  (body.output?.errors ?? []).forEach((e) => out.push(e.message));
  Object.values(body.output?.fieldErrors ?? {}).forEach((list) => list.forEach((e) => out.push(e.message)));
  if (out.length === 0 && typeof body.message === 'string') out.push(body.message);
  return out;
}

export function reduceErrors(errors: unknown): string[] {
  const list: unknown[] = Array.isArray(errors) ? errors : [errors];
  const messages = list
    .filter((e): e is ErrorLike | string => e !== null && e !== undefined)
    .flatMap((error) => {
      if (typeof error === 'string') return [error];
      if (Array.isArray(error.body)) return error.body.flatMap(messagesOfBody);
      if (error.body && typeof error.body === 'object') {
        const fromBody = messagesOfBody(error.body);
        if (fromBody.length > 0) return fromBody;
      }
      if (typeof error.message === 'string') return [error.message];
      if (typeof error.statusText === 'string') return [error.statusText];
      return [];
    })
    .filter((m) => m.trim().length > 0);
  return Array.from(new Set(messages));
}
