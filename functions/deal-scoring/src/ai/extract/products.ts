// Products: the labelled "Products:" line or bullet list, and — when the org's catalogue is sent
// with the request — catalogue products (by name or alias) found anywhere in the prose, fuzzy:
// accents, case, hyphens and plural endings ignored, one typo allowed in words of six letters or
// more (Levenshtein distance through fastest-levenshtein, the matcher the company names use).
import { distance } from 'fastest-levenshtein';
import { clean } from './text';

export interface CatalogEntry {
  name: string;
  aliases?: string[];
}

interface Pattern {
  product: string;
  tokens: string[];
  /** Short all-capital aliases ("WMS", "FSM") must appear in capitals. */
  exactCase?: string;
}

export interface ProductMention {
  product: string;
  index: number;
}

function norm(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

function tokenize(s: string): Array<{ t: string; at: number; raw: string }> {
  const out: Array<{ t: string; at: number; raw: string }> = [];
  const n = norm(s);
  for (const m of n.matchAll(/[a-z0-9]+/g))
    out.push({ t: m[0], at: m.index, raw: s.slice(m.index, m.index + m[0].length) });
  return out;
}

function singular(t: string): string {
  return t.length > 4 && t.endsWith('s') && !t.endsWith('ss') ? t.slice(0, -1) : t;
}

function same(a: string, b: string): boolean {
  if (a === b) return true;
  const x = singular(a);
  const y = singular(b);
  if (x === y) return true;
  return Math.min(x.length, y.length) >= 6 && Math.abs(x.length - y.length) <= 1 && distance(x, y) <= 1;
}

export function compileCatalog(catalog: CatalogEntry[]): Pattern[] {
  const patterns: Pattern[] = [];
  for (const entry of catalog) {
    for (const label of [entry.name, ...(entry.aliases ?? [])]) {
      const tokens = tokenize(label).map((x) => x.t);
      if (tokens.length === 0) continue;
      const exactCase =
        tokens.length === 1 && /^[A-Z0-9]{2,5}$/.test(label.trim()) ? label.trim() : undefined;
      patterns.push({ product: entry.name, tokens, exactCase });
    }
  }
  // Longer patterns first, so "Service Desk Pro" wins over its alias "service desk" at the same place.
  return patterns.sort((a, b) => b.tokens.length - a.tokens.length);
}

/** Catalogue products mentioned in `text`, in text order, each once. Linear in the text for a fixed catalogue. */
export function findCatalogProducts(text: string, patterns: Pattern[]): ProductMention[] {
  const toks = tokenize(text);
  const byFirst = new Map<string, Pattern[]>();
  for (const p of patterns) {
    const k = singular(p.tokens[0]!).slice(0, 3);
    if (!byFirst.has(k)) byFirst.set(k, []);
    byFirst.get(k)!.push(p);
  }
  const found = new Map<string, number>();
  const covered = new Set<number>();
  for (let i = 0; i < toks.length; i++) {
    if (covered.has(i)) continue;
    const cands = byFirst.get(singular(toks[i]!.t).slice(0, 3));
    if (!cands) continue;
    for (const p of cands) {
      if (i + p.tokens.length > toks.length) continue;
      let ok = true;
      for (let k = 0; k < p.tokens.length && ok; k++) ok = same(toks[i + k]!.t, p.tokens[k]!);
      // "help-desk" for "helpdesk": a one-word pattern may span two words of the text.
      const joined =
        !ok &&
        p.tokens.length === 1 &&
        i + 1 < toks.length &&
        same(toks[i]!.t + toks[i + 1]!.t, p.tokens[0]!);
      if (!ok && !joined) continue;
      if (p.exactCase && toks[i]!.raw !== p.exactCase) continue;
      for (let k = 0; k < (joined ? 2 : p.tokens.length); k++) covered.add(i + k);
      if (!found.has(p.product)) found.set(p.product, toks[i]!.at);
      break;
    }
  }
  return [...found.entries()]
    .map(([product, index]) => ({ product, index }))
    .sort((a, b) => a.index - b.index);
}

/** Splits a labelled products value: "Analytics Cloud, Data Connectors (2x)" → two names. */
export function splitProducts(value: string): string[] {
  return value
    .split(/\s*(?:[,;/+|]|\band\b|\bund\b|\bet\b|\by\b|\be\b|\ben\b|\boch\b|\bog\b|&)\s*/i)
    .map((p) => {
      let v = clean(p).replace(/^\d+\s*x\s+/i, '');
      const paren = v.indexOf('(');
      if (paren > 0) v = v.slice(0, paren).trim();
      return v;
    })
    .filter((p) => p.length >= 2 && p.length <= 80 && !/^(?:tbd|n\/a|none|-)$/i.test(p));
}
