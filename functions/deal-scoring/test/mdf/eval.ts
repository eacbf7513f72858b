// `npm run eval:mdf`: generates the MDF fixture, checks every claim through the same service the
// route uses, and prints field-level accuracy per kind of document and discrepancy precision /
// recall, for the tuning half and the held-out half separately. Options: --count N, --seed S,
// --only KIND, --verbose (prints each miss).
import { Offloader } from '../../src/worker/pool';
import { checkMdfClaim } from '../../src/mdf/service';
import { closeOcr } from '../../src/mdf/read';
import { invoiceNumberKey, vendorKey } from '../../src/mdf/extract';
import type { CheckResponse } from '../../src/mdf/schemas';
import { generateFixture, type FixtureCase } from './fixture';

/** The codes a planted discrepancy can produce (what precision and recall are computed over). */
export const DISCREPANCY_CODES = [
  'INVOICE_TOTALS_DO_NOT_ADD_UP',
  'CLAIM_ABOVE_APPROVED',
  'CLAIM_ABOVE_COFUNDING_SHARE',
  'INVOICE_DATE_OUTSIDE_ACTIVITY',
  'CURRENCY_MISMATCH',
  'DUPLICATE_INVOICE',
  'PROOF_MISSING',
  'COST_CATEGORY_NOT_ALLOWED',
  'CLAIM_AFTER_DEADLINE',
  'COSTS_NOT_BACKED_BY_INVOICES'
];
const FIELDS = [
  'vendorName',
  'invoiceNumber',
  'invoiceDate',
  'netAmount',
  'taxAmount',
  'grossAmount',
  'currencyIsoCode',
  'lineItems'
] as const;

export function fieldHits(c: FixtureCase, r: CheckResponse): Record<(typeof FIELDS)[number], boolean> {
  const f = r.documents[0]!.fields;
  const k = c.known;
  const near = (a: number | undefined, b: number) => a !== undefined && Math.abs(a - b) < 0.011;
  return {
    vendorName: f.vendorName !== undefined && vendorKey(f.vendorName.value) === vendorKey(k.vendorName),
    invoiceNumber:
      f.invoiceNumber !== undefined &&
      invoiceNumberKey(f.invoiceNumber.value) === invoiceNumberKey(k.invoiceNumber),
    invoiceDate: f.invoiceDate?.value === k.invoiceDate,
    netAmount: near(f.netAmount?.value, k.netAmount),
    taxAmount: near(f.taxAmount?.value, k.taxAmount),
    grossAmount: near(f.grossAmount?.value, k.grossAmount),
    currencyIsoCode: f.currencyIsoCode?.value === k.currencyIsoCode,
    lineItems:
      f.lineItems.length === k.lineItems.length &&
      f.lineItems.every((li, i) => near(li.amount, k.lineItems[i]!.amount))
  };
}

interface Tally {
  fields: Map<string, { hit: number; n: number }>;
  tp: number;
  fp: number;
  fn: number;
  ms: number[];
}

const pct = (a: number, b: number) => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}%`);

async function main(): Promise<void> {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const count = Number(arg('--count') ?? 64);
  const seed = Number(arg('--seed') ?? 14);
  const only = arg('--only');
  const verbose = process.argv.includes('--verbose');
  const started = performance.now();
  const cases = (await generateFixture(count, seed)).filter((c) => !only || c.kind === only);
  process.stdout.write(
    `generated ${cases.length} cases in ${((performance.now() - started) / 1000).toFixed(1)} s\n`
  );
  const offload = new Offloader({ threads: 0, queueMax: 100, inlineMaxCost: 0 });
  const tallies = new Map<string, Tally>();
  const tally = (key: string): Tally => {
    let t = tallies.get(key);
    if (!t) tallies.set(key, (t = { fields: new Map(), tp: 0, fp: 0, fn: 0, ms: [] }));
    return t;
  };
  try {
    for (const c of cases) {
      const t0 = performance.now();
      const r = await checkMdfClaim(c.request, offload);
      const ms = performance.now() - t0;
      const hits = fieldHits(c, r);
      const detected = new Set(
        r.factors.map((f) => f.code).filter((code) => DISCREPANCY_CODES.includes(code))
      );
      const planted = new Set(c.planted);
      for (const key of [`${c.split} ${c.kind}`, `${c.split} all`]) {
        const t = tally(key);
        t.ms.push(ms);
        for (const [field, hit] of Object.entries(hits)) {
          const s = t.fields.get(field) ?? { hit: 0, n: 0 };
          s.n += 1;
          if (hit) s.hit += 1;
          t.fields.set(field, s);
        }
        for (const code of detected)
          if (planted.has(code)) t.tp += 1;
          else t.fp += 1;
        for (const code of planted) if (!detected.has(code)) t.fn += 1;
      }
      if (verbose) {
        const misses = Object.entries(hits)
          .filter(([, h]) => !h)
          .map(([f]) => f);
        const extra = [...detected].filter((d) => !planted.has(d));
        const missed = [...planted].filter((p) => !detected.has(p));
        if (misses.length || extra.length || missed.length) {
          process.stdout.write(
            `#${c.id} ${c.split} ${c.kind} ${c.template} ${c.locale}: fields missed [${misses.join(', ')}] extra [${extra.join(', ')}] missed [${missed.join(', ')}]\n`
          );
          for (const m of misses)
            process.stdout.write(
              `   ${m}: got ${JSON.stringify((r.documents[0]!.fields as Record<string, unknown>)[m])} want ${JSON.stringify((c.known as unknown as Record<string, unknown>)[m])}\n`
            );
        }
      }
    }
  } finally {
    await offload.close();
    await closeOcr();
  }
  const keys = [...tallies.keys()].sort();
  process.stdout.write(
    `\n| split kind | n | ${FIELDS.join(' | ')} | all fields | precision | recall | median ms |\n`
  );
  process.stdout.write(`|${' --- |'.repeat(FIELDS.length + 6)}\n`);
  for (const key of keys) {
    const t = tallies.get(key)!;
    const n = t.ms.length;
    let allHit = 0;
    let allN = 0;
    const cells = FIELDS.map((f) => {
      const s = t.fields.get(f)!;
      allHit += s.hit;
      allN += s.n;
      return pct(s.hit, s.n);
    });
    const median = [...t.ms].sort((a, b) => a - b)[Math.floor(n / 2)] ?? 0;
    process.stdout.write(
      `| ${key} | ${n} | ${cells.join(' | ')} | ${pct(allHit, allN)} | ${pct(t.tp, t.tp + t.fp)} | ${pct(t.tp, t.tp + t.fn)} | ${median.toFixed(0)} |\n`
    );
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`${String(err instanceof Error ? err.stack : err)}\n`);
    process.exitCode = 1;
  });
}
