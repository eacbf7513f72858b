/**
 * The factor catalogue and ruleset loading: every code the rules emit has a row, bad rulesets are
 * refused with the problem named, a request chooses its ruleset by version, and an unknown
 * version is a 400 naming settings.rulesetVersion.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import defaultJson from '../src/ruleset/default.json';
import { buildApp } from '../src/app';
import { defaultConfig } from '../src/config';
import {
  availableRulesets,
  DEFAULT_RULESET,
  ENGINE_FACTOR_CODES,
  fillLabel,
  loadRuleset,
  registerRuleset,
  RulesetError
} from '../src/engine/rulesets';
import { scoreRequest } from '../src/engine/score';
import { precheck } from '../src/engine/precheck';
import { FIELD_RULES } from '../src/engine/fields';
import { ValidationError } from '../src/validation';
import type { Ruleset } from '../src/ruleset/schema';
import { changedKeys, computeGolden } from './golden/golden';
import { AS_OF, goodDeal, request } from './support/factories';

const clone = (): Ruleset => structuredClone(defaultJson) as Ruleset;

function problemsOf(json: unknown): string[] {
  try {
    loadRuleset(json, 'test');
  } catch (e) {
    expect(e).toBeInstanceOf(RulesetError);
    return (e as RulesetError).problems;
  }
  throw new Error('expected the ruleset to be refused');
}

describe('factor catalogue', () => {
  it('has exactly one row per code the rules can emit, including one per required field', () => {
    const codes = DEFAULT_RULESET.data.factors.map((f) => f.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual([...ENGINE_FACTOR_CODES].sort());
    for (const r of FIELD_RULES.filter((x) => x.required))
      expect(codes).toContain(`MISSING_${r.field.replace('.', '_').toUpperCase()}`);
  });

  it('refuses a ruleset that lacks a row, repeats a code, breaks the schema or orders limits wrongly', () => {
    const lacking = clone();
    lacking.factors = lacking.factors.filter((f) => f.code !== 'PRODUCTS_NAMED');
    expect(problemsOf(lacking).join()).toContain('no row for PRODUCTS_NAMED');

    const twice = clone();
    twice.factors.push({ ...twice.factors[0]! });
    expect(problemsOf(twice).join()).toContain('appears twice');

    const extra = clone();
    extra.factors.push({ code: 'MADE_UP', category: 'DEAL_QUALITY', points: 1, label: 'x' });
    expect(problemsOf(extra).join()).toContain('no rule emits: MADE_UP');

    const badSchema = clone() as unknown as Record<string, unknown>;
    badSchema.baseScore = 'fifty';
    expect(problemsOf(badSchema).join()).toContain('/baseScore');

    const badLimits = clone();
    badLimits.limits.winRateLow = 0.9;
    expect(problemsOf(badLimits).join()).toContain('winRateLow <= winRateGood');
  });

  it('fills label placeholders and refuses a label whose value is missing', () => {
    expect(fillLabel('high historical win rate ({pct}%)', { pct: 61 })).toBe(
      'high historical win rate (61%)'
    );
    expect(() => fillLabel('{count} current certifications')).toThrow('{count}');
  });
});

describe('choosing a ruleset', () => {
  const alt = clone();
  alt.rulesetVersion = 'test-alt-1';
  alt.description = 'Test ruleset: first-time partners lose 30 points';
  alt.factors = alt.factors.map((f) => (f.code === 'FIRST_TIME_PARTNER' ? { ...f, points: -30 } : f));
  let unregister: () => void = () => undefined;
  beforeAll(() => {
    unregister = registerRuleset(loadRuleset(alt, 'alt'));
  });
  afterAll(() => unregister());

  it('scores with the ruleset the settings name and echoes its version', async () => {
    const deal = goodDeal({ partner: { ...goodDeal().partner, firstTime: true } });
    const byDefault = (await scoreRequest(request([deal]))).results[0]!;
    const byAlt = (await scoreRequest(request([deal], { asOf: AS_OF, rulesetVersion: 'test-alt-1' })))
      .results[0]!;
    expect(byDefault.rulesetVersion).toBe(DEFAULT_RULESET.rulesetVersion);
    expect(byAlt.rulesetVersion).toBe('test-alt-1');
    expect(byDefault.confidenceScore - byAlt.confidenceScore).toBe(24);
    expect(byAlt.factors.find((f) => f.code === 'FIRST_TIME_PARTNER')?.points).toBe(-30);
    expect(availableRulesets().map((r) => r.rulesetVersion)).toEqual([
      DEFAULT_RULESET.rulesetVersion,
      'test-alt-1'
    ]);
    const pre = precheck({ draft: {}, settings: { rulesetVersion: 'test-alt-1' } });
    expect(pre.rulesetVersion).toBe('test-alt-1');
  });

  it('the golden comparison notices a changed result', async () => {
    const before = await computeGolden();
    const after = structuredClone(before);
    const key = Object.keys(after.outputs).find((k) => k.startsWith('score '))!;
    (after.outputs[key] as { results: { confidenceScore: number }[] }).results[0]!.confidenceScore += 1;
    expect(changedKeys(before, after)).toEqual([key]);
  });

  it('an unknown version is a validation error naming settings.rulesetVersion', async () => {
    await expect(
      scoreRequest(request([goodDeal()], { asOf: AS_OF, rulesetVersion: 'nope' }))
    ).rejects.toThrow(ValidationError);
    try {
      await scoreRequest(request([goodDeal()], { asOf: AS_OF, rulesetVersion: 'nope' }));
    } catch (e) {
      expect((e as ValidationError).fieldErrors).toEqual([
        {
          path: '/settings/rulesetVersion',
          message: `unknown ruleset "nope"; available: ${DEFAULT_RULESET.rulesetVersion}, test-alt-1`
        }
      ]);
    }
  });

  it('over HTTP: 400 for an unknown version, GET /v1/rulesets lists the default first', async () => {
    const app = await buildApp(defaultConfig({}));
    await app.ready();
    try {
      const res = await app.inject({
        method: 'POST',
        url: '/v1/score',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify(request([goodDeal()], { asOf: AS_OF, rulesetVersion: 'nope' }))
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].path).toBe('/settings/rulesetVersion');
      const list = await app.inject({ method: 'GET', url: '/v1/rulesets' });
      expect(list.statusCode).toBe(200);
      expect(list.json().rulesets[0]).toEqual({
        rulesetVersion: DEFAULT_RULESET.rulesetVersion,
        description: DEFAULT_RULESET.data.description,
        default: true
      });
    } finally {
      await app.close();
    }
  });
});

describe('the settings record', () => {
  it("names a ruleset this build ships (Deal_Scoring_Setting.Default's Ruleset_Version__c)", () => {
    const xml = readFileSync(
      join(
        __dirname,
        '../../../force-app/main/default/customMetadata/Deal_Scoring_Setting.Default.md-meta.xml'
      ),
      'utf8'
    );
    const m = /<field>Ruleset_Version__c<\/field>\s*<value[^>]*>([^<]+)<\/value>/.exec(xml);
    expect(m?.[1]).toBeDefined();
    expect(availableRulesets().map((r) => r.rulesetVersion)).toContain(m?.[1]);
  });
});
