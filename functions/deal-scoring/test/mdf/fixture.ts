// The generated MDF fixture: invoices and receipts with known fields, written as real PDFs (pdf-lib,
// text layer) and rendered to images (unpdf + @napi-rs/canvas: clean, rotated, low contrast,
// photographed-looking, and scanned PDFs without a text layer), in several currencies and number
// formats, each wrapped in a claim with planted discrepancies. Seeded: the same seed gives the same
// files byte for byte, so nothing needs committing. Split: even ids tune, odd ids are held out, and
// template D ("amount due" layout) appears only in the held-out half.
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { renderPageAsImage } from 'unpdf';
import type { CheckRequest } from '../../src/mdf/schemas';
import '../../src/mdf/read'; // installs the pdf.js shim rendering needs on Node 20

export type DocKind =
  | 'pdf-text'
  | 'pdf-scanned'
  | 'image-clean'
  | 'image-rotated'
  | 'image-low-contrast'
  | 'image-photo';

export interface KnownFields {
  vendorName: string;
  invoiceNumber: string;
  invoiceDate: string;
  netAmount: number;
  taxAmount: number;
  grossAmount: number;
  currencyIsoCode: string;
  lineItems: { description: string; amount: number }[];
}

export interface FixtureCase {
  id: number;
  split: 'tuning' | 'held-out';
  kind: DocKind;
  template: 'A' | 'B' | 'C' | 'D';
  locale: Locale;
  known: KnownFields;
  /** Discrepancy codes planted in this case (empty: a clean claim). */
  planted: string[];
  request: CheckRequest;
}

type Locale = 'en-US' | 'en-GB' | 'de-DE' | 'fr-FR' | 'de-CH';

/** mulberry32: a small seeded generator (reproducible fixtures). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VENDORS = [
  'Northwind Events GmbH',
  'Blue Harbor Media Ltd',
  'Contoso Expo Services Inc',
  'Fabrikam Print House',
  'Lumen Digital Agency',
  'Tailspin Catering SA',
  'Adatum Booth Systems',
  'Margie Travel Partners',
  'Wingtip Promotions LLC',
  'Alpine Venue AG',
  'Rivera Sound & Light',
  'Quantum Ads Ltd'
];
const ITEMS = [
  ['Booth rental', 'Event'],
  ['Stand construction', 'Event'],
  ['Catering for attendees', 'Catering'],
  ['Printed brochures', 'Print'],
  ['Search ads campaign', 'Digital Advertising'],
  ['Social media promotion', 'Digital Advertising'],
  ['Venue hire', 'Venue'],
  ['Audio visual equipment', 'Event'],
  ['Promotional giveaways', 'Merchandise'],
  ['Webinar platform licence', 'Digital Advertising']
] as const;

const LOCALES: Record<Locale, { currency: string; tax: number; labels: Record<string, string> }> = {
  'en-US': {
    currency: 'USD',
    tax: 8,
    labels: {
      title: 'INVOICE',
      no: 'Invoice No:',
      date: 'Invoice Date:',
      net: 'Subtotal',
      tax: 'Sales Tax',
      gross: 'Total'
    }
  },
  'en-GB': {
    currency: 'GBP',
    tax: 20,
    labels: {
      title: 'TAX INVOICE',
      no: 'Invoice Number:',
      date: 'Date:',
      net: 'Net total',
      tax: 'VAT',
      gross: 'Total'
    }
  },
  'de-DE': {
    currency: 'EUR',
    tax: 19,
    labels: {
      title: 'RECHNUNG',
      no: 'Rechnungsnr.:',
      date: 'Rechnungsdatum:',
      net: 'Zwischensumme',
      tax: 'MwSt.',
      gross: 'Gesamtbetrag'
    }
  },
  'fr-FR': {
    currency: 'EUR',
    tax: 20,
    labels: {
      title: 'FACTURE',
      no: 'Facture n°',
      date: 'Date de facture:',
      net: 'Total HT',
      tax: 'TVA',
      gross: 'Total TTC'
    }
  },
  'de-CH': {
    currency: 'CHF',
    tax: 8,
    labels: {
      title: 'RECHNUNG',
      no: 'Rechnungsnr.:',
      date: 'Datum:',
      net: 'Zwischensumme',
      tax: 'MwSt.',
      gross: 'Gesamtbetrag'
    }
  }
};

/** An amount in a locale's format: 1,234.56 / 1.234,56 / 1 234,56 / 1'234.56. */
export function formatAmount(n: number, locale: Locale): string {
  const [int, dec] = n.toFixed(2).split('.') as [string, string];
  const group = (sep: string) => int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  if (locale === 'de-DE') return `${group('.')},${dec}`;
  if (locale === 'fr-FR') return `${group(' ')},${dec}`;
  if (locale === 'de-CH') return `${group("'")}.${dec}`;
  return `${group(',')}.${dec}`;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December'
];
function formatDate(iso: string, locale: Locale, template: string): string {
  const [y, m, d] = iso.split('-') as [string, string, string];
  if (template === 'D') return iso;
  if (locale === 'de-DE' || locale === 'de-CH') return `${d}.${m}.${y}`;
  if (locale === 'fr-FR') return `${d}/${m}/${y}`;
  if (locale === 'en-US') return template === 'B' ? `${m}/${d}/${y}` : `${MONTHS[+m - 1]} ${+d}, ${y}`;
  return `${+d} ${MONTHS[+m - 1]} ${y}`;
}

