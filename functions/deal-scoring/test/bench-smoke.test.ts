/** A tiny run of the benchmark code (the real benchmark is `npm run bench`, never part of npm test). */
import { bulkBench, nameSpeed } from '../bench/lib';
import { scoreRequestWithCandidates } from '../bench/data';
import { findConflictingPairs } from '../src/matching/blocking';
import { ScoreRequest } from '../src/schemas';
import { fieldErrors } from '../src/validation';

describe('benchmark code (smoke)', () => {
  it('builds a valid 200-candidate request', () => {
    const req = scoreRequestWithCandidates(200);
    expect(req.deals[0]!.candidates).toHaveLength(200);
    expect(fieldErrors(ScoreRequest, req)).toEqual([]);
  });

  it('measures name comparisons', () => {
    const s = nameSpeed(30);
    expect(s.comparisonsPerSecond).toBeGreaterThan(0);
    expect(s.comparisonsPerCpuSecond).toBeGreaterThan(0);
  });

  it('finds planted re-registrations in a small bulk set with far fewer than all-pairs comparisons', () => {
    const b = bulkBench(2000);
    expect(b.comparisons).toBeLessThan((2000 * 1999) / 2 / 20);
    expect(b.plantedFound / b.plantedPairs).toBeGreaterThan(0.8);
  });

  it('reports the phases of a bulk run and the seed it used', () => {
    const b = bulkBench(1500, 0.82, 31);
    expect(b.seed).toBe(31);
    expect(b.phases.prepare).toBeGreaterThan(0);
    expect(b.phases.compare).toBeGreaterThan(0);
    expect(b.blocks).toBeGreaterThan(1500);
  });

  it('never reports two registrations of the same partner as conflicting', () => {
    const r = findConflictingPairs(
      [
        { name: 'Acme GmbH', partner: 1 },
        { name: 'ACME Corp.', partner: 1 },
        { name: 'Acme Inc', partner: 2 }
      ],
      0.82
    );
    expect(r.pairs.map((p) => [p.a, p.b])).toEqual([
      [0, 2],
      [1, 2]
    ]);
  });
});
