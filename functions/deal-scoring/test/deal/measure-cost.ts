/**
 * What the deal comparison adds to scoring one deal, in-process (no HTTP), interleaved so machine
 * load affects both sides alike:
 *   npx tsx functions/deal-scoring/test/deal/measure-cost.ts
 * - the /v1/score benchmark request (bench/data.ts: 200 candidates, one of the same customer)
 *   without and with settings.exclusivity;
 * - a worst case: 200 candidates that are all the same customer, each with a 1,000-character
 *   description, products, value, close date and country (every one is compared as a deal).
 */
import { scoreRequest } from '../../src/engine/score';
import type { ScoreRequest } from '../../src/schemas';
import { scoreRequestWithCandidates } from '../../bench/data';

const today = () => '2026-11-22';

function worstCase(): ScoreRequest {
  const req = scoreRequestWithCandidates(200);
  const deal = req.deals[0]!;
  const words =
    'warehouse dashboards pilot rollout plant reporting sponsor analytics migration integration'.split(' ');
  deal.candidates = deal.candidates!.map((c, i) => ({
    ...c,
    name: 'ACME Corporation',
    domain: 'acme.com',
    opportunityName: `Acme ${words[i % words.length]} ${i}`,
    description: Array.from({ length: 120 }, (_, k) => words[(i * 7 + k) % words.length])
      .join(' ')
      .slice(0, 1000),
    products: ['Analytics Cloud', i % 2 ? 'Data Hub' : 'Governance'],
    amount: 50000 + i * 1000,
    closeDate: `2027-${String(1 + (i % 12)).padStart(2, '0')}-15`,
    country: i % 4 ? 'DE' : 'AT'
  }));
  return req;
}

function withPolicy(req: ScoreRequest): ScoreRequest {
  return { ...req, settings: { ...req.settings, exclusivity: 'CUSTOMER' } };
}

async function timeOf(req: ScoreRequest, rounds: number): Promise<number> {
  const start = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) await scoreRequest(req, { today });
  return Number(process.hrtime.bigint() - start) / 1e6 / rounds;
}

async function main(): Promise<void> {
  const cases = [
    ['benchmark request (1 same-customer candidate)', scoreRequestWithCandidates(200)],
    ['worst case (200 same-customer candidates with deals)', worstCase()]
  ] as const;
  for (const [name, req] of cases) {
    const off: number[] = [];
    const on: number[] = [];
    await timeOf(req, 20);
    await timeOf(withPolicy(req), 20);
    for (let k = 0; k < 7; k++) {
      off.push(await timeOf(req, 30));
      on.push(await timeOf(withPolicy(req), 30));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
    console.log(
      `${name}: ${median(off).toFixed(2)} ms without exclusivity, ${median(on).toFixed(2)} ms with (deal comparison), median of 7 x 30`
    );
  }
}

void main();
