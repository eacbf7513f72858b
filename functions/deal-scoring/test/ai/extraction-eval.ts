// Field-level precision and recall of an extractor over a set of email cases (shared by the
// extractor tests and the measurement report). Fields the extractor marks as proposed (an
// opportunity name made up from customer and product) are not counted as extracted.
import { PARSE_FIELD_NAMES, type ParseFields } from '../../src/ai/schemas';
import type { EmailCase } from './fixtures/partner-emails';
import { fieldMatches, productKey, type ScalarField } from './field-match';

export const SCALAR_FIELDS = PARSE_FIELD_NAMES.filter(
  (f) => f !== 'products' && f !== 'summary'
) as ScalarField[];

export interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

export interface Evaluation {
  perField: Map<string, Tally>;
  total: Tally;
  misses: string[];
}

export type ExtractFn = (c: EmailCase) => { fields: ParseFields; proposed?: string[] };

export function evaluate(cases: EmailCase[], run: ExtractFn): Evaluation {
  const perField = new Map<string, Tally>();
  const misses: string[] = [];
  const tally = (f: string): Tally => {
    if (!perField.has(f)) perField.set(f, { tp: 0, fp: 0, fn: 0 });
    return perField.get(f)!;
  };
  for (const c of cases) {
    const { fields, proposed = [] } = run(c);
    for (const f of SCALAR_FIELDS) {
      const exp = c.expected[f];
      const act = proposed.includes(f) ? undefined : fields[f];
      const t = tally(f);
      if (act !== undefined && exp !== undefined && fieldMatches(f, exp, act)) t.tp++;
      else {
        if (act !== undefined) t.fp++;
        if (exp !== undefined) t.fn++;
        if (act !== undefined || exp !== undefined) {
          misses.push(`${c.id}.${f}: expected ${JSON.stringify(exp)} got ${JSON.stringify(act)}`);
        }
      }
    }
    const t = tally('products');
    const exp = new Set((c.expected.products ?? []).map(productKey));
    const act = new Set((fields.products ?? []).map(productKey));
    for (const p of act) {
      if (exp.has(p)) t.tp++;
      else t.fp++;
    }
    for (const p of exp) if (!act.has(p)) t.fn++;
    if ([...act].some((p) => !exp.has(p)) || [...exp].some((p) => !act.has(p))) {
      misses.push(`${c.id}.products: expected ${JSON.stringify([...exp])} got ${JSON.stringify([...act])}`);
    }
  }
  const total = [...perField.values()].reduce(
    (a, b) => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn }),
    { tp: 0, fp: 0, fn: 0 }
  );
  return { perField, total, misses };
}

export const precision = (t: Tally): number => (t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp));
export const recall = (t: Tally): number => (t.tp + t.fn === 0 ? 1 : t.tp / (t.tp + t.fn));
export const f1 = (t: Tally): number => {
  const p = precision(t);
  const r = recall(t);
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
};

export function table(title: string, result: Evaluation, withMisses = true): string {
  const row = (name: string, t: Tally): string =>
    `${name.padEnd(16)} P=${precision(t).toFixed(2)} R=${recall(t).toFixed(2)} F1=${f1(t).toFixed(2)} (tp ${t.tp}, fp ${t.fp}, fn ${t.fn})`;
  const rows = [...result.perField.entries()].map(([f, t]) => row(f, t));
  rows.push(row('ALL (micro)', result.total));
  const misses = withMisses ? `\nMisses:\n${result.misses.join('\n') || '(none)'}` : '';
  return `${title}\n${rows.join('\n')}${misses}`;
}
