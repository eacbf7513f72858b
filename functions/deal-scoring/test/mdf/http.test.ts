// POST /v1/mdf/check over app.inject(): a checked claim end to end, and every refusal of bad
// documents (wrong base64, declared type mismatch, too many pages, too large, too many pixels)
// with a status and a JSON-pointer path naming the document. Documents never reach the logs.
import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { buildApp } from '../../src/app';
import { defaultConfig } from '../../src/config';
import type { CheckResponse } from '../../src/mdf/schemas';
import { MDF_LIMITS } from '../../src/mdf/schemas';
import { createCanvas } from '@napi-rs/canvas';
import { PDFDocument } from 'pdf-lib';
import { claimRequest, INVOICE_LINES, invoiceBase64 } from './support';

jest.setTimeout(120_000);

const KEY = 'mdf-test-key-0123456789';
const logs: string[] = [];
let app: Awaited<ReturnType<typeof buildApp>>;
let invoice: string;
let proof: string;

beforeAll(async () => {
  // One worker thread: documents are read on the pool as in production (and outside Jest's module
  // sandbox, where pdf.js's dynamic imports cannot run).
  app = await buildApp(defaultConfig({ apiKeys: [KEY], logLevel: 'info', workerThreads: 1 }), {
    logStream: new Writable({
      write(chunk, _enc, done) {
        logs.push(String(chunk));
        done();
      }
    })
  });
  await app.ready();
  invoice = await invoiceBase64();
  proof = await invoiceBase64([['Attendee list'], ['A. Rivera'], ['B. Chen']]);
});
afterAll(async () => app.close());

const post = (body: unknown, headers: Record<string, string> = {}) =>
  app.inject({
    method: 'POST',
    url: '/v1/mdf/check',
    headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json', ...headers },
    payload: typeof body === 'string' ? body : JSON.stringify(body)
  });

const docs = (data = invoice) => [
  { fileName: 'invoice.pdf', contentType: 'application/pdf' as const, role: 'invoice' as const, data },
  { fileName: 'attendees.pdf', contentType: 'application/pdf' as const, role: 'proof' as const, data: proof }
];

