#!/usr/bin/env node
// Apex semantic check, offline: apex-ls (io.github.apexdevtools.apexls.CheckForIssues) resolves
// every type, method, SObject and field against the platform's types and this project's own
// metadata (objects, fields, labels, platform events, custom metadata). Zero errors or it fails.
// The jars ship inside @salesforce/code-analyzer-pmd-engine; Java 17+ must be on the PATH.
// apex-ls reads every package directory of sfdx-project.json as layers: a directory sees the Apex of
// the directories listed before it, never after it, so a core class using an MDF class fails here
// (scripts/__tests__/package-dirs.test.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const workspace = process.argv[2] ?? root;
const jars = join(root, 'node_modules/@salesforce/code-analyzer-pmd-engine/dist/java-lib');
if (!existsSync(join(jars, 'apex-ls_2.13-6.0.2.jar'))) {
  console.error(`apex-ls jar not found under ${jars}: run npm ci`);
  process.exit(2);
}
const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
if (java.error || java.status !== 0) {
  console.error('java not found: install a Java 17 JDK (apt-get install -y openjdk-17-jdk-headless)');
  process.exit(2);
}
const cacheDir = mkdtempSync(join(tmpdir(), 'apexls-'));
const r = spawnSync(
  'java',
  [
    '-cp',
    `${jars}/*`,
    'io.github.apexdevtools.apexls.CheckForIssues',
    '-n',
    '-c',
    cacheDir,
    '-f',
    'json',
    '-w',
    workspace
  ],
  { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }
);
if (r.error) {
  console.error(`apex-ls did not run: ${r.error.message}`);
  process.exit(2);
}
let report;
try {
  report = JSON.parse(r.stdout || '{"files":[]}');
} catch {
  console.error(
    `apex-ls printed something that is not its JSON report (exit ${r.status}):\n${r.stdout}\n${r.stderr}`
  );
  process.exit(2);
}
const problems = report.files.flatMap((f) =>
  f.messages.map(
    (m) =>
      `${f.path.replace(`${workspace}/`, '')}:${m.start.line}:${m.start.offset} ${m.category}: ${m.message}`
  )
);
if (problems.length > 0) {
  console.error(problems.join('\n'));
  console.error(`\napex-ls: ${problems.length} error(s)`);
  process.exit(1);
}
if (r.status !== 0) {
  console.error(`apex-ls exited ${r.status} without reporting a problem:\n${r.stderr}`);
  process.exit(1);
}
console.log('apex-ls: no errors');
