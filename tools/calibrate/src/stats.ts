/**
 * The statistics the report needs, written here because each is a few lines and the maintained
 * alternatives do not fit: Wilson intervals, AUC (Mann-Whitney), Brier score, reliability bins and
 * an L2-regularised logistic regression fitted by Newton's method (IRLS). npm's
 * `ml-logistic-regression` has no regularisation and fits by fixed-step gradient descent, which
 * does not converge to the unique penalised optimum the tests check against planted weights.
 */

/** 95% Wilson score interval of a proportion k/n ([0, 1] for n = 0). */
export function wilson(k: number, n: number, z = 1.959964): { rate: number; low: number; high: number } {
  if (n === 0) return { rate: NaN, low: 0, high: 1 };
  const p = k / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return { rate: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export const sigmoid = (x: number): number =>
  x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
export const logit = (p: number): number => Math.log(p / (1 - p));

/** Area under the ROC curve (ties count one half); NaN when one class is absent. */
export function auc(scores: readonly number[], labels: readonly boolean[]): number {
  const idx = scores.map((_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let pos = 0;
  let rankSum = 0;
  let i = 0;
  while (i < idx.length) {
    let j = i;
    while (j + 1 < idx.length && scores[idx[j + 1]!] === scores[idx[i]!]) j++;
    const avgRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) {
      if (labels[idx[k]!]) {
        pos++;
        rankSum += avgRank;
      }
    }
    i = j + 1;
  }
  const neg = idx.length - pos;
  if (pos === 0 || neg === 0) return NaN;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

export function brier(probs: readonly number[], labels: readonly boolean[]): number {
  if (probs.length === 0) return NaN;
  let s = 0;
  for (let i = 0; i < probs.length; i++) s += (probs[i]! - (labels[i] ? 1 : 0)) ** 2;
  return s / probs.length;
}

export interface ReliabilityBin {
  from: number;
  to: number;
  n: number;
  meanPredicted: number;
  observed: number;
}

/** Predicted-vs-observed in `bins` equal-width probability bins, and the expected calibration error. */
export function reliability(
  probs: readonly number[],
  labels: readonly boolean[],
  bins = 10
): { bins: ReliabilityBin[]; ece: number } {
  const acc = Array.from({ length: bins }, () => ({ n: 0, p: 0, y: 0 }));
  probs.forEach((p, i) => {
    const b = acc[Math.min(bins - 1, Math.floor(p * bins))]!;
    b.n++;
    b.p += p;
    b.y += labels[i] ? 1 : 0;
  });
  let ece = 0;
  const out = acc.map((b, i) => {
    if (b.n > 0) ece += (b.n / probs.length) * Math.abs(b.p / b.n - b.y / b.n);
    return {
      from: i / bins,
      to: (i + 1) / bins,
      n: b.n,
      meanPredicted: b.n ? b.p / b.n : NaN,
      observed: b.n ? b.y / b.n : NaN
    };
  });
  return { bins: out, ece: probs.length ? ece : NaN };
}

/** Quantile (linear interpolation) of an ascending-sorted array; NaN when empty. */
export function quantileSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export interface LogisticFit {
  intercept: number;
  weights: number[];
  iterations: number;
  converged: boolean;
}

/**
 * L2-penalised logistic regression by Newton-Raphson: minimises
 * -loglik + lambda/2 * |w|^2 (the intercept is not penalised). X is row-major, n x d.
 */
export function fitLogistic(
  X: readonly (readonly number[])[],
  y: readonly boolean[],
  lambda = 1,
  maxIter = 50
): LogisticFit {
  const n = X.length;
  const d = n > 0 ? X[0]!.length : 0;
  const p = d + 1; // intercept last
  const beta = new Float64Array(p);
  let converged = false;
  let it = 0;
  for (; it < maxIter; it++) {
    const grad = new Float64Array(p);
    const H = new Float64Array(p * p);
    for (let i = 0; i < n; i++) {
      const row = X[i]!;
      let z = beta[d]!;
      for (let j = 0; j < d; j++) z += beta[j]! * row[j]!;
      const mu = sigmoid(z);
      const r = (y[i] ? 1 : 0) - mu;
      const w = Math.max(mu * (1 - mu), 1e-10);
      for (let j = 0; j < p; j++) {
        const xj = j === d ? 1 : row[j]!;
        if (xj === 0) continue;
        grad[j] = grad[j]! + r * xj;
        for (let k = j; k < p; k++) {
          const xk = k === d ? 1 : row[k]!;
          if (xk !== 0) H[j * p + k] = H[j * p + k]! + w * xj * xk;
        }
      }
    }
    for (let j = 0; j < p; j++) {
      for (let k = 0; k < j; k++) H[j * p + k] = H[k * p + j]!;
      if (j < d) {
        grad[j] = grad[j]! - lambda * beta[j]!;
        H[j * p + j] = H[j * p + j]! + lambda;
      } else {
        H[j * p + j] = H[j * p + j]! + 1e-8;
      }
    }
    const step = choleskySolve(H, grad, p);
    let max = 0;
    for (let j = 0; j < p; j++) {
      beta[j] = beta[j]! + step[j]!;
      max = Math.max(max, Math.abs(step[j]!));
    }
    if (max < 1e-8) {
      converged = true;
      it++;
      break;
    }
  }
  return { intercept: beta[d]!, weights: Array.from(beta.subarray(0, d)), iterations: it, converged };
}

/** Solves A x = b for a symmetric positive-definite A (p x p, row-major). */
export function choleskySolve(A: Float64Array, b: Float64Array, p: number): Float64Array {
  const L = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i * p + j]!;
      for (let k = 0; k < j; k++) s -= L[i * p + k]! * L[j * p + k]!;
      if (i === j) {
        if (s <= 0) throw new Error('matrix is not positive definite');
        L[i * p + i] = Math.sqrt(s);
      } else {
        L[i * p + j] = s / L[j * p + j]!;
      }
    }
  }
  const z = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= L[i * p + k]! * z[k]!;
    z[i] = s / L[i * p + i]!;
  }
  const x = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let s = z[i]!;
    for (let k = i + 1; k < p; k++) s -= L[k * p + i]! * x[k]!;
    x[i] = s / L[i * p + i]!;
  }
  return x;
}
