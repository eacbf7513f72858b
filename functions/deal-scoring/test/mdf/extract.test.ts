// Field extraction from invoice text: number formats, dates, labels in three languages, and the
// source line each value came from.
import { amountsOn, dateOn, extractFields, invoiceKey } from '../../src/mdf/extract';

describe('amounts', () => {
  it.each([
    ['Total 1,234.56', 1234.56],
    ['Gesamtbetrag 1.234,56 EUR', 1234.56],
    ['Total TTC 1 234,56 €', 1234.56],
    ["Gesamtbetrag CHF 1'234.56", 1234.56],
    ['Total 12.50', 12.5],
    ['Total 1.234.567,89', 1234567.89]
  ])('%s -> %d', (text, value) => {
    expect(amountsOn(text).at(-1)?.value).toBe(value);
  });

  it('does not read a number inside an invoice number or a percentage as money', () => {
    expect(amountsOn('Invoice INV-77')).toEqual([]);
    expect(amountsOn('VAT 19% 234,57').map((a) => a.value)).toEqual([234.57]);
  });
});

describe('dates', () => {
  it.each([
    ['Rechnungsdatum: 14.05.2026', false, '2026-05-14'],
    ['Date de facture: 03/04/2026', false, '2026-04-03'],
    ['Invoice Date: 03/04/2026', true, '2026-03-04'],
    ['Date: 13/04/2026', true, '2026-04-13'],
    ['Invoice Date: March 4, 2026', true, '2026-03-04'],
    ['Date: 4 March 2026', false, '2026-03-04'],
    ['Issue date: 2026-03-04', false, '2026-03-04']
  ])('%s (month first: %s) -> %s', (text, monthFirst, iso) => {
    expect(dateOn(text, monthFirst)?.value).toBe(iso);
  });

  it('refuses impossible dates', () => {
    expect(dateOn('Date: 31.02.2026', false)).toBeUndefined();
  });
});

describe('extractFields', () => {
  const text = [
    'Contoso Expo Services Inc',
    'INVOICE',
    'Invoice No: INV-2026-0042',
    'Invoice Date: May 14, 2026',
    'Payment due: June 13, 2026',
    'Booth rental        1,000.00',
    'Catering             234.56',
    'Subtotal           1,234.56',
    'Sales Tax 8%         98.76',
    'Total (USD)        1,333.32'
  ].join('\n');

  it('reads every field with its source line', () => {
    const f = extractFields(text);
    expect(f.vendorName).toEqual({
      value: 'Contoso Expo Services Inc',
      confidence: 0.65,
      sourceText: 'Contoso Expo Services Inc'
    });
    expect(f.invoiceNumber?.value).toBe('INV-2026-0042');
    expect(f.invoiceDate?.value).toBe('2026-05-14');
    expect(f.netAmount).toMatchObject({ value: 1234.56, sourceText: 'Subtotal 1,234.56' });
    expect(f.taxAmount?.value).toBe(98.76);
    expect(f.grossAmount).toMatchObject({ value: 1333.32, sourceText: 'Total (USD) 1,333.32' });
    expect(f.currencyIsoCode?.value).toBe('USD');
    expect(f.lineItems.map((i) => [i.description, i.amount])).toEqual([
      ['Booth rental', 1000],
      ['Catering', 234.56]
    ]);
  });

  it('lowers confidence with OCR quality', () => {
    expect(extractFields(text, 0.5).grossAmount!.confidence).toBeLessThan(
      extractFields(text, 1).grossAmount!.confidence
    );
  });

  it('reads a labelled seller and a French invoice', () => {
    const f = extractFields(
      [
        'FACTURE',
        'Fournisseur: Tailspin Catering SA',
        'Facture n° F-2026-1234',
        'Date de facture: 03/04/2026',
        'Total HT  1 000,00',
        'TVA 20%  200,00',
        'Total TTC  1 200,00 EUR'
      ].join('\n')
    );
    expect([f.vendorName?.value, f.invoiceNumber?.value, f.invoiceDate?.value]).toEqual([
      'Tailspin Catering SA',
      'F-2026-1234',
      '2026-04-03'
    ]);
    expect([f.netAmount?.value, f.taxAmount?.value, f.grossAmount?.value, f.currencyIsoCode?.value]).toEqual([
      1000,
      200,
      1200,
      'EUR'
    ]);
  });

  it('reads labels OCR has garbled and puts back a lost decimal separator only when the totals then add up', () => {
    const ocr = [
      'Alpine Venue AG',
      '2Zwischensumme   6744.56',
      'MwsSt. 8%   539.56',
      'Gesamthetrag (CHF)   728412'
    ].join('\n');
    const f = extractFields(ocr, 0.9);
    expect([f.netAmount?.value, f.taxAmount?.value, f.grossAmount?.value]).toEqual([
      6744.56, 539.56, 7284.12
    ]);
    expect(f.grossAmount!.confidence).toBeLessThan(f.netAmount!.confidence);
    // From a text layer nothing is repaired: a wrong total stays wrong (the check reports it).
    expect(extractFields(ocr, 1).grossAmount?.value).toBe(728412);
    // Nor when no reading adds up.
    expect(extractFields(ocr.replace('539.56', '530.00'), 0.9).grossAmount?.value).toBe(728412);
  });

  it('finds nothing in text without an invoice', () => {
    expect(extractFields('Attendee list\nA. Rivera\nB. Chen')).toEqual({
      vendorName: expect.anything(),
      lineItems: []
    });
  });
});

describe('invoiceKey', () => {
  it('matches the same invoice spelled differently', () => {
    expect(invoiceKey('Northwind Events GmbH', 'RE-2026/0042')).toBe(
      invoiceKey('NORTHWIND EVENTS', 're 2026 0042')
    );
    expect(invoiceKey('Northwind Events GmbH', 'RE-2026-0042')).not.toBe(
      invoiceKey('Northwind Events GmbH', 'RE-2026-0043')
    );
  });
});
