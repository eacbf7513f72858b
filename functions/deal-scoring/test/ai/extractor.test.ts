import { extract } from '../../src/ai/extractor';
import { findDates } from '../../src/ai/dates';
import { findMoney, parseNumber } from '../../src/ai/money';
import { ParseFieldsSchema } from '../../src/ai/schemas';
import { Value } from '@sinclair/typebox/value';
import fc from 'fast-check';
import { PARTNER_EMAILS, type EmailCase } from './fixtures/partner-emails';
import { HOLDOUT_EMAILS } from './fixtures/partner-emails-holdout';
import { evaluate as evaluateWith, precision, recall, table } from './extraction-eval';

const evaluate = (cases: EmailCase[]) => evaluateWith(cases, (c) => extract(c.text, c.receivedAt));

// Measured on the held-out set when it was written (see the printed table); set just below.
const HOLDOUT_MIN_PRECISION = 0.95; // measured 1.00 (78 tp, 0 fp)
const HOLDOUT_MIN_RECALL = 0.9; // measured 0.96 (3 fn)

describe('built-in extractor on a held-out set never used for tuning', () => {
  it('reports field-level precision and recall and meets lower, honest minimums', () => {
    const result = evaluate(HOLDOUT_EMAILS);
    console.log(table(`Built-in extractor, held-out set, ${HOLDOUT_EMAILS.length} emails:`, result));
    expect(HOLDOUT_EMAILS.length).toBeGreaterThanOrEqual(10);
    expect(precision(result.total)).toBeGreaterThanOrEqual(HOLDOUT_MIN_PRECISION);
    expect(recall(result.total)).toBeGreaterThanOrEqual(HOLDOUT_MIN_RECALL);
  });
});

describe('built-in extractor on the partner email fixture', () => {
  const result = evaluate(PARTNER_EMAILS);

  it('has at least 40 realistic emails', () => {
    expect(PARTNER_EMAILS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(PARTNER_EMAILS.map((c) => c.id)).size).toBe(PARTNER_EMAILS.length);
  });

  it('reports field-level precision and recall and meets the minimums', () => {
    console.log(table(`Built-in extractor, ${PARTNER_EMAILS.length} emails:`, result));
    // Minimums measured honestly on this fixture (see the printed table); precision matters more
    // than recall: a wrong pre-filled value is worse than an empty field.
    expect(precision(result.total)).toBeGreaterThanOrEqual(0.85);
    expect(recall(result.total)).toBeGreaterThanOrEqual(0.75);
    for (const f of ['customerDomain', 'contactEmail', 'amount', 'currency', 'closeDate'] as const) {
      const t = result.perField.get(f)!;
      expect({ field: f, precision: precision(t) >= 0.85 }).toEqual({ field: f, precision: true });
    }
  });

  it('always returns fields that satisfy the response schema', () => {
    for (const c of PARTNER_EMAILS) {
      const { fields, confidence } = extract(c.text, c.receivedAt);
      expect(Value.Errors(ParseFieldsSchema, fields).First()).toBeUndefined();
      for (const [k, v] of Object.entries(confidence)) {
        expect(fields).toHaveProperty(k);
        expect(v).toBeGreaterThan(0);
        expect(v).toBeLessThanOrEqual(1);
      }
    }
  });

  it('never takes the partner (sender) as the customer contact', () => {
    const c = PARTNER_EMAILS.find((e) => e.id === 'partner-only-signature-no-customer-email')!;
    const { fields } = extract(c.text, c.receivedAt);
    expect(fields.contactEmail).toBeUndefined();
    expect(fields.contactPhone).toBeUndefined();
    expect(fields.customerDomain).toBeUndefined();
  });

  it('does not infer a customer domain from a free-mail address', () => {
    const { fields } = extract(
      'Customer: Sunny Side Bakery\nContact: Rosa Bianchi, rosa@gmail.com',
      '2026-11-20'
    );
    expect(fields.contactEmail).toBe('rosa@gmail.com');
    expect(fields.customerDomain).toBeUndefined();
  });

  it('leaves everything out of an empty or irrelevant text', () => {
    expect(extract('Hello, how are you?', '2026-11-20').fields).toEqual({});
  });
});

