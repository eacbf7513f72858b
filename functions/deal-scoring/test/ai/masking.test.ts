import fc from 'fast-check';
import { ibanValid, luhnValid, mask, restore, restoreDeep } from '../../src/ai/masking';

const email = fc
  .tuple(
    fc.stringMatching(/^[a-z][a-z0-9._]{0,10}[a-z0-9]$/),
    fc.stringMatching(/^[a-z][a-z0-9-]{0,8}[a-z]$/),
    fc.constantFrom('com', 'de', 'co.uk', 'fr')
  )
  .map(([l, d, t]) => `${l}@${d}.${t}`);
const phone = fc
  .tuple(
    fc.constantFrom('+49 ', '+1 ', '+44 ', '0'),
    fc.integer({ min: 10, max: 999 }),
    fc.integer({ min: 100000, max: 9999999 })
  )
  .map(([p, a, n]) => `${p}${a} ${n}`);
const words = fc.array(
  fc.constantFrom(
    'Hello',
    'deal',
    'for',
    'Acme',
    'GmbH',
    'close',
    'Q3',
    '2027',
    'budget',
    '$120k',
    ',',
    '.',
    '\n',
    'EUR 80.000',
    '[EMAIL_1]',
    '[PHONE_x2]'
  ),
  { maxLength: 12 }
);
const document = fc
  .array(
    fc.oneof(
      words.map((w) => w.join(' ')),
      email,
      phone,
      fc.string({ maxLength: 20 }),
      fc.string({ unit: 'binary', maxLength: 10 })
    ),
    { maxLength: 10 }
  )
  .map((parts) => parts.join(' '));

describe('masking', () => {
  it('round-trips any text: restore(mask(x)) === x', () => {
    fc.assert(
      fc.property(
        fc.oneof(document, fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 80 })),
        (text) => {
          const m = mask(text);
          expect(restore(m.text, m.map)).toBe(text);
        }
      ),
      { numRuns: 500 }
    );
  });

  it('never lets an email or phone through', () => {
    fc.assert(
      fc.property(document, email, phone, (text, e, p) => {
        const full = `${text} contact ${e} or call ${p} today`;
        const m = mask(full);
        expect(m.text).not.toContain(e);
        expect(m.text).not.toContain(p);
        expect(restore(m.text, m.map)).toBe(full);
      }),
      { numRuns: 300 }
    );
  });

  it('gives the same value the same placeholder and restores inside model JSON', () => {
    const m = mask('Mail jane@acme.de, again jane@acme.de, or bob@acme.de');
    expect(m.text).toBe('Mail [EMAIL_1], again [EMAIL_1], or [EMAIL_2]');
    expect(m.counts.EMAIL).toBe(2);
    expect(restoreDeep({ contactEmail: '[EMAIL_2]', list: ['[EMAIL_1]'], n: 3 }, m.map)).toEqual({
      contactEmail: 'bob@acme.de',
      list: ['jane@acme.de'],
      n: 3
    });
  });

  it('masks card numbers that pass Luhn, IBANs that pass mod-97, and tax/VAT ids', () => {
    const text =
      'Card 4111 1111 1111 1111, not a card 4111 1111 1111 1112. IBAN DE89 3704 0044 0532 0130 00, bad IBAN DE00 3704 0044 0532 0130 00. VAT DE123456789, EIN 12-3456789, USt-IdNr.: ATU12345678.';
    const m = mask(text);
    expect(m.text).toContain('[CARD_1]');
    expect(m.text).not.toContain('4111 1111 1111 1111,');
    expect(m.text).toContain('[IBAN_1]');
    expect(m.text).not.toContain('DE89 3704');
    expect(m.text).toContain('DE00 3704 0044 0532 0130 00');
    expect(m.text).not.toContain('DE123456789');
    expect(m.text).not.toContain('12-3456789');
    expect(m.text).not.toContain('ATU12345678');
    expect(restore(m.text, m.map)).toBe(text);
  });

  it('leaves dates, amounts and ordinary numbers alone', () => {
    const text = 'Close 2027-03-31 or 31.03.2027, budget EUR 1.200.000, 250 seats, Q3 2027.';
    expect(mask(text).text).toBe(text);
  });

  it('masks a 20,000-character token run in linear time', () => {
    for (const text of ['a'.repeat(20000), 'a.'.repeat(10000), '1'.repeat(20000), 'a@b'.repeat(6666)]) {
      const started = performance.now();
      mask(text);
      expect(performance.now() - started).toBeLessThan(1000);
    }
  });

  it('checks Luhn and mod-97 correctly', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(ibanValid('GB82 WEST 1234 5698 7654 32')).toBe(true);
    expect(ibanValid('GB82 WEST 1234 5698 7654 33')).toBe(false);
  });

  it('does not confuse text that already looks like a placeholder', () => {
    const text = 'literal [EMAIL_1] and real jane@acme.de';
    const m = mask(text);
    expect(m.text).not.toContain('jane@acme.de');
    expect(restore(m.text, m.map)).toBe(text);
  });
});
