/**
 * Browser journeys of routing and notifications (issue 16): the score card names the manager the
 * routing rules assigned; managers and partners set their notification preferences; a manager out
 * of office receives no new reviews.
 */
import assert from 'node:assert/strict';
import { textOf, type JourneyContext } from './harness';
import { completeDraft, openConsole, selectInQueue, submitAs, type Journey } from './journeys';

const registration = (ctx: JourneyContext, customer: string) =>
  [...ctx.preview.org.registrations.values()].find((r) => r.customerName === customer);

const routingOnTheScoreCard: Journey = {
  name: 'routing-assigned-manager',
  async run(ctx) {
    await submitAs(ctx, 'northwind', completeDraft('Kessler Pumpenwerk', 'kessler-pumpen.de'));
    const r = registration(ctx, 'Kessler Pumpenwerk');
    assert.ok(r?.assignedReviewerId, 'the routing rules assigned a manager');
    assert.equal(r.routingRule, 'Default', 'the catch-all rule matched');
    const manager = ctx.preview.org.users.get(r.assignedReviewerId)?.name ?? '';

    const page = await ctx.newPage();
    await openConsole(ctx, page);
    await selectInQueue(page, 'Kessler Pumpenwerk');
    const card = page.locator('c-deal-score-card');
    await textOf(card.locator('[data-id="assignment"]'), new RegExp(`${manager} \\(routing rule Default\\)`));
    await ctx.visit(page, 'score card names the assigned manager');
    assert.ok(
      ctx.preview.org.audit.some(
        (a) => a.dealId === r.id && a.eventType === 'ASSIGNED' && a.detail.includes('rule Default')
      ),
      'the matched rule is in the audit trail'
    );
  }
};

const managerPreferences: Journey = {
  name: 'notification-preferences-manager',
  async run(ctx) {
    const page = await ctx.newPage();
    await page.goto(`${ctx.url}/console/notifications`);
    await page.getByRole('group', { name: 'Tell me about' }).waitFor();
    await ctx.visit(page, 'manager preferences');
    // SLDS draws its own box over the (visually hidden) input: users click the label.
    await page.getByText('Review past its SLA', { exact: true }).click();
    await page.getByText('Bell only', { exact: true }).click();
    await page.getByText(/I am out of office/).click();
    assert.equal(await page.getByRole('checkbox', { name: 'Review past its SLA' }).isChecked(), false);
    assert.equal(await page.getByRole('checkbox', { name: /I am out of office/ }).isChecked(), true);
    await page.getByRole('button', { name: 'Save preferences' }).click();
    await page.getByText('Your preferences are saved.').waitFor();
    await ctx.visit(page, 'manager preferences saved');

    const org = ctx.preview.org;
    const morgan = org.userByPersona('manager');
    const riley = org.userByPersona('reviewer');
    await submitAs(ctx, 'blueriver', completeDraft('Hollander Bakeries', 'hollander-bakeries.nl'));
    assert.equal(
      registration(ctx, 'Hollander Bakeries')?.assignedReviewerId,
      riley.id,
      'Morgan is out of office: the new review goes to Riley'
    );

    // The saved choices come back when the page is opened again.
    await page.reload();
    await page.getByRole('group', { name: 'Tell me about' }).waitFor();
    assert.equal(await page.getByRole('checkbox', { name: 'Review past its SLA' }).isChecked(), false);
    assert.equal(await page.getByRole('radio', { name: 'Bell only' }).isChecked(), true);
    assert.ok(morgan.id !== riley.id);
  }
};

const partnerPreferences: Journey = {
  name: 'notification-preferences-partner',
  async run(ctx) {
    // Aura site (synthetic shadow): turn one event off. LWR site (native shadow): the choice is
    // there, and turning it back on works the same way.
    for (const [shadow, wasOn] of [
      ['synthetic', true],
      ['native', false]
    ] as const) {
      const page = await ctx.newPage();
      await page.goto(`${ctx.url}/portal/notifications?as=northwind&shadow=${shadow}`);
      await page.getByRole('group', { name: 'Tell me about' }).waitFor();
      assert.equal(await page.getByRole('checkbox', { name: 'Protection ending soon' }).count(), 1);
      assert.equal(
        await page.getByRole('checkbox', { name: /out of office/ }).count(),
        0,
        'no manager settings'
      );
      const submitted = page.getByRole('checkbox', { name: 'Submission received' });
      assert.equal(await submitted.isChecked(), wasOn, `${shadow}: the saved choice is shown`);
      await page.getByText('Submission received', { exact: true }).click();
      assert.equal(await submitted.isChecked(), !wasOn);
      await page.getByRole('button', { name: 'Save preferences' }).click();
      await page.getByText('Your preferences are saved.').waitFor();
      await ctx.visit(page, `partner preferences saved (${shadow})`);
    }
  }
};

export const ROUTING_JOURNEYS: Journey[] = [routingOnTheScoreCard, managerPreferences, partnerPreferences];
