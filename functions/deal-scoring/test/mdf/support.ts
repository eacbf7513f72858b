// Small builders for MDF tests: a claim request around given documents, and invoice PDFs.
import type { CheckRequest } from '../../src/mdf/schemas';
import { invoicePdf } from './fixture';

export const INVOICE_LINES: [string, string?][] = [
  ['Northwind Events GmbH'],
  ['1 Commerce Way, Springfield'],
  ['RECHNUNG'],
  ['Rechnungsnr.: RE-2026-0042'],
  ['Rechnungsdatum: 14.05.2026'],
  ['Booth rental', '1.000,00'],
  ['Catering for attendees', '234,56'],
  ['Zwischensumme', '1.234,56'],
  ['MwSt. 19%', '234,57'],
  ['Gesamtbetrag (EUR)', '1.469,13']
];

export async function invoiceBase64(lines = INVOICE_LINES, pages = 1): Promise<string> {
  return Buffer.from(await invoicePdf(lines, pages)).toString('base64');
}

export function claimRequest(
  documents: CheckRequest['documents'],
  overrides: Partial<CheckRequest> = {}
): CheckRequest {
  return {
    requestId: 'req-mdf-1',
    claim: {
      claimId: 'CLM-1',
      amount: 700,
      currencyIsoCode: 'EUR',
      activityType: 'Event',
      activityStartDate: '2026-05-10',
      activityEndDate: '2026-05-12',
      submittedOn: '2026-06-01',
      costLines: [
        { description: 'Booth rental', category: 'Event', amount: 1190 },
        { description: 'Catering', category: 'Catering', amount: 279.13 }
      ]
    },
    fundRequest: {
      fundRequestId: 'FR-1',
      approvedAmount: 1000,
      currencyIsoCode: 'EUR',
      activityType: 'Event',
      activityStartDate: '2026-05-01',
      activityEndDate: '2026-05-31',
      claimsAlreadyMade: 0,
      amountAlreadyClaimed: 0
    },
    policy: {
      allowedActivityTypes: ['Event', 'Webinar'],
      allowedCostCategories: ['Event', 'Catering'],
      coFundingPercent: 50,
      claimDeadlineDays: 60,
      proofRequiredActivityTypes: ['Event'],
      maxClaimsPerRequest: 2
    },
    priorInvoices: [],
    documents,
    ...overrides
  };
}
