/**
 * Browser journeys of the MDF claim flow: a partner claims funds on an approved fund request
 * (costs, an invoice PDF uploaded, the fields read and the problems found, an explanation, submit);
 * a channel manager reviews the seeded claim (document fields beside the claim, discrepancies with
 * evidence) and decides it; the registration's score card links the claim. The documents are read
 * by the real function (`POST /v1/mdf/check`, in-process).
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { textOf, type JourneyContext } from './harness';
import type { Journey } from './journeys';
import {
  BLUERIVER_FUND_REQUEST,
  invoicePdf,
  mdfState,
  NORTHWIND_FUND_REQUEST,
  SEEDED_CLAIM
} from '../org/mdf';

/** Northwind's invoice for the roadshow: the gross total (1,469.13) is more than the claim. */
const ROADSHOW_INVOICE: [string, string?][] = [
  ['Northwind Events GmbH'],
  ['Rechnungsnr.: RE-2026-0042'],
  ['Rechnungsdatum: 14.05.2026'],
  ['Booth rental', '1.000,00'],
  ['Catering for attendees', '234,56'],
  ['Zwischensumme', '1.234,56'],
  ['MwSt. 19%', '234,57'],
  ['Gesamtbetrag (EUR)', '1.469,13']
];

async function fill(page: Page, label: string, value: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.fill(value);
  await input.press('Tab');
}

async function chooseOption(page: Page, combobox: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: combobox }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

const partnerClaim: Journey = {
  name: 'mdf-partner-claim',
  async run(ctx: JourneyContext) {
    const page = await ctx.newPage();
    await page.goto(`${ctx.url}/portal/mdf-claim?as=northwind`);
    await page.getByText('Spring partner roadshow').waitFor();
    await ctx.visit(page, 'fund request');

    await fill(page, 'Amount claimed', '700');
    await fill(page, 'Activity start', 'May 10, 2026');
    await fill(page, 'Activity end', 'May 12, 2026');
    await fill(page, 'Cost 1: description', 'Booth rental');
    await chooseOption(page, 'Cost 1: category', 'Venue');
    await fill(page, 'Cost 1: amount', '1190');
    await page.getByRole('button', { name: 'Add a cost' }).click();
    await fill(page, 'Cost 2: description', 'Catering');
    await chooseOption(page, 'Cost 2: category', 'Catering');
    await fill(page, 'Cost 2: amount', '279.13');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await textOf(page.locator('[data-id="notice"]'), /Draft saved/);
    await ctx.visit(page, 'draft saved');

    await page.getByLabel('Invoices and receipts').setInputFiles({
      name: 'northwind-invoice.pdf',
      mimeType: 'application/pdf',
      buffer: await invoicePdf(ROADSHOW_INVOICE)
    });
    await textOf(page.locator('[data-id="notice"]'), /Files uploaded/);
    await page.getByRole('button', { name: 'Check documents' }).click();
    const documents = await textOf(page.locator('[data-id="documents"]'), /Read/, 60_000);
    assert.match(documents, /northwind-invoice\.pdf/);
    assert.match(documents, /RE-2026-0042/);
    assert.match(documents, /1469\.13/);
    const problems = await textOf(page.locator('[data-id="messages"]'), /./);
    ctx.check(
      /proof/i.test(problems),
      `proof of execution is required for an Event and none was uploaded: "${problems}"`
    );
    await ctx.visit(page, 'fields read and problems shown');

    await page
      .getByLabel('Explain anything the check found that you cannot fix (optional)')
      .fill('Photos of the booth follow from the event agency.');
    await page.getByRole('button', { name: 'Submit claim' }).click();
    await textOf(page.locator('[data-id="stage"]'), /Submitted/, 60_000);
    await ctx.visit(page, 'submitted');
    const claim = [...mdfState(ctx.preview.org).claims.values()].find(
      (c) => c.requestId === NORTHWIND_FUND_REQUEST
    );
    assert.equal(claim?.stage, 'Submitted');
    assert.equal(claim?.pendingApproval, true, 'routed to the approval process');
    assert.equal(claim?.explanation, 'Photos of the booth follow from the event agency.');

    // Another company cannot open Northwind's fund request (the controller answers "not found").
    await assert.rejects(
      ctx.apex('blueriver', 'MdfClaimController.getClaimContext', { fundRequestId: NORTHWIND_FUND_REQUEST }),
      /Fund request not found/
    );
  }
};

const managerReview: Journey = {
  name: 'mdf-manager-review',
  async run(ctx: JourneyContext) {
    const page = await ctx.newPage();
    await page.goto(`${ctx.url}/console/mdf-review`);
    const rec = await textOf(
      page.locator('c-mdf-claim-review [data-id="recommendation"]'),
      /Recommendation: \w+/,
      60_000
    );
    await page.locator('c-mdf-claim-review [data-id="field-row"]').first().waitFor();
    const rows = await page.locator('c-mdf-claim-review [data-id="field-row"]').allTextContents();
    assert.ok(
      rows.some((r) => /HW-2026-118/.test(r)),
      `the invoice number is read: ${rows.join(' | ')}`
    );
    assert.ok(
      rows.some((r) => /Total/.test(r) && /1469\.13/.test(r) && /1500/.test(r)),
      'the total sits beside the claim'
    );
    const factors = await page.locator('c-mdf-claim-review [data-id="factor"]').allTextContents();
    assert.ok(factors.length > 0, 'discrepancies are listed');
    await ctx.visit(page, 'claim review');

    // The registration's score card links the claim.
    const link = page.locator('c-deal-score-card [data-id="mdf-claim"]');
    await link.waitFor();
    assert.match(
      (await link.textContent()) ?? (await link.getAttribute('label')) ?? '',
      /Blue River webinar series|Claim/
    );

    // Ask for more information with a reason.
    await page.getByRole('button', { name: 'Request more information' }).click();
    await page.getByRole('button', { name: 'Confirm' }).click();
    await textOf(page.locator('[data-id="reason-error"]'), /Give a reason/);
    await ctx.visit(page, 'reason required');
    await page.getByLabel(/Reason/).fill('Please add the webinar attendee list.');
    await page.getByRole('button', { name: 'Confirm' }).click();
    await textOf(page.locator('[data-id="decided"]'), /More Info Requested/);
    await ctx.visit(page, 'more information requested');
    const claim = mdfState(ctx.preview.org).claims.get(SEEDED_CLAIM);
    assert.equal(claim?.stage, 'More Info Requested');
    assert.equal(claim?.overridden, /APPROVE/.test(rec), 'asking for more on an APPROVE is an override');

    // The partner sees the reason and can fix the claim.
    const context = await ctx.apex<MdfClaimContext>('blueriver', 'MdfClaimController.getClaimContext', {
      fundRequestId: BLUERIVER_FUND_REQUEST
    });
    assert.equal(context.claim?.decisionReason, 'Please add the webinar attendee list.');
    assert.equal(context.claim?.canEdit, true);
  }
};

export const MDF_JOURNEYS: Journey[] = [partnerClaim, managerReview];
