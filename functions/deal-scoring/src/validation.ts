/**
 * One validator for the HTTP routes, the CLI and the tests: the TypeBox compiler over the
 * schemas in schemas.ts. Errors carry JSON-pointer paths (`/deals/0/customer/name`).
 */
import { FormatRegistry, Kind, type TSchema } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import {
  DefaultErrorFunction,
  SetErrorFunction,
  ValueErrorType,
  type ErrorFunctionParameter
} from '@sinclair/typebox/errors';
import type { FieldError } from './schemas';

/** The pattern of every string the contract says "must not be empty": at least one non-space. */
export const NON_BLANK = '\\S';

/** At most this many field errors are reported for one request (the rest are counted). */
export const MAX_REPORTED_ERRORS = 25;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME_RE =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)$/;
// Pragmatic address check: one @, no spaces, a dot in the domain. Deliverability is not our job.
const EMAIL_RE = /^[^\s@]{1,64}@[^\s@.]+(\.[^\s@.]+)+$/;

/** The years a date anywhere in the API may have (a year-0 close date is a typo, not a plan). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

/**
 * THE date check of the service (score dates, /v1/parse receivedAt, status-answer dates): a real
 * calendar date in YYYY-MM-DD (2026-02-30 is not) with a year from MIN_YEAR to MAX_YEAR.
 */
export function isCalendarDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  if (year < MIN_YEAR || year > MAX_YEAR) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return day <= daysInMonth;
}

/** An ISO 8601 date-time with a time zone whose date part passes isCalendarDate. */
export function isDateTime(value: string): boolean {
  const m = DATE_TIME_RE.exec(value);
  return m !== null && isCalendarDate(m[1] ?? '');
}

let registered = false;
/** Registers string formats and friendlier messages once per process. */
export function registerFormats(): void {
  if (registered) return;
  registered = true;
  FormatRegistry.Set('date', isCalendarDate);
  FormatRegistry.Set('date-time', isDateTime);
  FormatRegistry.Set('date-or-date-time', (v) => isCalendarDate(v) || isDateTime(v));
  FormatRegistry.Set('email', (v) => EMAIL_RE.test(v));
  SetErrorFunction(errorMessage);
}

function errorMessage(param: ErrorFunctionParameter): string {
  const schema = param.schema as TSchema & Record<string, unknown>;
  switch (param.errorType) {
    case ValueErrorType.StringFormat: {
      const format = String(schema.format);
      const years = `, year ${MIN_YEAR}-${MAX_YEAR}`;
      if (format === 'date') return `must be a calendar date in the form YYYY-MM-DD${years}`;
      if (format === 'date-time') return `must be an ISO 8601 date-time such as 2026-11-20T10:00:00Z${years}`;
      if (format === 'date-or-date-time')
        return `must be a calendar date (YYYY-MM-DD) or an ISO 8601 date-time with a time zone${years}`;
      if (format === 'email') return 'must be an email address';
      return `must match format "${format}"`;
    }
    case ValueErrorType.Union: {
      const options = (schema.anyOf as TSchema[] | undefined) ?? [];
      const literals = options
        .map((o) => (o as Record<string, unknown>).const)
        .filter((c) => c !== undefined);
      if (literals.length === options.length && literals.length > 0) {
        return `must be one of: ${literals.map((l) => String(l)).join(', ')}`;
      }
      return DefaultErrorFunction(param);
    }
    case ValueErrorType.ObjectRequiredProperty:
      return 'is required';
    case ValueErrorType.StringMinLength:
      return schema.minLength === 1
        ? 'must not be empty'
        : `must be at least ${String(schema.minLength)} characters`;
    case ValueErrorType.StringPattern:
      if (schema.pattern === NON_BLANK)
        return param.value === '' ? 'must not be empty' : 'must not be only spaces';
      return `must match the pattern ${String(schema.pattern)}`;
    case ValueErrorType.StringMaxLength:
      return `must be at most ${String(schema.maxLength)} characters`;
    case ValueErrorType.ArrayMaxItems:
      return `must have at most ${String(schema.maxItems)} items`;
    case ValueErrorType.ArrayMinItems:
      return `must have at least ${String(schema.minItems)} item(s)`;
    case ValueErrorType.String:
      return 'must be a string';
    case ValueErrorType.Number:
      return 'must be a number';
    case ValueErrorType.Integer:
      return 'must be an integer';
    case ValueErrorType.Boolean:
      return 'must be true or false';
    case ValueErrorType.Object:
      return 'must be an object';
    case ValueErrorType.Array:
      return 'must be an array';
    case ValueErrorType.NumberMinimum:
    case ValueErrorType.IntegerMinimum:
      return `must be at least ${String(schema.minimum)}`;
    case ValueErrorType.NumberMaximum:
    case ValueErrorType.IntegerMaximum:
      return `must be at most ${String(schema.maximum)}`;
    case ValueErrorType.ObjectAdditionalProperties:
      return 'is not an allowed property';
    default:
      return DefaultErrorFunction(param);
  }
}

