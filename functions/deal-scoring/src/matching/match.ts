/**
 * Matching one customer (the deal's) against one candidate record (another registration, an
 * opportunity or an account): name similarity, website/email domains and contact email
 * domains, combined into one calibrated similarity with human reasons.
 */
import { compareDomains, domainInfo, type DomainInfo } from './domains';
import { compareNormalized, describeNameMatch, nameSimilarity } from './names';
import { computeNormalizedName, normalizeName, type NormalizedName } from './normalize';

export interface MatchSubject {
  name: NormalizedName;
  /** Website / domain of the company. */
  webDomains: DomainInfo[];
  /** Domains seen in contact email addresses. */
  contactDomains: DomainInfo[];
}

export interface CandidateMatch {
  /** 0-1, rounded to 3 decimals. */
  similarity: number;
  reasons: string[];
}

/** The domain list of subjects without domains (one shared, never modified). */
const NO_DOMAINS: DomainInfo[] = [];

function parsedDomains(values: Array<string | undefined>): DomainInfo[] {
  if (values.every((v) => !v)) return NO_DOMAINS;
  const out: DomainInfo[] = [];
  const seen = new Set<string>();
  for (const v of values) {
    const info = domainInfo(v);
    if (info && !seen.has(info.host)) {
      seen.add(info.host);
      out.push(info);
    }
  }
  return out;
}

/** Prepares the deal's side once (normalization and domain parsing are not repeated per candidate). */
export function prepareSubject(input: {
  name?: string;
  website?: string;
  domain?: string;
  contactEmail?: string;
}): MatchSubject {
  return {
    name: normalizeName(input.name ?? ''),
    webDomains: parsedDomains([input.domain, input.website]),
    contactDomains: parsedDomains([input.contactEmail])
  };
}

/** Prepares a candidate record. */
export function prepareCandidate(input: {
  name: string;
  domain?: string;
  contactDomains?: string[];
}): MatchSubject {
  return {
    name: normalizeName(input.name),
    webDomains: parsedDomains([input.domain]),
    contactDomains: parsedDomains(input.contactDomains ?? [])
  };
}

/**
 * prepareCandidate without the normalization cache, for runs over many distinct names (bulk
 * detection): a cache of recent names only costs time there.
 */
export function prepareCandidateUncached(input: { name: string; domain?: string }): MatchSubject {
  return {
    name: computeNormalizedName(input.name),
    webDomains: parsedDomains([input.domain]),
    contactDomains: NO_DOMAINS
  };
}

