/**
 * The browser journeys: a partner and a channel manager using the real components against the
 * preview org. Written against what users see (labels, roles, text), not component internals,
 * so splitting a component into children does not break them.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { JourneyContext, tabTo, textOf } from './harness';
import { MDF_JOURNEYS } from './journeys-mdf';
import { CONFLICT_JOURNEYS } from './journeys-conflicts';
import { ROUTING_JOURNEYS } from './journeys-routing';
import { FORECAST_JOURNEYS } from './journeys-forecast';
import { PARTNER_JOURNEYS } from './journeys-partner';
import { ENABLEMENT_JOURNEYS } from './journeys-enablement';

export interface Journey {
  name: string;
  run(ctx: JourneyContext): Promise<void>;
}

const EMAIL = `Hi team,

we met Hafenstadt Logistik GmbH (www.hafenstadt-logistik.de) last week. They want to roll out
Analytics Cloud and Data Connectors across 6 warehouses. Budget is EUR 85,000 and they aim to
sign by 30 April 2027.

Contact: Jana Berger, Head of Operations, jana.berger@hafenstadt-logistik.de, +49 40 555 0199

Best, Nora`;

function portal(
  ctx: JourneyContext,
  page: 'new' | 'registrations',
  persona: string,
  shadow = 'synthetic'
): string {
  return `${ctx.url}/portal/${page}?as=${persona}&shadow=${shadow}`;
}

async function openForm(
  ctx: JourneyContext,
  page: Page,
  persona: string,
  shadow = 'synthetic'
): Promise<void> {
  await page.goto(portal(ctx, 'new', persona, shadow));
  await page.getByRole('button', { name: 'Submit registration' }).waitFor();
}

async function chooseOption(page: Page, combobox: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: combobox }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function fieldValue(page: Page, label: string): Promise<string> {
  return page.getByLabel(label).first().inputValue();
}

/** The status cell of a registration in "My deal registrations", by customer name. */
function listRow(page: Page, customer: string) {
  return page.getByRole('row').filter({ hasText: customer });
}

async function waitForListStatus(page: Page, customer: string, status: RegExp): Promise<string> {
  const started = Date.now();
  let last = '';
  while (Date.now() - started < 20_000) {
    last = (
      (await listRow(page, customer)
        .textContent()
        .catch(() => '')) ?? ''
    ).replace(/\s+/g, ' ');
    if (status.test(last)) return last;
    await page.waitForTimeout(300);
    if (Date.now() - started > 5_000)
      await page
        .getByRole('button', { name: 'Refresh' })
        .first()
        .click()
        .catch(() => undefined);
  }
  assert.fail(`registration for ${customer} never showed ${status}; row: "${last}"`);
}

/** Submits a complete registration as a persona through the controller (set-up, not the subject). */
export async function submitAs(
  ctx: JourneyContext,
  persona: string,
  draft: DealPortalDraft
): Promise<DealPortalSubmitResult> {
  const result = await ctx.apex<DealPortalSubmitResult>(persona, 'DealRegistrationPortalController.submit', {
    draft
  });
  await ctx.preview.org.settled();
  return result;
}

export function completeDraft(customerName: string, domain: string): DealPortalDraft {
  return {
    customerName,
    customerWebsite: `https://www.${domain}`,
    customerCountry: 'NL',
    customerRegion: 'EMEA',
    customerIndustry: 'Manufacturing',
    customerEmployees: 640,
    opportunityName: `${customerName} planning analytics`,
    dealValue: 72000,
    dealCurrency: 'EUR',
    expectedCloseDate: '2027-05-31',
    products: 'Analytics Cloud',
    description:
      'Replace monthly spreadsheet reporting with live dashboards; the COO sponsors it and we run the pilot.',
    contactName: 'Sanne de Vries',
    contactEmail: `sanne@${domain}`,
    contactPhone: '+31 20 555 0142',
    contactTitle: 'COO'
  };
}

export async function openConsole(ctx: JourneyContext, page: Page): Promise<void> {
  await page.goto(`${ctx.url}/console`);
  await page.getByText('Registrations awaiting review').waitFor();
}

