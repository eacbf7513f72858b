/**
 * What the browser journeys share: Debian's Chromium driven by playwright-core, the preview
 * started in-process, axe-core and the field-error checks axe does not make, run on every state a
 * journey visits, and a screenshot of each state.
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import type { Preview } from '../server';
import { invoke } from '../org/controllers';

export const SCREENSHOTS = join(__dirname, '..', 'screenshots');
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Debian's chromium (apt-get install chromium); CHROMIUM_PATH overrides. Missing = a loud failure. */
export function chromiumPath(env: Record<string, string | undefined> = process.env): string {
  const candidates = env.CHROMIUM_PATH
    ? [env.CHROMIUM_PATH]
    : ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      `No Chromium at ${candidates.join(' or ')}: the browser tests need it. ` +
        'Install it with `apt-get install -y chromium fonts-roboto-unhinted` (as .ci/run does) or set CHROMIUM_PATH.'
    );
  }
  return found;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-dev-shm-usage']
  });
}

/**
 * axe runs every rule on every state (its defaults: WCAG 2.x A/AA and best practices). Nothing is
 * disabled: the host page the preview draws around the components has a lang, a title, one h1 and
 * header/nav/main landmarks, so the page-level rules (`region`, `landmark-one-main`,
 * `page-has-heading-one`) judge the components' content fairly. One scoping: `region` does not
 * judge the tooltip bubbles lightning-helptext appends to <body> (Lightning puts them there on
 * every page; the bubble's content is still checked by every other rule). `color-contrast` under
 * synthetic shadow often comes back "incomplete" (axe could not decide): counted and printed, not
 * a violation.
 */
export const AXE_DISABLED_RULES: readonly string[] = [];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

export interface StepRecord {
  journey: string;
  step: string;
  screenshot: string;
  violations: AxeViolation[];
  fieldProblems: string[];
  incomplete: number;
}

const IN_PAGE = join(__dirname, 'in-page.js');

async function runAxe(page: Page): Promise<{ violations: AxeViolation[]; incomplete: number }> {
  const loaded = await page.evaluate('typeof window.axe !== "undefined"');
  if (!loaded) await page.addScriptTag({ content: AXE_SOURCE });
  return (await page.evaluate(`window.previewChecks.runAxe(${JSON.stringify(AXE_DISABLED_RULES)})`)) as {
    violations: AxeViolation[];
    incomplete: number;
  };
}

async function fieldErrorProblems(page: Page): Promise<string[]> {
  return (await page.evaluate('window.previewChecks.fieldErrorProblems()')) as string[];
}

export class JourneyContext {
  readonly steps: StepRecord[] = [];
  readonly consoleErrors: string[] = [];
  /** Failed expectations that let the journey go on (so one defect does not hide the next). */
  readonly failedChecks: string[] = [];
  private contexts: BrowserContext[] = [];
  private counter = 0;

  constructor(
    readonly name: string,
    readonly preview: Preview,
    readonly browser: Browser
  ) {}

  /** Records a failed expectation and goes on; the journey fails at the end. */
  check(ok: boolean, message: string): void {
    if (!ok && !this.failedChecks.includes(message)) this.failedChecks.push(message);
  }

  get url(): string {
    return this.preview.url;
  }

  async newPage(viewport = { width: 1280, height: 900 }): Promise<Page> {
    const context = await this.browser.newContext({ viewport, locale: 'en-US', timezoneId: 'UTC' });
    context.setDefaultTimeout(15_000);
    this.contexts.push(context);
    await context.addInitScript({ path: IN_PAGE });
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') this.consoleErrors.push(`${page.url()}: ${m.text().slice(0, 400)}`);
    });
    page.on('pageerror', (e) => this.consoleErrors.push(`${page.url()}: ${e.message.slice(0, 400)}`));
    return page;
  }

  /** A state of the journey: screenshot, axe, field-error checks. Problems fail the journey at the end. */
  async visit(page: Page, step: string): Promise<void> {
    await page.waitForLoadState('networkidle').catch(() => undefined);
    this.counter += 1;
    const dir = join(SCREENSHOTS, this.name);
    mkdirSync(dir, { recursive: true });
    const file = join(
      dir,
      `${String(this.counter).padStart(2, '0')}-${step.replace(/[^a-z0-9]+/gi, '-')}.png`
    );
    await page.screenshot({ path: file, fullPage: true });
    const { violations, incomplete } = await runAxe(page);
    const fieldProblems = await fieldErrorProblems(page);
    this.steps.push({ journey: this.name, step, screenshot: file, violations, fieldProblems, incomplete });
  }

  /** Calls a controller as a persona, as a component would (test set-up that is not the subject of the journey). */
  async apex<T>(persona: string, method: string, params: unknown): Promise<T> {
    const org = this.preview.org;
    return (await invoke(org, org.userByPersona(persona), method, params)) as T;
  }

  /** Screenshots every open page after a failure, for the report. */
  async captureFailure(): Promise<string[]> {
    const files: string[] = [];
    const dir = join(SCREENSHOTS, this.name);
    mkdirSync(dir, { recursive: true });
    let i = 0;
    for (const c of this.contexts) {
      for (const p of c.pages()) {
        const file = join(dir, `failure-${++i}.png`);
        await p.screenshot({ path: file, fullPage: true }).catch(() => undefined);
        files.push(file);
      }
    }
    return files;
  }

  async close(): Promise<void> {
    for (const c of this.contexts) await c.close();
  }
}

export function resetScreenshots(): void {
  rmSync(SCREENSHOTS, { recursive: true, force: true });
  mkdirSync(SCREENSHOTS, { recursive: true });
}

/** Waits until the locator's text matches, then returns it. */
export async function textOf(locator: Locator, pattern: RegExp, timeout = 15_000): Promise<string> {
  const started = Date.now();
  let last = '';
  while (Date.now() - started < timeout) {
    last = ((await locator.textContent().catch(() => '')) ?? '').replace(/\s+/g, ' ').trim();
    if (pattern.test(last)) return last;
    await new Promise((r) => setTimeout(r, 150));
  }
  assert.fail(`expected text matching ${pattern}, last saw "${last}"`);
}

/** The deepest focused element's accessible text: its label, aria-label or own text. */
export async function focusedName(page: Page): Promise<string> {
  return (await page.evaluate('window.previewChecks.focusedName()')) as string;
}

/** Presses Tab until the focused element's name matches (keyboard-only use); `field` wants a text box. */
export async function tabTo(
  page: Page,
  name: RegExp,
  kind: 'any' | 'field' = 'any',
  maxPresses = 80
): Promise<void> {
  const seen: string[] = [];
  const matches = async () => {
    const current = await focusedName(page);
    const tag = (await page.evaluate('window.previewChecks.focusedTag()')) as string;
    seen.push(current);
    return name.test(current) && (kind === 'any' || tag === 'input' || tag === 'textarea');
  };
  if (await matches()) return;
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Tab');
    if (await matches()) return;
  }
  assert.fail(`Tab never reached ${name}; focus went through: ${seen.slice(-25).join(' | ')}`);
}