describe('POST /v1/mdf/check', () => {
  it('reads the invoice, reconciles the claim and approves a clean claim', async () => {
    const res = await post(claimRequest(docs()));
    expect(res.statusCode).toBe(200);
    const body = res.json<CheckResponse>();
    expect(body.recommendation).toBe('APPROVE');
    expect(body.factors.map((f) => f.code)).toEqual(['ALL_CHECKS_PASSED']);
    const f = body.documents[0]!.fields;
    expect(f.vendorName?.value).toBe('Northwind Events GmbH');
    expect(f.invoiceNumber?.value).toBe('RE-2026-0042');
    expect(f.invoiceDate?.value).toBe('2026-05-14');
    expect([f.netAmount?.value, f.taxAmount?.value, f.grossAmount?.value]).toEqual([
      1234.56, 234.57, 1469.13
    ]);
    expect(f.currencyIsoCode?.value).toBe('EUR');
    expect(f.lineItems.map((i) => i.amount)).toEqual([1000, 234.56]);
    expect(f.grossAmount?.sourceText).toContain('1.469,13');
    expect(body.documents[0]!.textSource).toBe('TEXT_LAYER');
    expect(body.documents[0]!.fileSha256).toBe(
      createHash('sha256').update(Buffer.from(invoice, 'base64')).digest('hex')
    );
    expect(body.documents[0]!.invoiceKey).toBe('northwind events|RE20260042');
    expect(body.reconciliation).toMatchObject({
      invoiceCount: 1,
      invoiceTotal: 1469.13,
      eligibleAmount: 1469.13,
      coFundedAmount: 734.57,
      remainingApproved: 1000,
      recommendedPayout: 700,
      claimDeadline: '2026-07-11',
      earliestInvoiceDate: '2026-05-14',
      invoiceNumbers: ['RE-2026-0042']
    });
    expect(body.partnerMessages).toEqual([]);
  });

  it('rejects an invoice already claimed (vendor + number, spelled differently) with its evidence', async () => {
    const res = await post(
      claimRequest(docs(), {
        priorInvoices: [
          { claimId: 'CLM-0', vendorName: 'NORTHWIND EVENTS gmbh', invoiceNumber: 're 2026 0042' }
        ]
      })
    );
    const body = res.json<CheckResponse>();
    expect(body.recommendation).toBe('REJECT');
    const dup = body.factors.find((f) => f.code === 'DUPLICATE_INVOICE')!;
    expect(dup.severity).toBe('CRITICAL');
    expect(dup.sentence).toContain('CLM-0');
    expect(dup.partnerSafe).toBe(false);
    expect(dup.evidence[0]).toMatchObject({ documentIndex: 0, field: 'invoiceNumber' });
    expect(dup.evidence[0]!.text).toContain('RE-2026-0042');
    // The partner is told the invoice was submitted before, not on which claim.
    expect(body.partnerMessages.find((m) => m.code === 'DUPLICATE_INVOICE')!.message).not.toContain('CLM-0');
  });

  it('finds the same file by its hash', async () => {
    const sha = createHash('sha256').update(Buffer.from(invoice, 'base64')).digest('hex');
    const body = (
      await post(claimRequest(docs(), { priorInvoices: [{ fileSha256: sha }] }))
    ).json<CheckResponse>();
    expect(body.factors.find((f) => f.code === 'DUPLICATE_INVOICE')?.evidence[0]).toEqual({
      documentIndex: 0,
      field: 'fileSha256',
      text: sha
    });
  });

  it('flags totals that do not add up, a wrong currency, an early invoice and missing proof', async () => {
    const lines: [string, string?][] = [
      ['Blue Harbor Media Ltd'],
      ['TAX INVOICE'],
      ['Invoice Number: INV-77'],
      ['Date: 2 January 2026'],
      ['Search ads campaign', '1,000.00'],
      ['Net total', '1,000.00'],
      ['VAT 20%', '200.00'],
      ['Total (GBP)', '1,300.00']
    ];
    const request = claimRequest([
      {
        fileName: 'inv.pdf',
        contentType: 'application/pdf',
        role: 'invoice',
        data: await invoiceBase64(lines)
      }
    ]);
    const body = (await post(request)).json<CheckResponse>();
    const codes = body.factors.map((f) => f.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'INVOICE_TOTALS_DO_NOT_ADD_UP',
        'CURRENCY_MISMATCH',
        'INVOICE_DATE_OUTSIDE_ACTIVITY',
        'PROOF_MISSING'
      ])
    );
    expect(body.recommendation).toBe('REVIEW');
    const totals = body.factors.find((f) => f.code === 'INVOICE_TOTALS_DO_NOT_ADD_UP')!;
    expect(totals.sentence).toBe(
      '"inv.pdf": net 1000.00 + tax 200.00 = 1200.00, but the total says 1300.00.'
    );
    expect(totals.evidence.map((e) => e.text)).toEqual([
      'Net total 1,000.00',
      'VAT 20% 200.00',
      'Total (GBP) 1,300.00'
    ]);
  });

  it('applies the policy: amount above approved and co-funding share, refused category, late claim, too many claims', async () => {
    const base = claimRequest(docs());
    const res = await post({
      ...base,
      claim: {
        ...base.claim,
        amount: 900,
        submittedOn: '2026-08-01',
        costLines: [
          ...base.claim.costLines,
          { description: 'Party boat', category: 'Entertainment', amount: 0 }
        ]
      },
      fundRequest: { ...base.fundRequest, amountAlreadyClaimed: 300, claimsAlreadyMade: 2 }
    });
    const body = res.json<CheckResponse>();
    expect(body.factors.map((f) => f.code).sort()).toEqual(
      [
        'CLAIM_ABOVE_APPROVED',
        'CLAIM_ABOVE_COFUNDING_SHARE',
        'COST_CATEGORY_NOT_ALLOWED',
        'CLAIM_AFTER_DEADLINE',
        'MAX_CLAIMS_REACHED'
      ].sort()
    );
    expect(body.recommendation).toBe('REJECT');
    expect(body.reconciliation.recommendedPayout).toBe(700);
  });

  it('OCRs a receipt image and a scanned PDF (no text layer) on the worker pool', async () => {
    const canvas = createCanvas(1000, 560);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, 1000, 560);
    ctx.fillStyle = '#000';
    ctx.font = '28px "Liberation Sans", "DejaVu Sans", sans-serif';
    INVOICE_LINES.forEach(([left, right], i) => {
      ctx.fillText(left, 40, 50 + i * 50);
      if (right) ctx.fillText(right, 960 - ctx.measureText(right).width, 50 + i * 50);
    });
    const png = canvas.toBuffer('image/png');
    const scan = await PDFDocument.create();
    const page = scan.addPage([595, 333]);
    page.drawImage(await scan.embedPng(png), { x: 0, y: 0, width: 595, height: 333 });
    const scanned = Buffer.from(await scan.save()).toString('base64');
    const res = await post(
      claimRequest([
        { fileName: 'receipt.png', contentType: 'image/png', role: 'invoice', data: png.toString('base64') },
        { fileName: 'scan.pdf', contentType: 'application/pdf', role: 'proof', data: scanned }
      ])
    );
    expect(res.statusCode).toBe(200);
    const body = res.json<CheckResponse>();
    for (const doc of body.documents) {
      expect(doc.textSource).toBe('OCR');
      expect(doc.ocrConfidence).toBeGreaterThan(0.7);
      expect(doc.fields.grossAmount?.value).toBe(1469.13);
      expect(doc.fields.invoiceNumber?.value).toBe('RE-2026-0042');
    }
    expect(body.documents[1]!.pages).toBe(1);
  });

  it("shows the partner's explanation to the manager without changing the recommendation", async () => {
    const base = claimRequest(docs());
    const body = (
      await post({
        ...base,
        claim: { ...base.claim, partnerExplanation: 'Catering was split over two days.' }
      })
    ).json<CheckResponse>();
    expect(body.recommendation).toBe('APPROVE');
    expect(body.factors.map((f) => f.code)).toEqual(['PARTNER_EXPLANATION', 'ALL_CHECKS_PASSED']);
    expect(body.factors[0]!.evidence).toEqual([
      { field: 'claim.partnerExplanation', text: 'Catering was split over two days.' }
    ]);
  });

  it('is deterministic: the same request gives the same bytes', async () => {
    const request = claimRequest(docs());
    expect((await post(request)).body).toBe((await post(request)).body);
  });

  describe('bad documents', () => {
    const refused = async (documents: unknown, status: number) => {
      const res = await post({ ...claimRequest([]), documents });
      expect(res.statusCode).toBe(status);
      return res.json<{ message: string; errors?: { path: string; message: string }[] }>();
    };

    it('wrong base64 -> 400 naming the document', async () => {
      const body = await refused([{ ...docs()[0], data: 'not*base64!' }], 400);
      expect(body.errors).toEqual([
        { path: '/documents/0/data', message: expect.stringContaining('must be base64') }
      ]);
    });

    it('declared type that the file contradicts -> 400 on contentType', async () => {
      const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).toString(
        'base64'
      );
      const body = await refused([docs()[1], { ...docs()[0], data: png }], 400);
      expect(body.errors).toEqual([
        { path: '/documents/1/contentType', message: 'is application/pdf but the file is image/png' }
      ]);
      const text = await refused([{ ...docs()[0], contentType: 'image/jpeg' }], 400);
      expect(text.errors![0]!.message).toBe('is image/jpeg but the file is application/pdf');
    });

    it('a PDF that is not one -> 400', async () => {
      const body = await refused(
        [{ ...docs()[0], data: Buffer.from('%PDF-1.7 garbage').toString('base64') }],
        400
      );
      expect(body.errors).toEqual([{ path: '/documents/0/data', message: 'is not a readable PDF' }]);
    });

    it('too many pages -> 400 naming the count', async () => {
      const long = await invoiceBase64(undefined, MDF_LIMITS.maxPages + 1);
      const body = await refused([{ ...docs()[0], data: long }], 400);
      expect(body.errors).toEqual([
        {
          path: '/documents/0/data',
          message: `has ${MDF_LIMITS.maxPages + 1} pages, more than ${MDF_LIMITS.maxPages}`
        }
      ]);
    });

    it('an image header with too many pixels -> 400 before decoding', async () => {
      const header = Buffer.alloc(33);
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(header);
      header.writeUInt32BE(13, 8);
      header.write('IHDR', 12, 'latin1');
      header.writeUInt32BE(20000, 16);
      header.writeUInt32BE(20000, 20);
      const body = await refused(
        [{ fileName: 'bomb.png', contentType: 'image/png', role: 'proof', data: header.toString('base64') }],
        400
      );
      expect(body.errors![0]).toEqual({
        path: '/documents/0/data',
        message: `has 20000x20000 pixels, more than ${MDF_LIMITS.maxImagePixels}`
      });
    });

    it('one document above its size limit -> 413 naming it', async () => {
      const big = 'A'.repeat(MDF_LIMITS.maxDocumentBase64Chars + 4);
      const body = await refused([{ ...docs()[0], data: big }], 413);
      expect(body.message).toContain('documents/0');
    });

    it('a body above the route limit -> 413', async () => {
      const huge = 'A'.repeat(MDF_LIMITS.bodyLimitBytes);
      const res = await post({ ...claimRequest([]), documents: [{ ...docs()[0], data: huge }] });
      expect(res.statusCode).toBe(413);
    });

    it('too many documents and an unknown role -> 400 from the schema', async () => {
      const many = Array.from({ length: MDF_LIMITS.maxDocuments + 1 }, () => docs()[0]);
      expect((await refused(many, 400)).errors![0]!.path).toBe('/documents');
      const role = await refused([{ ...docs()[0], role: 'receipt' }], 400);
      expect(role.errors![0]!.path).toBe('/documents/0/role');
    });
  });

  it('requires the API key', async () => {
    const res = await post(claimRequest(docs()), { authorization: 'Bearer wrong-key-0000000000' });
    expect(res.statusCode).toBe(401);
  });

  it('never logs a document or its text', () => {
    const all = logs.join('');
    expect(all.length).toBeGreaterThan(0);
    expect(all).not.toContain(invoice.slice(0, 40));
    expect(all).not.toContain('Northwind');
    expect(all).not.toContain('1.469,13');
  });
});