/** Opens a registration's score card from the queue (the registration name is a "Show score card" button). */
export async function selectInQueue(page: Page, customer: string): Promise<void> {
  const rows = page.getByRole('row').filter({ has: page.getByRole('button', { name: /^DR-\d+$/ }) });
  // The queue refreshes after each decision, so a row counted a moment ago can be gone when it is
  // clicked: look the row up again until one click lands (or the deadline passes).
  const deadline = Date.now() + 15_000;
  for (;;) {
    await rows.first().waitFor();
    const count = await rows.count();
    // Narrow columns truncate the customer's name on screen; the cell's title carries it whole.
    let found = false;
    for (let i = 0; i < count; i++) {
      const row = rows.nth(i);
      const html = await row.innerHTML({ timeout: 1000 }).catch(() => '');
      if (!html.includes(customer)) continue;
      found = true;
      const clicked = await row
        .getByRole('button', { name: /^DR-\d+$/ })
        .click({ timeout: 2000 })
        .then(
          () => true,
          () => false
        );
      // A row that moved between reading and clicking opens another registration: check which opened.
      const opened =
        clicked &&
        (await page
          .locator('c-deal-score-card')
          .getByText(customer)
          .first()
          .waitFor({ timeout: 5000 })
          .then(
            () => true,
            () => false
          ));
      if (opened) return;
      break;
    }
    if (Date.now() > deadline)
      assert.fail(
        found ? `the queue row naming ${customer} could not be clicked` : `no queue row names ${customer}`
      );
    await page.waitForTimeout(200);
  }
}

async function decide(ctx: JourneyContext, page: Page, action: string, reason: string): Promise<string> {
  await page.getByRole('button', { name: action, exact: true }).click();
  await page.getByLabel('Reason').fill(reason);
  return confirmDecision(ctx, page, action);
}

/** Clicks Confirm once and expects the decision's toast; a lost first click is reported, then retried. */
async function confirmDecision(ctx: JourneyContext, page: Page, what: string): Promise<string> {
  const before = Number((await page.locator('#toasts').getAttribute('data-shown')) ?? '0');
  const toast = page.locator(`[data-preview="toast"][data-seq="${before + 1}"]`);
  await page.getByRole('button', { name: 'Confirm' }).click();
  const saved = await toast.waitFor({ timeout: 4000 }).then(
    () => true,
    () => false
  );
  ctx.check(
    saved,
    `${what}: a single Confirm click after typing the reason does not save the decision (issue 10, 3.1)`
  );
  if (!saved) await page.getByRole('button', { name: 'Confirm' }).click();
  await toast.waitFor();
  const title = ((await toast.locator('h2').textContent()) ?? '').trim();
  const message = (
    (await toast
      .locator('p')
      .textContent()
      .catch(() => '')) ?? ''
  ).trim();
  ctx.check(title !== message, `the decision toast says "${title}" twice (issue 10, 3.5)`);
  return `${title} ${message}`.trim();
}

// ---------------------------------------------------------------- journeys

function partnerJourney(shadow: 'synthetic' | 'native'): Journey {
  return {
    name: `partner-paste-submit-${shadow}`,
    async run(ctx) {
      const page = await ctx.newPage();
      await openForm(ctx, page, 'northwind', shadow);
      await ctx.visit(page, 'empty form');

      await page.getByLabel('Paste an email or meeting notes').fill(EMAIL);
      await page.getByRole('button', { name: 'Fill the form' }).click();
      await page.getByText(/field\(s\) filled from your text/).waitFor();
      await ctx.visit(page, 'filled from the email');

      assert.equal(await fieldValue(page, 'Customer company name'), 'Hafenstadt Logistik GmbH');
      assert.equal(await fieldValue(page, 'Contact email'), 'jana.berger@hafenstadt-logistik.de');
      assert.match(await fieldValue(page, 'Estimated deal value'), /^85,?000(\.00)?$/);
      // The email says EUR: the form's initial USD is not something the partner typed (issue 10, 3.2).
      const currency = await fieldValue(page, 'Currency');
      ctx.check(
        currency === 'EUR',
        `Currency after pasting an email that says EUR is "${currency}" (issue 10, 3.2)`
      );
      assert.ok(
        (await page.getByText('Filled from your text').count()) >= 3,
        'fields filled from the email are marked'
      );

      // Fix what the email did not say.
      await page.getByLabel('Opportunity name').fill('Hafenstadt warehouse analytics');
      await chooseOption(page, 'Region', 'EMEA');
      await page.getByLabel('Products').fill('Analytics Cloud; Data Connectors');
      await page.getByLabel('Opportunity name').press('Tab');
      await ctx.visit(page, 'missing fields fixed');

      await page.getByRole('button', { name: 'Submit registration' }).click();
      const ack = await textOf(
        page.locator('[data-id="acknowledgment"]'),
        /Registration DR-\d+ is submitted/
      );
      const name = /DR-\d+/.exec(ack)?.[0] ?? '';
      await ctx.visit(page, 'acknowledgment');

      await page.getByRole('link', { name: 'My registrations' }).click();
      await page.getByText('My deal registrations').first().waitFor();
      const row = await waitForListStatus(page, 'Hafenstadt Logistik GmbH', /In Review|Conflict Review/);
      assert.match(row, new RegExp(name));
      await ctx.visit(page, 'status in my registrations');
    }
  };
}

