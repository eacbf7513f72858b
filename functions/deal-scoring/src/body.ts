/**
 * Request bodies: JSON in UTF-8, uncompressed, without prototype-pollution keys or lone
 * surrogates. Every refusal names what is wrong and where (a JSON pointer):
 * - `charset` other than utf-8 → 415 (the body is never guessed at or re-decoded),
 * - gzip/zlib magic bytes → 415 (Content-Encoding itself is refused in app.ts),
 * - bytes that are not UTF-8 → 400 at path '',
 * - `__proto__` / `constructor.prototype` keys → 400 naming the property's path,
 * - a string with a lone UTF-16 surrogate (`"\ud800"`) → 400 naming the string's path
 *   (rejected, never replaced: a replaced character would silently change a name).
 */
import secureJson from 'secure-json-parse';
import { ValidationError } from './validation';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export class UnsupportedMediaError extends Error {
  readonly statusCode = 415;
  constructor(message: string) {
    super(message);
    this.name = 'UnsupportedMediaError';
  }
}

/** The charset parameter of a Content-Type header, lower case; undefined when absent. */
export function charsetOf(contentType: string | undefined): string | undefined {
  if (!contentType) return undefined;
  const m = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType);
  return m?.[1]?.toLowerCase();
}

const escapePointer = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** The JSON pointer of the first value for which `match(key, value)` holds, depth first. */
function findPath(
  node: unknown,
  match: (key: string, value: unknown) => boolean,
  path = ''
): string | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  for (const key of Object.keys(node)) {
    const value = (node as Record<string, unknown>)[key];
    const here = `${path}/${escapePointer(key)}`;
    if (match(key, value)) return here;
    const inner = findPath(value, match, here);
    if (inner !== undefined) return inner;
  }
  return undefined;
}

// A \uD800-\uDBFF escape not followed by a \uDC00-\uDFFF escape, or a low one without a high one.
const LONE_SURROGATE_ESCAPE =
  /\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}/;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const isLone = (s: string) => LONE_SURROGATE.test(s);

export function parseJsonBody(body: Buffer, contentType: string | undefined): unknown {
  const charset = charsetOf(contentType);
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    throw new UnsupportedMediaError(`charset ${charset.slice(0, 40)} is not supported: send UTF-8 JSON`);
  }
  if (body.length >= 2 && body[0] === 0x1f && body[1] === 0x8b) {
    throw new UnsupportedMediaError('The body is gzip-compressed: send the JSON uncompressed');
  }
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    throw new ValidationError(
      [{ path: '', message: 'must be valid UTF-8' }],
      'Request body is not valid UTF-8'
    );
  }
  if (text.trim() === '') {
    throw new ValidationError([{ path: '', message: 'is required' }], 'Request body is empty');
  }
  let value: unknown;
  try {
    // secure-json-parse: JSON.parse plus a refusal of prototype keys (escaped spellings included).
    value = secureJson.parse(text, null, { protoAction: 'error', constructorAction: 'error' });
  } catch {
    let plain: unknown;
    try {
      plain = JSON.parse(text);
    } catch {
      throw new ValidationError(
        [{ path: '', message: 'must be valid JSON' }],
        'Request body is not valid JSON'
      );
    }
    const path =
      findPath(
        plain,
        (key, v) =>
          key === '__proto__' ||
          (key === 'constructor' && typeof v === 'object' && v !== null && 'prototype' in v)
      ) ?? '';
    throw new ValidationError(
      [{ path, message: 'is not an allowed property (prototype keys are refused)' }],
      `${path || '/'} is not an allowed property`
    );
  }
  if (LONE_SURROGATE_ESCAPE.test(text)) {
    const path = findPath(value, (key, v) => isLone(key) || (typeof v === 'string' && isLone(v)));
    if (path !== undefined || (typeof value === 'string' && isLone(value))) {
      throw new ValidationError(
        [{ path: path ?? '', message: 'contains an unpaired UTF-16 surrogate (not a valid character)' }],
        `${path || '/'} contains an invalid character`
      );
    }
  }
  return value;
}