/** Thrown (or returned to Fastify) when a payload does not match its schema. */
export class ValidationError extends Error {
  readonly statusCode = 400;
  readonly fieldErrors: FieldError[];
  constructor(fieldErrors: FieldError[], message?: string) {
    super(message ?? summarize(fieldErrors));
    this.name = 'ValidationError';
    this.fieldErrors = fieldErrors;
  }
}

function summarize(errors: FieldError[]): string {
  const first = errors[0];
  if (!first) return 'Request is invalid';
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return `${first.path || '/'} ${first.message}${more}`;
}

const RANK: Partial<Record<ValueErrorType, number>> = {
  [ValueErrorType.StringFormat]: 3,
  [ValueErrorType.StringPattern]: 3,
  [ValueErrorType.Union]: 3,
  [ValueErrorType.ObjectRequiredProperty]: 2,
  [ValueErrorType.String]: 2,
  [ValueErrorType.Number]: 2,
  [ValueErrorType.Integer]: 2,
  [ValueErrorType.Object]: 2,
  [ValueErrorType.Array]: 2
};

const compiled = new WeakMap<TSchema, TypeCheck<TSchema>>();
/** Every property name of every compiled schema: the path segments that are ours, not the client's. */
const knownNames = new Set<string>();

function collectNames(node: unknown, seen = new Set<unknown>()): void {
  if (typeof node !== 'object' || node === null || seen.has(node)) return;
  seen.add(node);
  const props = (node as { properties?: Record<string, unknown> }).properties;
  if (props && typeof props === 'object') for (const k of Object.keys(props)) knownNames.add(k);
  for (const v of Object.values(node)) collectNames(v, seen);
}

/** Compiles (once) and returns the checker for a TypeBox schema. */
export function checkerFor<T extends TSchema>(schema: T): TypeCheck<T> {
  registerFormats();
  let check = compiled.get(schema);
  if (!check) {
    check = TypeCompiler.Compile(schema);
    compiled.set(schema, check);
    collectNames(schema);
  }
  return check as TypeCheck<T>;
}

/**
 * A JSON-pointer path fit for a log line: array indexes and property names of our schemas are
 * kept, anything else (an unknown property's name is client text and may be an address) becomes
 * `[unknown]`; at most 200 characters.
 */
export function logSafePath(path: string): string {
  const out = path
    .split('/')
    .map((seg, i) => (i === 0 || /^\d{1,6}$/.test(seg) || knownNames.has(seg) ? seg : '[unknown]'))
    .join('/');
  return out.length > 200 ? `${out.slice(0, 200)}…` : out;
}

/**
 * Field errors of `value` against `schema` (empty when valid). Only the most specific error per
 * path is kept, and at most MAX_REPORTED_ERRORS are returned.
 */
export function fieldErrors(schema: TSchema, value: unknown): FieldError[] {
  const check = checkerFor(schema);
  if (check.Check(value)) return [];
  // One error per path: the most telling one (a format or enum message beats a length message).
  const byPath = new Map<string, { message: string; rank: number }>();
  let scanned = 0;
  for (const e of check.Errors(value)) {
    const rank = RANK[e.type] ?? 1;
    const prev = byPath.get(e.path);
    if (!prev) {
      if (byPath.size >= MAX_REPORTED_ERRORS) break;
      byPath.set(e.path, { message: e.message, rank });
    } else if (rank > prev.rank) {
      byPath.set(e.path, { message: e.message, rank });
    }
    if (++scanned > MAX_REPORTED_ERRORS * 4) break;
  }
  const out: FieldError[] = [...byPath].map(([path, v]) => ({ path, message: v.message }));
  if (out.length === 0) out.push({ path: '', message: 'is invalid' });
  return out;
}

/** Validates and returns the value typed, or throws ValidationError. */
export function parseOrThrow<T extends TSchema>(
  schema: T,
  value: unknown
): import('@sinclair/typebox').Static<T> {
  const errors = fieldErrors(schema, value);
  if (errors.length > 0) throw new ValidationError(errors);
  return value as import('@sinclair/typebox').Static<T>;
}

/** True when the object is a TypeBox schema (has the Kind symbol). */
export function isTypeBoxSchema(schema: unknown): schema is TSchema {
  return typeof schema === 'object' && schema !== null && Kind in schema;
}
