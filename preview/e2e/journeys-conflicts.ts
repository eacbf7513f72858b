// Conflicts at the level of the deal: two partners register the same project for one customer in
// different words; the manager's score card shows both deals side by side with the function's
// "same deal" comparison and its reasons.
import assert from 'node:assert/strict';
import { textOf } from './harness';
import { completeDraft, openConsole, selectInQueue, submitAs, type Journey } from './journeys';

const sameDealJourney: Journey = {
  name: 'conflict-same-deal-comparison',
  async run(ctx) {
    await submitAs(ctx, 'northwind', {
      ...completeDraft('Vesterhavn Foods', 'vesterhavn-foods.dk'),
      customerCountry: 'DK',
      opportunityName: 'Vesterhavn plant yield dashboards',
      products: 'Analytics Cloud; Data Hub',
      dealValue: 150000,
      expectedCloseDate: '2027-05-31',
      description:
        'Yield and scrap dashboards for the three processing plants, replacing weekly spreadsheet reports; the COO sponsors the pilot.'
    });
    await submitAs(ctx, 'blueriver', {
      ...completeDraft('Vesterhavn Foods A/S', 'vesterhavn-foods.dk'),
      customerCountry: 'DK',
      opportunityName: 'Vesterhavn yield analytics',
      products: 'Analytics Cloud',
      dealValue: 140000,
      expectedCloseDate: '2027-06-15',
      contactName: 'Mads Holm',
      contactEmail: 'mads.holm@vesterhavn-foods.dk',
      description:
        'Plant yield analytics for the processing plants: live dashboards instead of spreadsheet reports.'
    });

    const manager = await ctx.newPage();
    await openConsole(ctx, manager);
    await selectInQueue(manager, 'Vesterhavn Foods A/S');
    const card = manager.locator('c-deal-score-card');
    const badge = await textOf(card.locator('[data-id="deal-badge"]').first(), /Same deal \d+%/);
    assert.match(badge, /Same deal \d+%/);
    const reasons = await textOf(card.locator('[data-id="deal-reasons"]').first(), /same products/);
    assert.ok(reasons.includes('same products: Analytics Cloud'), `deal reasons: ${reasons}`);
    assert.ok(/close dates 15 days apart/.test(reasons), `deal reasons: ${reasons}`);
    // Both opportunities side by side in the comparison table.
    const table = await textOf(card.locator('[data-id="comparison"]').first(), /Vesterhavn yield analytics/);
    assert.ok(table.includes('Vesterhavn plant yield dashboards'), 'the other deal is shown beside this one');
    await ctx.visit(manager, 'deal comparison on the score card');
  }
};

export const CONFLICT_JOURNEYS: Journey[] = [sameDealJourney];