const addDays = (iso: string, n: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/** The lines of one invoice, top to bottom: [left text, right text?]. */
function layout(
  k: KnownFields,
  locale: Locale,
  template: FixtureCase['template'],
  plantedGross: number
): [string, string?][] {
  const L = LOCALES[locale].labels;
  const amt = (n: number) => formatAmount(n, locale);
  const cur = k.currencyIsoCode;
  const date = formatDate(k.invoiceDate, locale, template);
  const items: [string, string?][] = k.lineItems.map((i) => [i.description, `${amt(i.amount)}`]);
  const taxLabel = `${L.tax} ${LOCALES[locale].tax}%`;
  if (template === 'B') {
    return [
      [k.vendorName],
      ['Receipt'],
      [`Receipt #: ${k.invoiceNumber}`],
      [`Date: ${date}`],
      ...items,
      [L.net!, amt(k.netAmount)],
      [taxLabel, amt(k.taxAmount)],
      [`${L.gross} ${cur}`, amt(plantedGross)]
    ];
  }
  if (template === 'C') {
    return [
      [L.title!],
      [`From: ${k.vendorName}`],
      [`Invoice #: ${k.invoiceNumber}`, `${L.date} ${date}`],
      ['Bill to: Partner Co, 1 Main Street'],
      ...items,
      [L.net!, `${amt(k.netAmount)} ${cur}`],
      [taxLabel, `${amt(k.taxAmount)} ${cur}`],
      [L.gross!, `${amt(plantedGross)} ${cur}`]
    ];
  }
  if (template === 'D') {
    return [
      [L.title!],
      [k.vendorName],
      ['Customer: Partner Co'],
      [`Reference: ${k.invoiceNumber}`],
      [`Issue date: ${date}`],
      ...items,
      ['Net amount', amt(k.netAmount)],
      [`Tax ${LOCALES[locale].tax}%`, amt(k.taxAmount)],
      [`Amount due (${cur})`, amt(plantedGross)]
    ];
  }
  return [
    [k.vendorName],
    ['1 Commerce Way, Springfield'],
    [L.title!],
    [`${L.no} ${k.invoiceNumber}`],
    [`${L.date} ${date}`],
    ['Bill to: Partner Co'],
    ...items,
    [L.net!, amt(k.netAmount)],
    [taxLabel, amt(k.taxAmount)],
    [`${L.gross} (${cur})`, amt(plantedGross)]
  ];
}

export async function invoicePdf(lines: [string, string?][], pages = 1): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  for (let p = 0; p < pages; p++) {
    const page = doc.addPage([595, 842]);
    // Characters outside WinAnsi (none in the fixture) would throw here: a fixture bug, not a skip.
    lines.forEach(([left, right], i) => {
      const y = 790 - i * 22;
      page.drawText(left, {
        x: 50,
        y,
        size: i === 0 ? 14 : 11,
        font: i === 0 ? bold : font,
        color: rgb(0, 0, 0)
      });
      if (right) page.drawText(right, { x: 545 - font.widthOfTextAtSize(right, 11), y, size: 11, font });
    });
    if (pages > 1) page.drawText(`Page ${p + 1} of ${pages}`, { x: 50, y: 40, size: 9, font });
  }
  return doc.save();
}

