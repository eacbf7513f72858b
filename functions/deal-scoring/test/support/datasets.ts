/**
 * Labelled name pairs for the matcher: our fixture (test/fixtures/company-pairs.json) and the
 * 500 typo pairs in test/fixtures/name-matching-typos/ (MIT, source and checksums in its README).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

export const repoRoot = path.resolve(__dirname, '../../../..');
export const typoDir = path.resolve(__dirname, '../fixtures/name-matching-typos');

export interface LabelledPair {
  a: string;
  b: string;
  match: boolean;
  note?: string;
}

/** Our labelled real-world pairs (positives and hard negatives). */
export function loadCompanyPairs(): LabelledPair[] {
  const file = path.resolve(__dirname, '../fixtures/company-pairs.json');
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { positives: string[][]; negatives: string[][] };
  const pairs: LabelledPair[] = [];
  for (const [a, b, note] of raw.positives) pairs.push({ a: a ?? '', b: b ?? '', match: true, note });
  for (const [a, b, note] of raw.negatives) pairs.push({ a: a ?? '', b: b ?? '', match: false, note });
  return pairs;
}

/** The 500 typo pairs (all true matches). Throws a clear error when a file is missing. */
export function loadTypoPairs(): LabelledPair[] {
  const original = path.join(typoDir, 'test_names.csv');
  const adjusted = path.join(typoDir, 'adjusted_test_names.csv');
  if (!existsSync(original) || !existsSync(adjusted)) {
    throw new Error(
      `Typo dataset missing: expected ${original} and ${adjusted} (test/fixtures/name-matching-typos/)`
    );
  }
  const read = (file: string) =>
    parse(readFileSync(file), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const byIndex = new Map(read(adjusted).map((r) => [r[''], r.company_name ?? '']));
  return read(original).map((r) => {
    const b = byIndex.get(r['']);
    if (b === undefined) throw new Error(`Typo dataset: row ${r['']} has no adjusted name`);
    return { a: r.company_name ?? '', b, match: true };
  });
}

export interface Quality {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Precision / recall / F1 of a scorer at a threshold. */
export function quality(
  pairs: LabelledPair[],
  score: (a: string, b: string) => number,
  threshold: number
): Quality {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const p of pairs) {
    const predicted = score(p.a, p.b) >= threshold;
    if (predicted && p.match) tp++;
    else if (predicted) fp++;
    else if (p.match) fn++;
    else tn++;
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, tn, precision, recall, f1 };
}