function bestDomain(a: MatchSubject, b: MatchSubject): { score: number; reason?: string } {
  let best: { score: number; reason?: string } = { score: 0 };
  const consider = (xs: DomainInfo[], ys: DomainInfo[], label: string) => {
    for (const x of xs) {
      for (const y of ys) {
        const c = compareDomains(x, y);
        if (c.score > best.score)
          best = { score: c.score, reason: label ? `${c.reason} (${label})` : c.reason };
      }
    }
  };
  consider(a.webDomains, b.webDomains, '');
  consider(a.webDomains, b.contactDomains, 'candidate contact email');
  consider(a.contactDomains, b.webDomains, 'deal contact email');
  consider(a.contactDomains, b.contactDomains, 'contact emails');
  return best;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Similarity of two prepared subjects. A shared registrable domain lifts the similarity to at
 * least 0.9 (different names, same company web site); a same-name domain under another country
 * suffix (acme.de / acme.com) is weaker evidence and only adds to a similar name. Free-mail
 * domains never count.
 */
export function matchPrepared(a: MatchSubject, b: MatchSubject): CandidateMatch {
  const name = compareNormalized(a.name, b.name);
  const domain = bestDomain(a, b);
  const contradicting = domainsContradict(a, b);
  const similarity = combine(name.similarity, domain.score, contradicting);
  const reasons: string[] = [];
  const nameReason = describeNameMatch(name, a.name, b.name);
  if (nameReason) reasons.push(nameReason);
  if (domain.reason) reasons.push(domain.reason);
  if (contradicting && name.similarity < FUZZY_BELOW && name.similarity >= 0.5) {
    reasons.push(`different web domains (${a.webDomains[0]?.domain} / ${b.webDomains[0]?.domain})`);
  }
  return { similarity, reasons };
}

/** Name similarities below this are fuzzy (typos, partial word overlap). */
const FUZZY_BELOW = 0.95;
/** How much unrelated web domains lower a fuzzy name match ("Dafimo" dafimo.io vs "Rafimo" rafimo.de). */
const DOMAIN_CONTRADICTION_PENALTY = 0.1;

/** Both sides name a company web site and no pair of them is related. */
function domainsContradict(a: MatchSubject, b: MatchSubject): boolean {
  if (a.webDomains.length === 0 || b.webDomains.length === 0) return false;
  if (allFreeMail(a.webDomains) || allFreeMail(b.webDomains)) return false;
  return bestDomainScore(a.webDomains, b.webDomains, 0) === 0;
}

function allFreeMail(ds: readonly DomainInfo[]): boolean {
  for (let i = 0; i < ds.length; i++) if (!(ds[i] as DomainInfo).freeMail) return false;
  return true;
}

function combine(name: number, domain: number, contradicting: boolean): number {
  let similarity = name;
  if (contradicting && domain === 0 && name < FUZZY_BELOW)
    similarity = Math.max(0, name - DOMAIN_CONTRADICTION_PENALTY);
  if (domain >= 1) similarity = Math.max(similarity, 0.9 + 0.1 * name);
  else if (domain > 0) similarity = Math.max(similarity, 0.55 + 0.4 * name);
  return round3(Math.min(1, similarity));
}

function domainScore(x: DomainInfo, y: DomainInfo): number {
  if (x.freeMail || y.freeMail) return 0;
  if (x.domain === y.domain) return 1;
  return x.label === y.label && x.label.length > 3 ? 0.85 : 0;
}

function bestDomainScore(xs: DomainInfo[], ys: DomainInfo[], best: number): number {
  for (let i = 0; i < xs.length; i++) {
    for (let j = 0; j < ys.length; j++) {
      const s = domainScore(xs[i] as DomainInfo, ys[j] as DomainInfo);
      if (s > best) best = s;
    }
  }
  return best;
}

/** The same similarity as matchPrepared without building reason strings (bulk matching). */
export function similarityPrepared(a: MatchSubject, b: MatchSubject): number {
  const name = nameSimilarity(a.name, b.name);
  if (
    a.webDomains.length + a.contactDomains.length === 0 ||
    b.webDomains.length + b.contactDomains.length === 0
  )
    return combine(name, 0, false);
  let d = bestDomainScore(a.webDomains, b.webDomains, 0);
  if (d < 1) d = bestDomainScore(a.webDomains, b.contactDomains, d);
  if (d < 1) d = bestDomainScore(a.contactDomains, b.webDomains, d);
  if (d < 1) d = bestDomainScore(a.contactDomains, b.contactDomains, d);
  return combine(name, d, domainsContradict(a, b));
}

/**
 * similarityPrepared(a, b) when it is at least `threshold`; otherwise some value below it
 * (bulk detection keeps only pairs at the threshold). The domains are compared first; they set
 * the least name similarity that can still reach the threshold (combine() rises with the name
 * similarity, and rounding to 3 decimals moves it by at most 0.0005), and name checks that cannot
 * reach that are skipped.
 */
export function similarityAtLeast(a: MatchSubject, b: MatchSubject, threshold: number): number {
  let d = 0;
  let contradicting = false;
  if (
    a.webDomains.length + a.contactDomains.length > 0 &&
    b.webDomains.length + b.contactDomains.length > 0
  ) {
    d = bestDomainScore(a.webDomains, b.webDomains, 0);
    if (d < 1) d = bestDomainScore(a.webDomains, b.contactDomains, d);
    if (d < 1) d = bestDomainScore(a.contactDomains, b.webDomains, d);
    if (d < 1) d = bestDomainScore(a.contactDomains, b.contactDomains, d);
    contradicting = domainsContradict(a, b);
  }
  const reach = threshold - 0.001;
  let floor = reach;
  if (d >= 1) floor = 0;
  else if (d > 0) floor = Math.min(reach, (reach - 0.55) / 0.4);
  else if (contradicting) floor = Math.min(FUZZY_BELOW, reach + DOMAIN_CONTRADICTION_PENALTY);
  return combine(nameSimilarity(a.name, b.name, floor), d, contradicting);
}
