/**
 * The rulesets this build can score with, and the factor catalogue the rules refer to.
 *
 * Every rule in assess.ts names its factor by code; the code's category, points and label come
 * from the ruleset's catalogue (src/ruleset/*.json), its thresholds from the ruleset's `limits`.
 * A ruleset is checked when it is registered: the schema, unique codes, and every code the rules
 * can emit present (so a rule can never fire without a row in the table).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import defaultRulesetJson from '../ruleset/default.json';
import { Ruleset, type FactorDefinition } from '../ruleset/schema';
import { FIELD_RULES } from './fields';

/** Codes of the factors whose code is fixed; missing-field codes are derived from the field rules. */
const FIXED_CODES = [
  'REQUIRED_FIELDS_COMPLETE',
  'HELPFUL_FIELDS',
  'CLOSE_DATE_PAST',
  'CLOSE_DATE_TOO_FAR',
  'AMOUNT_ZERO',
  'AMOUNT_IMPLAUSIBLE',
  'FREE_MAIL_CONTACT',
  'FREE_MAIL_CONTACT_SMALL',
  'CONFLICT_REGISTRATION',
  'CONFLICT_OPEN_OPPORTUNITY',
  'CONFLICT_DIRECT_TOUCH',
  'DUPLICATE_OWN_REGISTRATION',
  'POSSIBLE_MATCH',
  'EXISTING_ACCOUNT',
  'NO_CONFLICTS',
  'NO_CANDIDATES',
  'TIER_PLATINUM',
  'TIER_GOLD',
  'TIER_SILVER',
  'TIER_REGISTERED',
  'WIN_RATE_HIGH',
  'WIN_RATE_GOOD',
  'WIN_RATE_LOW',
  'WIN_RATE_FEW_DECISIONS',
  'CERTIFIED',
  'CERTIFIED_SOME',
  'NOT_CERTIFIED',
  'VOLUME_UNUSUAL',
  'VOLUME_ACTIVE',
  'FIRST_TIME_PARTNER',
  'SIZE_FAR_ABOVE_TYPICAL',
  'SIZE_ABOVE_TYPICAL',
  'SIZE_TYPICAL',
  'HIGH_VALUE',
  'CLOSE_DATE_IMMINENT',
  'CLOSE_DATE_REALISTIC',
  'PRODUCTS_NAMED',
  'DESCRIPTION_DETAILED',
  'DESCRIPTION_THIN'
] as const;

/** The code of the factor for a missing required field (`customer.name` -> MISSING_CUSTOMER_NAME). */
export function missingFieldCode(field: string): string {
  return `MISSING_${field.replace('.', '_').toUpperCase()}`;
}

/** Every factor code the rules can emit. */
export const ENGINE_FACTOR_CODES: readonly string[] = [
  ...FIELD_RULES.filter((r) => r.required).map((r) => missingFieldCode(r.field)),
  ...FIXED_CODES
];

/** A ruleset ready for the engine: the file plus its catalogue indexed by code. */
export interface LoadedRuleset {
  readonly rulesetVersion: string;
  readonly data: Ruleset;
  factor(code: string): FactorDefinition;
}

export class RulesetError extends Error {
  constructor(
    readonly problems: string[],
    source: string
  ) {
    super(`Invalid ruleset ${source}: ${problems.join('; ')}`);
    this.name = 'RulesetError';
  }
}

const checker = TypeCompiler.Compile(Ruleset);

/** Validates a ruleset (schema, catalogue) and indexes it; throws RulesetError naming every problem. */
export function loadRuleset(json: unknown, source = 'ruleset'): LoadedRuleset {
  const problems: string[] = [];
  for (const e of checker.Errors(json)) {
    problems.push(`${e.path || '/'} ${e.message}`);
    if (problems.length >= 20) break;
  }
  if (problems.length > 0) throw new RulesetError(problems, source);
  const data = json as Ruleset;
  const byCode = new Map<string, FactorDefinition>();
  for (const f of data.factors) {
    if (byCode.has(f.code)) problems.push(`/factors factor code ${f.code} appears twice`);
    byCode.set(f.code, f);
  }
  const missing = ENGINE_FACTOR_CODES.filter((c) => !byCode.has(c));
  if (missing.length > 0) problems.push(`/factors has no row for ${missing.join(', ')}`);
  const unknown = [...byCode.keys()].filter((c) => !ENGINE_FACTOR_CODES.includes(c));
  if (unknown.length > 0) problems.push(`/factors has rows no rule emits: ${unknown.join(', ')}`);
  const l = data.limits;
  if (!(l.winRateLow <= l.winRateGood && l.winRateGood <= l.winRateHigh))
    problems.push('/limits win-rate thresholds must satisfy winRateLow <= winRateGood <= winRateHigh');
  if (!(l.sizeTypicalMinRatio <= l.sizeAboveRatio && l.sizeAboveRatio <= l.sizeFarAboveRatio))
    problems.push(
      '/limits size ratios must satisfy sizeTypicalMinRatio <= sizeAboveRatio <= sizeFarAboveRatio'
    );
  if (l.closeDateImminentDays > l.closeDateRealisticMaxDays)
    problems.push('/limits closeDateImminentDays must not exceed closeDateRealisticMaxDays');
  if (problems.length > 0) throw new RulesetError(problems, source);
  return {
    rulesetVersion: data.rulesetVersion,
    data,
    factor(code: string): FactorDefinition {
      const f = byCode.get(code);
      if (!f) throw new Error(`Ruleset ${data.rulesetVersion} has no factor ${code}`);
      return f;
    }
  };
}