const nativeStyling: Journey = {
  name: 'partner-form-native-shadow-layout',
  async run(ctx) {
    // Under native shadow (LWR sites) the page's SLDS stylesheet does not reach into shadow roots;
    // the form must still lay out as it does under synthetic shadow: two fields side by side.
    const tops: Record<string, number[]> = {};
    for (const shadow of ['synthetic', 'native'] as const) {
      const page = await ctx.newPage();
      await openForm(ctx, page, 'blueriver', shadow);
      const a = await page.getByLabel('Customer company name').boundingBox();
      const b = await page.getByLabel('Customer website').boundingBox();
      assert.ok(a && b, 'both fields are drawn');
      tops[shadow] = [Math.round(a.y), Math.round(b.y)];
      await ctx.visit(page, `form ${shadow} shadow`);
    }
    const [sa, sb] = tops.synthetic ?? [];
    assert.equal(sa, sb, 'synthetic shadow: name and website share a row');
    const [na, nb] = tops.native ?? [];
    assert.equal(na, nb, 'native shadow (LWR): name and website share a row as under synthetic shadow');
  }
};

const managerJourney: Journey = {
  name: 'manager-decisions',
  async run(ctx) {
    // A registration for a customer another partner registered first (the AI recommends the conflict
    // review, whose expected outcome is a rejection) and three complete ones. A sparse registration can
    // no longer be submitted: the five required fields are one definition (vocabulary/vocabulary.json).
    await submitAs(ctx, 'blueriver', completeDraft('Contoso Pharma', 'contoso-pharma.com'));
    await submitAs(ctx, 'northwind', completeDraft('Contoso Pharma GmbH', 'contoso-pharma.com'));
    await submitAs(ctx, 'northwind', completeDraft('Vanderberg Machinery', 'vanderberg-machinery.nl'));
    await submitAs(ctx, 'northwind', completeDraft('Oosterhout Foods', 'oosterhout-foods.nl'));
    await submitAs(ctx, 'northwind', completeDraft('Lindqvist Marine', 'lindqvist-marine.se'));

    const page = await ctx.newPage();
    await openConsole(ctx, page);
    await ctx.visit(page, 'queue');

    // Approve against the AI's advice: the override warning shows before confirming.
    await selectInQueue(page, 'Contoso Pharma GmbH');
    await ctx.visit(page, 'score card');
    await page.getByRole('button', { name: 'Approve', exact: true }).click();
    await textOf(page.locator('[data-id="override-warning"]'), /overrides the AI recommendation/);
    // One click on Confirm with no reason shows the reason error (issue 10, 3.1: the first click is not lost).
    await page.getByRole('button', { name: 'Confirm' }).click();
    const reasonError = page.getByText('Enter a reason for the decision.').first();
    const shownAtOnce = await reasonError.waitFor({ timeout: 3000 }).then(
      () => true,
      () => false
    );
    ctx.check(shownAtOnce, 'the first Confirm click with an empty reason is lost (issue 10, 3.1)');
    if (!shownAtOnce) {
      await page.getByRole('button', { name: 'Confirm' }).click();
      await reasonError.waitFor();
    }
    await ctx.visit(page, 'override warning and missing reason');
    await page.getByLabel('Reason').fill('Different business unit; Blue River sells to the parent company.');
    const approved = await confirmDecision(ctx, page, 'Approve after the missing-reason message');
    assert.match(approved, /recorded as an override/);
    await ctx.visit(page, 'approved with override');
    assert.equal(
      [...ctx.preview.org.registrations.values()].find((r) => r.customerName === 'Contoso Pharma GmbH')
        ?.status,
      'Approved'
    );

    // Reject: the toast says it once (issue 10, 3.5).
    await selectInQueue(page, 'Vanderberg Machinery');
    const rejected = await decide(ctx, page, 'Reject', 'Customer is served directly by our enterprise team.');
    assert.match(rejected, /Decision saved/);
    await ctx.visit(page, 'rejected');

    // Request information.
    await selectInQueue(page, 'Oosterhout Foods');
    await decide(ctx, page, 'Request information', 'Which plants are in the first phase?');
    await ctx.visit(page, 'information requested');

    // Reassign to another reviewer.
    await selectInQueue(page, 'Lindqvist Marine');
    await page.getByRole('button', { name: 'Reassign', exact: true }).click();
    await chooseOption(page, 'Reassign to', 'Riley Chen');
    await page.getByLabel('Reason').fill('Riley covers the Nordics.');
    await confirmDecision(ctx, page, 'Reassign');
    await ctx.visit(page, 'reassigned');

    const byCustomer = (c: string) =>
      [...ctx.preview.org.registrations.values()].find((r) => r.customerName === c);
    assert.equal(byCustomer('Vanderberg Machinery')?.status, 'Rejected');
    assert.equal(byCustomer('Oosterhout Foods')?.status, 'More Info Requested');
    assert.equal(
      byCustomer('Lindqvist Marine')?.assignedReviewerId,
      ctx.preview.org.userByPersona('reviewer').id
    );
    assert.equal(byCustomer('Lindqvist Marine')?.decisionReason, 'Riley covers the Nordics.');
  }
};

