/**
 * Charts as inline SVG strings, drawn on the server with no DOM and no network. Hand-written:
 * the maintained chart libraries that render SVG without a browser (Vega, d3's scale/shape
 * modules) ship as ES modules only, which this repository's CommonJS test runner cannot load
 * without transforming dozens of packages on every run; the report needs only lines, points with
 * interval whiskers and bars, which take a hundred lines here.
 */

export function esc(s: string | number): string {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export interface Point {
  x: number;
  y: number | null;
  low?: number;
  high?: number;
}

export interface Series {
  name: string;
  color: string;
  points: Point[];
  dashed?: boolean;
  /** Draw dots and whiskers instead of only a line. */
  markers?: boolean;
}

export interface LineChartOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  x: [number, number];
  y?: [number, number];
  series: Series[];
  vlines?: { x: number; label: string }[];
  /** Tick formatters. */
  fx?: (v: number) => string;
  fy?: (v: number) => string;
  /** Draw the diagonal y = x (reliability diagrams). */
  diagonal?: boolean;
}

const W = 640;
const H = 300;
const M = { top: 16, right: 150, bottom: 44, left: 56 };

function ticks(lo: number, hi: number, count = 6): number[] {
  const span = hi - lo;
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => span / s <= count) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step)
    out.push(Math.round(v * 1e9) / 1e9);
  return out;
}

export const percent = (v: number): string => `${Math.round(v * 100)}%`;

export function lineChart(o: LineChartOptions): string {
  const [x0, x1] = o.x;
  const [y0, y1] = o.y ?? [0, 1];
  const fx = o.fx ?? ((v: number) => String(v));
  const fy = o.fy ?? percent;
  const pw = W - M.left - M.right;
  const ph = H - M.top - M.bottom;
  const sx = (v: number) => M.left + ((v - x0) / (x1 - x0)) * pw;
  const sy = (v: number) => M.top + ph - ((Math.min(y1, Math.max(y0, v)) - y0) / (y1 - y0)) * ph;
  const parts: string[] = [];
  parts.push(`<rect x="${M.left}" y="${M.top}" width="${pw}" height="${ph}" fill="#fff" stroke="#ccc"/>`);
  for (const t of ticks(y0, y1)) {
    parts.push(`<line x1="${M.left}" x2="${M.left + pw}" y1="${sy(t)}" y2="${sy(t)}" stroke="#eee"/>`);
    parts.push(
      `<text x="${M.left - 6}" y="${sy(t) + 4}" text-anchor="end" class="tick">${esc(fy(t))}</text>`
    );
  }
  for (const t of ticks(x0, x1, 8)) {
    parts.push(
      `<text x="${sx(t)}" y="${M.top + ph + 16}" text-anchor="middle" class="tick">${esc(fx(t))}</text>`
    );
  }
  parts.push(
    `<text x="${M.left + pw / 2}" y="${H - 6}" text-anchor="middle" class="axis">${esc(o.xLabel)}</text>`
  );
  parts.push(
    `<text transform="translate(14 ${M.top + ph / 2}) rotate(-90)" text-anchor="middle" class="axis">${esc(o.yLabel)}</text>`
  );
  if (o.diagonal)
    parts.push(
      `<line x1="${sx(x0)}" y1="${sy(y0)}" x2="${sx(x1)}" y2="${sy(y1)}" stroke="#999" stroke-dasharray="3 3"/>`
    );
  for (const v of o.vlines ?? []) {
    parts.push(
      `<line x1="${sx(v.x)}" x2="${sx(v.x)}" y1="${M.top}" y2="${M.top + ph}" stroke="#444" stroke-dasharray="5 3" class="vline"/>`
    );
    parts.push(`<text x="${sx(v.x) + 4}" y="${M.top + 12}" class="tick">${esc(v.label)}</text>`);
  }
  o.series.forEach((s, i) => {
    let d = '';
    let pen = false;
    for (const p of s.points) {
      if (p.y === null || !Number.isFinite(p.y)) {
        pen = false;
        continue;
      }
      d += `${pen ? 'L' : 'M'}${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`;
      pen = true;
    }
    parts.push(
      `<path d="${d}" fill="none" stroke="${s.color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''} class="series"><title>${esc(s.name)}</title></path>`
    );
    if (s.markers) {
      for (const p of s.points) {
        if (p.y === null || !Number.isFinite(p.y)) continue;
        if (p.low !== undefined && p.high !== undefined)
          parts.push(
            `<line x1="${sx(p.x)}" x2="${sx(p.x)}" y1="${sy(p.low)}" y2="${sy(p.high)}" stroke="${s.color}" opacity="0.6"/>`
          );
        parts.push(`<circle cx="${sx(p.x)}" cy="${sy(p.y)}" r="3" fill="${s.color}"/>`);
      }
    }
    const ly = M.top + 14 + i * 18;
    parts.push(
      `<line x1="${W - M.right + 12}" x2="${W - M.right + 32}" y1="${ly - 4}" y2="${ly - 4}" stroke="${s.color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`
    );
    parts.push(`<text x="${W - M.right + 36}" y="${ly}" class="legend">${esc(s.name)}</text>`);
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(o.title)}" class="chart"><title>${esc(o.title)}</title>${parts.join('')}</svg>`;
}

export interface Bar {
  label: string;
  value: number;
  low?: number;
  high?: number;
  color?: string;
  text?: string;
}

/** Horizontal bars with optional interval whiskers; `max` is the right edge of the scale. */
export function barChart(o: {
  title: string;
  bars: Bar[];
  max: number;
  fx?: (v: number) => string;
  xLabel: string;
}): string {
  const fx = o.fx ?? percent;
  const rowH = 22;
  const left = 190;
  const right = 90;
  const top = 8;
  const h = top + o.bars.length * rowH + 40;
  const pw = W - left - right;
  const sx = (v: number) => left + (Math.max(0, Math.min(o.max, v)) / o.max) * pw;
  const parts: string[] = [];
  for (const t of ticks(0, o.max, 5)) {
    parts.push(
      `<line x1="${sx(t)}" x2="${sx(t)}" y1="${top}" y2="${top + o.bars.length * rowH}" stroke="#eee"/>`
    );
    parts.push(
      `<text x="${sx(t)}" y="${top + o.bars.length * rowH + 14}" text-anchor="middle" class="tick">${esc(fx(t))}</text>`
    );
  }
  o.bars.forEach((b, i) => {
    const y = top + i * rowH;
    parts.push(`<text x="${left - 6}" y="${y + 15}" text-anchor="end" class="legend">${esc(b.label)}</text>`);
    parts.push(
      `<rect x="${left}" y="${y + 4}" width="${Math.max(0, sx(b.value) - left).toFixed(1)}" height="${rowH - 8}" fill="${b.color ?? '#3a6ea5'}" class="bar"><title>${esc(`${b.label}: ${b.text ?? fx(b.value)}`)}</title></rect>`
    );
    if (b.low !== undefined && b.high !== undefined)
      parts.push(
        `<line x1="${sx(b.low)}" x2="${sx(b.high)}" y1="${y + rowH / 2}" y2="${y + rowH / 2}" stroke="#222"/>`
      );
    parts.push(`<text x="${W - right + 6}" y="${y + 15}" class="tick">${esc(b.text ?? fx(b.value))}</text>`);
  });
  parts.push(
    `<text x="${left + pw / 2}" y="${h - 6}" text-anchor="middle" class="axis">${esc(o.xLabel)}</text>`
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${h}" role="img" aria-label="${esc(o.title)}" class="chart"><title>${esc(o.title)}</title>${parts.join('')}</svg>`;
}
