#!/usr/bin/env node
// PMD 7 Apex static analysis, offline: the project ruleset (ruleset.xml: security, best practices,
// error-prone, performance, ApexDoc) over every .cls and .trigger. PMD ships as libraries inside
// @salesforce/code-analyzer-pmd-engine; scripts/pmd/RunPmd.java drives it (Java 17+ single-file
// source launch). Fails on any violation, on any ruleset/processing error, when no rule ran, and
// on a suppression (NOPMD or @SuppressWarnings('PMD...')) without a written reason next to it.
//
//   node scripts/check-pmd.mjs [source-dir=every package directory] [ruleset=ruleset.xml]
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageDirs } from './checks/package-dirs.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
// Every package directory of sfdx-project.json unless one is named (a directory without Apex is
// skipped: PMD has nothing to read there).
const sourceDirs = process.argv[2] ? [resolve(process.argv[2])] : packageDirs(root).map((d) => d.absolute);
const ruleset = resolve(process.argv[3] ?? join(root, 'ruleset.xml'));
const jars = join(root, 'node_modules/@salesforce/code-analyzer-pmd-engine/dist/java-lib');

function fail(code, message) {
  console.error(message);
  process.exit(code);
}

if (!existsSync(jars) || !readdirSync(jars).some((f) => /^pmd-apex-7\..*\.jar$/.test(f))) {
  fail(2, `PMD 7 jars not found under ${jars}: run npm ci`);
}
if (!existsSync(ruleset)) fail(2, `ruleset not found: ${ruleset}`);
for (const d of sourceDirs) if (!existsSync(d)) fail(2, `source directory not found: ${d}`);
const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
if (java.error || java.status !== 0) {
  fail(
    2,
    'java not found: install a Java 17 JDK (apt-get install -y openjdk-17-jdk-headless): RunPmd.java is launched as a single-file source program, which needs the compiler module'
  );
}

/** Every Apex source file below dir. */
function apexFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...apexFiles(p));
    else if (/\.(cls|trigger)$/.test(name)) out.push(p);
  }
  return out;
}

/**
 * Suppressions must say why. `// NOPMD` needs a reason after it (at least a few words);
 * `@SuppressWarnings('PMD.X')` needs a comment on the line above it or at the end of its line.
 */
export function unjustifiedSuppressions(file, text) {
  const problems = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    const nopmd = /\/\/\s*NOPMD\b(.*)$/i.exec(line);
    if (nopmd && nopmd[1].replace(/^[\s:;,.-]+/, '').trim().length < 10) {
      problems.push(`${file}:${i + 1}: NOPMD without a reason (write "// NOPMD: why this is safe")`);
    }
    if (/@SuppressWarnings\s*\(\s*'[^']*PMD\./i.test(line)) {
      let j = i - 1;
      while (j >= 0 && lines[j].trim() === '') j--;
      const above = j >= 0 ? lines[j].trim() : '';
      const commentAbove = above.startsWith('//') || above.endsWith('*/') || above.startsWith('*');
      const commentSameLine = /\)\s*\/\/\s*\S/.test(line);
      if (!commentAbove && !commentSameLine) {
        problems.push(`${file}:${i + 1}: @SuppressWarnings('PMD...') without a comment saying why`);
      }
    }
  });
  return problems;
}

let totalViolations = 0;
let totalUnjustified = 0;
let ran = 0;
for (const sourceDir of sourceDirs) {
  const files = apexFiles(sourceDir);
  if (files.length === 0) continue;
  ran++;
  const suppressionProblems = files.flatMap((f) =>
    unjustifiedSuppressions(relative(process.cwd(), f), readFileSync(f, 'utf8'))
  );
  const r = spawnSync(
    'java',
    ['-cp', `${jars}/*`, join(root, 'scripts/pmd/RunPmd.java'), ruleset, sourceDir],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024
    }
  );
  if (r.error) fail(2, `PMD did not run: ${r.error.message}`);
  let report;
  try {
    report = JSON.parse(r.stdout);
  } catch {
    fail(
      2,
      `PMD runner printed something that is not its JSON report (exit ${r.status}):\n${r.stdout}\n${r.stderr}`
    );
  }
  if (r.status !== 0) fail(2, `PMD runner exited ${r.status}:\n${r.stderr}`);
  if (report.errors.length > 0) fail(2, `PMD could not run cleanly:\n${report.errors.join('\n')}`);
  if (report.rules === 0) fail(2, `PMD loaded no rules from ${ruleset}`);

  const violations = report.violations.map(
    (v) => `${relative(process.cwd(), v.file)}:${v.line} ${v.rule} (${v.ruleset}): ${v.message}`
  );
  for (const v of violations) console.error(v);
  for (const p of suppressionProblems) console.error(p);
  console.log(
    `PMD ${relative(root, sourceDir) || '.'}: ${report.rules} rules, ${files.length} Apex files: ${violations.length} violation(s), ` +
      `${report.suppressed.length} justified suppression(s), ${suppressionProblems.length} unjustified suppression(s)`
  );
  totalViolations += violations.length;
  totalUnjustified += suppressionProblems.length;
}
if (ran === 0) fail(2, `no Apex files under ${sourceDirs.join(', ')}`);
process.exit(totalViolations + totalUnjustified === 0 ? 0 : 1);
