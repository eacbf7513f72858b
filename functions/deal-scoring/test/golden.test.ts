import { readFileSync } from 'node:fs';
import { changedKeys, computeGolden, EXPECTED_FILE, goldenInputs, type GoldenFile } from './golden/golden';
import { RULESET_VERSION } from '../src/version';

/**
 * Byte-identical scoring on the examples and engine fixtures, unless the ruleset version moved.
 * Results changed + same rulesetVersion -> fail (bump the version). Version moved -> fail until
 * the new outputs are recorded with `npm run golden`.
 */
describe('golden outputs', () => {
  const expected = JSON.parse(readFileSync(EXPECTED_FILE, 'utf8')) as GoldenFile;

  it('covers the examples and the engine fixtures', () => {
    const names = goldenInputs().map((i) => i.name);
    expect(names).toContain('examples/score-request.json');
    expect(names.filter((n) => n.startsWith('fixtures/')).length).toBeGreaterThanOrEqual(3);
    expect(Object.keys(expected.outputs).length).toBeGreaterThan(names.length);
  });

  it('records outputs for the current rulesetVersion (run `npm run golden` after a version bump)', () => {
    expect(expected.rulesetVersion).toBe(RULESET_VERSION);
  });

  it('reproduces every recorded output exactly under the same rulesetVersion', async () => {
    const now = await computeGolden();
    const changed = changedKeys(expected, now);
    if (changed.length > 0 && now.rulesetVersion === expected.rulesetVersion) {
      throw new Error(
        `Scoring output changed for ${changed.join(', ')} but rulesetVersion is still ${now.rulesetVersion}: ` +
          'bump rulesetVersion in src/ruleset/default.json and record with `npm run golden`.'
      );
    }
    expect(changed).toEqual([]);
    // Byte for byte, not only structurally.
    for (const [k, v] of Object.entries(expected.outputs))
      expect(JSON.stringify(now.outputs[k])).toBe(JSON.stringify(v));
  });
});
