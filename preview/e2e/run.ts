/**
 * The browser end-to-end tests (a step of `npm test`): starts the preview in-process, drives
 * Debian's Chromium through every journey, runs axe-core and the field-error checks on each state
 * visited, writes a screenshot of each state and prints where. A missing browser fails the run.
 * `tsx preview/e2e/run.ts [name-filter…]` runs the journeys whose name contains a filter word.
 */
import { relative } from 'node:path';
import { launchBrowser, JourneyContext, resetScreenshots, SCREENSHOTS } from './harness';
import { JOURNEYS } from './journeys';
import { startPreview } from '../server';
import { buildAllCached } from '../build';

async function main(): Promise<number> {
  const filters = process.argv.slice(2);
  const selected = JOURNEYS.filter((j) => filters.length === 0 || filters.some((f) => j.name.includes(f)));
  if (selected.length === 0) {
    console.error(`no journey matches ${filters.join(', ')}`);
    return 1;
  }
  const started = Date.now();
  const files = await buildAllCached();
  const browser = await launchBrowser();
  resetScreenshots();
  console.log(`Screenshots: ${relative(process.cwd(), SCREENSHOTS) || SCREENSHOTS}/`);
  let passed = 0;
  let failed = 0;
  const axeTotals = { states: 0, violations: 0, incomplete: 0 };
  try {
    for (const journey of selected) {
      // A fresh org per journey: journeys do not see each other's registrations.
      const preview = await startPreview({ files, log: () => undefined });
      const ctx = new JourneyContext(journey.name, preview, browser);
      const t0 = Date.now();
      const problems: string[] = [];
      try {
        await journey.run(ctx);
      } catch (e) {
        problems.push(
          e instanceof Error ? (e.stack ?? e.message).split('\n').slice(0, 4).join('\n    ') : String(e)
        );
        for (const f of await ctx.captureFailure())
          problems.push(`screenshot at failure: ${relative(process.cwd(), f)}`);
      } finally {
        await ctx.close();
        await preview.close();
      }
      for (const s of ctx.steps) {
        axeTotals.states += 1;
        axeTotals.violations += s.violations.length;
        axeTotals.incomplete += s.incomplete;
        for (const v of s.violations) {
          problems.push(`axe ${v.id} (${v.impact}) at "${s.step}": ${v.help} — ${v.targets.join(', ')}`);
        }
        for (const f of s.fieldProblems) problems.push(`field error at "${s.step}": ${f}`);
      }
      for (const c of ctx.failedChecks) problems.push(`check failed: ${c}`);
      for (const c of ctx.consoleErrors) problems.push(`console error: ${c}`);
      const seconds = ((Date.now() - t0) / 1000).toFixed(1);
      if (problems.length === 0) {
        passed += 1;
        console.log(`PASS  ${journey.name} (${ctx.steps.length} states, ${seconds}s)`);
      } else {
        failed += 1;
        console.log(`FAIL  ${journey.name} (${ctx.steps.length} states, ${seconds}s)`);
        for (const p of problems) console.log(`    ${p}`);
      }
    }
  } finally {
    await browser.close();
  }
  console.log(
    `axe-core: ${axeTotals.states} states checked, ${axeTotals.violations} violation(s), ` +
      `${axeTotals.incomplete} incomplete result(s) (not counted: axe could not decide)`
  );
  console.log(`Browser journeys took ${((Date.now() - started) / 1000).toFixed(1)}s`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
);
