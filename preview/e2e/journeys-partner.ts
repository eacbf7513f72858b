/**
 * Partner-lifecycle journeys: a partner works through their onboarding (a step with evidence, the
 * assistant answering from the guide and saying when it does not know, their standing), another
 * partner never sees it, and a channel manager decides tier reviews and sees stalled onboardings.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { textOf, type JourneyContext } from './harness';
import type { Journey } from './journeys';

function onboardingUrl(ctx: JourneyContext, persona: string, shadow = 'synthetic'): string {
  return `${ctx.url}/portal/onboarding?as=${persona}&shadow=${shadow}`;
}

async function openOnboarding(
  ctx: JourneyContext,
  page: Page,
  persona: string,
  shadow = 'synthetic'
): Promise<void> {
  await page.goto(onboardingUrl(ctx, persona, shadow));
  await page.getByRole('heading', { name: 'Your onboarding' }).waitFor();
  await page.getByRole('heading', { name: 'My standing' }).waitFor();
}

/** The list item of one onboarding step, by its title. */
function step(page: Page, title: string) {
  return page.getByRole('listitem').filter({ has: page.getByText(title, { exact: true }) });
}

function partnerOnboarding(shadow: 'synthetic' | 'native'): Journey {
  return {
    name: `partner-onboarding-${shadow}`,
    async run(ctx) {
      const page = await ctx.newPage();
      await openOnboarding(ctx, page, 'northwind', shadow);
      await textOf(page.locator('[data-id="progress-text"]'), /^2 of 7 steps done$/);
      await textOf(page.locator('[data-id="next-step"]'), /Sign the partner agreement/);
      await textOf(page.locator('[data-id="next-unlocks"]'), /Unlocks: Deal registration in the portal/);
      const agreement = step(page, 'Sign the partner agreement');
      await agreement.getByText('Overdue', { exact: true }).waitFor();
      const kickoff = step(page, 'Kick-off call with your partner manager');
      await kickoff.getByText('Your partner manager', { exact: true }).waitFor();
      ctx.check(
        !(await page.getByText('Call notes in the account plan').count()),
        "the manager's evidence of the kick-off shows in the portal"
      );
      ctx.check(!(await page.getByText(/escalate/i).count()), "the manager's notes show in the portal");
      await ctx.visit(page, 'onboarding in progress');

      // Evidence is required for the agreement.
      await agreement.getByRole('button', { name: 'Mark as done' }).click();
      await textOf(agreement.locator('[data-id="step-error"]'), /needs evidence/);
      await ctx.visit(page, 'evidence missing');
      await agreement.getByLabel('Evidence').fill('https://docs.example/northwind-agreement-signed.pdf');
      await agreement.getByRole('button', { name: 'Mark as done' }).click();
      await textOf(page.locator('[data-id="saved"]'), /Step marked as done/);
      await textOf(page.locator('[data-id="progress-text"]'), /^3 of 7 steps done$/);
      await textOf(
        page.locator('[data-id="next-step"]'),
        /Complete the sales fundamentals training|Receive your price list/
      );
      await ctx.visit(page, 'agreement done');

      // The assistant answers from the guide, names its source, and says when it does not know.
      await page.getByLabel('Your question').fill('How long is a registered deal protected?');
      await page.getByRole('button', { name: 'Ask' }).click();
      await textOf(page.locator('[data-id="answer-text"]'), /90 days/);
      await textOf(page.locator('[data-id="sources"]'), /From: How long is a registered deal protected\?/);
      await ctx.visit(page, 'assistant answer');
      await page.getByLabel('Your question').fill('What is the capital of France?');
      await page.getByRole('button', { name: 'Ask' }).click();
      await textOf(page.locator('[data-id="unknown"]'), /does not answer this/);
      await ctx.visit(page, 'assistant does not know');

      // The standing: the approved tier and what would move the partner up; no recommendation.
      await textOf(page.locator('[data-id="tier"]'), /Your tier: Gold/);
      await textOf(page.locator('[data-id="next-heading"]'), /To reach Platinum/);
      const standing = (await page.locator('[data-id="gaps"]').textContent()) ?? '';
      assert.match(standing, /more registrations/);
      ctx.check(
        !/demot|at risk/i.test(await page.locator('body').innerText()),
        'the portal shows the tier recommendation'
      );

      // Another company sees its own onboarding only.
      const other = await ctx.newPage();
      await openOnboarding(ctx, other, 'blueriver', shadow);
      await textOf(other.locator('[data-id="all-done"]'), /complete/);
      ctx.check(
        !(await other.getByText('northwind-agreement-signed').count()),
        "Blue River sees Northwind's evidence"
      );
      await ctx.visit(other, 'other partner');
    }
  };
}

const consoleTierReview: Journey = {
  name: 'console-tier-review',
  async run(ctx) {
    const page = await ctx.newPage();
    await page.goto(`${ctx.url}/console/partners`);
    await page.getByRole('heading', { name: 'Partner tier reviews' }).waitFor();
    await page.getByRole('heading', { name: 'Stalled onboardings' }).waitFor();
    const stalled = page.getByRole('row').filter({ hasText: 'Northwind' });
    await textOf(stalled, /Sign the partner agreement.*days overdue/);
    await ctx.visit(page, 'tier reviews and stalled onboardings');

    // The manager completes their own overdue step from the stalled list.
    await stalled.getByRole('button', { name: /Mark done: Receive your price list/ }).click();
    await textOf(page.locator('[data-id="saved"]'), /Step marked as done/);
    await textOf(stalled, /43%/);

    const northwind = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: /Northwind/ }) });
    const blueRiver = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: /Blue River/ }) });
    await textOf(northwind.locator('[data-id="action"]'), /Demote/);
    await textOf(
      northwind.locator('[data-id="evidence"]'),
      /Onboarding: 29% of steps done \(Gold needs 100%/
    );
    await textOf(blueRiver.locator('[data-id="action"]'), /Promote/);
    await textOf(blueRiver.locator('[data-id="evidence"]'), /Registrations in the last 12 months: 17/);

    // A rejection needs a reason.
    await northwind.getByRole('button', { name: 'Reject' }).click();
    await textOf(northwind.locator('.slds-form-element__help'), /Give a reason/);
    await ctx.visit(page, 'reject without a reason');
    await northwind
      .getByLabel('Comment')
      .fill('Onboarding is late because of their legal review; keep Gold.');
    await northwind.getByRole('button', { name: 'Reject' }).click();
    await textOf(page.locator('[data-id="decided"]'), /Decision recorded/);
    await blueRiver.getByRole('button', { name: 'Approve' }).click();
    await page.getByText('No tier review is waiting for a decision.').waitFor();
    await ctx.visit(page, 'both decided');

    // The approved promotion is Blue River's tier in the portal; Northwind keeps Gold.
    const partner = await ctx.newPage();
    await openOnboarding(ctx, partner, 'blueriver');
    await textOf(partner.locator('[data-id="tier"]'), /Your tier: Gold/);
    await ctx.visit(partner, 'promoted partner');
    const kept = await ctx.newPage();
    await openOnboarding(ctx, kept, 'northwind');
    await textOf(kept.locator('[data-id="tier"]'), /Your tier: Gold/);
  }
};

export const PARTNER_JOURNEYS: Journey[] = [
  partnerOnboarding('synthetic'),
  partnerOnboarding('native'),
  consoleTierReview
];
