#!/usr/bin/env node
// Metadata check, offline: runs the registered rules (scripts/checks/metadata/registry.mjs, one
// module per rule under scripts/checks/metadata/rules/) over one source directory. Each problem is
// printed as `file: message [rule]`. Without a directory it checks every package directory of
// sfdx-project.json; each may use the names of the directories listed before it (never after).
//
//   node scripts/check-metadata.mjs [--rule name[,name...]] [source-dir=every package directory ...]
//   node scripts/check-metadata.mjs --list          (the rules and what each checks)
//
// Exit 0 when clean, 1 with one line per problem, 2 when the tool itself cannot run.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dependenciesOf, packageDirs } from './checks/package-dirs.mjs';

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
const sourceDirs = (positional.length > 0 ? positional : packageDirs(root).map((d) => d.absolute)).map((d) =>
  resolve(d)
);
let total = 0;
for (const sourceDir of sourceDirs) {
  if (!existsSync(sourceDir)) die(`source directory not found: ${sourceDir}`);
  let result;
  try {
    // A directory named on the command line inside this project gets its dependencies too.
    // The project a directory belongs to is the sfdx-project.json beside it (a temp project in the
    // tests), else this repository's.
    const projectRoot = existsSync(join(dirname(sourceDir), 'sfdx-project.json')) ? dirname(sourceDir) : root;
    const deps = dependenciesOf(sourceDir, projectRoot).filter((d) => existsSync(d));
    result = await registry.runRules(sourceDir, only, deps);
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
