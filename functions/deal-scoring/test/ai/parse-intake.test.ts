// /v1/parse with the intake inputs: a product catalogue, attachments (PDF text through unpdf,
// plain text), limits and clear errors for bad documents, and proposed fields in the response.
import { buildApp } from '../../src/app';
import { defaultConfig } from '../../src/config';
import { DOCUMENT_LIMITS, documentTexts } from '../../src/ai/documents';
import { ValidationError } from '../../src/validation';

const KEY = 'intake-test-key-0123456789';
const auth = { authorization: `Bearer ${KEY}` };

/** A minimal one-page PDF whose content stream shows each line of `lines` (Helvetica). */
export function makePdf(lines: string[]): Buffer {
  const esc = (t: string): string => t.replace(/[()\\]/g, (c) => `\\${c}`);
  const stream = `BT /F1 11 Tf 14 TL 72 720 Td ${lines.map((l) => `(${esc(l)}) Tj T*`).join(' ')} ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

async function newApp() {
  return buildApp(defaultConfig({ apiKeys: [KEY] }));
}

describe('documents', () => {
  it('reads the text of a PDF, line by line', async () => {
    const pdf = makePdf(['Customer: Hafenlogistik Bremen GmbH', 'Amount: EUR 175,000']);
    const [doc] = await documentTexts([
      { name: 'form.pdf', contentType: 'application/pdf', data: pdf.toString('base64') }
    ]);
    expect(doc!.text).toContain('Customer: Hafenlogistik Bremen GmbH');
    expect(doc!.text).toContain('Amount: EUR 175,000');
    // The first PDF read of a run loads pdf.js (unpdf): about a second, several under load.
  }, 30_000);

  it.each([
    ['not base64', 'application/pdf', '%%%not base64%%%', /must be base64/],
    ['not a PDF', 'application/pdf', Buffer.from('hello').toString('base64'), /is not a PDF/],
    [
      'a broken PDF',
      'application/pdf',
      Buffer.from('%PDF-1.4 garbage').toString('base64'),
      /not a readable PDF/
    ],
    ['too large', 'text/plain', 'A'.repeat(DOCUMENT_LIMITS.maxBase64Chars + 4), /larger than/]
  ] as const)('rejects %s with a 400 naming the document', async (_label, contentType, data, message) => {
    const err = await documentTexts([
      { name: 'ok.txt', contentType: 'text/plain', data: Buffer.from('fine').toString('base64') },
      { name: 'bad', contentType, data }
    ]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).fieldErrors[0]!.path).toBe('/documents/1/data');
    expect((err as ValidationError).message).toMatch(message);
  });
});

describe('POST /v1/parse with catalogue and documents', () => {
  it('finds catalogue products, reads a PDF attachment and marks the proposed opportunity name', async () => {
    const app = await newApp();
    const pdf = makePdf([
      'Deal registration form',
      'Customer: Hafenlogistik Bremen GmbH',
      'Amount: EUR 175,000',
      'Close date: 31.05.2027'
    ]);
    const res = await app.inject({
      method: 'POST',
      url: '/v1/parse',
      headers: auth,
      payload: {
        text: 'Hi, please register the attached deal; they want the warehouse system (WMS) and our helpdesk.\n\nAnna',
        receivedAt: '2026-11-24T09:00:00Z',
        catalog: [
          { name: 'Warehouse Manager', aliases: ['WMS'] },
          { name: 'Service Desk Pro', aliases: ['helpdesk'] }
        ],
        documents: [{ name: 'form.pdf', contentType: 'application/pdf', data: pdf.toString('base64') }]
      }
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.fields.products).toEqual(['Warehouse Manager', 'Service Desk Pro']);
    expect(body.fields.customerName).toBe('Hafenlogistik Bremen GmbH');
    expect(body.fields.amount).toBe(175000);
    expect(body.fields.closeDate).toBe('2027-05-31');
    expect(body.fields.opportunityName).toBe('Hafenlogistik Bremen GmbH – Warehouse Manager');
    expect(body.proposed).toEqual(['opportunityName']);
    await app.close();
    // Builds the app and reads a PDF (loading pdf.js when this test runs alone): seconds under load.
  }, 30_000);

  it('answers 400 naming the bad document', async () => {
    const app = await newApp();
    const res = await app.inject({
      method: 'POST',
      url: '/v1/parse',
      headers: auth,
      payload: {
        text: 'see attachment',
        documents: [
          { name: 'x.pdf', contentType: 'application/pdf', data: Buffer.from('nope').toString('base64') }
        ]
      }
    });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain('/documents/0/data');
    await app.close();
  });

  it('rejects a catalogue entry without a name by the schema', async () => {
    const app = await newApp();
    const res = await app.inject({
      method: 'POST',
      url: '/v1/parse',
      headers: auth,
      payload: { text: 'x', catalog: [{ aliases: ['a'] }] }
    });
    expect(res.statusCode).toBe(400);
    await app.close();
  });
});