describe('robustness', () => {
  it('never throws and always returns schema-valid fields on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.string({ unit: 'binary', maxLength: 100 }), (a, b) => {
        const { fields } = extract(`${a}\n${b}`, '2026-11-20T09:00:00Z');
        expect(Value.Errors(ParseFieldsSchema, fields).First()).toBeUndefined();
      }),
      { numRuns: 300 }
    );
  });

  it.each([
    ['one long token', 'a'.repeat(20000)],
    ['digits', '1'.repeat(20000)],
    ['dotted letters', 'a.'.repeat(10000)],
    ['email-like run', 'a@b'.repeat(6666)],
    ['repeated labels', 'Customer: Acme GmbH\n'.repeat(1000)],
    ['repeated mentions', 'jane.doe@acme.de 2026-11-20 $1.2M Q3 '.repeat(500)]
  ])('handles a 20,000-character %s in linear time', (_label, text) => {
    const started = performance.now();
    extract(text.slice(0, 20000), '2026-11-20');
    // Measured 1-30 ms; the bound only catches quadratic or exponential regular expressions.
    expect(performance.now() - started).toBeLessThan(1500);
  });
});

describe('dates relative to the message date', () => {
  const ref = new Date('2026-11-20T09:00:00Z');
  const one = (s: string): string | undefined => findDates(s, ref)[0]?.date;

  it.each([
    ['close by end of Q3', '2027-09-30'],
    ['end of Q4', '2026-12-31'],
    ['Q1 2027', '2027-03-31'],
    ['Q2/27', '2027-06-30'],
    ['next month', '2026-12-31'],
    ['next quarter', '2027-03-31'],
    ['end of March', '2027-03-31'],
    ['Ende März 2027', '2027-03-31'],
    ['fin mars 2027', '2027-03-31'],
    ['a finales de junio', '2027-06-30'],
    ['EOY', '2026-12-31'],
    ['H1 2027', '2027-06-30'],
    ['15.01.2027', '2027-01-15'],
    ['January 15th', '2027-01-15'],
    ['15 de enero de 2027', '2027-01-15'],
    ['in two weeks', '2026-12-04']
  ])('%s → %s', (text, expected) => {
    expect(one(text)).toBe(expected);
  });
});

describe('money', () => {
  it.each([
    ['$1.2M', 1200000, 'USD'],
    ['120k', 120000, undefined],
    ['EUR 80.000', 80000, 'EUR'],
    ['1.250.000,00 €', 1250000, 'EUR'],
    ["CHF 1'250'000", 1250000, 'CHF'],
    ['£45,000', 45000, 'GBP'],
    ['2,5 Mio. EUR', 2500000, 'EUR'],
    ['USD 300K', 300000, 'USD'],
    ['45 000 €', 45000, 'EUR'],
    ['3.4 million dollars', 3400000, 'USD'],
    ['R$ 350.000', 350000, 'BRL']
  ])('%s → %d %s', (text, amount, currency) => {
    const m = findMoney(text);
    expect(m).toHaveLength(1);
    expect(m[0]!.amount).toBe(amount);
    expect(m[0]!.currency).toBe(currency);
  });

  it('ignores phone numbers, dates and plain quantities', () => {
    expect(findMoney('Call +49 89 123456 on 20.11.2026 about 250 seats')).toEqual([]);
  });

  it('reads thousands and decimal separators the way the number is written', () => {
    expect(parseNumber('1,200,000.50', false)).toBe(1200000.5);
    expect(parseNumber('1.2', true)).toBe(1.2);
    expect(parseNumber('80.000', false)).toBe(80000);
    expect(parseNumber('12,5', false)).toBe(12.5);
  });
});
