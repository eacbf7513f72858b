/**
 * A learned ruleset deployed without a code change: `npm run calibrate -- --learn` writes the
 * candidate JSON, the operator puts it in RULESETS_DIR, and the function validates it at start,
 * lists it in GET /v1/rulesets and scores with it (inline and on the worker pool) when the
 * settings name its version. A corrupt file stops start-up with an error naming the file and
 * the field; the shipped default's version cannot be shadowed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import defaultJson from '../src/ruleset/default.json';
import { buildApp } from '../src/app';
import { ConfigError, loadConfig } from '../src/config';
import { availableRulesets, DEFAULT_RULESET, loadRulesetFolder, RulesetError } from '../src/engine/rulesets';
import type { Ruleset } from '../src/ruleset/schema';
import type { ScoreResponse } from '../src/schemas';
import { learn } from '../../../tools/calibrate/src/learn';
import { historyOf, records } from '../../../tools/calibrate/test/support';
import { AS_OF, goodDeal, request } from './support/factories';

let learned: Ruleset;
const dirs: string[] = [];
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'rulesets-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}
const json = (x: unknown) => JSON.stringify(x, null, 2) + '\n';

beforeAll(() => {
  // A real learned candidate, as `npm run calibrate -- --learn` writes it.
  const l = learn(historyOf(records({ registrations: 4000, seed: 11 })), DEFAULT_RULESET.data, {
    version: 'test-learned-1',
    now: new Date('2026-12-01T00:00:00Z')
  });
  expect(l.missing).toEqual([]);
  learned = l.candidate!;
}, 60_000);
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function errorOf(run: () => unknown): Error {
  try {
    run();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
}

describe('RULESETS_DIR', () => {
  it('loads a learned ruleset written by calibrate --learn; other files are ignored', () => {
    const dir = folder({ 'ruleset-test-learned-1.json': json(learned), 'README.txt': 'notes' });
    const loaded = loadRulesetFolder(dir);
    expect(loaded.map((r) => r.rulesetVersion)).toEqual(['test-learned-1']);
    const config = loadConfig({ RULESETS_DIR: dir });
    expect(config.rulesets).toEqual([learned]);
    expect(config.rulesetsDir).toBe(dir);
    expect(loadConfig({}).rulesets).toEqual([]);
  });

  it.each([
    [0, 'on the main thread'],
    [1, 'on the worker pool']
  ])(
    'lists it and scores with it when the settings name it (%i worker threads: %s)',
    async (threads) => {
      const dir = folder({ 'ruleset-test-learned-1.json': json(learned) });
      const app = await buildApp({
        ...loadConfig({ RULESETS_DIR: dir }),
        workerThreads: threads,
        logLevel: 'silent',
        workerInlineMaxCost: 0
      });
      await app.ready();
      try {
        const list = await app.inject({ method: 'GET', url: '/v1/rulesets' });
        expect(list.json().rulesets.map((r: { rulesetVersion: string }) => r.rulesetVersion)).toEqual([
          DEFAULT_RULESET.rulesetVersion,
          'test-learned-1'
        ]);
        const deal = goodDeal({ partner: { ...goodDeal().partner, firstTime: true } });
        const score = async (settings: Record<string, string>) => {
          const r = await app.inject({
            method: 'POST',
            url: '/v1/score',
            payload: request([deal], { asOf: AS_OF, ...settings })
          });
          expect(r.statusCode).toBe(200);
          return (r.json() as ScoreResponse).results[0]!;
        };
        const byLearned = await score({ rulesetVersion: 'test-learned-1' });
        const byDefault = await score({});
        expect(byLearned.rulesetVersion).toBe('test-learned-1');
        expect(byDefault.rulesetVersion).toBe(DEFAULT_RULESET.rulesetVersion);
        // The learned points are the ones applied.
        const points = (rs: Ruleset, code: string) => rs.factors.find((f) => f.code === code)!.points;
        expect(byLearned.factors.find((f) => f.code === 'FIRST_TIME_PARTNER')?.points).toBe(
          points(learned, 'FIRST_TIME_PARTNER')
        );
        expect(byDefault.factors.find((f) => f.code === 'FIRST_TIME_PARTNER')?.points).toBe(
          points(DEFAULT_RULESET.data, 'FIRST_TIME_PARTNER')
        );
        expect(byLearned.confidenceScore).not.toBe(byDefault.confidenceScore);
      } finally {
        await app.close();
      }
      // Closing the app removes its rulesets again.
      expect(availableRulesets().map((r) => r.rulesetVersion)).toEqual([DEFAULT_RULESET.rulesetVersion]);
    },
    60_000
  );

  it('a corrupt file stops start-up with an error naming the file and the field', () => {
    const bad = structuredClone(learned) as unknown as { factors: { points: unknown }[] };
    bad.factors[3]!.points = 'ten';
    const dir = folder({ 'ruleset-good.json': json(learned), 'ruleset-bad.json': json(bad) });
    const e = errorOf(() => loadConfig({ RULESETS_DIR: dir }));
    expect(e).toBeInstanceOf(ConfigError);
    expect(e.message).toContain(`Invalid RULESETS_DIR: Invalid ruleset ${join(dir, 'ruleset-bad.json')}`);
    expect(e.message).toContain('/factors/3/points');

    const missingRow = structuredClone(learned);
    missingRow.factors = missingRow.factors.filter((f) => f.code !== 'PRODUCTS_NAMED');
    expect(errorOf(() => loadRulesetFolder(folder({ 'x.json': json(missingRow) }))).message).toMatch(
      /x\.json: \/factors has no row for PRODUCTS_NAMED/
    );
  });

  it('refuses a file that is not JSON, a folder that does not exist, and two files with one version', () => {
    const notJson = folder({ 'broken.json': '{ "rulesetVersion": ' });
    const e = errorOf(() => loadRulesetFolder(notJson));
    expect(e).toBeInstanceOf(RulesetError);
    expect(e.message).toMatch(/broken\.json: not valid JSON/);
    expect(errorOf(() => loadConfig({ RULESETS_DIR: join(notJson, 'nope') })).message).toMatch(
      /Invalid RULESETS_DIR: Invalid ruleset .*nope: cannot read the folder/
    );
    const twice = folder({ 'a.json': json(learned), 'b.json': json(learned) });
    expect(errorOf(() => loadRulesetFolder(twice)).message).toMatch(
      /b\.json: \/rulesetVersion test-learned-1 is also the version of .*a\.json/
    );
  });

  it('cannot shadow the shipped default: its version with other content is refused; an exact copy is harmless', () => {
    const shadow = structuredClone(defaultJson) as Ruleset;
    shadow.factors = shadow.factors.map((f) => (f.code === 'FIRST_TIME_PARTNER' ? { ...f, points: 0 } : f));
    expect(errorOf(() => loadRulesetFolder(folder({ 'd.json': json(shadow) }))).message).toContain(
      "is the shipped default's version with other content"
    );
    const copy = loadRulesetFolder(folder({ 'd.json': json(defaultJson) }));
    expect(copy.map((r) => r.rulesetVersion)).toEqual([DEFAULT_RULESET.rulesetVersion]);
  });
});
