// The planted-mistake suite (planted-mistakes.ts): realistic deploy- or runtime-breaking mistakes, each planted on its own
// in a fresh copy of the whole project, must each make the metadata check (the `npm test` step
// "Metadata schema and references") report a new problem that names it. All copies are checked in
// one run of scripts/check-metadata.mjs, next to a clean copy whose problems are the baseline.
// The suite prints its size and catch rate:
//
//   npx jest scripts/__tests__/offline-checks-planted.test.ts
//
// Every registered rule must have at least one planted mistake here (the last test fails otherwise).
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { type Copy, copyProject, HELD_OUT, type Planted, PLANTED } from './planted-mistakes';

const ALL = [...PLANTED, ...HELD_OUT];

jest.setTimeout(600_000);

const root = join(__dirname, '..', '..');

interface Outcome {
  added: string[];
  caught: boolean;
}

const temps: string[] = [];
const outcomes = new Map<Planted, Outcome>();
let baseline: string[] = [];
let ruleNames: string[] = [];

beforeAll(() => {
  const list = spawnSync(process.execPath, [join(root, 'scripts', 'check-metadata.mjs'), '--list'], {
    cwd: root,
    encoding: 'utf8'
  });
  ruleNames = list.stdout
    .split('\n')
    .filter((l) => l.includes(':'))
    .map((l) => l.slice(0, l.indexOf(':')));

  const clean = copyProject(root);
  temps.push(clean.dir);
  const copies = ALL.map((p) => {
    const c = copyProject(root);
    temps.push(c.dir);
    p.plant(c);
    return c;
  });
  const all = [clean, ...copies];
  const r = spawnSync(
    process.execPath,
    [join(root, 'scripts', 'check-metadata.mjs'), ...all.map((c) => join(c.dir, 'force-app'))],
    { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }
  );
  if (r.status === 2 || r.error) throw new Error(`metadata check could not run: ${r.stderr}`);
  const lines = r.stderr.split('\n').filter((l) => l.trim() !== '');
  const linesOf = (c: Copy): string[] =>
    lines
      .filter((l) => l.includes(`${basename(c.dir)}/`))
      .map((l) => l.slice(l.indexOf(basename(c.dir)) + basename(c.dir).length));
  baseline = linesOf(clean);
  ALL.forEach((p, i) => {
    const added = linesOf(copies[i]!).filter((l) => !baseline.includes(l));
    outcomes.set(p, { added, caught: added.some((l) => p.expect.test(l) && l.endsWith(`[${p.rule}]`)) });
  });
  const rate = (set: Planted[]): string => {
    const caught = set.filter((p) => outcomes.get(p)?.caught).length;
    return `${caught} of ${set.length} caught (${((100 * caught) / set.length).toFixed(0)}%)`;
  };
  console.log(
    `planted-mistake suite: ${ALL.length} planted mistakes, ${rate(ALL)}; ` +
      `written with the rules: ${rate(PLANTED)}; held out: ${rate(HELD_OUT)}; ` +
      `${new Set(ALL.map((p) => p.rule)).size} rules covered`
  );
});

afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

describe('planted mistakes', () => {
  it.each(ALL.map((p) => [`${p.rule}: ${p.what}`, p] as const))('catches %s', (_name, p) => {
    const o = outcomes.get(p);
    expect(o).toBeDefined();
    // On failure the new lines (or none) show what the check said instead.
    expect({ caught: o!.caught, added: o!.added }).toEqual({ caught: true, added: expect.any(Array) });
  });

  it('has a planted mistake for every registered rule', () => {
    expect(ruleNames.length).toBeGreaterThan(10);
    const covered = new Set(ALL.map((p) => p.rule));
    expect(ruleNames.filter((n) => !covered.has(n))).toEqual([]);
    expect([...covered].filter((n) => !ruleNames.includes(n))).toEqual([]);
  });
});
