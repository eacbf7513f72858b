/**
 * The channel manager's forecast page: quarters with their bands (chart and table), last quarter
 * against what closed, insights by audience, and a run on demand.
 */
import assert from 'node:assert/strict';
import { textOf } from './harness';
import type { Journey } from './journeys';

const forecastJourney: Journey = {
  name: 'manager-forecast',
  async run(ctx) {
    const page = await ctx.newPage();
    await page.goto(`${ctx.url}/console/forecast`);
    const chart = page.getByRole('img', { name: /Closed-won channel revenue by quarter/ });
    await chart.waitFor({ timeout: 60_000 });
    const name = (await chart.getAttribute('aria-label')) ?? '';
    assert.match(name, /most likely \$[\d,]+, 80% range \$[\d,]+ to \$[\d,]+/, 'the chart names each band');
    const rows = page.locator('[data-id="quarters"] tbody tr');
    assert.equal(await rows.count(), 2, 'two quarters in the table');
    await textOf(
      page.locator('[data-id="last-quarter"]'),
      /forecast on .* said .* closed won\. (Inside|Outside) the band\./
    );
    await page.getByText('Insights for managers').waitFor();
    await page.getByText('Insights safe to share with partners').waitFor();
    ctx.check(
      !/\$|Partner \d+/.test(await page.locator('[data-id="insights-partner"]').innerText()),
      'partner-safe insights carry no amounts and no partner names'
    );
    await ctx.visit(page, 'forecast');
    await page.getByRole('button', { name: 'Run forecast now' }).click();
    await textOf(page.locator('[data-id="notice"]'), /The forecast is running/, 60_000);
    await ctx.visit(page, 'run started');
  }
};

export const FORECAST_JOURNEYS: Journey[] = [forecastJourney];
