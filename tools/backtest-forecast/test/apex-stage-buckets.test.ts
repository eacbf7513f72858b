/**
 * The time-in-stage buckets Apex sends (ForecastAccumulator.STAGE_BUCKETS, as ageBands) against the
 * backtest that stands in for Apex and against the request schema: every band the backtest was
 * evaluated with is one Apex sends too, and the bands fit the schema's limits.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AGE_BANDS, MIN_TYPICAL_WON } from '../src/backtest';
import { ForecastStage, StageAgeBand } from '../../../functions/deal-scoring/src/forecast/schemas';

const apex = readFileSync(
  join(
    __dirname,
    '..',
    '..',
    '..',
    'force-app',
    'main',
    'default',
    'classes',
    'forecast',
    'ForecastAccumulator.cls'
  ),
  'utf8'
);

function integerList(name: string): number[] {
  const m = new RegExp(`${name}\\s*=\\s*new List<Integer>\\s*\\{([^}]*)\\}`).exec(apex);
  if (!m) throw new Error(`ForecastAccumulator.cls has no List<Integer> ${name}`);
  return m[1]!.split(',').map((x) => Number(x.trim()));
}

function integerConstant(name: string): number {
  const m = new RegExp(`Integer ${name}\\s*=\\s*(\\d+);`).exec(apex);
  if (!m) throw new Error(`ForecastAccumulator.cls has no Integer ${name}`);
  return Number(m[1]);
}

describe('ForecastAccumulator.STAGE_BUCKETS', () => {
  const buckets = integerList('STAGE_BUCKETS');

  it('starts at 0, ascends, and holds every band of the backtest', () => {
    expect(buckets[0]).toBe(0);
    expect(buckets.every((b, i) => Number.isInteger(b) && (i === 0 || b > buckets[i - 1]!))).toBe(true);
    for (const band of AGE_BANDS) expect(buckets).toContain(band);
  });

  it('fits the schema: at most maxItems bands, minDays within its maximum', () => {
    const ageBands = ForecastStage.properties.ageBands as unknown as { maxItems: number };
    expect(buckets.length).toBeLessThanOrEqual(ageBands.maxItems);
    expect(Math.max(...buckets)).toBeLessThanOrEqual(StageAgeBand.properties.minDays.maximum!);
  });

  it('needs as many won deals for typical days as the backtest', () => {
    expect(integerConstant('MIN_TYPICAL_WON')).toBe(MIN_TYPICAL_WON);
  });
});