const moreInfoLoop: Journey = {
  name: 'request-more-info-loop',
  async run(ctx) {
    await submitAs(ctx, 'blueriver', completeDraft('Brouwer Textiles', 'brouwer-textiles.nl'));
    const question = 'How many seats does the first phase need?';
    const manager = await ctx.newPage();
    await openConsole(ctx, manager);
    await selectInQueue(manager, 'Brouwer Textiles');
    await decide(ctx, manager, 'Request information', question);

    const partner = await ctx.newPage();
    await partner.goto(portal(ctx, 'registrations', 'blueriver'));
    await waitForListStatus(partner, 'Brouwer Textiles', /More Info Requested/);
    await listRow(partner, 'Brouwer Textiles').getByRole('button').first().click();
    // The manager's question is shown with the answer box (issue 10, 3.7).
    await partner.getByText(question).first().waitFor();
    await ctx.visit(partner, 'question from the channel manager');
    const answer = partner.getByLabel(/Your answer|Partner response|answer/i).first();
    await answer.fill('120 seats in phase one, 300 by the end of 2027.');
    await partner.getByRole('button', { name: 'Send answer and resubmit' }).click();
    await waitForListStatus(partner, 'Brouwer Textiles', /In Review|Conflict Review/);
    await ctx.visit(partner, 'answered and back in review');

    await openConsole(ctx, manager);
    await selectInQueue(manager, 'Brouwer Textiles');
    await manager.getByText('120 seats in phase one').first().waitFor();
    await ctx.visit(manager, 'answer on the score card');
  }
};

