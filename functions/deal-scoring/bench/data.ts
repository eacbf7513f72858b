/**
 * Deterministic synthetic data for the benchmarks: company names, a score request with 200
 * candidates, and a bulk registration set with planted duplicates (so recall can be measured).
 */
import type { Candidate, ScoreRequest } from '../src/schemas';

/** mulberry32: a tiny seeded PRNG so every run uses the same data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES =
  'al an ar ba be bo ca co da de do el en er fa fe fi ga go ha he ka ko la le li lo ma me mi mo na ne no or pa pe ra re ri ro sa se si so ta te ti to va ve vi wa ze zo'.split(
    ' '
  );
const INDUSTRY = [
  'Systems',
  'Logistics',
  'Foods',
  'Bank',
  'Software',
  'Analytics',
  'Energy',
  'Health',
  'Motors',
  'Consulting',
  'Labs',
  'Media'
];
const LEGAL = [
  'GmbH',
  'Inc.',
  'Ltd',
  'LLC',
  'AG',
  'S.A.',
  'B.V.',
  'plc',
  'Corp.',
  'Oy',
  'AB',
  'S.p.A.',
  'Pty Ltd'
];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)] as T;
}

function word(r: () => number): string {
  const n = 3 + Math.floor(r() * 2);
  let w = '';
  for (let i = 0; i < n; i++) w += pick(r, SYLLABLES);
  return w[0]!.toUpperCase() + w.slice(1);
}

export interface Company {
  name: string;
  domain: string;
}

export function company(r: () => number): Company {
  const core = r() < 0.6 ? word(r) : `${word(r)} ${word(r)}`;
  const industry = r() < 0.5 ? ` ${pick(r, INDUSTRY)}` : '';
  const name = `${core}${industry} ${pick(r, LEGAL)}`;
  const domain = `${core.toLowerCase().replace(/\s+/g, '')}.${pick(r, ['com', 'de', 'co.uk', 'fr', 'io'])}`;
  return { name, domain };
}

/** A variant of a name as another partner might type it (same company). */
export function variant(r: () => number, name: string): string {
  const base = name.replace(
    /\s+(GmbH|Inc\.|Ltd|LLC|AG|S\.A\.|B\.V\.|plc|Corp\.|Oy|AB|S\.p\.A\.|Pty Ltd)$/,
    ''
  );
  const x = r();
  if (x < 0.25) return `${base} ${pick(r, LEGAL)}`;
  if (x < 0.45) return base.toUpperCase();
  if (x < 0.6) return `${base} (EMEA)`;
  if (x < 0.75) return `The ${base} Company`;
  // one typo: drop, double or swap a letter
  const i = 1 + Math.floor(r() * Math.max(1, base.length - 2));
  const y = r();
  if (y < 0.33) return base.slice(0, i) + base.slice(i + 1);
  if (y < 0.66) return base.slice(0, i) + base[i] + base.slice(i);
  return base.slice(0, i - 1) + base[i] + base[i - 1] + base.slice(i + 1);
}

/** One deal with `n` candidates (a few of them genuine matches). */
export function scoreRequestWithCandidates(n = 200): ScoreRequest {
  const r = rng(42);
  const candidates: Candidate[] = [];
  for (let i = 0; i < n; i++) {
    const c = company(r);
    candidates.push({
      id: `a0B${String(i).padStart(12, '0')}`,
      kind: i % 3 === 0 ? 'registration' : i % 3 === 1 ? 'opportunity' : 'account',
      name: i === 7 ? 'ACME Corporation (EMEA)' : c.name,
      domain: i === 7 ? 'acme.com' : c.domain,
      partnerId: i % 3 === 0 ? `0015g${String(i).padStart(8, '0')}` : undefined,
      status: i % 3 === 0 ? 'In Review' : i % 3 === 1 ? 'Prospecting' : undefined,
      lastActivityAt: i % 3 === 2 ? '2026-10-01' : undefined,
      products: ['Analytics Cloud']
    });
  }
  return {
    requestId: 'bench-1',
    settings: { asOf: '2026-11-22' },
    deals: [
      {
        id: 'a0B000000000001',
        submittedAt: '2026-11-20T10:00:00Z',
        partner: {
          id: '0015g000001',
          tier: 'GOLD',
          winRate: 0.45,
          decidedCount: 20,
          certifications: 3,
          averageDealSize: 80000
        },
        customer: {
          name: 'Acme GmbH',
          website: 'https://www.acme.de',
          domain: 'acme.de',
          country: 'DE',
          region: 'EMEA',
          employees: 1200
        },
        opportunity: {
          name: 'Acme ERP',
          amount: 120000,
          currency: 'EUR',
          closeDate: '2027-03-31',
          products: ['Analytics Cloud'],
          description:
            'Acme replaces legacy reporting in three plants; the CIO sponsors the project and we ran the discovery workshop.'
        },
        contact: { name: 'Jane Doe', email: 'jane.doe@acme.de', title: 'CIO' },
        candidates: candidates.map((c) => JSON.parse(JSON.stringify(c)) as Candidate)
      }
    ]
  };
}

export interface BulkRecord {
  id: number;
  partner: number;
  name: string;
  domain?: string;
  /** Records with the same group id are the same customer (ground truth). */
  group: number;
}

/** `n` registrations; about `dupShare` of them re-register an earlier customer under another partner. */
export function bulkRegistrations(n: number, dupShare = 0.2, seed = 7): BulkRecord[] {
  const r = rng(seed);
  const out: BulkRecord[] = [];
  for (let i = 0; i < n; i++) {
    if (i > 10 && r() < dupShare) {
      const orig = out[Math.floor(r() * out.length)]!;
      const keepDomain = r() < 0.5;
      out.push({
        id: i,
        partner: (orig.partner + 1 + Math.floor(r() * 50)) % 500,
        name: variant(r, orig.name),
        domain: keepDomain ? orig.domain : undefined,
        group: orig.group
      });
    } else {
      const c = company(r);
      out.push({
        id: i,
        partner: Math.floor(r() * 500),
        name: c.name,
        domain: r() < 0.7 ? c.domain : undefined,
        group: i
      });
    }
  }
  return out;
}

/**
 * A request as large as the body limit allows (default 1 MiB): deals of 1,000 candidates each
 * (the per-deal maximum), cut so that the JSON stays under `maxBytes`. The attack in issue 17
 * used 4 deals and 3,571 candidates; this builds the same shape.
 */
export function maxSizeRequest(maxBytes = 1024 * 1024): ScoreRequest {
  const base = scoreRequestWithCandidates(1000);
  const template = base.deals[0]!;
  const deals: ScoreRequest['deals'] = [];
  const size = () => Buffer.byteLength(JSON.stringify({ ...base, deals }));
  for (let d = 0; d < 200; d++) {
    const deal = {
      ...template,
      id: `a0B${String(d + 1).padStart(12, '0')}`,
      candidates: template.candidates!.map((c) => ({ ...c, id: `${c.id.slice(0, 12)}${d}` }))
    };
    deals.push(deal);
    if (size() <= maxBytes) continue;
    // Too big: trim this deal's candidates to fit.
    let lo = 0;
    let hi = deal.candidates.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      deal.candidates = template
        .candidates!.slice(0, mid)
        .map((c) => ({ ...c, id: `${c.id.slice(0, 12)}${d}` }));
      if (size() <= maxBytes) lo = mid;
      else hi = mid - 1;
    }
    deal.candidates = deal.candidates.slice(0, lo);
    break;
  }
  return { ...base, requestId: 'bench-max', deals };
}
