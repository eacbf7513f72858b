#!/usr/bin/env node
// Compiles every LWC TypeScript source to the .js that deploys, after a strict type-check.
// The .ts is the source of truth: the .js beside it is generated (git- and prettier-ignored).
// Target ESNext without experimentalDecorators keeps @api/@wire/@track as written, which is
// what the LWC compiler expects; older targets rewrite them into helpers it rejects.
// Every package directory of sfdx-project.json with an lwc folder is compiled; each lwc folder has
// its own tsconfig.json (a folder with TypeScript and no tsconfig fails).
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { transformSync } from '@lwc/compiler';
import { packageDirs } from './checks/package-dirs.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const checkOnly = process.argv.includes('--check');

function sources(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== '__tests__' && name !== 'node_modules') out.push(...sources(path));
    } else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) {
      out.push(path);
    }
  }
  return out;
}

let totalFiles = 0;
let written = 0;
const lwcDirs = packageDirs(root)
  .map((d) => join(d.absolute, 'main/default/lwc'))
  .filter((d) => existsSync(d));
for (const lwcDir of lwcDirs) {
  if (sources(lwcDir).length === 0) continue;
  if (!existsSync(join(lwcDir, 'tsconfig.json'))) {
    process.stderr.write(`${relative(root, lwcDir)} has TypeScript but no tsconfig.json\n`);
    process.exit(1);
  }
  const configPath = join(lwcDir, 'tsconfig.json');
  const config = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      }
    }
  );
  const program = ts.createProgram(config.fileNames, config.options);
  const diagnostics = ts.getPreEmitDiagnostics(program);
  if (diagnostics.length > 0) {
    const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => '\n' };
    process.stderr.write(ts.formatDiagnosticsWithColorAndContext(diagnostics, host));
    process.stderr.write(`\nLWC type-check failed: ${diagnostics.length} error(s)\n`);
    process.exit(1);
  }

  const files = sources(lwcDir);
  for (const file of files) {
    const { outputText, diagnostics: d } = ts.transpileModule(readFileSync(file, 'utf8'), {
      fileName: file,
      reportDiagnostics: true,
      compilerOptions: {
        target: ts.ScriptTarget.ESNext,
        module: ts.ModuleKind.ESNext,
        experimentalDecorators: false,
        useDefineForClassFields: true,
        removeComments: false
      }
    });
    if (d && d.length > 0) {
      process.stderr.write(
        `${relative(root, file)}: ${d.map((x) => ts.flattenDiagnosticMessageText(x.messageText, '\n')).join('; ')}\n`
      );
      process.exit(1);
    }
    const target = file.replace(/\.ts$/, '.js');
    const banner =
      '// Generated from ' + relative(lwcDir, file) + ' by scripts/compile-lwc.mjs. Edit the .ts.\n';
    // What the platform will do with the .js: run the LWC compiler on it, so a construct it rejects
    // fails here instead of at deploy time.
    const [bundle, name] = relative(lwcDir, file).split('/');
    try {
      transformSync(outputText, `${name}`.replace(/\.ts$/, '.js'), { namespace: 'c', name: bundle });
    } catch (error) {
      process.stderr.write(
        `${relative(root, file)}: the LWC compiler rejects the compiled output: ${error.message}\n`
      );
      process.exit(1);
    }
    if (!checkOnly) {
      writeFileSync(target, banner + outputText);
      written += 1;
    }
  }
  totalFiles += files.length;
}
console.log(
  `LWC TypeScript: ${totalFiles} source(s) in ${lwcDirs.length} lwc folder(s) type-checked${checkOnly ? '' : `, ${written} compiled to .js`}`
);
