#!/usr/bin/env node
// `npm test`: every check the project has, in order, on a fresh checkout. Each step is a real
// command; a step whose tool is missing fails (it never skips). Exit code is non-zero when any
// step fails, and a summary line lists each step's result.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const env = {
  ...process.env,
  SF_DISABLE_TELEMETRY: 'true',
  SF_SKIP_NEW_VERSION_CHECK: 'true',
  FORCE_COLOR: '0'
};

const steps = [
  ['LWC TypeScript compile', 'node', ['scripts/compile-lwc.mjs']],
  ['TypeScript type-check (function, scripts)', 'npx', ['--no-install', 'tsc', '-p', 'tsconfig.json']],
  ['ESLint', 'npx', ['--no-install', 'eslint', '--max-warnings=0', '.']],
  ['Prettier', 'npx', ['--no-install', 'prettier', '--check', '.']],
  ['Jest (LWC + Node)', 'npx', ['--no-install', 'jest', '--ci']],
  ['Apex semantic check (apex-ls)', 'node', ['scripts/check-apex.mjs']],
  ['PMD Apex rules (ruleset.xml)', 'node', ['scripts/check-pmd.mjs']],
  ['Metadata schema and references', 'node', ['scripts/check-metadata.mjs']],
  ['sf project convert source (package.xml)', 'node', ['scripts/check-convert.mjs']],
  // The real components in Debian's Chromium against the preview org (needs `chromium`; a missing
  // browser fails this step). Screenshots of every state go to preview/screenshots/.
  ['Browser journeys (preview, Playwright, axe-core)', 'npx', ['--no-install', 'tsx', 'preview/e2e/run.ts']]
];

const only = process.argv.slice(2);
const results = [];
for (const [name, cmd, args] of steps) {
  if (only.length > 0 && !only.some((o) => name.toLowerCase().includes(o.toLowerCase()))) continue;
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, env, stdio: 'inherit' });
  const ok = r.status === 0;
  if (r.error) console.error(`${name}: could not start ${cmd}: ${r.error.message}`);
  results.push({ name, ok, seconds: ((Date.now() - started) / 1000).toFixed(1) });
}

console.log('\n=== Summary');
for (const r of results) console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${r.name} (${r.seconds}s)`);
const failed = results.filter((r) => !r.ok).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 && results.length > 0 ? 0 : 1);
