#!/usr/bin/env node
// Metadata check, offline: runs the registered rules (scripts/checks/metadata/registry.mjs, one
// module per rule under scripts/checks/metadata/rules/) over one source directory. Each problem is
// printed as `file: message [rule]`.
//
//   node scripts/check-metadata.mjs [--rule name[,name...]] [source-dir=force-app ...]
//   node scripts/check-metadata.mjs --list          (the rules and what each checks)
//
// Exit 0 when clean, 1 with one line per problem, 2 when the tool itself cannot run.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function die(message) {
  console.error(message);
  process.exit(2);
}

let registry;
try {
  registry = await import('./checks/metadata/registry.mjs');
} catch (e) {
  die(`metadata check cannot load its rules or tools (run npm ci): ${e.stack ?? e.message}`);
}

const args = process.argv.slice(2);
if (args.includes('--list')) {
  for (const r of registry.RULES) console.log(`${r.name}: ${r.description}`);
  process.exit(0);
}
const only = [];
const positional = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--rule') only.push(...(args[++i] ?? '').split(',').filter(Boolean));
  else positional.push(args[i]);
}
const sourceDirs = (positional.length > 0 ? positional : [join(root, 'force-app')]).map((d) => resolve(d));
let total = 0;
for (const sourceDir of sourceDirs) {
  if (!existsSync(sourceDir)) die(`source directory not found: ${sourceDir}`);
  let result;
  try {
    result = await registry.runRules(sourceDir, only);
  } catch (e) {
    die(`metadata check could not run: ${e.message}`);
  }
  const { problems, files, objects, rules } = result;
  for (const p of problems) console.error(p);
  const label = sourceDirs.length > 1 ? ` ${sourceDir}:` : '';
  console.log(
    `metadata:${label} ${files} -meta.xml files, ${objects} objects, ${rules.length} rules: ${problems.length} problem(s)`
  );
  total += problems.length;
}
process.exit(total === 0 ? 0 : 1);