const conflictJourney: Journey = {
  name: 'conflict-two-partners',
  async run(ctx) {
    const northwind = await submitAs(
      ctx,
      'northwind',
      completeDraft('Kessler Automotive', 'kessler-automotive.de')
    );
    const page = await ctx.newPage();
    await openForm(ctx, page, 'blueriver');
    await page.getByLabel('Customer company name').fill('Kessler Automotive GmbH');
    await page.getByLabel('Customer website').fill('https://kessler-automotive.de');
    await page.getByLabel('Estimated deal value').fill('95000');
    await page.getByLabel('Contact name').fill('Lena Kessler');
    await page.getByLabel('Contact email').fill('lena@kessler-automotive.de');
    // The date field takes the date as the partner's locale writes it.
    await page.getByLabel('Expected close date').fill('Jun 30, 2027');
    await page.getByLabel('Customer website').click();
    await page.getByRole('button', { name: 'Submit registration' }).click();
    const warning = await textOf(page.locator('[data-id="duplicates"]'), /already/);
    // Another partner's registration is never named to Blue River.
    assert.ok(!warning.includes(northwind.name), `duplicate warning names Northwind's ${northwind.name}`);
    assert.ok(!/Northwind/i.test(warning), 'duplicate warning names the other partner');
    await ctx.visit(page, 'duplicate warning');
    await page.getByRole('button', { name: 'Submit anyway' }).click();
    await textOf(page.locator('[data-id="acknowledgment"]'), /is submitted/);
    await ctx.preview.org.settled();

    const list = await ctx.newPage();
    await list.goto(portal(ctx, 'registrations', 'blueriver'));
    await waitForListStatus(list, 'Kessler Automotive GmbH', /Conflict Review|In Review/);
    assert.equal(
      await list.getByText(northwind.name).count(),
      0,
      "Blue River's list shows Northwind's registration"
    );
    await ctx.visit(list, 'blue river list');

    const manager = await ctx.newPage();
    await openConsole(ctx, manager);
    await selectInQueue(manager, 'Kessler Automotive GmbH');
    await manager.getByText('Potential conflicts').first().waitFor();
    await manager.getByText(northwind.name).first().waitFor();
    await ctx.visit(manager, 'conflict on the score card');
  }
};

const keyboardOnly: Journey = {
  name: 'keyboard-only-form',
  async run(ctx) {
    const page = await ctx.newPage();
    await openForm(ctx, page, 'northwind');
    await page.locator('body').click({ position: { x: 2, y: 2 } });
    await tabTo(page, /^Submit registration$/);
    await page.keyboard.press('Enter');
    await page
      .getByText(/is required/)
      .first()
      .waitFor();
    await ctx.visit(page, 'submit with nothing filled');

    await tabTo(page, /Customer company name/, 'field');
    await page.keyboard.type('Ravensburg Optics');
    await tabTo(page, /Estimated deal value/, 'field');
    await page.keyboard.type('48000');
    await tabTo(page, /Expected close date/, 'field');
    await page.keyboard.type('Jul 15, 2027');
    await tabTo(page, /Contact name/, 'field');
    await page.keyboard.type('Jonas Weber');
    await tabTo(page, /Contact email/, 'field');
    await page.keyboard.type('jonas.weber@ravensburg-optics.de');
    await tabTo(page, /^Submit registration$/);
    await ctx.visit(page, 'filled by keyboard');
    await page.keyboard.press('Enter');
    await textOf(page.locator('[data-id="acknowledgment"]'), /is submitted/);
    await ctx.visit(page, 'submitted by keyboard');
  }
};

const narrowForm: Journey = {
  name: 'form-at-390px',
  async run(ctx) {
    const page = await ctx.newPage({ width: 390, height: 844 });
    await openForm(ctx, page, 'blueriver');
    await ctx.visit(page, 'form at 390 px');
    const overflow = (await page.evaluate(
      'document.documentElement.scrollWidth - window.innerWidth'
    )) as number;
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px at 390px`);
    await page.getByLabel('Customer company name').fill('Ostrava Steelworks');
    await page.getByLabel('Estimated deal value').fill('130000');
    await page.getByLabel('Expected close date').fill('Aug 1, 2027');
    await page.getByLabel('Contact name').fill('Petr Novak');
    await page.getByLabel('Contact email').fill('petr.novak@ostrava-steel.cz');
    await page.getByLabel('Expected close date').press('Tab');
    const submit = page.getByRole('button', { name: 'Submit registration' });
    await submit.scrollIntoViewIfNeeded();
    const box = await submit.boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= 390, 'the submit button fits the screen');
    await submit.click();
    await textOf(page.locator('[data-id="acknowledgment"]'), /is submitted/);
    await ctx.visit(page, 'submitted at 390 px');
  }
};

export const JOURNEYS: Journey[] = [
  partnerJourney('synthetic'),
  partnerJourney('native'),
  nativeStyling,
  managerJourney,
  moreInfoLoop,
  conflictJourney,
  keyboardOnly,
  narrowForm,
  ...MDF_JOURNEYS,
  ...CONFLICT_JOURNEYS,
  ...ROUTING_JOURNEYS,
  ...FORECAST_JOURNEYS,
  ...PARTNER_JOURNEYS,
  ...ENABLEMENT_JOURNEYS
];
