/**
 * `npm run preview:screenshot`: regenerates the README's pictures of the product from the preview
 * (docs/preview-portal.png, docs/preview-console.png). Never edit those by hand.
 */
import { join } from 'node:path';
import { launchBrowser } from './harness';
import { startPreview } from '../server';
import { ROOT } from '../build';

const EMAIL = `Hi team, we met Hafenstadt Logistik GmbH (www.hafenstadt-logistik.de) last week. They want to
roll out Analytics Cloud across 6 warehouses. Budget is EUR 85,000 and they aim to sign by 30 April 2027.
Contact: Jana Berger, Head of Operations, jana.berger@hafenstadt-logistik.de, +49 40 555 0199`;

async function main(): Promise<void> {
  const preview = await startPreview();
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'en-US',
      timezoneId: 'UTC'
    });
    const page = await context.newPage();

    await page.goto(`${preview.url}/portal/new?as=northwind`);
    await page.getByLabel('Paste an email or meeting notes').fill(EMAIL);
    await page.getByRole('button', { name: 'Fill the form' }).click();
    await page.getByText(/field\(s\) filled from your text/).waitFor();
    await page
      .getByText(/% complete/)
      .first()
      .waitFor();
    await page.getByRole('heading', { name: 'Register a deal' }).first().scrollIntoViewIfNeeded();
    await page.waitForLoadState('networkidle');
    const portal = join(ROOT, 'docs/preview-portal.png');
    await page.screenshot({ path: portal });

    await page.goto(`${preview.url}/console`);
    const first = page
      .getByRole('row')
      .getByRole('button', { name: /^DR-\d+$/ })
      .first();
    await first.click();
    await page.getByRole('button', { name: 'Approve', exact: true }).waitFor();
    await page.waitForLoadState('networkidle');
    const consolePng = join(ROOT, 'docs/preview-console.png');
    await page.screenshot({ path: consolePng });
    console.log(`wrote ${portal}\nwrote ${consolePng}`);
  } finally {
    await browser.close();
    await preview.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
