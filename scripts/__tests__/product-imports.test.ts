// Product code never depends on test code. What a user runs (the preview of `npm run preview`, the
// scoring function of `npm start` and its deployed build, the tools' CLIs) imports no test fixture,
// mock or helper, statically, dynamically or through require(). ESLint's no-restricted-imports
// (eslint.config.mjs) says the same for static imports while editing; this test also sees import()
// and require(), and resolves relative paths, so `../test/x` and `../../functions/f/test/x` both count.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const root = join(__dirname, '..', '..');

/** Directories holding test code; a module under one of them is test code. */
const TEST_DIRS = new Set(['test', 'tests', '__tests__', 'jest-mocks', 'jest-utils', 'e2e']);

/** Product source roots and, inside them, what is test code itself (and may import tests). */
const PRODUCT_ROOTS = ['preview', 'functions/deal-scoring/src', ...toolSources()];

function toolSources(): string[] {
  return readdirSync(join(root, 'tools'))
    .map((t) => `tools/${t}/src`)
    .filter((d) => statSync(join(root, d), { throwIfNoEntry: false })?.isDirectory());
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (!TEST_DIRS.has(name) && name !== 'node_modules' && name !== 'dist') out.push(...sourceFiles(path));
    } else if (/\.(ts|js|mjs|cjs)$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)(['"`])([^'"`]+)\1/gm;

/** The module specifiers of a source text that point into a test directory, resolved from `file`. */
export function testImports(file: string, text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(SPECIFIER)) {
    const spec = m[2]!;
    const path = spec.startsWith('.') ? relative(root, resolve(dirname(file), spec)) : spec;
    if (path.split(/[\\/]/).some((segment) => TEST_DIRS.has(segment))) found.push(spec);
  }
  return found;
}

describe('product code imports no test code', () => {
  it('flags static, re-export, dynamic and require imports into test directories', () => {
    const file = join(root, 'preview', 'org', 'planted.ts');
    const text = [
      "import { a } from '../../functions/deal-scoring/test/enablement/labelled-set';",
      "export { b } from '../__tests__/helper';",
      "const c = await import('../e2e/harness');",
      "const d = require('../../force-app/test/jest-utils/lwcTestUtils');",
      "import '../../tools/calibrate/test/setup';",
      "import { ok } from '../data/enablement-content';",
      "import { join } from 'node:path';"
    ].join('\n');
    expect(testImports(file, text)).toEqual([
      '../../functions/deal-scoring/test/enablement/labelled-set',
      '../__tests__/helper',
      '../e2e/harness',
      '../../force-app/test/jest-utils/lwcTestUtils',
      '../../tools/calibrate/test/setup'
    ]);
  });

  it('scans the preview, the scoring function and the tools', () => {
    const files = PRODUCT_ROOTS.flatMap((d) => sourceFiles(join(root, d)));
    expect(files.some((f) => f.includes(`${sep}preview${sep}org${sep}`))).toBe(true);
    expect(files.some((f) => f.includes(`${sep}deal-scoring${sep}src${sep}`))).toBe(true);
    expect(files.some((f) => f.includes(`${sep}tools${sep}`))).toBe(true);
  });

  it('finds none in product code', () => {
    const offenders = PRODUCT_ROOTS.flatMap((d) => sourceFiles(join(root, d))).flatMap((f) =>
      testImports(f, readFileSync(f, 'utf8')).map((spec) => `${relative(root, f)}: ${spec}`)
    );
    expect(offenders).toEqual([]);
  });
});
