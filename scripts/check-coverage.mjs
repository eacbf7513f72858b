#!/usr/bin/env node
// Reads the JSON of `sf apex run test --code-coverage --result-format json` and fails when any Apex
// test failed or any class (or trigger) is covered below the minimum percentage.
// Usage: node scripts/check-coverage.mjs <result.json> [minimum=85]
import { readFileSync } from 'node:fs';

export function coverageProblems(report, minimum) {
  const result = report.result ?? report;
  const problems = [];
  for (const t of result.tests ?? []) {
    if (t.Outcome !== 'Pass')
      problems.push(`test ${t.FullName ?? t.MethodName}: ${t.Outcome} ${t.Message ?? ''}`.trim());
  }
  const coverage = result.coverage?.coverage ?? [];
  if (coverage.length === 0) problems.push('no coverage in the report (was --code-coverage given?)');
  for (const c of coverage) {
    const total = (c.totalLines ?? 0) || (c.numLocations ?? 0);
    const covered = c.totalCovered ?? (c.numLocations ?? 0) - (c.numLocationsNotCovered ?? 0);
    const pct = total === 0 ? 100 : (100 * covered) / total;
    if (pct < minimum) problems.push(`${c.name}: ${pct.toFixed(1)} % covered, need ${minimum} %`);
  }
  return problems;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const [file, min = '85'] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node scripts/check-coverage.mjs <result.json> [minimum]');
    process.exit(2);
  }
  const problems = coverageProblems(JSON.parse(readFileSync(file, 'utf8')), Number(min));
  if (problems.length > 0) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
  console.log(`every test passed and every class is covered at least ${min} %`);
}