/** Fills `{name}` placeholders of a catalogue label; a placeholder without a value is an error. */
export function fillLabel(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`Label "${template}" needs a value for {${name}}`);
    return String(v);
  });
}

/** The ruleset used when a request names none. */
export const DEFAULT_RULESET: LoadedRuleset = loadRuleset(defaultRulesetJson, 'src/ruleset/default.json');

/**
 * The rulesets a request may name, by version: the shipped default plus the deployment's own
 * (RULESETS_DIR, see loadRulesetFolder; registered by buildApp on the main thread and by every
 * worker thread from the pool's workerData).
 */
const REGISTRY = new Map<string, LoadedRuleset>([[DEFAULT_RULESET.rulesetVersion, DEFAULT_RULESET]]);

/** The versions a request may name in `settings.rulesetVersion`, default first. */
export function availableRulesets(): { rulesetVersion: string; description: string; default: boolean }[] {
  return [...REGISTRY.values()].map((r) => ({
    rulesetVersion: r.rulesetVersion,
    description: r.data.description,
    default: r === DEFAULT_RULESET
  }));
}

/** The registered ruleset with this version, or undefined. */
export function findRuleset(version: string): LoadedRuleset | undefined {
  return REGISTRY.get(version);
}

/**
 * Adds a ruleset to the registry (a deployment's extra rulesets, tests). Returns a function that
 * removes it again. A version that is already registered with other content is refused.
 */
export function registerRuleset(ruleset: LoadedRuleset): () => void {
  const existing = REGISTRY.get(ruleset.rulesetVersion);
  if (existing && JSON.stringify(existing.data) !== JSON.stringify(ruleset.data))
    throw new Error(`Ruleset ${ruleset.rulesetVersion} is already registered with other content`);
  REGISTRY.set(ruleset.rulesetVersion, ruleset);
  return () => {
    if (ruleset !== DEFAULT_RULESET && REGISTRY.get(ruleset.rulesetVersion) === ruleset)
      REGISTRY.delete(ruleset.rulesetVersion);
  };
}

/**
 * The deployment's rulesets: every `*.json` file in `dir` (a learned candidate written by
 * `npm run calibrate -- --learn`, reviewed and copied there), in file-name order. Each is validated
 * like the default (schema, catalogue, limits); the first problem stops start-up with an error
 * naming the file and the field. Refused as well: a file that is not JSON, two files with the same
 * version, and a file reusing the default's version with other content (the golden test guards the
 * default's outputs; a changed ruleset needs its own version). Other files are ignored.
 */
export function loadRulesetFolder(dir: string): Ruleset[] {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a directory');
    names = readdirSync(dir)
      .filter((n) => n.toLowerCase().endsWith('.json'))
      .sort();
  } catch (err) {
    throw new RulesetError([`cannot read the folder (${(err as Error).message})`], dir);
  }
  const seen = new Map<string, string>();
  const out: Ruleset[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      throw new RulesetError([`not valid JSON (${(err as Error).message})`], file);
    }
    const loaded = loadRuleset(json, file);
    const version = loaded.rulesetVersion;
    const earlier = seen.get(version);
    if (earlier !== undefined)
      throw new RulesetError([`/rulesetVersion ${version} is also the version of ${earlier}`], file);
    if (
      version === DEFAULT_RULESET.rulesetVersion &&
      JSON.stringify(json) !== JSON.stringify(DEFAULT_RULESET.data)
    )
      throw new RulesetError(
        [
          `/rulesetVersion ${version} is the shipped default's version with other content; give this ruleset its own version`
        ],
        file
      );
    seen.set(version, file);
    out.push(loaded.data);
  }
  return out;
}

/** Registers validated rulesets (the default's own file is skipped); returns a function removing them. */
export function registerRulesets(rulesets: readonly Ruleset[]): () => void {
  const undo = rulesets
    .filter((r) => r.rulesetVersion !== DEFAULT_RULESET.rulesetVersion)
    .map((r) => registerRuleset(loadRuleset(r, `ruleset ${r.rulesetVersion}`)));
  return () => undo.forEach((u) => u());
}
