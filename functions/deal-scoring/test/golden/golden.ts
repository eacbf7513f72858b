/**
 * Golden outputs: the full /v1/score response for every request in examples/ and
 * test/golden/fixtures/, and the /v1/precheck response for every deal in them (as a draft),
 * recorded in expected.json together with the rulesetVersion that produced them.
 *
 * The rule (enforced by golden.test.ts and by `npm run golden`): outputs may only change together
 * with the default ruleset's version. Same version, different output -> the test fails.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { precheck } from '../../src/engine/precheck';
import { scoreRequest } from '../../src/engine/score';
import type { ScoreRequest } from '../../src/schemas';
import { fieldErrors } from '../../src/validation';
import { ScoreRequest as ScoreRequestSchema } from '../../src/schemas';
import { RULESET_VERSION } from '../../src/version';

export const GOLDEN_DIR = __dirname;
export const EXPECTED_FILE = join(GOLDEN_DIR, 'expected.json');
const ROOT = join(GOLDEN_DIR, '..', '..');

export interface GoldenFile {
  rulesetVersion: string;
  outputs: Record<string, unknown>;
}

/** Today for requests that give no asOf (every golden input pins asOf; this is a second guard). */
const PINNED_TODAY = () => '2026-11-22';

export function goldenInputs(): { name: string; request: ScoreRequest }[] {
  const sources = [
    { prefix: 'examples', dir: join(ROOT, 'examples') },
    { prefix: 'fixtures', dir: join(GOLDEN_DIR, 'fixtures') }
  ];
  const out: { name: string; request: ScoreRequest }[] = [];
  for (const { prefix, dir } of sources) {
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      const body: unknown = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      const errors = fieldErrors(ScoreRequestSchema, body);
      if (errors.length > 0)
        throw new Error(`${prefix}/${file} is not a valid score request: ${JSON.stringify(errors)}`);
      out.push({ name: `${prefix}/${file}`, request: body as ScoreRequest });
    }
  }
  return out;
}

/** Computes every golden output with the current code and default ruleset. */
export async function computeGolden(): Promise<GoldenFile> {
  const outputs: Record<string, unknown> = {};
  for (const { name, request } of goldenInputs()) {
    outputs[`score ${name}`] = await scoreRequest(request, { today: PINNED_TODAY });
    for (const deal of request.deals) {
      const { partner, customer, opportunity, contact, candidates } = deal;
      outputs[`precheck ${name} ${deal.id}`] = precheck(
        { draft: { partner, customer, opportunity, contact }, candidates, settings: request.settings },
        { today: PINNED_TODAY }
      );
    }
  }
  return { rulesetVersion: RULESET_VERSION, outputs };
}

/** The keys whose output differs between two golden files (added and removed keys included). */
export function changedKeys(a: GoldenFile, b: GoldenFile): string[] {
  const keys = new Set([...Object.keys(a.outputs), ...Object.keys(b.outputs)]);
  return [...keys].filter((k) => JSON.stringify(a.outputs[k]) !== JSON.stringify(b.outputs[k])).sort();
}

export function serialize(g: GoldenFile): string {
  return JSON.stringify(g, null, 1) + '\n';
}
