// How an extracted value is judged against the expected one, field by field. Kept apart from the
// test so the rules are explicit:
// - names (customer): case, punctuation, accents and legal forms (GmbH, Inc, S.A., ...) ignored;
// - free text (opportunity, contact name, title): token sets compared, Dice coefficient >= 0.75;
// - domain, email, currency, close date: exact (case-insensitive);
// - amount: within 0.5 %;
// - phone: same digits;
// - products: each item is one prediction (precision) and one expectation (recall).
import type { ParseFields } from '../../src/ai/schemas';

const LEGAL = new Set([
  'gmbh',
  'ag',
  'inc',
  'ltd',
  'llc',
  'sa',
  'sas',
  'spa',
  'srl',
  'bv',
  'nv',
  'ab',
  'as',
  'plc',
  'corp',
  'corporation',
  'co',
  'company',
  'pty',
  'pvt',
  'ltda',
  'de',
  'cv'
]);

function tokens(s: string): string[] {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

function companyKey(s: string): string {
  return tokens(s.replace(/\b([a-z])\.(?=[a-z]\.)/gi, '$1'))
    .filter((t) => !LEGAL.has(t) && t.length > 0)
    .join(' ');
}

function dice(a: string, b: string): number {
  const x = new Set(tokens(a));
  const y = new Set(tokens(b));
  if (x.size === 0 && y.size === 0) return 1;
  let common = 0;
  for (const t of x) if (y.has(t)) common++;
  return (2 * common) / (x.size + y.size);
}

export type ScalarField = Exclude<keyof ParseFields, 'products' | 'summary'>;

export function fieldMatches(field: ScalarField, expected: unknown, actual: unknown): boolean {
  if (expected === undefined || actual === undefined) return false;
  switch (field) {
    case 'customerName':
      return companyKey(String(expected)) === companyKey(String(actual));
    case 'opportunityName':
    case 'contactName':
    case 'contactTitle':
      return dice(String(expected), String(actual)) >= 0.75;
    case 'amount':
      return Math.abs(Number(expected) - Number(actual)) <= Math.abs(Number(expected)) * 0.005;
    case 'contactPhone':
      return String(expected).replace(/\D/g, '') === String(actual).replace(/\D/g, '');
    default:
      return String(expected).toLowerCase() === String(actual).toLowerCase();
  }
}

export function productKey(p: string): string {
  return tokens(p).join(' ');
}