async function scannedPdf(png: Uint8Array): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const image = await doc.embedPng(png);
  const page = doc.addPage([595, 842]);
  page.drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
  return doc.save();
}

/** A photographed / degraded image of the first page. */
async function degrade(
  pdf: Uint8Array,
  kind: DocKind,
  random: () => number
): Promise<{ bytes: Uint8Array; type: 'image/png' | 'image/jpeg' }> {
  const { createCanvas, loadImage } = await import('@napi-rs/canvas');
  const png = await renderPageAsImage(pdf, 1, { canvasImport: () => import('@napi-rs/canvas'), scale: 2 });
  const img = await loadImage(Buffer.from(png));
  // Only the top part of the page carries the invoice: crop it (a receipt-sized photo).
  const h = Math.min(img.height, 1000);
  const canvas = createCanvas(img.width, h);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = kind === 'image-low-contrast' ? '#9a9a9a' : '#ffffff';
  ctx.fillRect(0, 0, canvas.width, h);
  if (kind === 'image-rotated' || kind === 'image-photo') {
    const angle = ((random() < 0.5 ? -1 : 1) * (1.5 + random() * 2.5) * Math.PI) / 180;
    ctx.translate(canvas.width / 2, h / 2);
    ctx.rotate(angle);
    ctx.translate(-canvas.width / 2, -h / 2);
  }
  if (kind === 'image-low-contrast') {
    ctx.globalAlpha = 0.35;
    ctx.globalCompositeOperation = 'multiply';
  }
  ctx.drawImage(img, 0, 0);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.globalAlpha = 1;
  ctx.globalCompositeOperation = 'source-over';
  if (kind === 'image-photo') {
    // Uneven light (a vignette), sensor noise, then a lossy JPEG.
    const g = ctx.createRadialGradient(
      canvas.width * 0.3,
      h * 0.3,
      50,
      canvas.width / 2,
      h / 2,
      canvas.width
    );
    g.addColorStop(0, 'rgba(255,250,235,0)');
    g.addColorStop(1, 'rgba(60,50,40,0.35)');
    ctx.fillStyle = g;
    ctx.fillRect(0, 0, canvas.width, h);
    const data = ctx.getImageData(0, 0, canvas.width, h);
    for (let i = 0; i < data.data.length; i += 4) {
      const n = (random() - 0.5) * 40;
      data.data[i] = Math.max(0, Math.min(255, data.data[i]! + n));
      data.data[i + 1] = Math.max(0, Math.min(255, data.data[i + 1]! + n));
      data.data[i + 2] = Math.max(0, Math.min(255, data.data[i + 2]! + n));
    }
    ctx.putImageData(data, 0, 0);
    return { bytes: new Uint8Array(canvas.toBuffer('image/jpeg', 70)), type: 'image/jpeg' };
  }
  if (kind === 'image-rotated')
    return { bytes: new Uint8Array(canvas.toBuffer('image/jpeg', 85)), type: 'image/jpeg' };
  return { bytes: new Uint8Array(canvas.toBuffer('image/png')), type: 'image/png' };
}

const KINDS: DocKind[] = [
  'pdf-text',
  'pdf-text',
  'pdf-text',
  'image-clean',
  'image-rotated',
  'image-low-contrast',
  'image-photo',
  'pdf-scanned'
];
const PLANTS = [
  '',
  '',
  '',
  '',
  'INVOICE_TOTALS_DO_NOT_ADD_UP',
  'CLAIM_ABOVE_APPROVED',
  'CLAIM_ABOVE_COFUNDING_SHARE',
  'INVOICE_DATE_OUTSIDE_ACTIVITY',
  'CURRENCY_MISMATCH',
  'DUPLICATE_INVOICE',
  'PROOF_MISSING',
  'COST_CATEGORY_NOT_ALLOWED',
  'CLAIM_AFTER_DEADLINE'
];

