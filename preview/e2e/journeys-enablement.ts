/**
 * The enablement feed in the browser: a channel manager sends two of Northwind's registrations back
 * for a missing technical contact; Northwind's "Recommended for you" then leads with the module on
 * technical stakeholders and says why; "Done" and "Not relevant" take items off the list and stay off
 * after a reload; Blue River's feed knows nothing of Northwind's. Under synthetic and native shadow.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { type JourneyContext, textOf } from './harness';

interface Journey {
  name: string;
  run(ctx: JourneyContext): Promise<void>;
}

const TECH_REASON =
  "Please add the customer's technical contact (IT lead or architect) who signs off the integration.";
const MODULE = 'Qualifying technical stakeholders';

function draft(customerName: string, domain: string): DealPortalDraft {
  return {
    customerName,
    customerWebsite: `https://www.${domain}`,
    customerCountry: 'DE',
    customerRegion: 'EMEA',
    customerIndustry: 'Manufacturing',
    customerEmployees: 900,
    opportunityName: `${customerName} plant analytics`,
    dealValue: 64000,
    dealCurrency: 'EUR',
    expectedCloseDate: '2027-06-30',
    products: 'Analytics Cloud; Data Hub',
    description: 'Plant dashboards for three sites; we run the pilot with the operations team.',
    contactName: 'Lena Vogt',
    contactEmail: `lena@${domain}`,
    contactPhone: '+49 30 555 0100',
    contactTitle: 'Head of Operations'
  };
}

/** Northwind submits; the manager asks for the technical contact (set-up through the controllers). */
async function sendBack(ctx: JourneyContext, customer: string, domain: string): Promise<void> {
  const submitted = await ctx.apex<DealPortalSubmitResult>(
    'northwind',
    'DealRegistrationPortalController.submit',
    {
      draft: draft(customer, domain)
    }
  );
  await ctx.preview.org.settled();
  await ctx.apex('manager', 'DealReviewController.decide', {
    dealId: submitted.id,
    action: 'REQUEST_INFO',
    reason: TECH_REASON,
    reassignToUserId: null
  });
}

function feedUrl(ctx: JourneyContext, persona: string, shadow: string): string {
  return `${ctx.url}/portal/enablement?as=${persona}&shadow=${shadow}`;
}

/** The list item of one recommendation, by its title. */
function item(page: Page, title: string) {
  return page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title, exact: true }) });
}

async function openFeed(ctx: JourneyContext, page: Page, persona: string, shadow: string): Promise<void> {
  await page.goto(feedUrl(ctx, persona, shadow));
  await page.getByRole('heading', { name: 'Recommended for you', level: 2 }).waitFor();
  await page.getByRole('listitem').first().waitFor();
}

function enablementJourney(shadow: 'synthetic' | 'native'): Journey {
  return {
    name: `enablement-feed-${shadow}`,
    async run(ctx) {
      await sendBack(ctx, 'Hallberg Maschinenbau GmbH', 'hallberg-maschinenbau.de');
      await sendBack(ctx, 'Ostwerk Armaturen AG', 'ostwerk-armaturen.de');

      const page = await ctx.newPage();
      await openFeed(ctx, page, 'northwind', shadow);
      const first = page.getByRole('listitem').first();
      const firstTitle = (await first.getByRole('heading').textContent())?.trim();
      assert.equal(firstTitle, MODULE, 'the sent-back pattern leads the feed');
      await textOf(
        item(page, MODULE),
        /Because 2 of your registrations were sent back for a missing technical contact\./
      );
      ctx.check(
        !(await page.locator('body').innerText()).includes('IT lead or architect'),
        "the manager's wording is not repeated in the feed"
      );
      await ctx.visit(page, 'feed led by the sent-back reason');

      await item(page, MODULE).getByRole('button', { name: 'Done' }).click();
      await textOf(
        page.locator('[data-id="confirmation"]'),
        /Marked as done: Qualifying technical stakeholders/
      );
      await item(page, MODULE).waitFor({ state: 'detached' });
      await ctx.visit(page, 'marked done');

      const dismissed =
        (await page.getByRole('listitem').first().getByRole('heading').textContent())?.trim() ?? '';
      assert.ok(dismissed, 'another item is shown');
      await item(page, dismissed).getByRole('button', { name: 'Not relevant' }).click();
      await textOf(page.locator('[data-id="confirmation"]'), /Removed from your list/);
      await ctx.visit(page, 'marked not relevant');

      await openFeed(ctx, page, 'northwind', shadow);
      assert.equal(await item(page, MODULE).count(), 0, 'a done item stays off the feed');
      assert.equal(await item(page, dismissed).count(), 0, 'a dismissed item stays off the feed');
      await ctx.visit(page, 'feedback kept after reload');

      const other = await ctx.newPage();
      await openFeed(ctx, other, 'blueriver', shadow);
      const text = await other.locator('body').innerText();
      assert.ok(
        !/sent back for a missing technical contact/.test(text),
        "Blue River's feed shows Northwind's reasons"
      );
      ctx.check(
        (await item(other, MODULE).count()) === 0 || !/sent back/.test(await item(other, MODULE).innerText()),
        'no sent-back reason for Blue River'
      );
      await ctx.visit(other, 'another partner sees their own feed');
    }
  };
}

/** Spread into JOURNEYS (journeys.ts). */
export const ENABLEMENT_JOURNEYS: Journey[] = [enablementJourney('synthetic'), enablementJourney('native')];
