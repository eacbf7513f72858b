// The text-PDF part of the generated fixture through the HTTP app (worker pool): every field is read
// and exactly the planted discrepancies are reported. The one known gap is kept visible: layout D
// (held out) labels its invoice number "Reference:", which the rules do not read, so its number and
// the duplicate it would reveal are expected missing. OCR'd kinds are measured by `npm run eval:mdf`.
import { buildApp } from '../../src/app';
import { defaultConfig } from '../../src/config';
import type { CheckResponse } from '../../src/mdf/schemas';
import { DISCREPANCY_CODES, fieldHits } from './eval';
import { generateFixture, type FixtureCase } from './fixture';

jest.setTimeout(120_000);

let app: Awaited<ReturnType<typeof buildApp>>;
let cases: FixtureCase[];
beforeAll(async () => {
  app = await buildApp(defaultConfig({ workerThreads: 1 }));
  await app.ready();
  cases = await generateFixture(64, 14, ['pdf-text']);
});
afterAll(async () => app.close());

describe('the text-PDF fixture', () => {
  it('has both halves and every planted discrepancy', () => {
    expect(cases.filter((c) => c.split === 'tuning').length).toBe(12);
    expect(cases.filter((c) => c.split === 'held-out').length).toBe(12);
    expect(new Set(cases.flatMap((c) => c.planted)).size).toBeGreaterThanOrEqual(8);
  });

  it('reads every field and reports exactly what was planted', async () => {
    const problems: string[] = [];
    for (const c of cases) {
      const res = await app.inject({ method: 'POST', url: '/v1/mdf/check', payload: c.request });
      expect(res.statusCode).toBe(200);
      const body = res.json<CheckResponse>();
      const missed = Object.entries(fieldHits(c, body))
        .filter(([field, hit]) => !hit && !(c.template === 'D' && field === 'invoiceNumber'))
        .map(([field]) => field);
      const detected = body.factors.map((f) => f.code).filter((code) => DISCREPANCY_CODES.includes(code));
      const expected = c.template === 'D' ? c.planted.filter((p) => p !== 'DUPLICATE_INVOICE') : c.planted;
      if (missed.length) problems.push(`#${c.id}: missed ${missed.join(', ')}`);
      if ([...detected].sort().join() !== [...expected].sort().join())
        problems.push(`#${c.id}: detected [${detected.join(', ')}], planted [${expected.join(', ')}]`);
    }
    expect(problems).toEqual([]);
  });
});
