/**
 * `npm run golden`: records the golden outputs (test/golden/expected.json). Refuses when outputs
 * changed but the default ruleset's rulesetVersion did not: bump it in src/ruleset/default.json.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { changedKeys, computeGolden, EXPECTED_FILE, serialize, type GoldenFile } from './golden';

async function main(): Promise<number> {
  const now = await computeGolden();
  if (existsSync(EXPECTED_FILE)) {
    const before = JSON.parse(readFileSync(EXPECTED_FILE, 'utf8')) as GoldenFile;
    const changed = changedKeys(before, now);
    if (changed.length === 0) {
      process.stdout.write(`Golden outputs unchanged (ruleset ${now.rulesetVersion}).\n`);
      return 0;
    }
    if (before.rulesetVersion === now.rulesetVersion) {
      process.stderr.write(
        `Outputs changed for ${changed.length} input(s) (${changed.slice(0, 5).join(', ')}…) but rulesetVersion is still ` +
          `${now.rulesetVersion}. Bump rulesetVersion in functions/deal-scoring/src/ruleset/default.json, then run again.\n`
      );
      return 1;
    }
    process.stdout.write(
      `Ruleset ${before.rulesetVersion} -> ${now.rulesetVersion}: ${changed.length} output(s) changed.\n`
    );
  }
  writeFileSync(EXPECTED_FILE, serialize(now));
  process.stdout.write(`Recorded ${Object.keys(now.outputs).length} golden outputs in ${EXPECTED_FILE}.\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${String(err)}\n`);
    process.exitCode = 1;
  }
);
