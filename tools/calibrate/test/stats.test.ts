import {
  auc,
  brier,
  choleskySolve,
  fitLogistic,
  quantileSorted,
  reliability,
  sigmoid,
  wilson
} from '../src/stats';
import { rng } from '../src/demo';

describe('statistics', () => {
  it('Wilson intervals match published values', () => {
    const a = wilson(5, 10);
    expect(a.low).toBeCloseTo(0.2366, 3);
    expect(a.high).toBeCloseTo(0.7634, 3);
    const b = wilson(0, 10);
    expect(b.low).toBe(0);
    expect(b.high).toBeCloseTo(0.2775, 3);
    expect(wilson(0, 0).rate).toBeNaN();
  });

  it('AUC is the share of correctly ordered pairs, ties counting one half', () => {
    expect(auc([1, 2, 3, 4], [false, false, true, true])).toBe(1);
    expect(auc([1, 2, 3, 4], [true, true, false, false])).toBe(0);
    expect(auc([1, 1, 1, 1], [true, false, true, false])).toBe(0.5);
    expect(auc([3, 1, 2], [true, false, false])).toBe(1);
    expect(auc([1, 2], [true, true])).toBeNaN();
  });

  it('Brier score, reliability bins and quantiles', () => {
    expect(brier([1, 0, 0.5], [true, false, true])).toBeCloseTo(0.25 / 3, 10);
    const r = reliability([0.05, 0.15, 0.95, 0.95], [false, false, true, false], 10);
    expect(r.bins[9]).toMatchObject({ n: 2, observed: 0.5 });
    expect(r.ece).toBeCloseTo((0.05 + 0.15 + 2 * 0.45) / 4, 10);
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
  });

  it('solves a positive-definite system', () => {
    const x = choleskySolve(new Float64Array([4, 2, 2, 3]), new Float64Array([2, 1]), 2);
    expect(x[0]).toBeCloseTo(0.5, 10);
    expect(x[1]).toBeCloseTo(0, 10);
  });

  it('logistic regression recovers known coefficients from simulated data', () => {
    const r = rng(11);
    const X: number[][] = [];
    const y: boolean[] = [];
    for (let i = 0; i < 20000; i++) {
      const row = [r() < 0.5 ? 1 : 0, r() < 0.3 ? 1 : 0, r()];
      X.push(row);
      y.push(r() < sigmoid(-0.5 + 1.2 * row[0]! - 2 * row[1]! + 0.8 * row[2]!));
    }
    const fit = fitLogistic(X, y, 0.01);
    expect(fit.converged).toBe(true);
    expect(fit.intercept).toBeCloseTo(-0.5, 0);
    expect(Math.abs(fit.weights[0]! - 1.2)).toBeLessThan(0.1);
    expect(Math.abs(fit.weights[1]! + 2)).toBeLessThan(0.1);
    expect(Math.abs(fit.weights[2]! - 0.8)).toBeLessThan(0.15);
    // The penalty shrinks towards zero.
    const shrunk = fitLogistic(X, y, 5000);
    expect(Math.abs(shrunk.weights[0]!)).toBeLessThan(Math.abs(fit.weights[0]!));
  });
});
