/**
 * `npm run calibrate -- --demo --learn --out DIR` end to end: the files it writes, the proposed
 * settings record, the candidate ruleset, and the report opened in Chromium (renders, every chart
 * present with its sentence, no console errors, nothing loaded from outside the file).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { chromium } from 'playwright-core';
import { runCalibrate, type CliResult } from '../src/cli';
import { InputError } from '../src/history';
import { loadRuleset } from '../../../functions/deal-scoring/src/engine/rulesets';
import { readSetting } from '../src/settings-record';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const quiet = { stderr: new PassThrough(), tty: false };
let out: string;
let result: CliResult;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'calibrate-report-'));
  result = await runCalibrate(
    ['--demo', '--registrations', '6000', '--learn', '--out', out, '--version', 'demo-learned-1'],
    quiet
  );
}, 120_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('npm run calibrate', () => {
  it('writes the report, the summary, the proposed settings record and the candidate ruleset', () => {
    for (const f of [
      'report.html',
      'summary.json',
      'Deal_Scoring_Setting.Default.md-meta.xml',
      'ruleset-demo-learned-1.json'
    ])
      expect(existsSync(join(out, f))).toBe(true);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as {
      sweep: { recommended: number };
      verdict: { text: string };
      learned: { candidate: string };
    };
    expect(summary.sweep.recommended).toBe(result.summary.sweep!.recommended);
    expect(summary.learned.candidate).toBe('demo-learned-1');
    const xml = readFileSync(join(out, 'Deal_Scoring_Setting.Default.md-meta.xml'), 'utf8');
    expect(readSetting(xml, 'Review_Threshold__c')).toBe(String(result.summary.sweep!.recommended));
    expect(readSetting(xml, 'Conflict_Threshold__c')).toBe(String(result.summary.conflicts!.recommended));
    expect(readSetting(xml, 'Shadow_Mode__c')).toBe('true');
    expect(xml).toMatch(/^<\?xml[^>]*>\s*<CustomMetadata[^>]*>\s*<!-- Proposed by npm run calibrate/);
    const candidate: unknown = JSON.parse(readFileSync(join(out, 'ruleset-demo-learned-1.json'), 'utf8'));
    expect(loadRuleset(candidate, 'candidate').rulesetVersion).toBe('demo-learned-1');
  });

  it('the HTML is self-contained: no script, no stylesheet or image from elsewhere', () => {
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).not.toMatch(/<script|<link|<img|src=|href=|url\(/i);
    const urls = html.match(/https?:\/\/[^\s"'<]+/g) ?? [];
    expect(new Set(urls)).toEqual(new Set(['http://www.w3.org/2000/svg']));
  });

  // Every argument is checked before the history is read: a typo fails at once, not after an org's
  // export (and this test stays light: no 20,000-registration demo history is built to refuse it).
  it('refuses unclear arguments with the usage, before reading any history', async () => {
    await expect(
      runCalibrate(['--csv', join(out, 'no-such-folder'), '--win-weight', 'lots'], quiet)
    ).rejects.toThrow(/--win-weight must be a number from 0 to 10, got "lots"/);
    await expect(runCalibrate([], quiet)).rejects.toThrow(/Usage: npm run calibrate/);
    await expect(runCalibrate(['--demo', '--csv', 'x'], quiet)).rejects.toThrow(/Choose one input mode/);
    await expect(runCalibrate(['--demo', '--target-rejection', '2'], quiet)).rejects.toThrow(InputError);
    await expect(runCalibrate(['--demo', '--learn', '--win-weight', 'lots'], quiet)).rejects.toThrow(
      /--win-weight must be a number from 0 to 10, got "lots"/
    );
    await expect(runCalibrate(['--demo', '--registrations', 'many'], quiet)).rejects.toThrow(
      /--registrations must be a whole number/
    );
  });

  it('renders in Chromium with every chart and its sentence, and no console errors', async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(
        `No Chromium at ${CHROMIUM}: apt-get install -y chromium (as .ci/run does) or set CHROMIUM_PATH`
      );
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(`file://${join(out, 'report.html')}`);
      expect(await page.title()).toBe('Deal scoring calibration report');
      const labels = await page.$$eval('svg.chart', (els) => els.map((e) => e.getAttribute('aria-label')));
      expect(labels).toEqual([
        'Agreement by segment',
        'Threshold sweep',
        'Calibration curve',
        'Conflict confirmation by similarity',
        'Factors in overridden auto-approvals',
        'Median hours to decision',
        'Reliability on the holdout: approval',
        'Reliability on the holdout: win'
      ]);
      const captions = await page.$$eval('figure', (els) =>
        els.map((f) => (f.querySelector('figcaption')?.textContent ?? '').trim())
      );
      expect(captions).toHaveLength(8);
      for (const c of captions) expect(c.length).toBeGreaterThan(40);
      // Charts are drawn: the sweep has its three lines and a marker at the recommended threshold.
      expect(await page.$$eval('svg[aria-label="Threshold sweep"] path.series', (els) => els.length)).toBe(3);
      expect(await page.$$eval('svg[aria-label="Threshold sweep"] .vline', (els) => els.length)).toBe(1);
      const box = await page.$eval(
        'svg[aria-label="Calibration curve"]',
        (e) => e.getBoundingClientRect().width
      );
      expect(box).toBeGreaterThan(300);
      expect(await page.textContent('.verdict')).toContain('live mode');
      expect(errors).toEqual([]);
      expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