/** A one-page proof of execution (an attendee list) as a text PDF. */
async function proofPdf(random: () => number): Promise<Uint8Array> {
  const names = ['A. Rivera', 'B. Chen', 'C. Okafor', 'D. Novak', 'E. Haddad', 'F. Lind'];
  return invoicePdf([
    ['Attendee list'],
    ...names.slice(0, 3 + Math.floor(random() * 3)).map((n): [string] => [n])
  ]);
}

/**
 * `count` cases from `seed`; the default is the fixture the report's figures come from. `kinds`
 * keeps only cases of those kinds (each case has its own seed, so the others are unchanged).
 */
export async function generateFixture(count = 64, seed = 14, kinds?: DocKind[]): Promise<FixtureCase[]> {
  const out: FixtureCase[] = [];
  for (let id = 0; id < count; id++) {
    const random = rng(seed * 1000 + id);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const split = id % 2 === 0 ? 'tuning' : 'held-out';
    const template: FixtureCase['template'] =
      split === 'held-out' && id % 4 === 1 ? 'D' : pick(['A', 'B', 'C'] as const);
    const kind = KINDS[Math.floor(id / 2) % KINDS.length]!;
    if (kinds && !kinds.includes(kind)) continue;
    const locale = pick(Object.keys(LOCALES) as Locale[]);
    const currency = LOCALES[locale].currency;
    const itemCount = 1 + Math.floor(random() * 3);
    const lineItems = Array.from({ length: itemCount }, () => {
      const [description] = pick(ITEMS);
      return { description, amount: Math.round((100 + random() * 4900) * 100) / 100 };
    });
    const netAmount = Math.round(lineItems.reduce((s, i) => s + i.amount, 0) * 100) / 100;
    const taxAmount = Math.round(netAmount * LOCALES[locale].tax) / 100;
    const grossAmount = Math.round((netAmount + taxAmount) * 100) / 100;
    const activityStart = addDays('2026-03-01', Math.floor(random() * 120));
    const activityEnd = addDays(activityStart, 1 + Math.floor(random() * 5));
    const plant = PLANTS[id % PLANTS.length]!;
    const invoiceDate =
      plant === 'INVOICE_DATE_OUTSIDE_ACTIVITY'
        ? addDays(activityStart, -90)
        : addDays(activityEnd, Math.floor(random() * 10));
    const known: KnownFields = {
      vendorName: pick(VENDORS),
      invoiceNumber: `${pick(['INV', 'RE', 'F', 'R'])}-${2026}-${String(1000 + Math.floor(random() * 9000))}`,
      invoiceDate,
      netAmount,
      taxAmount,
      grossAmount,
      currencyIsoCode: currency,
      lineItems
    };
    const printedGross =
      plant === 'INVOICE_TOTALS_DO_NOT_ADD_UP'
        ? Math.round((grossAmount + 100 + random() * 300) * 100) / 100
        : grossAmount;
    if (plant === 'INVOICE_TOTALS_DO_NOT_ADD_UP') known.grossAmount = printedGross;
    const pdf = await invoicePdf(layout(known, locale, template, printedGross));
    let bytes: Uint8Array = pdf;
    let contentType: 'application/pdf' | 'image/png' | 'image/jpeg' = 'application/pdf';
    if (kind === 'pdf-scanned') {
      const rendered = await degrade(pdf, 'image-clean', random);
      bytes = await scannedPdf(rendered.bytes);
    } else if (kind !== 'pdf-text') {
      const img = await degrade(pdf, kind, random);
      bytes = img.bytes;
      contentType = img.type;
    }
    const data = Buffer.from(bytes).toString('base64');
    const claimCurrency = plant === 'CURRENCY_MISMATCH' ? (currency === 'EUR' ? 'USD' : 'EUR') : currency;
    const claimAmount = Math.round(known.grossAmount * 0.5 * 100) / 100;
    const categories = lineItems.map((i) => ITEMS.find(([d]) => d === i.description)![1]);
    const allowed = ['Event', 'Catering', 'Print', 'Digital Advertising', 'Venue', 'Merchandise'].filter(
      (c) => plant !== 'COST_CATEGORY_NOT_ALLOWED' || c !== categories[0]
    );
    const request: CheckRequest = {
      requestId: `fixture-${id}`,
      claim: {
        claimId: `CLM-${id}`,
        amount:
          plant === 'CLAIM_ABOVE_COFUNDING_SHARE'
            ? Math.round(known.grossAmount * 0.8 * 100) / 100
            : claimAmount,
        currencyIsoCode: claimCurrency,
        activityType: 'Event',
        activityStartDate: activityStart,
        activityEndDate: activityEnd,
        submittedOn: plant === 'CLAIM_AFTER_DEADLINE' ? addDays(activityEnd, 120) : addDays(activityEnd, 20),
        costLines: lineItems.map((i, n) => ({
          description: i.description,
          category: categories[n]!,
          amount: Math.round(((i.amount * known.grossAmount) / netAmount) * 100) / 100
        }))
      },
      fundRequest: {
        fundRequestId: `FR-${id}`,
        approvedAmount:
          plant === 'CLAIM_ABOVE_APPROVED'
            ? Math.round(claimAmount * 0.6 * 100) / 100
            : Math.ceil(known.grossAmount),
        currencyIsoCode: claimCurrency,
        activityType: 'Event',
        activityStartDate: addDays(activityStart, -30),
        activityEndDate: addDays(activityEnd, 10),
        claimsAlreadyMade: 0,
        amountAlreadyClaimed: 0
      },
      policy: {
        allowedActivityTypes: ['Event', 'Webinar', 'Digital Campaign'],
        allowedCostCategories: allowed,
        coFundingPercent: plant === 'CLAIM_ABOVE_COFUNDING_SHARE' ? 50 : 60,
        claimDeadlineDays: 60,
        proofRequiredActivityTypes: ['Event'],
        maxClaimsPerRequest: 3
      },
      priorInvoices:
        plant === 'DUPLICATE_INVOICE'
          ? [
              {
                claimId: 'CLM-OLD',
                vendorName: known.vendorName.toUpperCase(),
                invoiceNumber: known.invoiceNumber.replace(/-/g, '')
              }
            ]
          : [
              {
                claimId: 'CLM-OLD',
                vendorName: 'Someone Else Ltd',
                invoiceNumber: 'X-1',
                fileSha256: 'a'.repeat(64)
              }
            ],
      documents: [
        {
          fileName: `invoice-${id}.${contentType === 'application/pdf' ? 'pdf' : contentType === 'image/png' ? 'png' : 'jpg'}`,
          contentType,
          role: 'invoice',
          data
        },
        ...(plant === 'PROOF_MISSING'
          ? []
          : [
              {
                fileName: `attendees-${id}.pdf`,
                contentType: 'application/pdf' as const,
                role: 'proof' as const,
                data: Buffer.from(await proofPdf(random)).toString('base64')
              }
            ])
      ]
    };
    // The cost lines are the invoice's lines with tax: make them add up to its total exactly.
    const lines = request.claim.costLines;
    const diff = Math.round((known.grossAmount - lines.reduce((s, l) => s + l.amount, 0)) * 100) / 100;
    lines[lines.length - 1]!.amount = Math.round((lines.at(-1)!.amount + diff) * 100) / 100;
    const planted = plant ? [plant] : [];
    // Refusing a category lowers the co-funded share: when that puts the claim above it, that is expected too.
    const eligible = lines.filter((l) => allowed.includes(l.category)).reduce((s, l) => s + l.amount, 0);
    if (
      request.claim.amount > (eligible * request.policy.coFundingPercent) / 100 + 0.05 &&
      !planted.includes('CLAIM_ABOVE_COFUNDING_SHARE')
    )
      planted.push('CLAIM_ABOVE_COFUNDING_SHARE');
    out.push({ id, split, kind, template, locale, known, planted, request });
  }
  return out;
}
